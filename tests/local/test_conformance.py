"""Every case of the conformance corpus, tests/corpus/conformance (outcomes recorded against AWS)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from _corpus import CONFORMANCE
from cdk_events.local import (
    InvalidEventError,
    InvalidEventPatternError,
    InvalidInputError,
    Matcher,
    UndeliverableInputError,
    render_input,
)
from cdk_events.local import test_event_pattern as check


def _cases(name: str) -> list[Any]:
    path = CONFORMANCE / name
    if not path.exists():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"conformance corpus not found at {path}"))]
    cases = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return [pytest.param(case, id=case["name"]) for case in cases]


def _pattern_text(case: dict[str, Any]) -> str:
    return case["pattern_text"] if "pattern_text" in case else json.dumps(case["pattern"])


def _event_text(case: dict[str, Any]) -> str:
    return case["event_text"] if "event_text" in case else json.dumps(case["event"])


@pytest.mark.parametrize("case", _cases("event-patterns.jsonl"))
def test_event_pattern_case(case: dict[str, Any]) -> None:
    pattern, event, expected = _pattern_text(case), _event_text(case), case["expected"]
    through_api = case["api"] == "TestEventPattern"
    if expected == "invalid":
        error_type = InvalidEventError if case.get("invalid_part") == "event" else InvalidEventPatternError
        with pytest.raises(error_type) as caught:
            if through_api or case.get("invalid_part") == "event":
                check(pattern, event)
            else:
                Matcher().add_rule("rule", pattern)
        if "error" in case:
            assert str(caught.value) == case["error"]["message"]
        return
    matcher = Matcher()
    matcher.add_rule("rule", pattern)
    # Events recorded outside TestEventPattern (ruler unit tests, docs) may lack envelope fields.
    assert matcher.rules_for_event(event) == (["rule"] if expected else [])
    if through_api:
        assert check(pattern, event) is expected


def _strip(document: Any, path: str) -> None:
    *parents, last = path.removeprefix("$.").split(".")
    for step in parents:
        document = document[step]
    document.pop(last, None)


@pytest.mark.parametrize("case", _cases("input-transformers.jsonl"))
def test_input_transformer_case(case: dict[str, Any]) -> None:
    transformer = None
    if "input_template" in case or "input_paths_map" in case:
        transformer = {
            "InputPathsMap": case.get("input_paths_map", {}),
            "InputTemplate": case.get("input_template"),
        }
    context = case.get("context", {})

    def render() -> str:
        return render_input(
            case["event"],
            input_path=case.get("input_path"),
            input_transformer=transformer,
            target_id="<target-id>",
            **context,
        )

    if case["expected"] == "invalid":
        if case["stage"] == "delivery":
            with pytest.raises(UndeliverableInputError):
                render()
        else:
            with pytest.raises(InvalidInputError) as caught:
                render()
            assert not isinstance(caught.value, UndeliverableInputError)
            assert str(caught.value) == case["error"]["message"]
        return
    body = render()
    if "expected_output" in case:
        assert body == case["expected_output"]
        return
    got, expected = json.loads(body), case["expected_output_json"]
    for path in case.get("ignore_paths", []):
        _strip(got, path)
        _strip(expected, path)
    assert got == expected
