"""`CfnMapping` and `Fn.find_in_map` errors and edges (the rendered templates are checked against
aws-cdk-lib's in test_core_awscdk_goldens)."""

from __future__ import annotations

import pytest

from cdk_events.core import App, CfnCondition, CfnMapping, CfnOutput, Fn, Stack, ValidationError


def test_a_known_key_missing_from_the_mapping_is_an_error_naming_it() -> None:
    stack = Stack(App(), "S")
    mapping = CfnMapping(stack, "M", mapping={"a": {"B": "1"}})
    with pytest.raises(ValidationError, match=r"\[S/M\] Mapping doesn't contain top-level key 'x'"):
        mapping.find_in_map("x", "B")
    with pytest.raises(ValidationError, match=r"Mapping doesn't contain second-level key 'C'"):
        mapping.find_in_map("a", "C")
    assert mapping.find_in_map("x", "B", "fallback")  # a default makes it a lookup with DefaultValue


def test_second_level_keys_are_alphanumeric_and_proto_keys_refused() -> None:
    stack = Stack(App(), "S")
    with pytest.raises(ValidationError, match="must contain only alphanumeric characters"):
        CfnMapping(stack, "M", mapping={"a": {"B-1": "x"}})
    mapping = CfnMapping(stack, "N")
    with pytest.raises(ValidationError, match="__proto__"):
        mapping.set_value("__proto__", "B", "x")


def test_a_lazy_mapping_answers_known_keys_itself() -> None:
    stack = Stack(App(), "S")
    mapping = CfnMapping(stack, "M", mapping={"a": {"B": "value"}}, lazy=True)
    assert mapping.find_in_map("a", "B") == "value"
    assert mapping.find_in_map("x", "B", "fallback") == "fallback"


def test_setting_an_unknown_node_attribute_is_tolerated_as_jsii_tolerates_it() -> None:
    stack = Stack(App(), "S")
    output = CfnOutput(stack, "O", value="x")
    output.node.condition = CfnCondition(stack, "C", expression=Fn.condition_equals("a", "b"))  # type: ignore[attr-defined]
    assert output.condition is None  # ignored, as aws-cdk-lib ignores it
