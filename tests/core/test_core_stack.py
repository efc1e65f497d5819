"""Stacks and template elements: names, artifact ids, limits, the bootstrap parameter and rule,
`CfnResource` overrides, removal policies and `DependsOn`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from core_support import golden_json, golden_text

from cdk_events.core import (
    App,
    CfnOutput,
    CfnResource,
    Construct,
    Environment,
    RemovalPolicy,
    Stack,
    ValidationError,
)


def synth_template(app: App, stack: Stack) -> dict[str, Any]:
    app.synth()
    return json.loads((Path(app.outdir) / stack.template_file).read_text())  # type: ignore[no-any-return]


def test_bootstrap_parameter_and_rule_as_in_the_goldens(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path))
    stack = Stack(app, "S")
    template = synth_template(app, stack)
    golden = golden_json("cross_stack_ref", "StackA.template.json")
    assert template == {"Parameters": golden["Parameters"], "Rules": golden["Rules"]}
    text = (tmp_path / "S.template.json").read_text()
    golden_text_ = golden_text("cross_stack_ref", "StackA.template.json")
    tail = golden_text_[golden_text_.index(' "Parameters"') :]
    assert text == "{\n" + tail


def test_stack_names_and_artifact_ids() -> None:
    app = App()
    stack = Stack(app, "My-Stack")
    assert stack.stack_name == "My-Stack" and stack.artifact_id == "My-Stack"
    assert stack.template_file == "My-Stack.template.json"
    named = Stack(app, "Id", stack_name="Other")
    assert named.stack_name == "Other" and named.artifact_id == "Id"
    with pytest.raises(ValidationError) as info:
        Stack(app, "Bad", stack_name="1abc")
    assert (
        str(info.value)
        == "Stack name must match the regular expression: /^[A-Za-z][A-Za-z0-9-]*$/, got '1abc'"
    )
    long_name = "a" * 129
    with pytest.raises(ValidationError) as info:
        Stack(app, "Long", stack_name=long_name)
    assert str(info.value) == f"Stack name must be <= 128 characters. Stack name: '{long_name}'"
    with pytest.raises(ValidationError, match="Stack name must match"):
        Stack(app, "under_score")


def test_environment_and_pseudo_parameters() -> None:
    app = App()
    agnostic = Stack(app, "A")
    assert agnostic.environment == "aws://unknown-account/unknown-region"
    assert agnostic.resolve(agnostic.account) == {"Ref": "AWS::AccountId"}
    assert agnostic.resolve(agnostic.region) == {"Ref": "AWS::Region"}
    concrete = Stack(app, "C", env=Environment(account="123456789012", region="eu-west-1"))
    assert concrete.environment == "aws://123456789012/eu-west-1"
    assert (concrete.account, concrete.region) == ("123456789012", "eu-west-1")


def test_stack_of() -> None:
    stack = Stack(App(), "S")
    deep = Construct(Construct(stack, "A"), "B")
    assert Stack.of(deep) is stack
    with pytest.raises(ValidationError, match="should be created in the scope of a Stack"):
        Stack.of(Construct(App(), "Loose"))


def test_over_500_resources_is_rejected_with_the_cdk_message(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path))
    stack = Stack(app, "BigStack")
    queue = Construct(stack, "Queue")
    CfnResource(queue, "Resource", type="AWS::SQS::Queue")
    CfnResource(Construct(queue, "Policy"), "Resource", type="AWS::SQS::QueuePolicy")
    for i in range(500):
        CfnResource(Construct(stack, f"Rule{i}"), "Resource", type="AWS::Events::Rule")
    with pytest.raises(ValidationError) as info:
        app.synth()
    expected = (
        "Number of resources in stack 'BigStack': 502 is greater than allowed maximum of 500: "
        "AWS::SQS::Queue (1), AWS::SQS::QueuePolicy (1), AWS::Events::Rule (500)"
    )
    assert str(info.value) == expected
    assert expected in golden_text("error_stack_over_500_resources", "ERROR.txt")


def test_resource_limit_from_context(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path), context={"@aws-cdk/core:stackResourceLimit": 1})
    stack = Stack(app, "S")
    CfnResource(stack, "A", type="AWS::SNS::Topic")
    CfnResource(stack, "B", type="AWS::SNS::Topic")
    with pytest.raises(ValidationError, match="2 is greater than allowed maximum of 1"):
        app.synth()


def test_resource_entry_key_order_and_overrides(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path))
    stack = Stack(app, "S")
    first = CfnResource(stack, "First", type="AWS::SNS::Topic")
    res = CfnResource(
        stack, "Res", type="AWS::SQS::Queue", properties={"A": 1, "Nested": {"Keep": 1, "Drop": 2}}
    )
    res.add_depends_on(first)
    res.apply_removal_policy(RemovalPolicy.DESTROY)
    res.cfn_options.metadata = {"m": 1}
    res.add_override("Properties.Nested.New", "x")
    res.add_property_override("Dotted\\.Key", "y")
    res.add_property_deletion_override("Nested.Drop")
    res.add_deletion_override("Properties.A")
    res.add_override("UpdatePolicy", {"X": True})
    resource = synth_template(app, stack)["Resources"]["Res"]
    assert list(resource) == [
        "Type",
        "Properties",
        "DependsOn",
        "UpdateReplacePolicy",
        "DeletionPolicy",
        "Metadata",
        "UpdatePolicy",
    ]
    assert resource["Properties"] == {"Nested": {"Keep": 1, "New": "x"}, "Dotted.Key": "y"}
    assert resource["DependsOn"] == ["First"]
    assert (resource["UpdateReplacePolicy"], resource["DeletionPolicy"]) == ("Delete", "Delete")
    assert resource["UpdatePolicy"] == {"X": True}


@pytest.mark.parametrize(
    ("policy", "deletion", "update_replace"),
    [
        (RemovalPolicy.RETAIN, "Retain", "Retain"),
        (RemovalPolicy.DESTROY, "Delete", "Delete"),
        (RemovalPolicy.SNAPSHOT, "Snapshot", "Snapshot"),
        (RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE, "RetainExceptOnCreate", "Retain"),
    ],
)
def test_removal_policies(policy: RemovalPolicy, deletion: str, update_replace: str) -> None:
    res = CfnResource(Stack(App(), "S"), "R", type="AWS::SQS::Queue")
    res.apply_removal_policy(policy)
    assert (res.cfn_options.deletion_policy, res.cfn_options.update_replace_policy) == (
        deletion,
        update_replace,
    )


def test_depends_on_is_sorted_by_construct_path(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path))
    stack = Stack(app, "S")
    b = CfnResource(stack, "b", type="AWS::SNS::Topic")
    a_upper = CfnResource(stack, "A", type="AWS::SNS::Topic")
    c = CfnResource(stack, "C", type="AWS::SNS::Topic")
    res = CfnResource(stack, "Res", type="AWS::SQS::Queue")
    for dep in (c, b, a_upper):
        res.add_depends_on(dep)
    # localeCompare: case does not decide the order (A < b < C), ordinal order would be A, C, b
    assert synth_template(app, stack)["Resources"]["Res"]["DependsOn"] == ["A", "b", "C"]


def test_properties_omitted_when_all_undefined(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path))
    stack = Stack(app, "S")
    CfnResource(stack, "R", type="AWS::SQS::Queue", properties={"A": None})
    assert synth_template(app, stack)["Resources"]["R"] == {"Type": "AWS::SQS::Queue"}


def test_outputs_and_sections_in_construct_order(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path))
    stack = Stack(app, "S", description="desc")
    CfnOutput(stack, "Out", value="v", description="d", export_name="E")
    CfnResource(stack, "R", type="AWS::SQS::Queue")
    template = synth_template(app, stack)
    assert list(template) == ["Description", "Outputs", "Resources", "Parameters", "Rules"]
    assert template["Outputs"]["Out"] == {"Description": "d", "Value": "v", "Export": {"Name": "E"}}


def test_rename_and_override_logical_ids(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path))
    stack = Stack(app, "S")
    res = CfnResource(Construct(stack, "Rule"), "Resource", type="AWS::Events::Rule")
    other = CfnResource(stack, "Other", type="AWS::SNS::Topic")
    stack.rename_logical_id("Rule4C995B7F", "Renamed")
    other.override_logical_id("Overridden")
    assert list(synth_template(app, stack)["Resources"]) == ["Renamed", "Overridden"]
    assert stack.resolve(res.ref) == {"Ref": "Renamed"}

    app2 = App(outdir=str(tmp_path / "two"))
    stack2 = Stack(app2, "S")
    stack2.rename_logical_id("Missing", "X")
    with pytest.raises(ValidationError, match="were attempted to be renamed, but not found: Missing"):
        app2.synth()


def test_an_empty_stack_is_rejected_when_templates_are_validated(tmp_path: Path) -> None:
    """aws-cdk-lib's CloudFormation Validate step (flag `@aws-cdk/core:validateAgainstDefaultRules`)
    rejects a template without resources; without the flag the CDK writes it."""
    app = App(outdir=str(tmp_path / "checked"), context={"@aws-cdk/core:validateAgainstDefaultRules": True})
    Stack(app, "Empty")
    with pytest.raises(ValidationError, match=r"\[Empty\] the stack has no resources"):
        app.synth()
    relaxed = App(outdir=str(tmp_path / "relaxed"))
    Stack(relaxed, "Empty")
    assert "Resources" not in relaxed.synth().get_stack_artifact("Empty").template
