"""PolicyStatement rendering and PolicyDocument post-processing (dedupe, Sids, minimize)."""

from __future__ import annotations

import time
from typing import Any

import pytest

from cdk_events.aws import iam
from cdk_events.core import (
    RECOMMENDED_FEATURE_FLAGS,
    App,
    Construct,
    Environment,
    Stack,
    ValidationError,
)

EVENTS = iam.ServicePrincipal("events.amazonaws.com")
QUEUE_ACTIONS = ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"]


def stack_with(minimize: bool | None = True, env: Environment | None = None) -> Stack:
    context: dict[str, Any] = dict(RECOMMENDED_FEATURE_FLAGS)
    if minimize is None:
        del context["@aws-cdk/aws-iam:minimizePolicies"]
    else:
        context["@aws-cdk/aws-iam:minimizePolicies"] = minimize
    return Stack(App(context=context), "S", env=env)


def queue_statement(rule_arn: str, queue_arn: str) -> iam.PolicyStatement:
    return iam.PolicyStatement(
        actions=QUEUE_ACTIONS,
        principals=[EVENTS],
        resources=[queue_arn],
        conditions={"ArnEquals": {"aws:SourceArn": rule_arn}},
    )


def test_statement_key_order_and_scalars() -> None:
    statement = iam.PolicyStatement(
        sid="S",
        resources=["arn:r"],
        actions=["sqs:SendMessage"],
        principals=[EVENTS],
        conditions={"ArnEquals": {"aws:SourceArn": "arn:rule"}},
        effect=iam.Effect.DENY,
    )
    rendered = statement.to_statement_json()
    assert list(rendered) == ["Action", "Condition", "Effect", "Principal", "Resource", "Sid"]
    assert rendered["Action"] == "sqs:SendMessage"
    assert rendered["Effect"] == "Deny"
    assert rendered["Principal"] == {"Service": "events.amazonaws.com"}


def test_actions_and_resources_are_deduplicated_in_insertion_order() -> None:
    statement = iam.PolicyStatement(actions=["b:B", "a:A", "b:B"], resources=["r2", "r1", "r2"])
    assert statement.to_statement_json()["Action"] == ["b:B", "a:A"]
    assert statement.to_statement_json()["Resource"] == ["r2", "r1"]


def test_queue_policy_actions_sorted_only_with_minimize_flag() -> None:
    # cdk-observed.md: flag on -> sorted; flag off -> insertion order
    for minimize, expected in (
        (True, ["sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:SendMessage"]),
        (False, QUEUE_ACTIONS),
        (None, QUEUE_ACTIONS),
    ):
        stack = stack_with(minimize)
        document = iam.PolicyDocument(statements=[queue_statement("arn:rule", "arn:queue")])
        assert stack.resolve(document)["Statement"][0]["Action"] == expected


def test_statements_with_different_conditions_are_not_merged() -> None:
    # target_sqs golden: one statement per rule
    stack = stack_with(True)
    document = iam.PolicyDocument(
        statements=[queue_statement("arn:r1", "arn:q"), queue_statement("arn:r2", "arn:q")]
    )
    assert len(stack.resolve(document)["Statement"]) == 2


def test_statements_differing_in_resources_merge_only_when_minimizing() -> None:
    statements = [iam.PolicyStatement(actions=["events:PutEvents"], resources=[f"arn:bus/{n}"]) for n in "ba"]
    merged = stack_with(True).resolve(iam.PolicyDocument(statements=statements))
    assert merged["Statement"] == [
        {"Action": "events:PutEvents", "Effect": "Allow", "Resource": ["arn:bus/a", "arn:bus/b"]}
    ]
    statements = [iam.PolicyStatement(actions=["events:PutEvents"], resources=[f"arn:bus/{n}"]) for n in "ba"]
    plain = stack_with(False).resolve(iam.PolicyDocument(statements=statements))
    assert [s["Resource"] for s in plain["Statement"]] == ["arn:bus/b", "arn:bus/a"]


