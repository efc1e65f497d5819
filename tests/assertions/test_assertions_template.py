"""``Template``: constructors, every section assertion and its failure text, cycles."""

from __future__ import annotations

import json
from typing import Any

import pytest

from cdk_events.assertions import Match, Template

QUEUE = "AWS::SQS::Queue"


def queues_template() -> dict[str, Any]:
    return {
        "Resources": {
            "Q1": {"Type": QUEUE, "Properties": {"FifoQueue": True, "VisibilityTimeout": 30}},
            "Q2": {"Type": QUEUE, "Properties": {"VisibilityTimeout": 30}},
            "Q3": {"Type": QUEUE, "DeletionPolicy": "Retain"},
            "Topic": {"Type": "AWS::SNS::Topic"},
        },
        "Parameters": {"Env": {"Type": "String", "Default": "dev"}},
        "Outputs": {"QueueArn": {"Value": {"Fn::GetAtt": ["Q1", "Arn"]}, "Export": {"Name": "Arn"}}},
        "Mappings": {"Regions": {"us-east-1": {"Ami": "ami-1"}}},
        "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}},
    }


@pytest.fixture
def template() -> Template:
    return Template.from_json(queues_template())


def raised(fn: Any, *args: Any) -> str:
    with pytest.raises(AssertionError) as info:
        fn(*args)
    return str(info.value)


# -- constructors ----------------------------------------------------------------------


def test_from_json_from_string_to_json() -> None:
    data = queues_template()
    assert Template.from_json(data).to_json() == data
    assert Template.from_string(json.dumps(data)).to_json() == data


# -- counts ----------------------------------------------------------------------------


def test_resource_count_is(template: Template) -> None:
    template.resource_count_is(QUEUE, 3)
    template.resource_count_is("AWS::Events::Rule", 0)
    assert raised(template.resource_count_is, QUEUE, 2) == f"Expected 2 resources of type {QUEUE} but found 3"


def test_resource_properties_count_is(template: Template) -> None:
    template.resource_properties_count_is(QUEUE, {"VisibilityTimeout": 30}, 2)
    # resources without Properties count as having {}
    template.resource_properties_count_is(QUEUE, {}, 3)
    template.resource_properties_count_is(QUEUE, Match.absent(), 1)
    assert raised(template.resource_properties_count_is, QUEUE, {"FifoQueue": True}, 2) == (
        f"Expected 2 resources of type {QUEUE} but found 1"
    )


# -- has_resource / has_resource_properties ---------------------------------------------


def test_has_resource_matches_the_whole_definition(template: Template) -> None:
    template.has_resource(QUEUE, {"DeletionPolicy": "Retain"})
    template.has_resource(QUEUE, {"Properties": {"FifoQueue": True}})
    assert raised(template.has_resource, "AWS::SNS::Topic", {"DeletionPolicy": "Retain"}) == (
        "Template has 1 resources with type AWS::SNS::Topic, but none match as expected.\n"
        "The 1 closest matches:\n"
        "Topic :: {\n"
        "!! Missing key 'DeletionPolicy'\n"
        '  "DeletionPolicy": undefined,\n'
        '  "Type": "AWS::SNS::Topic"\n'
        "}"
    )


def test_has_resource_properties_gives_missing_properties_an_empty_object(template: Template) -> None:
    template.has_resource_properties("AWS::SNS::Topic", {})
    template.has_resource_properties("AWS::SNS::Topic", Match.object_equals({}))
    template.has_resource_properties(QUEUE, {"FifoQueue": Match.absent()})
    # the amended copy does not leak into the template
    assert "Properties" not in template.to_json()["Resources"]["Topic"]


def test_has_resource_properties_with_absent_properties(template: Template) -> None:
    # Match.absent() sees the resource as it is: only the Topic lacks Properties
    template.has_resource_properties("AWS::SNS::Topic", Match.absent())
    template.has_resource_properties(QUEUE, Match.absent())  # Q3
    with_props = Template.from_json({"Resources": {"Q": {"Type": QUEUE, "Properties": {}}}})
    text = raised(with_props.has_resource_properties, QUEUE, Match.absent())
    assert text == (
        f"Template has 1 resources with type {QUEUE}, but none match as expected.\n"
        "The 1 closest matches:\n"
        "Q :: {\n"
        "!! Received [object Object], but key should be absent\n"
        # a value on the failure path is always expanded, even when empty
        '  "Properties": {\n'
        "    \n"
        "  },\n"
        f'  "Type": "{QUEUE}"\n'
        "}"
    )


# -- find / get_resource_id -------------------------------------------------------------


