"""The shortcuts of the statement and policy hot paths give what their general paths give."""

from __future__ import annotations

from typing import Any

import pytest

from cdk_events.aws import iam, sqs
from cdk_events.aws.iam._merge import _sort_by_json, _sort_principals, _sorted_unique
from cdk_events.aws.iam._principals import LITERAL_STRING_KEY, merge_principal
from cdk_events.core import App, Stack, UnscopedValidationError


def _general_sort(values: Any) -> Any:
    if not isinstance(values, list):
        return values
    ordered = _sorted_unique(values)
    return ordered if len(ordered) != 1 else ordered[0]


@pytest.mark.parametrize("values", [
    ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"],
    ["a!", "a", "a b", "a\\", "a\u0001", "\u00e9", "\U0001f600", "\uffff", "a"],  # JSON text order, not str order
    ["only"],
    ["dup", "dup"],
    [],
    ["x", {"Ref": "R"}, 1],
])
def test_remembered_string_sort_equals_the_general_sort(values: list[Any]) -> None:
    for _ in range(2):  # (computed, then remembered)
        assert _sort_by_json(list(values)) == _general_sort(list(values))


def test_remembered_sort_gives_a_new_list_each_time() -> None:
    first = _sort_by_json(["b", "a"])
    first.append("c")
    assert _sort_by_json(["b", "a"]) == ["a", "b"]


def test_one_key_principal_is_sorted_like_many() -> None:
    assert _sort_principals({"Service": ["b.amazonaws.com", "a.amazonaws.com", "a.amazonaws.com"]}) == {
        "Service": ["a.amazonaws.com", "b.amazonaws.com"]}
    assert _sort_principals({"AWS": "arn", "Service": ["s2", "s1"]}) == {"AWS": "arn", "Service": ["s1", "s2"]}


def _added_one_by_one(**kwargs: Any) -> iam.PolicyStatement:
    statement = iam.PolicyStatement()
    statement.add_actions(*kwargs.get("actions", []))
    statement.add_principals(*kwargs.get("principals", []))
    statement.add_resources(*kwargs.get("resources", []))
    statement.add_conditions(kwargs.get("conditions", {}))
    return statement


def test_constructor_equals_the_add_methods() -> None:
    service = iam.ServicePrincipal("events.amazonaws.com", conditions={"ArnEquals": {"aws:SourceArn": "arn:r"}})
    kwargs: dict[str, Any] = {
        "actions": ["sqs:SendMessage", "sqs:GetQueueUrl", "sqs:SendMessage"],
        "principals": [service, iam.ServicePrincipal("sns.amazonaws.com", conditions={
            "ArnEquals": {"aws:SourceArn": "arn:r"}})],
        "resources": ["arn:q", "arn:q2", "arn:q"],
        "conditions": {"ArnEquals": {"aws:SourceAccount": "1"}, "Bool": {"aws:SecureTransport": "true"}},
    }
    built = iam.PolicyStatement(**kwargs)
    assert built.to_statement_json() == _added_one_by_one(**kwargs).to_statement_json()
    assert built.to_statement_json() == {
        "Action": ["sqs:SendMessage", "sqs:GetQueueUrl"],
        "Condition": {"ArnEquals": {"aws:SourceArn": "arn:r", "aws:SourceAccount": "1"},
                      "Bool": {"aws:SecureTransport": "true"}},
        "Effect": "Allow",
        "Principal": {"Service": ["events.amazonaws.com", "sns.amazonaws.com"]},
        "Resource": ["arn:q", "arn:q2"],
    }


def test_constructor_still_refuses_what_the_add_methods_refuse() -> None:
    with pytest.raises(UnscopedValidationError, match="Action 'nope' is invalid"):
        iam.PolicyStatement(actions=["nope"])
    with pytest.raises(UnscopedValidationError, match="Cannot add 'NotActions'"):
        iam.PolicyStatement(actions=["s3:Get"], not_actions=["s3:Put"])
    with pytest.raises(UnscopedValidationError, match="Cannot add 'NotPrincipals'"):
        iam.PolicyStatement(principals=[iam.AnyPrincipal()], not_principals=[iam.AnyPrincipal()])
    with pytest.raises(UnscopedValidationError, match="Cannot add 'NotResources'"):
        iam.PolicyStatement(resources=["*"], not_resources=["arn:x"])
    with pytest.raises(UnscopedValidationError, match="same Conditions"):
        iam.PolicyStatement(principals=[iam.ServicePrincipal("a.amazonaws.com", conditions={"Bool": {"k": "v"}}),
                                        iam.ServicePrincipal("b.amazonaws.com")])
    with pytest.raises(UnscopedValidationError, match="A Condition should be represented"):
        iam.PolicyStatement(conditions={"Bool": "no map"})
    statement = iam.PolicyStatement(actions=["s3:Get"]).freeze()
    with pytest.raises(UnscopedValidationError, match="freeze"):
        statement.add_condition("Bool", {"k": "v"})


def test_validated_actions_are_still_checked_in_new_statements() -> None:
    iam.PolicyStatement(actions=["s3:GetObject"])
    with pytest.raises(UnscopedValidationError, match="Action 'bad action' is invalid"):
        iam.PolicyStatement(actions=["s3:GetObject", "bad action"])


def test_empty_parts_are_left_out_and_a_sid_kept() -> None:
    statement = iam.PolicyStatement(sid="", effect=iam.Effect.DENY, not_actions=["s3:Put"], not_resources=["arn:x"],
                                    not_principals=[iam.AnyPrincipal()])
    assert statement.to_statement_json() == {
        "NotAction": "s3:Put", "Effect": "Deny", "NotPrincipal": {"AWS": "*"}, "NotResource": "arn:x", "Sid": ""}


@pytest.mark.parametrize(("target", "source", "fails"), [
    ({}, {LITERAL_STRING_KEY: ["*"]}, False),
    ({LITERAL_STRING_KEY: ["*"]}, {LITERAL_STRING_KEY: ["*"]}, False),
    ({"AWS": ["a"]}, {LITERAL_STRING_KEY: ["*"]}, True),
    ({LITERAL_STRING_KEY: ["*"], "AWS": ["a"]}, {LITERAL_STRING_KEY: ["*"]}, True),
    ({LITERAL_STRING_KEY: ["*"]}, {"AWS": ["a"]}, True),
    ({LITERAL_STRING_KEY: ["*"]}, {}, False),
    ({"AWS": ["a"]}, {"Service": ["s"]}, False),
])
def test_literal_principals_merge_only_with_literal_ones(target: dict[str, list[Any]], source: dict[str, Any],
                                                         fails: bool) -> None:
    if fails:
        with pytest.raises(UnscopedValidationError, match="Cannot merge principals"):
            merge_principal(target, source)
    else:
        merge_principal(target, source)


def test_queue_policy_additions_share_one_result() -> None:
    stack = Stack(App(), "S")
    queue = sqs.Queue(stack, "Q")
    first = queue.add_to_resource_policy(iam.PolicyStatement(actions=["sqs:SendMessage"],
                                                             principals=[iam.AnyPrincipal()]))
    second = queue.grant_send_messages(iam.ServicePrincipal("events.amazonaws.com"))
    assert first.statement_added and first.policy_dependable is queue.policy
    assert second.resource_statement is not None and second.dependables == [queue.policy]
    assert queue.policy is not None and queue.policy.document.statement_count == 2
    imported = sqs.Queue.from_queue_arn(stack, "I", "arn:aws:sqs:us-east-1:123456789012:q")
    result = imported.add_to_resource_policy(iam.PolicyStatement(actions=["sqs:SendMessage"]))
    assert not result.statement_added
