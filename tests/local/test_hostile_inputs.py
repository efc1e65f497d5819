"""Hostile input to every entry point of the local engine: only the engine's own errors escape.

`LocalEngineError` (a `CdkEventsError` and a `ValueError`) and its subclasses are the only
exceptions allowed out of `test_event_pattern`, `validate_event_pattern`, `Matcher`,
`render_input`, `simulate` and event parsing, whatever they are given: dicts nested 10,000 deep,
5,000-digit numbers, dates past 9999, NaN, sets, invalid UTF-8, wrong types.
"""

from __future__ import annotations

import contextlib
import datetime
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cdk_events.local import LocalEngineError, Matcher, render_input, simulate, validate_event_pattern
from cdk_events.local import test_event_pattern as check
from cdk_events.local._test_event_pattern import parse_event

ENVELOPE = {"id": "1", "account": "1", "source": "s", "time": "t", "region": "r", "detail-type": "d"}


def nest(depth: int, leaf: Any, kind: str) -> Any:
    value = leaf
    for _ in range(depth):
        value = {"a": value} if kind == "dict" else [value]
    return value


hostile_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(4400, 5000).map(lambda n: 10**n),  # more digits than int() converts
    st.sampled_from([-(10**400), 2**53 + 1, 2**64, 9007199254740993]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["\ud800", "a" * 10_000, "010.0.0.1", "::ffff:a00:1", "\u03a3\u03c2", "*", "\\"]),
    st.binary(max_size=10),
    st.sampled_from([datetime.datetime(9999, 12, 31, 23, 59), datetime.date.max, datetime.timedelta.max]),
    st.sampled_from([{1, 2}, frozenset(), (1, 2), object(), 1j, Ellipsis, b"\xff\xfe"]),
)
hostile_keys = st.one_of(
    st.sampled_from(["a", "detail", "$or", "prefix", "wildcard", "numeric", "anything-but", "cidr",
                     "exists", "equals-ignore-case", "suffix", "", "a.b"]),
    st.text(max_size=5),
    st.integers(-2, 2),
    st.none(),
)
hostile_values = st.recursive(
    hostile_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(hostile_keys, inner, max_size=4),
        st.tuples(st.sampled_from([1, 3, 999, 1099, 1101, 3000, 10_000]), inner,
                  st.sampled_from(["dict", "list"])).map(lambda t: nest(*t)),
    ),
    max_leaves=12,
)


def as_text(value: Any) -> Any:
    """The value's JSON text when it has one (str or bytes, possibly with invalid UTF-8), else the value."""
    try:
        text = json.dumps(value)
    except (TypeError, ValueError, RecursionError):
        return value
    return text


inputs = st.one_of(hostile_values, hostile_values.map(as_text), st.binary(max_size=40),
                   st.text(max_size=40), hostile_values.map(lambda v: {**ENVELOPE, "detail": v}),
                   hostile_values.map(lambda v: as_text({**ENVELOPE, "detail": v})))


def only_library_errors(call: Any, *args: Any, **kwargs: Any) -> None:
    with contextlib.suppress(LocalEngineError):
        call(*args, **kwargs)


SETTINGS = settings(max_examples=160, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@SETTINGS
@given(pattern=inputs, event=inputs)
def test_pattern_entry_points(pattern: Any, event: Any) -> None:
    only_library_errors(check, pattern, event)
    only_library_errors(validate_event_pattern, pattern)
    only_library_errors(parse_event, event)
    matcher = Matcher()
    only_library_errors(matcher.add_rule, "r", pattern)
    only_library_errors(matcher.add_rule, pattern, {"source": ["s"]})
    only_library_errors(matcher.rules_for_event, event)


@SETTINGS
@given(event=inputs, option=hostile_values, template=st.one_of(st.text(max_size=30), hostile_values),
       paths=hostile_values, which=st.sampled_from(["input", "input_path", "input_transformer", "ingestion_time",
                                                    "rule_arn", "rule_name", "target_id"]))
def test_render_input(event: Any, option: Any, template: Any, paths: Any, which: str) -> None:
    only_library_errors(render_input, event)
    only_library_errors(render_input, event, **{which: option})
    only_library_errors(render_input, event, input_transformer={"InputPathsMap": paths, "InputTemplate": template})
    only_library_errors(render_input, {**ENVELOPE, "detail": option},
                        input_transformer={"InputPathsMap": {"d": "$.detail"}, "InputTemplate": '{"x": <d>}'})


@SETTINGS
@given(subject=hostile_values, event=inputs, bus=hostile_values)
def test_simulate(subject: Any, event: Any, bus: Any) -> None:
    only_library_errors(simulate, subject, event)
    only_library_errors(simulate, subject, event, bus=bus)


def test_the_issue_examples() -> None:
    """The raw errors of issue #13, each now a library error (or an answer)."""
    deep = nest(10_000, "x", "dict")
    only_library_errors(check, {"source": ["s"]}, {**ENVELOPE, "detail": deep})
    assert check({"f": [1]}, '{"id":"1","account":"1","source":"s","time":"t","region":"r",'
                             '"detail-type":"d","f":' + "1" * 5000 + "}") is False
    digits = "1" * 4080  # as long as a pattern may be: the literal is matched by its text
    assert check('{"f": [' + digits + "]}", '{"id":"1","account":"1","source":"s","time":"t",'
                 '"region":"r","detail-type":"d","f":' + digits + "}", size_quota=4096) is True
    only_library_errors(render_input, {**ENVELOPE, "time": datetime.datetime(9999, 12, 31)})
    only_library_errors(render_input, ENVELOPE, input_transformer="x")
    only_library_errors(check, b'{"a": ["\xff"]}', ENVELOPE)
    only_library_errors(check, {"a": ["x"]}, b'{"a": "\xff"}')


def test_hostile_literals_in_pattern_text() -> None:
    """Numbers and masks too long for int(), exponents out of any range: reasons, not crashes."""
    for pattern in (
        '{"a": [{"cidr": "1.2.3.4/' + "9" * 4000 + '"}]}',
        '{"a": [{"numeric": [">", 1e99999999999]}]}',
        '{"a": [{"numeric": [">", 0.' + "0" * 4000 + "1]}]}",
        '{"a": [{"anything-but": [' + "9" * 4000 + "]}]}",
        '{"a": [' + "9" * 4080 + "]}",
        '{"a": [{"wildcard": "' + "a*" * 2000 + '"}]}',
    ):
        only_library_errors(validate_event_pattern, pattern, size_quota=4096)
        only_library_errors(check, pattern, ENVELOPE, size_quota=4096)
        only_library_errors(Matcher(size_quota=4096).add_rule, "r", pattern)
