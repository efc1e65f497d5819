"""The hostile-user fuzz of the public boundary (issue #13): every public entry point that valid arguments can
be built for (constructors, static and instance methods of the public names of `cdk_events`, `cdk_events.core`,
`cdk_events.targets` and the service packages) is called with one hostile argument (wrong types, None, NaN,
huge numbers, empty / huge / unicode / NUL / newline strings, fake tokens, 3,000-deep data, ...).

Asserted: only library errors (`CdkEventsError`) escape, from the call or from the synthesis of the app; an
accepted input gives templates cfn-lint accepts (a sample is linted: linting is slow).

    CDK_EVENTS_FUZZ_EXAMPLES=4000 CDK_EVENTS_FUZZ_SEED=7 pytest tests/fuzz   # longer, another seed
    CDK_EVENTS_FUZZ_LINT_EVERY=1 ...                                         # lint every accepted case
    CDK_EVENTS_FUZZ_REPORT=fuzz.json ...                                     # write the outcome counts

By default (CI) 3,000 cases, about a minute; the seed is fixed (0) unless `CDK_EVENTS_FUZZ_SEED` says otherwise.
"""

from __future__ import annotations

import collections
import json
import os
import sys
from typing import Any

import fuzz_support as fs
import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("CDK_EVENTS_FUZZ_EXAMPLES", "3000"))
SEED = int(os.environ.get("CDK_EVENTS_FUZZ_SEED", "0"))
LINT_EVERY = int(os.environ.get("CDK_EVENTS_FUZZ_LINT_EVERY", "25"))  # lint one accepted case in N
REPORT = os.environ.get("CDK_EVENTS_FUZZ_REPORT", "")
TRACE = os.environ.get("CDK_EVENTS_FUZZ_TRACE", "") not in ("", "0")  # print each case before it runs

ENTRY_POINTS = fs.entry_points()
HOSTILE = fs.hostile_values()
OUTCOMES: collections.Counter[str] = collections.Counter()
FAILURES: list[dict[str, Any]] = []
_accepted = [0]


def test_the_fuzz_finds_the_public_entry_points() -> None:
    labels = {entry.label for entry in ENTRY_POINTS}
    assert {"Rule", "EventBus", "Archive", "Connection", "ApiDestination", "Duration.minutes", "Stack",
            "RuleTargetInput.from_object", "Match.interval", "Queue"} <= labels
    assert len(ENTRY_POINTS) > 500


@pytest.mark.parametrize(("label", "parameter", "hostile"), [
    ("Rule", "enabled", "'false'"),
    ("Rule", "rule_name", "final newline"),
    ("Rule", "description", "list of str"),
    ("Rule", "event_bus", "'orders'"),
    ("Rule", "rule_name", "-1"),
    ("RuleTargetInput.from_object", "obj", "dict with NaN"),
    ("RuleTargetInput.from_text", "text", "fake string token"),
    ("RuleTargetInput.from_object", "obj", "3,000-deep dict"),
    ("Archive", "archive_name", "NaN"),
    ("Archive", "archive_name", "300,000 characters"),
    ("Duration.minutes", "amount", "'orders'"),
    ("Duration.days", "amount", "2**63"),
    ("EventPattern", "detail", "dict with 10**400"),
    ("Match.interval", "lower", "None"),
    ("Stack", "tags", "'orders'"),
    ("EventBus", "dead_letter_queue", "arn"),
])
def test_the_examples_of_the_issue_are_library_errors(label: str, parameter: str, hostile: str) -> None:
    entry = next(e for e in ENTRY_POINTS if e.label == label)
    param = next(p for p in entry.parameters if p.name == parameter)
    outcome = fs.run_case(entry, param, dict(HOSTILE)[hostile], lint=False)
    assert outcome.kind == "library error", outcome


@settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=False,
          suppress_health_check=list(HealthCheck))
@seed(SEED)
@given(data=st.data())
def test_hostile_arguments_end_in_library_errors_or_valid_templates(data: st.DataObject) -> None:
    entry = data.draw(st.sampled_from(ENTRY_POINTS), label="entry point")
    parameter = data.draw(st.sampled_from(entry.parameters), label="parameter")
    label, factory = data.draw(st.sampled_from(HOSTILE), label="hostile value")
    lint = False
    if TRACE:
        print(f"{entry.label}({parameter.name}={label})", file=sys.stderr, flush=True)
    outcome = fs.run_case(entry, parameter, factory, lint=False)
    if outcome.kind == "accepted":
        _accepted[0] += 1
        if _accepted[0] % LINT_EVERY == 0:
            lint = True
            outcome = fs.run_case(entry, parameter, factory, lint=True)
    OUTCOMES[outcome.kind] += 1
    OUTCOMES["linted"] += lint
    if outcome.kind in ("raw error", "invalid template"):
        failure = {"entry point": entry.label, "parameter": parameter.name, "value": label,
                   "outcome": outcome.kind, "detail": outcome.detail}
        FAILURES.append(failure)
        if not REPORT:
            raise AssertionError(json.dumps(failure))


def test_report() -> None:
    """With `CDK_EVENTS_FUZZ_REPORT`: the outcome counts and the failures, written there; no failure."""
    if REPORT:
        with open(REPORT, "w", encoding="utf-8") as out:
            json.dump({"seed": SEED, "examples": EXAMPLES, "entry points": len(ENTRY_POINTS),
                       "hostile values": len(HOSTILE), "outcomes": dict(OUTCOMES), "failures": FAILURES},
                      out, indent=2)
    assert not FAILURES, FAILURES
