"""JavaScript value semantics behind the failure texts (spec 4.12 number format)."""

from __future__ import annotations

import pytest

from cdk_events.assertions._js import js_keys, js_string, json_stringify, number_to_string


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0"),
        (-0.0, "0"),
        (1.0, "1"),
        (100.0, "100"),
        (1.5, "1.5"),
        (0.000001, "0.000001"),
        (1e-7, "1e-7"),
        (1e21, "1e+21"),
        (1e20, "100000000000000000000"),
        (1.5e16, "15000000000000000"),
        (123.456, "123.456"),
        (-2.5e-8, "-2.5e-8"),
        (float("nan"), "NaN"),
        (float("inf"), "Infinity"),
    ],
)
def test_number_to_string(value: float, text: str) -> None:
    assert number_to_string(value) == text


def test_js_string() -> None:
    assert js_string([1, [2, None], "a"]) == "1,2,,a"
    assert js_string({"a": 1}) == "[object Object]"
    assert js_string(None) == "null"
    assert js_string(False) == "false"


def test_integer_like_keys_come_first() -> None:
    assert js_keys({"b": 1, "10": 2, "a": 3, "2": 4, "01": 5}) == ["2", "10", "b", "a", "01"]
    assert json_stringify({"b": 1, "1": [1.0, None]}) == '{"1":[1,null],"b":1}'
    assert json_stringify({"é": "\n"}, 2) == '{\n  "é": "\\n"\n}'
