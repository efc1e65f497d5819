"""The JSON writer: JavaScript number formatting and key order, byte for byte as the CDK writes.

Expectations come from spec §4.12 and from the `input_json_traps` / `pattern_json_traps` goldens.
"""

from __future__ import annotations

import json

import pytest
from core_support import golden_json, golden_text
from hypothesis import given, settings
from hypothesis import strategies as st

from cdk_events.core import JSON_NULL, App, Stack, js_number, js_stringify
from cdk_events.core._json import template_text
from cdk_events.core._resolve import ValueKinds, resolve


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1.0, "1"),
        (100.0, "100"),
        (-0.0, "0"),
        (0, "0"),
        (0.1, "0.1"),
        (1e21, "1e+21"),
        (1e20, "100000000000000000000"),
        (1e-7, "1e-7"),
        (-1e-7, "-1e-7"),
        (0.000001, "0.000001"),
        (1.5e300, "1.5e+300"),
        (12345678901234567890, "12345678901234567000"),
        (2**53 + 1, "9007199254740992"),
        (2**53, "9007199254740992"),
        (123.456, "123.456"),
        (1e16, "10000000000000000"),
        (2.5e-5, "0.000025"),
        (1.25e22, "1.25e+22"),
        (float("nan"), "null"),
    ],
)
def test_numbers_are_written_as_javascript_writes_them(value: float, text: str) -> None:
    assert js_number(value) == text


def test_static_numbers_input_is_exactly_what_javascript_writes() -> None:
    # the object of the StaticNumbers rule of apps/input_json_traps.py
    obj = {
        "b": 1,
        "10": 0.1,
        "2": 1e21,
        "0": 1e-7,
        "neg_zero": -0.0,
        "one": 1.0,
        "e20": 1e20,
        "big": 12345678901234567890,
        "pow53": 2**53 + 1,
        "small": 0.000001,
        "neg": -1e-7,
        "flag": True,
        "none": None,
        "list": [3, "x", None, {"2": "b", "1": "a"}],
    }
    template = golden_json("input_json_traps", "InputTrapStack.template.json")
    expected = template["Resources"]["StaticNumbersB4946E54"]["Properties"]["Targets"][0]["Input"]
    assert js_stringify(obj) == expected


def test_integer_like_keys_come_first_in_ascending_order() -> None:
    detail = {
        "b": ["x"],
        "10": ["ten"],
        "2": ["two"],
        "0": ["zero"],
        "01": ["leading zero"],
        "-1": ["negative"],
        "1.5": ["fraction"],
        "nested": {"z": [1], "5": [5], "a": [2]},
    }
    text = js_stringify(detail)
    assert text == (
        '{"0":["zero"],"2":["two"],"10":["ten"],"b":["x"],"01":["leading zero"],"-1":["negative"],'
        '"1.5":["fraction"],"nested":{"5":[5],"z":[1],"a":[2]}}'
    )
    golden = golden_json("pattern_json_traps", "PatternTrapStack.template.json")
    golden_detail = golden["Resources"]["IntegerKeysC6936B8C"]["Properties"]["EventPattern"]["detail"]
    assert list(json.loads(text)) == list(golden_detail)


def test_pattern_numbers_list_matches_the_golden_lines() -> None:
    values = [0.1, 1e21, 1e-7, -0.0, 100.0, 12345678901234567890, 2**53 + 1, 1.5e300, 0.000001]
    text = golden_text("pattern_json_traps", "PatternTrapStack.template.json")
    rendered = js_stringify({"n": values}, 1)
    body = rendered.splitlines()[2:-2]  # the list items
    assert [line.strip().rstrip(",") for line in body] == [
        "0.1",
        "1e+21",
        "1e-7",
        "0",
        "100",
        "12345678901234567000",
        "9007199254740992",
        "1.5e+300",
        "0.000001",
    ]
    for line in body:
        assert line.strip() in text


def test_none_is_undefined_and_json_null_is_null() -> None:
    assert js_stringify({"a": None, "b": JSON_NULL, "c": [1, None, JSON_NULL]}) == '{"b":null,"c":[1,null]}'


def test_strings_keep_non_ascii_and_escape_quotes_and_control_characters() -> None:
    assert js_stringify('Caf\u00e9 "q" \\ \t \U0001f680') == '"Caf\u00e9 \\"q\\" \\\\ \\t \U0001f680"'


def test_indented_output_uses_one_space_and_no_trailing_newline() -> None:
    assert js_stringify({"a": [1, {"b": "c"}], "d": {}, "e": []}, 1) == (
        '{\n "a": [\n  1,\n  {\n   "b": "c"\n  }\n ],\n "d": {},\n "e": []\n}'
    )


@pytest.mark.parametrize("name", ["PatternTrapStack.template.json"])
def test_golden_template_round_trips_byte_for_byte(name: str) -> None:
    text = golden_text("pattern_json_traps", name)
    assert js_stringify(json.loads(text), 1) == text


def test_golden_input_template_round_trips_byte_for_byte() -> None:
    text = golden_text("input_json_traps", "InputTrapStack.template.json")
    assert js_stringify(json.loads(text), 1) == text


# --- the C writer for regular templates ----------------------------------------------------------

_keys = st.sampled_from(["a", "B", "0", "10", "01", "-1", "1e3", "null", "x y"]) | st.text(max_size=4)
_leaves = (st.none() | st.just(JSON_NULL) | st.booleans() | st.integers(-(2**60), 2**60)
           | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=6))
_values = st.recursive(_leaves, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=4),
                       max_leaves=25)


@settings(max_examples=400, deadline=None)
@given(value=st.dictionaries(_keys, _values, max_size=5), indent=st.sampled_from([0, 1, 2]))
def test_templates_written_by_the_c_writer_equal_the_exact_writer(value: dict[str, object], indent: int) -> None:
    kinds = ValueKinds()
    resolved = resolve(value, Stack(App(), "S"), kinds=kinds)
    assert template_text(resolved, indent, regular=not kinds.irregular) == js_stringify(resolved, indent)


def test_regular_values_take_the_c_writer() -> None:
    kinds = ValueKinds()
    resolved = resolve({"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"N": [1, True, "é"]}}}},
                       Stack(App(), "S"), kinds=kinds)
    assert not kinds.irregular
    assert template_text(resolved, 1, regular=True) == js_stringify(resolved, 1)
    for irregular in ({"a": 1.5}, {"a": JSON_NULL}, {"a": 2**60}, {"10": "x", "a": "y"}):
        seen = ValueKinds()
        resolve(irregular, Stack(App(), "T"), kinds=seen)
        assert seen.irregular, irregular
