"""Logical ids, unique ids, unique resource names, physical names and node addresses.

Every expected id is a value verified against aws-cdk-lib 2.275 (spec §2-§4, §8, the goldens).
"""

from __future__ import annotations

import pytest

from cdk_events.core import (
    App,
    CfnResource,
    Construct,
    Environment,
    Names,
    PhysicalName,
    Resource,
    Stack,
    Token,
    ValidationError,
    generate_physical_name,
)
from cdk_events.core._names import make_unique_id, make_unique_resource_name


@pytest.mark.parametrize(
    ("components", "expected"),
    [
        (["Rule", "Resource"], "Rule4C995B7F"),
        (["Queue", "Policy", "Resource"], "QueuePolicy25439813"),
        (["Rule", "EventsRole", "Resource"], "RuleEventsRoleC51A4248"),
        (["Exports", 'Output{"Ref":"BusEA82B648"}'], "ExportsOutputRefBusEA82B6486A28F94F"),
        (
            ["Exports", 'Output{"Fn::GetAtt":["BusEA82B648","Arn"]}'],
            "ExportsOutputFnGetAttBusEA82B648ArnBC65BB77",
        ),
        (["Publish", 'Output{"Ref":"BusEA82B648"}'], "PublishOutputRefBusEA82B648B9ECC032"),
        (
            ["Publish", 'Output{"Fn::GetAtt":["BusEA82B648","Arn"]}'],
            "PublishOutputFnGetAttBusEA82B648Arn0C9BA500",
        ),
        (["Rule", "AllowEventRuleMyStackFnA02A693E"], "RuleAllowEventRuleMyStackFnA02A693EA1310453"),
        (["Repository", "OnCommit", "Resource"], "RepositoryOnCommit439A0504"),
        (["SourceStackMyRuleF74BC2B7-Target0"], "SourceStackMyRuleF74BC2B7Target0"),
        (["GivePermToOtherAccount"], "GivePermToOtherAccount"),
        (["CDKMetadata", "Default"], "CDKMetadata"),
        (["Bus", "Resource"], "BusEA82B648"),
        (["Queue", "Resource"], "Queue4A7E3555"),
    ],
)
def test_make_unique_id_verified_examples(components: list[str], expected: str) -> None:
    assert make_unique_id(components) == expected


def test_mirror_rule_logical_id_from_its_construct_id() -> None:
    # spec §3.2: construct id `SourceStackMyRuleF74BC2B7-Target0` under the target stack -> its rule
    app = App()
    stack = Stack(app, "Tgt")
    mirror = Construct(stack, "SourceStackMyRuleF74BC2B7-Target0")
    rule = CfnResource(mirror, "Resource", type="AWS::Events::Rule")
    assert stack.resolve(rule.logical_id) == "SourceStackMyRuleF74BC2B7Target07D4B1ACB"


def test_logical_id_of_resources_in_a_stack() -> None:
    stack = Stack(App(), "MyStack")
    rule = CfnResource(Construct(stack, "Rule"), "Resource", type="AWS::Events::Rule")
    policy = CfnResource(
        Construct(Construct(stack, "Queue"), "Policy"), "Resource", type="AWS::SQS::QueuePolicy"
    )
    direct = CfnResource(stack, "D", type="AWS::SNS::Topic")
    assert stack.resolve(rule.logical_id) == "Rule4C995B7F"
    assert stack.resolve(policy.logical_id) == "QueuePolicy25439813"
    assert stack.resolve(direct.logical_id) == "D"
    assert stack.get_logical_id(rule) == "Rule4C995B7F"


def test_make_unique_id_errors() -> None:
    with pytest.raises(
        ValidationError, match="Unable to calculate a unique id for an empty set of components"
    ):
        make_unique_id(["Default"])
    with pytest.raises(ValidationError, match="ID components may not include unresolved tokens"):
        make_unique_id(["A", Token.as_string({"Ref": "X"})])


def test_long_single_component_gets_a_hash() -> None:
    long_id = "A" * 256
    result = make_unique_id([long_id])
    assert len(result) == 240 + 8
    assert result.startswith("A" * 240)


def test_dupes_and_resource_are_dropped_from_the_human_part() -> None:
    # "Rule" is dropped because the kept "MyRule" ends with it; "Resource" never shows
    result = make_unique_id(["MyRule", "Rule", "Resource"])
    assert result.startswith("MyRule") and len(result) == len("MyRule") + 8