def test_merge_on_actions_and_principals() -> None:
    stack = stack_with(True)
    document = iam.PolicyDocument(
        statements=[
            iam.PolicyStatement(actions=["kms:Encrypt"], resources=["arn:k"]),
            iam.PolicyStatement(actions=["kms:Decrypt"], resources=["arn:k"]),
            iam.PolicyStatement(actions=["sns:Publish"], resources=["arn:t"], principals=[EVENTS]),
            iam.PolicyStatement(
                actions=["sns:Publish"],
                resources=["arn:t"],
                principals=[iam.ArnPrincipal("arn:aws:iam::123456789012:role/r")],
            ),
        ]
    )
    assert stack.resolve(document)["Statement"] == [
        {"Action": ["kms:Decrypt", "kms:Encrypt"], "Effect": "Allow", "Resource": "arn:k"},
        {
            "Action": "sns:Publish",
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::123456789012:role/r", "Service": "events.amazonaws.com"},
            "Resource": "arn:t",
        },
    ]


def test_statements_with_sid_or_other_effect_are_not_merged() -> None:
    stack = stack_with(True)
    document = iam.PolicyDocument(
        statements=[
            iam.PolicyStatement(actions=["a:A"], resources=["r1"], sid="One"),
            iam.PolicyStatement(actions=["a:A"], resources=["r2"]),
            iam.PolicyStatement(actions=["a:A"], resources=["r3"], effect=iam.Effect.DENY),
        ]
    )
    assert len(stack.resolve(document)["Statement"]) == 3


def test_exact_duplicates_removed_without_minimize() -> None:
    stack = stack_with(False)
    document = iam.PolicyDocument(
        statements=[
            iam.PolicyStatement(actions=["a:A"], resources=["r"]),
            iam.PolicyStatement(actions=["a:A"], resources=["r"]),
        ]
    )
    assert stack.resolve(document)["Statement"] == [{"Action": "a:A", "Effect": "Allow", "Resource": "r"}]


def test_assign_sids_numbers_after_deduplication() -> None:
    # target_sns golden: the topic policy statement gets Sid "0"
    stack = stack_with(False)
    first = iam.PolicyStatement(actions=["sns:Publish"], principals=[EVENTS], resources=["t"])
    document = iam.PolicyDocument(
        assign_sids=True,
        statements=[
            first,
            iam.PolicyStatement(actions=["sns:Publish"], principals=[EVENTS], resources=["t"]),
            iam.PolicyStatement(actions=["sns:Subscribe"], principals=[EVENTS], resources=["t"], sid="Mine"),
            iam.PolicyStatement(actions=["sns:Receive"], principals=[EVENTS], resources=["t"]),
        ],
    )
    assert [s["Sid"] for s in stack.resolve(document)["Statement"]] == ["0", "Mine", "2"]
    assert list(stack.resolve(document)["Statement"][0]) == [
        "Action",
        "Effect",
        "Principal",
        "Resource",
        "Sid",
    ]


def test_empty_document_renders_nothing() -> None:
    assert stack_with().resolve({"Doc": iam.PolicyDocument()}) == {}
    assert iam.PolicyDocument().is_empty


