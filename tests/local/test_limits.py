"""EventBridge's limits: pattern size, event size and depth, wildcard complexity, `$or` combinations."""

from __future__ import annotations

import contextlib
import json
from typing import Any

import pytest

from cdk_events.local import (
    InvalidEventError,
    InvalidEventPatternError,
    LocalEngineError,
    Matcher,
    render_input,
    validate_event_pattern,
)
from cdk_events.local import test_event_pattern as check

ENVELOPE = {"id": "1", "account": "1", "source": "s", "time": "t", "region": "r", "detail-type": "d"}


def pattern_of_size(size: int) -> dict[str, Any]:
    """A valid pattern whose compact JSON is exactly ``size`` characters."""
    base = json.dumps({"source": [""]}, separators=(",", ":"))
    return {"source": ["x" * (size - len(base))]}


class TestPatternSize:
    def test_the_default_quota_is_2048_characters(self) -> None:
        validate_event_pattern(pattern_of_size(2048))
        with pytest.raises(InvalidEventPatternError, match="2049 characters long, more than the event pattern "
                                                           "size quota of 2048"):
            validate_event_pattern(pattern_of_size(2049))

    def test_text_is_measured_as_given(self) -> None:
        text = json.dumps(pattern_of_size(2040), indent=4)  # whitespace counts
        assert len(text) > 2048
        with pytest.raises(InvalidEventPatternError, match="quota"):
            validate_event_pattern(text)
        validate_event_pattern(text, size_quota=4096)

    def test_the_quota_can_be_raised_to_4096_and_no_further(self) -> None:
        validate_event_pattern(pattern_of_size(4096), size_quota=4096)
        with pytest.raises(InvalidEventPatternError) as caught:
            validate_event_pattern(pattern_of_size(4097), size_quota=4096)
        assert str(caught.value) == (
            "1 validation error detected: Value at 'eventPattern' failed to satisfy constraint: "
            "Member must have length less than or equal to 4096"
        )
        with pytest.raises(LocalEngineError, match="size_quota must be an integer from 1 to 4096"):
            validate_event_pattern({"source": ["x"]}, size_quota=5000)

    def test_every_entry_point_applies_the_quota(self) -> None:
        big = pattern_of_size(3000)
        with pytest.raises(InvalidEventPatternError, match="quota"):
            check(big, ENVELOPE)
        with pytest.raises(InvalidEventPatternError, match="quota"):
            Matcher().add_rule("r", big)
        assert check(big, ENVELOPE, size_quota=4096) is False
        Matcher(size_quota=4096).add_rule("r", big)

    def test_characters_are_counted_as_utf16_units(self) -> None:
        # 1,000 emoji are 2,000 UTF-16 units (as Java's String.length() counts)
        with pytest.raises(InvalidEventPatternError, match="quota"):
            validate_event_pattern({"source": ["\U0001f600" * 1020]})
        validate_event_pattern({"source": ["\u00e9" * 2030]})


