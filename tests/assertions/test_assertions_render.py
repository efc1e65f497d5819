"""The "closest matches" rendering of failed resource assertions.

The first golden is the real-run example quoted in the spec (section 5.1); the others
were worked out by hand from the rules of the CDK's MatchResult.renderMismatch().
"""

from __future__ import annotations

from typing import Any

import pytest

from cdk_events.assertions import Match, Template

HEADER = (
    "Template has 1 resources with type AWS::Events::Rule, but none match as expected.\n"
    "The 1 closest matches:\n"
)


def rule_template(properties: dict[str, Any], logical_id: str = "Rule") -> Template:
    return Template.from_json(
        {"Resources": {logical_id: {"Type": "AWS::Events::Rule", "Properties": properties}}}
    )


def failure_text(template: Template, props: Any) -> str:
    with pytest.raises(AssertionError) as info:
        template.has_resource_properties("AWS::Events::Rule", props)
    return str(info.value)


def test_spec_example_schedule_expression() -> None:
    template = rule_template(
        {"Description": "hello", "ScheduleExpression": "cron(* 1 * * ? *)", "State": "ENABLED"},
        logical_id="RC21A1702",
    )
    assert failure_text(template, {"ScheduleExpression": "rate(1 hour)"}) == HEADER + (
        "RC21A1702 :: {\n"
        '  "Properties": {\n'
        '    "Description": "hello",\n'
        "!!   Expected rate(1 hour) but received cron(* 1 * * ? *)\n"
        '    "ScheduleExpression": "cron(* 1 * * ? *)",\n'
        '    "State": "ENABLED"\n'
        "  },\n"
        '  "Type": "AWS::Events::Rule"\n'
        "}"
    )


def test_missing_key_is_shown_as_undefined() -> None:
    template = rule_template({"A": 1})
    assert failure_text(template, {"B": 2}) == HEADER + (
        "Rule :: {\n"
        '  "Properties": {\n'
        '    "A": 1,\n'
        "!!   Missing key 'B'\n"
        '    "B": undefined\n'
        "  },\n"
        '  "Type": "AWS::Events::Rule"\n'
        "}"
    )


def test_transformed_value_is_shown_with_the_compared_value() -> None:
    template = rule_template({"Input": '{"a":2}'})
    assert failure_text(template, {"Input": Match.serialized_json({"a": 1})}) == HEADER + (
        "Rule :: {\n"
        '  "Properties": {\n'
        "!!   Encoded JSON value does not match\n"
        '    "Input": "{\\"a\\":2}" <*> {\n'
        "!!     Expected 1 but received 2\n"
        '      "a": 2\n'
        "    }\n"
        "  },\n"
        '  "Type": "AWS::Events::Rule"\n'
        "}"
    )


def test_array_with_closest_element_and_abridged_siblings() -> None:
    template = rule_template({"Targets": [{"Id": "T1", "Arn": "a"}, {"Id": "T2", "Arn": "b"}]})
    props = {"Targets": Match.array_with([Match.object_like({"Id": "T3"})])}
    assert failure_text(template, props) == HEADER + (
        "Rule :: {\n"
        '  "Properties": {\n'
        '    "Targets": [\n'
        "!!     Could not match arrayWith pattern 0. This is the closest match\n"
        "      {\n"
        '        "Arn": "a",\n'
        "!!       Expected T3 but received T1\n"
        '        "Id": "T1"\n'
        "      },\n"
        "      { ... }\n"
        "    ]\n"
        "  },\n"
        '  "Type": "AWS::Events::Rule"\n'
        "}"
    )


def test_failure_past_the_end_of_an_array() -> None:
    template = rule_template({"Tags": [1]})
    assert failure_text(template, {"Tags": Match.array_equals([1, 2])}) == HEADER + (
        "Rule :: {\n"
        '  "Properties": {\n'
        '    "Tags": [\n'
        "      1\n"
        "!!     Not enough elements in array (expecting 2, got 1)\n"
        "      \n"
        "    ]\n"
        "  },\n"
        '  "Type": "AWS::Events::Rule"\n'
        "}"
    )


def test_abridged_values_off_the_failure_path() -> None:
    template = rule_template(
        {
            "Bad": 1,
            "Empty": {},
            "One": {"k": [1, 2]},
            "Pair": ["x", True],
            "Single": [{"a": 1, "b": 2}],
            "Many": [1, 2, 3],
            "Mixed": [1, None],
        }
    )
    assert failure_text(template, {"Bad": 2}) == HEADER + (
        "Rule :: {\n"
        '  "Properties": {\n'
        "!!   Expected 2 but received 1\n"
        '    "Bad": 1,\n'
        '    "Empty": {},\n'
        '    "Many": [ ... ],\n'
        '    "Mixed": [ ... ],\n'
        '    "One": { "k": [ 1, 2 ] },\n'
        '    "Pair": [ "x", true ],\n'
        '    "Single": [ { ... } ]\n'
        "  },\n"
        '  "Type": "AWS::Events::Rule"\n'
        "}"
    )


def test_closest_matches_are_ordered_by_cost_then_logical_id() -> None:
    template = Template.from_json(
        {
            "Resources": {
                "Zeta": {"Type": "AWS::SQS::Queue", "Properties": {"A": 1, "B": 1}},
                "Beta": {"Type": "AWS::SQS::Queue", "Properties": {"A": 0, "B": 0}},
                "Alpha": {"Type": "AWS::SQS::Queue", "Properties": {"A": 1, "B": 0}},
                "Gamma": {"Type": "AWS::SQS::Queue", "Properties": {"A": 0, "B": 0}},
            }
        }
    )
    with pytest.raises(AssertionError) as info:
        template.has_resource_properties("AWS::SQS::Queue", {"A": 1, "B": 1, "C": 1})
    text = str(info.value)
    assert text.startswith(
        "Template has 4 resources with type AWS::SQS::Queue, but none match as expected.\n"
        "The 3 closest matches:\n"
        "Zeta :: {"
    )
    picked = [line.split(" :: ")[0] for line in text.splitlines() if " :: " in line]
    assert picked == ["Zeta", "Alpha", "Beta"]


def test_no_resources_of_the_type() -> None:
    template = Template.from_json({"Resources": {}})
    with pytest.raises(AssertionError) as info:
        template.has_resource_properties("AWS::Events::Rule", {"A": 1})
    assert str(info.value) == (
        "Template has 0 resources with type AWS::Events::Rule.\nNo matches found"
    )