def test_names_unique_id_includes_the_stack() -> None:
    app = App()
    stack = Stack(app, "BusStack")
    bus = Construct(stack, "Bus")
    assert Names.unique_id(bus) == "BusStackBusE376C2D9"
    assert Names.node_unique_id(bus.node) == "BusStackBusE376C2D9"
    fn = Construct(Stack(app, "MyStack"), "Fn")
    assert Names.unique_id(fn) == "MyStackFnA02A693E"
    fn2 = Construct(Stack(app, "LambdaTargetStack"), "Fn")
    assert Names.unique_id(fn2) == "LambdaTargetStackFn67BE9BFC"
    assert Names.unique_id(app) == ""


def test_names_unique_id_of_default_bus_names_in_goldens() -> None:
    app = App()
    assert Names.unique_id(Construct(Stack(app, "StackC"), "Bus")) == "StackCBusF6B857F5"
    assert (
        Names.unique_id(Construct(Construct(Stack(app, "Stack1"), "Repository"), "OnCommit"))
        == "Stack1RepositoryOnCommitC714DFA6"
    )


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (("SourceStack", "MyRule"), "Allow-account-111111111111-SourceStackMyRuleF74BC2B7"),
        (("SourceStack", "Rule"), "Allow-account-111111111111-SourceStackRuleD6962A13"),
        (("SourceStack", "ToLambda"), "Allow-account-111111111111-SourceStackToLambda0F6B4E57"),
        (("Stack1", "Repository", "OnCommit"), "Allow-account-111111111111-Stack1RepositoryOnCommitC714DFA6"),
    ],
)
def test_unique_resource_name_for_event_bus_policy_statement_ids(
    path: tuple[str, ...], expected: str
) -> None:
    app = App()
    scope: Construct = Stack(app, path[0])
    for part in path[1:]:
        scope = Construct(scope, part)
    prefix = "Allow-account-111111111111-"
    assert prefix + Names.unique_resource_name(scope, max_length=64 - len(prefix)) == expected


def test_unique_resource_name_uses_the_stack_name_not_its_id() -> None:
    app = App()
    stack = Stack(app, "Id", stack_name="RealName")
    rule = Construct(stack, "MyRule")
    expected_hash = make_unique_id(["RealName", "MyRule"])[-8:]
    assert Names.unique_resource_name(rule) == "RealNameMyRule" + expected_hash


def test_unique_resource_name_keeps_both_ends_when_too_long() -> None:
    # spec §4.2: maxLength 37 -> 14 first + 14 last characters of the human part + 8 hash characters
    components = ["AVeryLongSourceStackName", "WithAnotherVeryLongIdentifier"]
    human = "AVeryLongSourceStackNameWithAnotherVeryLongIdentifier"
    result = make_unique_resource_name(components, max_length=37)
    assert result == human[:14] + human[-14:] + make_unique_id(components)[-8:]
    assert len(result) == 36


def test_unique_resource_name_separator_and_special_characters() -> None:
    result = make_unique_resource_name(
        ["My-Stack", "a.b", "Resource"], separator="-", allowed_special_characters="."
    )
    assert result == "MyStack-a.b-" + make_unique_id(["My-Stack", "a.b", "Resource"])[-8:]


def test_generated_physical_name() -> None:
    app = App()
    stack = Stack(app, "Tgt", env=Environment(account="222222222222", region="us-east-1"))
    fn = Resource(stack, "Fn", physical_name=PhysicalName.GENERATE_IF_NEEDED)
    assert generate_physical_name(fn) == "tgttgtfn57291319707806b0605d"


def test_physical_name_needs_a_concrete_environment() -> None:
    app = App()
    agnostic = Resource(Stack(app, "S"), "Fn")
    with pytest.raises(
        ValidationError,
        match=r"Cannot generate a physical name for S/Fn, because the region is "
        r"un-resolved or missing",
    ):
        generate_physical_name(agnostic)
    region_only = Resource(Stack(app, "R", env=Environment(region="us-east-1")), "Fn")
    with pytest.raises(ValidationError, match="because the account is un-resolved or missing"):
        generate_physical_name(region_only)


def test_node_addr() -> None:
    app = App()
    rule = Construct(Stack(app, "SourceStack"), "MyRule")
    assert rule.node.addr == "c852ce56e4368c99f2a2bbc84dbc79984fbec265a8"
    assert len(rule.node.addr) == 42
    # a `Default` component is skipped: a `Default` child has the address of its parent
    other = Stack(app, "Other")
    assert Construct(other, "Default").node.addr == other.node.addr
    assert Construct(other, "NotDefault").node.addr != other.node.addr