class TestEventLimits:
    def test_an_event_entry_over_256_kb_is_refused(self) -> None:
        detail = {"blob": "x" * (256 * 1024)}
        with pytest.raises(InvalidEventError, match="256 KB"):
            check({"source": ["s"]}, {**ENVELOPE, "detail": detail})
        with pytest.raises(InvalidEventError, match="256 KB"):
            Matcher().rules_for_event(json.dumps({**ENVELOPE, "detail": detail}))
        with pytest.raises(InvalidEventError, match="256 KB"):
            render_input({**ENVELOPE, "detail": detail})
        assert check({"source": ["s"]}, {**ENVELOPE, "detail": {"blob": "x" * 200_000}})

    def test_events_nest_at_most_1100_levels(self) -> None:
        def nested(depth: int) -> Any:
            value: Any = "leaf"
            for _ in range(depth - 1):  # the event object itself is the first level
                value = {"a": value}
            return value

        assert check({"source": ["s"]}, {**ENVELOPE, "detail": nested(1100)})
        matcher = Matcher()
        matcher.add_rule("r", {"detail": {"a": [{"exists": True}]}})
        for depth in (1101, 10_000):
            with pytest.raises(InvalidEventError, match="more than 1100 levels"):
                check({"source": ["s"]}, {**ENVELOPE, "detail": nested(depth)})
            # a dict is read only along the rules' paths: too deep there is refused, elsewhere not seen
            assert matcher.rules_for_event({"detail": nested(depth)}) == []
            text = '{"detail": ' + '{"a": ' * (depth - 1) + '"leaf"' + "}" * depth
            with pytest.raises(InvalidEventError, match="1100"):
                check({"source": ["s"]}, text)
            with pytest.raises(InvalidEventError, match="1100"):
                matcher.rules_for_event(text)

    def test_deep_events_within_the_limit_match_in_every_entry_point(self) -> None:
        deep: Any = "x"
        for _ in range(1050):
            deep = [deep]
        event = {**ENVELOPE, "detail": {"f": deep}}
        text = json.dumps(ENVELOPE)[:-1] + ', "detail": {"f": ' + "[" * 1050 + '"x"' + "]" * 1050 + "}}"
        assert check({"detail": {"f": ["x"]}}, event)
        assert check({"detail": {"f": ["x"]}}, text)
        matcher = Matcher()
        matcher.add_rule("r", {"detail": {"f": ["x"]}})
        assert matcher.rules_for_event(event) == ["r"]
        assert matcher.rules_for_event(text) == ["r"]
        assert render_input(text) == text.replace(": ", ":").replace(", ", ",")
        too_deep: Any = "x"
        for _ in range(20_000):
            too_deep = [too_deep]
        with pytest.raises(InvalidEventError):
            matcher.rules_for_event({"detail": {"f": too_deep}})
        with pytest.raises(InvalidEventError):
            matcher.rules_for_event('{"detail": {"f": ' + "[" * 20_000 + "]" * 20_000 + "}}")


class TestPatternLimits:
    def test_wildcard_complexity(self) -> None:
        with pytest.raises(InvalidEventPatternError, match="Rule is too complex"):
            validate_event_pattern({"f": [{"wildcard": "*:*:*:*:*:event-bus/*"}]})
        with pytest.raises(InvalidEventPatternError, match="Rule is too complex"):
            validate_event_pattern({"f": [{"anything-but": {"wildcard": "*a*a*a*a*a*a*a*a*a*a*a*"}}]})
        validate_event_pattern({"f": [{"wildcard": "arn:aws:events:*:*:event-bus/*"}]})

    def test_long_wildcards_are_judged_quickly(self) -> None:
        import time

        start = time.perf_counter()
        for text in ("a*" * 1000, "*" + "ab" * 1000, "*" + "".join(chr(0x4E00 + i) for i in range(1500)) + "*"):
            with contextlib.suppress(InvalidEventPatternError):
                validate_event_pattern({"f": [{"wildcard": text}]}, size_quota=4096)
        assert time.perf_counter() - start < 1.0

    def test_or_combinations(self) -> None:
        alternatives = [{f"k{i}": ["v"]} for i in range(10)]
        ok = {"$or": alternatives, "detail": {"$or": alternatives, "x": {"$or": alternatives}}}
        validate_event_pattern(ok, size_quota=4096)  # 1,000 combinations
        too_many = {**ok, "y": {"$or": alternatives[:2]}}
        with pytest.raises(InvalidEventPatternError, match="more than 1000 combinations"):
            validate_event_pattern(too_many, size_quota=4096)


def test_the_wildcards_of_one_field_are_judged_together() -> None:
    """event-ruler's README ("Validate"): the complexity is that of one machine holding all the rule's
    wildcard patterns; the wildcards of one field share its byte machine, so their counts add up."""
    validate_event_pattern({"f": [{"wildcard": "*a*a*a*"}]})
    validate_event_pattern({"f": [{"wildcard": "*a*a*a*"}], "g": [{"wildcard": "*b*b*b*"}]})
    with pytest.raises(InvalidEventPatternError, match="Rule is too complex"):
        validate_event_pattern({"f": [{"wildcard": "*a*a*a*"}, {"wildcard": "*b*b*b*"}]})
    with pytest.raises(InvalidEventPatternError, match="Rule is too complex"):
        validate_event_pattern({"f": [{"anything-but": {"wildcard": ["*a*a*a*", "*b*b*b*"]}}]})
    validate_event_pattern({"f": [{"wildcard": "a*"}, {"wildcard": "b*"}, {"anything-but": {"wildcard": "c*"}}]})