def test_find_resources(template: Template) -> None:
    assert list(template.find_resources(QUEUE)) == ["Q1", "Q2", "Q3"]
    assert list(template.find_resources(QUEUE, {"Properties": {"FifoQueue": True}})) == ["Q1"]
    assert template.find_resources(QUEUE, {"Properties": {"Nope": 1}}) == {}
    assert template.find_resources("AWS::Nothing") == {}


def test_get_resource_id(template: Template) -> None:
    assert template.get_resource_id(QUEUE, {"Properties": {"FifoQueue": True}}) == "Q1"
    assert template.get_resource_id("AWS::SNS::Topic") == "Topic"


def test_get_resource_id_with_several_matches(template: Template) -> None:
    props = {"Properties": {"VisibilityTimeout": 30}}
    assert raised(template.get_resource_id, QUEUE, props) == (
        "Template has 2 matches, expected only one.\n"
        "  {\n"
        '    "Q1": {\n'
        '      "Type": "AWS::SQS::Queue",\n'
        '      "Properties": {\n'
        '        "FifoQueue": true,\n'
        '        "VisibilityTimeout": 30\n'
        "      }\n"
        "    },\n"
        '    "Q2": {\n'
        '      "Type": "AWS::SQS::Queue",\n'
        '      "Properties": {\n'
        '        "VisibilityTimeout": 30\n'
        "      }\n"
        "    }\n"
        "  }"
    )


def test_get_resource_id_without_match(template: Template) -> None:
    assert raised(template.get_resource_id, "AWS::Events::Rule", {}) == (
        "Template has 0 resources with type AWS::Events::Rule.\nNo matches found"
    )


# -- all_resources ---------------------------------------------------------------------


def test_all_resources(template: Template) -> None:
    template.all_resources(QUEUE, {"Type": QUEUE})
    assert raised(template.all_resources, QUEUE, {"DeletionPolicy": "Retain"}) == (
        f"Template has 3 resource(s) with type {QUEUE}, but only 1 match as expected.\n"
        "The following resources do not match the given definition:\n\tQ1\n\tQ2"
    )
    assert raised(template.all_resources, QUEUE, {"DeletionPolicy": "Delete"}) == (
        f"Template has 3 resource(s) with type {QUEUE}, but none match as expected.\n"
        "The following resources do not match the given definition:\n\tQ1\n\tQ2\n\tQ3"
    )


def test_all_resources_properties(template: Template) -> None:
    template.all_resources_properties(QUEUE, {})
    assert raised(template.all_resources_properties, QUEUE, {"VisibilityTimeout": 30}) == (
        f"Template has 3 resource(s) with type {QUEUE}, but only 2 match as expected.\n"
        "The following resources do not match the given definition:\n\tQ3"
    )


# -- parameters, outputs, mappings, conditions -----------------------------------------


def test_parameters(template: Template) -> None:
    template.has_parameter("Env", {"Type": "String"})
    template.has_parameter("*", {"Default": "dev"})
    assert template.find_parameters("*") == {"Env": {"Type": "String", "Default": "dev"}}
    assert template.find_parameters("Env", {"Default": "prod"}) == {}
    assert raised(template.has_parameter, "Other", {}) == (
        "Template has 0 parameters with logicalId 'Other'.\nNo matches found"
    )
    assert raised(template.has_parameter, "Env", {"Default": "prod"}) == (
        "Template has 1 parameters with logicalId 'Env', but none match as expected.\n"
        "The 1 closest matches:\n"
        "Env :: {\n"
        "!! Expected prod but received dev\n"
        '  "Default": "dev",\n'
        '  "Type": "String"\n'
        "}"
    )


def test_outputs(template: Template) -> None:
    template.has_output("QueueArn", {"Export": {"Name": "Arn"}})
    template.has_output("*", {"Value": {"Fn::GetAtt": ["Q1", "Arn"]}})
    assert list(template.find_outputs("*")) == ["QueueArn"]
    assert raised(template.has_output, "Missing", {}) == (
        "Template has 0 outputs named Missing.\nNo matches found"
    )
    assert raised(template.has_output, "*", {"Export": {"Name": "Other"}}).startswith(
        "Template has 1 outputs named *, but none match as expected.\nThe 1 closest matches:\nQueueArn :: {"
    )


def test_mappings(template: Template) -> None:
    template.has_mapping("Regions", {"us-east-1": {"Ami": "ami-1"}})
    assert list(template.find_mappings("*")) == ["Regions"]
    assert raised(template.has_mapping, "Nope", {}) == (
        "Template has 0 mappings with logicalId Nope.\nNo matches found"
    )


def test_conditions(template: Template) -> None:
    template.has_condition("IsProd", {"Fn::Equals": [{"Ref": "Env"}, "prod"]})
    assert list(template.find_conditions("*", {"Fn::Equals": Match.any_value()})) == ["IsProd"]
    assert raised(template.has_condition, "IsDev", {}) == (
        "Template has 0 conditions with logicalId IsDev.\nNo matches found"
    )


