"""The one module of JavaScript semantics (`core._js`): `String(n)` and `JSON.stringify(n)` differ only
for NaN and the infinities; assertions and the template writer share it."""

from __future__ import annotations

import math

import pytest

from cdk_events.assertions import _js as assertion_js
from cdk_events.core import _js


@pytest.mark.parametrize(("value", "text"), [
    (1.0, "1"), (-0.0, "0"), (1e21, "1e+21"), (1e-7, "1e-7"), (0.000001, "0.000001"), (2**53 + 1, "9007199254740992"),
    (123456789012345680000.0, "123456789012345680000"), (1.5e-10, "1.5e-10"),
])
def test_number_text_is_javascripts(value: float, text: str) -> None:
    assert _js.number_to_string(value) == text
    assert _js.js_number(value) == text


def test_non_finite_numbers_are_named_by_string_and_null_in_json() -> None:
    assert [_js.number_to_string(v) for v in (math.nan, math.inf, -math.inf)] == ["NaN", "Infinity", "-Infinity"]
    assert [_js.js_number(v) for v in (math.nan, math.inf, -math.inf)] == ["null", "null", "null"]


def test_assertions_use_the_same_functions_as_the_writer() -> None:
    assert assertion_js.number_to_string is _js.number_to_string
    assert assertion_js.js_keys is _js.js_keys
    assert assertion_js.locale_sort_key is _js.locale_sort_key
    assert _js.js_keys({"b": 1, "10": 2, "2": 3, "01": 4}) == ["2", "10", "b", "01"]
