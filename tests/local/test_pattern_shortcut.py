"""The shortcut of `validate_event_pattern` for common patterns never accepts what EventBridge rejects.

Every rule's pattern is checked at synth; a cheap structural test (`_certainly_valid`) spares the full
compile for the common shapes. It may say "not sure" for a valid pattern, never "valid" for an invalid one.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _corpus import CONFORMANCE
from cdk_events.local import InvalidEventPatternError, validate_event_pattern
from cdk_events.local._pattern_shortcut import _certainly_valid

CORPUS = CONFORMANCE / "event-patterns.jsonl"

_numbers = st.integers(-(2**60), 2**60) | st.floats(allow_nan=True, allow_infinity=True)
_scalars = st.none() | st.booleans() | _numbers | st.text(max_size=3)
_operators = st.sampled_from(["=", "<", "<=", ">", ">=", "!", ""])
_numeric_terms = st.lists(_operators | _numbers, max_size=5)
_matcher_names = st.sampled_from(
    ["prefix", "suffix", "equals-ignore-case", "exists", "numeric", "anything-but", "wildcard", "cidr", "other"])
_matcher_values = _scalars | _numeric_terms | st.lists(_scalars, max_size=3) | st.dictionaries(
    _matcher_names, _scalars, max_size=2)
_matchers = st.dictionaries(_matcher_names, _matcher_values, min_size=0, max_size=2)
_leaves = st.lists(_scalars | _matchers, max_size=4)
_keys = st.sampled_from(["a", "b", "$or", "Ref", "Fn::Join", "numeric", ""]) | st.text(max_size=2)
_patterns = st.recursive(
    _leaves | _scalars,
    lambda inner: st.dictionaries(_keys, inner, max_size=3) | st.lists(inner, max_size=2),
    max_leaves=10,
)


# near the shapes the shortcut accepts, with the edge cases that make EventBridge reject them
_edge_numbers = st.sampled_from([0, -1, 1, 2**53, 2**53 + 1, -(2**60), 1.5, 1e300, float("inf"), float("nan")])
_near_numeric = st.tuples(_operators, _edge_numbers | _numbers).map(list) | st.tuples(
    _operators, _edge_numbers, _operators, _edge_numbers).map(list)
_near_matchers = st.one_of(
    st.fixed_dictionaries({"numeric": _near_numeric}),
    st.fixed_dictionaries({"anything-but": _scalars | st.lists(st.text(max_size=2) | _edge_numbers, max_size=3)}),
    st.fixed_dictionaries({"prefix": _scalars}),
    st.fixed_dictionaries({"exists": _scalars}),
    st.fixed_dictionaries({"equals-ignore-case": _scalars}),
)
_near_leaves = st.lists(st.text(max_size=2) | _edge_numbers | _near_matchers, min_size=1, max_size=2)
_near_patterns = st.recursive(
    _near_leaves, lambda inner: st.dictionaries(st.sampled_from(["a", "b", "detail"]), inner, max_size=2),
    max_leaves=6)


def _rejected(pattern: Any) -> bool:
    try:
        validate_event_pattern(pattern)
    except (InvalidEventPatternError, OverflowError):
        return True
    return False


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pattern=st.dictionaries(_keys, _patterns, max_size=3))
def test_shortcut_never_accepts_a_rejected_pattern(pattern: dict[str, Any]) -> None:
    if _certainly_valid(pattern):
        assert not _rejected(pattern), pattern


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pattern=st.dictionaries(st.sampled_from(["source", "detail"]), _near_patterns, min_size=1, max_size=2))
def test_shortcut_never_accepts_a_rejected_pattern_near_its_shapes(pattern: dict[str, Any]) -> None:
    if _certainly_valid(pattern):
        assert not _rejected(pattern), pattern


def test_shortcut_accepts_the_common_shapes() -> None:
    pattern = {"source": ["com.example"], "detail-type": ["OrderCreated"],
               "detail": {"amount": [{"numeric": [">", 0, "<=", 5]}], "state": [{"anything-but": ["x", "y"]}],
                          "name": [{"prefix": "a"}, None, True, 1.5], "id": [{"exists": False}]}}
    assert _certainly_valid(pattern)
    assert not _rejected(pattern)


@pytest.mark.parametrize("pattern", [
    {"detail": {"amount": [{"numeric": [">", 5, "<", 5]}]}},  # bottom must be less than top
    {"detail": {"amount": [{"numeric": ["<", 5, "<", 6]}]}},
    {"detail": {"state": [{"anything-but": ["x", 1]}]}},      # mixed types
    {"detail": {"state": [{"wildcard": "a**"}]}},            # not a shortcut shape
    {"detail": {"arn": [{"Ref": "Queue"}]}},                   # deploy-time value
    {"$or": [{"a": ["1"]}, {"b": ["2"]}]},
    {"detail": {}},
    {"detail": {"a": []}},
])
def test_shortcut_leaves_other_patterns_to_the_full_check(pattern: dict[str, Any]) -> None:
    assert not _certainly_valid(pattern)


def test_shortcut_agrees_with_the_conformance_corpus() -> None:
    if not CORPUS.exists():
        pytest.fail(f"conformance corpus not found at {CORPUS}")
    accepted = 0
    for line in CORPUS.read_text().splitlines():
        case = json.loads(line)
        pattern = case.get("pattern")
        if isinstance(pattern, dict) and _certainly_valid(pattern):
            accepted += 1
            assert not _rejected(pattern), case["name"]
    assert accepted > 50  # the shortcut covers most real patterns
