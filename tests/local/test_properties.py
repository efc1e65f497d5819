"""Property tests: robustness, agreement with a naive reference, Matcher vs test_event_pattern."""

from __future__ import annotations

import contextlib
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cdk_events.local import InvalidEventPatternError, Matcher
from cdk_events.local import test_event_pattern as check

ENVELOPE = {"id": "1", "account": "1", "source": "s", "time": "t", "region": "r", "detail-type": "d"}
FIELDS = ["a", "b", "c"]
WORDS = ["", "x", "xy", "yx", "X", "abc", "ABC"]

json_scalars = (
    st.none() | st.booleans() | st.integers(-5, 5) | st.floats(-5, 5, allow_nan=False) | st.text(max_size=4)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=12,
)
keys = st.sampled_from(
    ["a", "b", "$or", "prefix", "numeric", "anything-but", "exists", "wildcard", "cidr", ""]
)
pattern_like = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(keys | st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=15,
)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(pattern=pattern_like, detail=json_values)
def test_any_input_gives_bool_or_pattern_error(pattern: Any, detail: Any) -> None:
    event = {**ENVELOPE, "detail": detail}
    for candidate in (pattern, json.dumps(pattern)):
        try:
            result = check(candidate, event)
        except InvalidEventPatternError as error:
            assert str(error).startswith(("Event pattern is not valid. Reason: ", "Parameter Event"))
        else:
            assert isinstance(result, bool)


@SETTINGS
@given(text=st.text(max_size=30))
def test_any_text_gives_bool_or_pattern_error(text: str) -> None:
    with contextlib.suppress(InvalidEventPatternError):
        assert isinstance(check(text, ENVELOPE), bool)


# --- a naive reference on a restricted, always-valid grammar ------------------------------------

numbers = st.integers(-3, 3)
matchers = st.one_of(
    st.sampled_from(WORDS).map(lambda w: ("eq", w)),
    numbers.map(lambda n: ("eq", n)),
    st.sampled_from(WORDS).map(lambda w: ("prefix", w)),
    st.sampled_from(WORDS).map(lambda w: ("suffix", w)),
    st.sampled_from(WORDS).map(lambda w: ("ic", w)),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=2).map(lambda ws: ("but", ws)),
    st.tuples(numbers, numbers).map(lambda t: ("range", (min(t), min(t) + 1 + abs(t[1])))),
    st.booleans().map(lambda b: ("exists", b)),
)
patterns = st.dictionaries(st.sampled_from(FIELDS), st.lists(matchers, min_size=1, max_size=3), min_size=1)
event_value = st.one_of(st.sampled_from(WORDS), numbers, st.none(), st.booleans())
events = st.dictionaries(st.sampled_from(FIELDS), event_value | st.lists(event_value, max_size=3))


def to_json(matcher: tuple[str, Any]) -> Any:
    kind, arg = matcher
    return {
        "eq": lambda: arg,
        "prefix": lambda: {"prefix": arg},
        "suffix": lambda: {"suffix": arg},
        "ic": lambda: {"equals-ignore-case": arg},
        "but": lambda: {"anything-but": arg},
        "range": lambda: {"numeric": [">=", arg[0], "<", arg[1]]},
        "exists": lambda: {"exists": arg},
    }[kind]()


def is_num(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def reference_value(matcher: tuple[str, Any], v: Any) -> bool:
    kind, arg = matcher
    s = isinstance(v, str)
    if kind == "eq":
        return (s and v == arg) if isinstance(arg, str) else (is_num(v) and v == arg)
    if kind == "prefix":
        return s and v.startswith(arg)
    if kind == "suffix":
        return s and v.endswith(arg)
    if kind == "ic":
        return s and v.lower() == arg.lower()
    if kind == "but":
        return not (s and v in arg)
    if kind == "range":
        return is_num(v) and arg[0] <= v < arg[1]
    return bool(arg)  # exists:true on a present leaf; exists:false never matches a leaf


def reference(pattern: dict[str, list[tuple[str, Any]]], event: dict[str, Any]) -> bool:
    for field, field_matchers in pattern.items():
        raw = event.get(field, [])
        values = raw if isinstance(raw, list) else [raw]
        ok = any(reference_value(m, v) for m in field_matchers for v in values)
        if not values and any(m == ("exists", False) for m in field_matchers):
            ok = True
        if not ok:
            return False
    return True


@SETTINGS
@given(pattern=patterns, detail=events)
def test_matches_naive_reference(pattern: dict[str, list[tuple[str, Any]]], detail: dict[str, Any]) -> None:
    as_json = {"detail": {field: [to_json(m) for m in ms] for field, ms in pattern.items()}}
    assert check(as_json, {**ENVELOPE, "detail": detail}) is reference(pattern, detail)


# --- Matcher agrees with test_event_pattern, rule by rule -------------------------------------

objects = st.dictionaries(st.sampled_from(FIELDS), event_value, max_size=3)
nested_events = st.fixed_dictionaries(
    {"detail": events, "items": st.lists(objects, max_size=3)},
    optional={"detail.a": event_value},
)
item_patterns = st.dictionaries(
    st.sampled_from(FIELDS), st.lists(matchers, min_size=1, max_size=2), min_size=1
)
rule_patterns = st.fixed_dictionaries({}, optional={"detail": patterns, "items": item_patterns}).filter(bool)


@SETTINGS
@given(rules=st.lists(rule_patterns, min_size=1, max_size=6), event=nested_events)
def test_matcher_agrees_with_test_event_pattern(rules: list[dict[str, Any]], event: dict[str, Any]) -> None:
    matcher = Matcher()
    as_json = []
    for i, rule in enumerate(rules):
        pattern = {
            part: {f: [to_json(m) for m in ms] for f, ms in fields.items()} for part, fields in rule.items()
        }
        as_json.append(pattern)
        matcher.add_rule(f"r{i}", pattern)
    full_event = {**ENVELOPE, **event}
    expected = [f"r{i}" for i, pattern in enumerate(as_json) if check(pattern, full_event)]
    assert matcher.rules_for_event(json.dumps(full_event)) == expected
    assert matcher.rules_for_event(full_event) == expected