def test_sections_missing_from_the_template() -> None:
    empty = Template.from_json({})
    empty.resource_count_is(QUEUE, 0)
    assert empty.find_outputs("*") == {}
    assert raised(empty.has_parameter, "*", {}) == (
        "Template has 0 parameters with logicalId '*'.\nNo matches found"
    )


# -- template_matches ------------------------------------------------------------------


def test_template_matches(template: Template) -> None:
    template.template_matches({"Resources": {"Q3": {"DeletionPolicy": "Retain"}}})
    template.template_matches(Match.object_like({"Parameters": {"Env": Match.any_value()}}))


def test_template_matches_failure_lists_every_mismatch(template: Template) -> None:
    expected = {
        "Resources": {"Q1": {"Properties": {"VisibilityTimeout": 60}}, "Q9": {}},
        "Transform": "AWS::Serverless-2016-10-31",
    }
    assert raised(template.template_matches, expected) == (
        "Template did not match as expected. The following mismatches were found:\n"
        "\tMissing key 'Transform' at /Transform (using objectLike matcher)\n"
        "\tMissing key 'Q9' at /Resources/Q9 (using objectLike matcher)\n"
        "\tExpected 60 but received 30 at /Resources/Q1/Properties/VisibilityTimeout"
        " (using objectLike matcher)"
    )


def test_template_matches_with_object_equals_at_the_top(template: Template) -> None:
    text = raised(template.template_matches, Match.object_equals({"Resources": Match.any_value()}))
    assert text.splitlines()[1:] == [
        "\tUnexpected key Parameters at /Parameters (using objectEquals matcher)",
        "\tUnexpected key Outputs at /Outputs (using objectEquals matcher)",
        "\tUnexpected key Mappings at /Mappings (using objectEquals matcher)",
        "\tUnexpected key Conditions at /Conditions (using objectEquals matcher)",
    ]


# -- dependency cycles -----------------------------------------------------------------


def cyclic_template() -> dict[str, Any]:
    return {
        "Resources": {
            "A": {"Type": "AWS::SQS::Queue", "Properties": {"Name": {"Ref": "B"}}},
            "B": {"Type": "AWS::SNS::Topic", "Properties": {"Arn": {"Fn::GetAtt": ["A", "Arn"]}}},
        }
    }


def test_cycle_is_rejected_with_the_cdk_message() -> None:
    assert raised(Template.from_json, cyclic_template()) == (
        "Template is undeployable, these resources have a dependency cycle: A -> B -> A:\n\n"
        "{\n"
        '  "A": {\n'
        '    "Type": "AWS::SQS::Queue",\n'
        '    "Properties": {\n'
        '      "Name": {\n'
        '        "Ref": "B"\n'
        "      }\n"
        "    }\n"
        "  },\n"
        '  "B": {\n'
        '    "Type": "AWS::SNS::Topic",\n'
        '    "Properties": {\n'
        '      "Arn": {\n'
        '        "Fn::GetAtt": [\n'
        '          "A",\n'
        '          "Arn"\n'
        "        ]\n"
        "      }\n"
        "    }\n"
        "  }\n"
        "}"
    )


def test_cycle_check_can_be_skipped() -> None:
    Template.from_json(cyclic_template(), skip_cyclical_dependencies_check=True)
    Template.from_string(json.dumps(cyclic_template()), skip_cyclical_dependencies_check=True)


def test_cycle_through_depends_on_and_sub_with_a_lead_in() -> None:
    data = {
        "Resources": {
            "Lead": {"Type": "T", "DependsOn": "X"},
            "X": {"Type": "T", "Properties": {"P": {"Fn::Sub": "arn:${Y.Arn}:${AWS::Region}"}}},
            "Y": {"Type": "T", "DependsOn": ["X"]},
        }
    }
    text = raised(Template.from_json, data)
    # the CDK reports the path from the first blocked resource, lead-in included
    assert text.startswith(
        "Template is undeployable, these resources have a dependency cycle: Lead -> X -> Y -> X:\n\n{"
    )


def test_not_cycles() -> None:
    data = {
        "Resources": {
            "A": {
                "Type": "T",
                "Properties": {"P": {"Fn::Sub": ["${!B} ${V}", {"V": {"Ref": "AWS::Region"}}]}},
            },
            "B": {"Type": "T", "Properties": {"P": {"Ref": "A"}, "Q": [{"Fn::GetAtt": "A.Arn"}]}},
            "C": {"Type": "T", "DependsOn": ["A", "B"], "Properties": {"P": {"Ref": "Param"}}},
        }
    }
    Template.from_json(data)