def test_account_principal_env_agnostic_and_concrete_region() -> None:
    statement = iam.PolicyStatement(
        actions=["events:PutEvents"], principals=[iam.AccountPrincipal("111111111111")], resources=["*"]
    )
    document = iam.PolicyDocument(statements=[statement])
    assert stack_with().resolve(document)["Statement"][0]["Principal"] == {
        "AWS": {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iam::111111111111:root"]]}
    }
    concrete = stack_with(env=Environment(account="222222222222", region="us-east-1"))
    assert concrete.resolve(document)["Statement"][0]["Principal"] == {
        "AWS": "arn:aws:iam::111111111111:root"
    }
    china = stack_with(env=Environment(account="222222222222", region="cn-north-1"))
    assert china.resolve(document)["Statement"][0]["Principal"] == {
        "AWS": "arn:aws-cn:iam::111111111111:root"
    }


def test_account_root_and_any_and_star_principals() -> None:
    stack = stack_with(env=Environment(account="123456789012", region="eu-west-1"))

    def principal(p: iam.IPrincipal) -> Any:
        doc = iam.PolicyDocument(statements=[iam.PolicyStatement(actions=["a:A"], principals=[p])])
        return stack.resolve(doc)["Statement"][0]["Principal"]

    assert principal(iam.AccountRootPrincipal()) == {"AWS": "arn:aws:iam::123456789012:root"}
    assert principal(iam.AnyPrincipal()) == {"AWS": "*"}
    assert principal(iam.StarPrincipal()) == "*"
    organization = iam.PolicyStatement(actions=["a:A"], principals=[iam.OrganizationPrincipal("o-1")])
    assert organization.to_statement_json()["Condition"] == {"StringEquals": {"aws:PrincipalOrgID": "o-1"}}


def test_principal_keys_sorted_only_with_minimize() -> None:
    def keys(minimize: bool) -> list[str]:
        statement = iam.PolicyStatement(actions=["a:A"], principals=[EVENTS, iam.AnyPrincipal()])
        return list(
            stack_with(minimize).resolve(iam.PolicyDocument(statements=[statement]))["Statement"][0][
                "Principal"
            ]
        )

    assert keys(False) == ["Service", "AWS"]
    assert keys(True) == ["AWS", "Service"]


def test_tokens_in_resources_and_conditions_resolve() -> None:
    stack = stack_with()
    rule = iam.CfnRole(Construct(stack, "Rule"), "Resource", assume_role_policy_document={})
    document = iam.PolicyDocument(statements=[queue_statement(rule.attr_arn, rule.attr_arn)])
    statement = stack.resolve(document)["Statement"][0]
    assert statement["Condition"] == {"ArnEquals": {"aws:SourceArn": {"Fn::GetAtt": ["Rule4C995B7F", "Arn"]}}}
    assert statement["Resource"] == {"Fn::GetAtt": ["Rule4C995B7F", "Arn"]}


def test_actions_given_as_a_string_are_rejected() -> None:
    with pytest.raises(ValidationError) as error:
        iam.PolicyStatement(actions="sqs:SendMessage")  # type: ignore[arg-type]
    assert str(error.value) == (
        "PolicyStatement: 'actions' must be a list of strings, got 'sqs:SendMessage' (a str)"
    )


def test_invalid_action_message() -> None:
    with pytest.raises(ValidationError) as error:
        iam.PolicyStatement(actions=["SendMessage"])
    assert str(error.value) == (
        "Action 'SendMessage' is invalid. An action string consists of a service namespace, a colon, and "
        "the name of an action. Action names can include wildcards."
    )


def test_account_principal_requires_twelve_digits() -> None:
    with pytest.raises(ValidationError, match="'111111111' is not a 12-digit AWS account id"):
        iam.AccountPrincipal("111111111")


def test_frozen_statement_cannot_change() -> None:
    statement = iam.PolicyStatement(actions=["a:A"]).freeze()
    with pytest.raises(ValidationError, match="freeze\\(\\) has been called"):
        statement.add_resources("r")


def test_actions_and_not_actions_exclude_each_other() -> None:
    with pytest.raises(ValidationError, match="Cannot add 'NotActions'"):
        iam.PolicyStatement(actions=["a:A"], not_actions=["b:B"])


def test_validation_messages() -> None:
    assert iam.PolicyStatement().validate_for_any_policy() == [
        "A PolicyStatement must specify at least one 'action' or 'notAction'."
    ]
    assert iam.PolicyStatement(actions=["a:A"]).validate_for_resource_policy() == [
        "A PolicyStatement used in a resource-based policy must specify at least one IAM principal."
    ]
    assert iam.PolicyStatement(actions=["a:A"]).validate_for_identity_policy() == [
        "A PolicyStatement used in an identity-based policy must specify at least one resource."
    ]


def test_copy_overrides() -> None:
    original = iam.PolicyStatement(actions=["a:A"], resources=["r"], sid="X")
    copied = original.copy(resources=["other"])
    assert copied.to_statement_json() == {"Action": "a:A", "Effect": "Allow", "Resource": "other", "Sid": "X"}


def test_many_statements_merge_fast_and_like_the_pairwise_algorithm() -> None:
    stack = stack_with(True)
    statements = [
        iam.PolicyStatement(actions=[f"svc:Action{n % 7}"], resources=[f"arn:res/{n % 50}"])
        for n in range(1500)
    ]
    start = time.perf_counter()
    resolved = stack.resolve(iam.PolicyDocument(statements=statements))
    assert time.perf_counter() - start < 5
    # every statement shares its action set with others: the result groups resources by action set
    rendered = resolved["Statement"]
    covered = {
        (a, r)
        for s in rendered
        for a in ([s["Action"]] if isinstance(s["Action"], str) else s["Action"])
        for r in ([s["Resource"]] if isinstance(s["Resource"], str) else s["Resource"])
    }
    assert {(f"svc:Action{n % 7}", f"arn:res/{n % 50}") for n in range(1500)} <= covered
    assert len(rendered) < 10
