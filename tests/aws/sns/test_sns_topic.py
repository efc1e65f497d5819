"""sns.Topic / TopicPolicy: CDK defaults, auto Sids and the goldens of the compat suite."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from aws_support import by_path, golden, make_app, synth

from cdk_events.aws import iam, kms, sns
from cdk_events.core import Stack, ValidationError


def test_owned_topic_matches_golden(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "OwnedResourceStack")
    key = kms.Key(stack, "Key")
    topic = sns.Topic(stack, "Topic", topic_name="owned-topic", display_name="Owned topic", master_key=key)
    topic.grant_publish(iam.ServicePrincipal("events.amazonaws.com"))
    ours = synth(app, "OwnedResourceStack")["Resources"]
    expected = golden("owned_resources", "OwnedResourceStack")["Resources"]
    assert ours["TopicBFC7AF6E"] == expected["TopicBFC7AF6E"]
    assert ours["TopicPolicyA1747468"] == expected["TopicPolicyA1747468"]
    key_statements = ours["Key961B73FD"]["Properties"]["KeyPolicy"]["Statement"]
    assert key_statements == expected["Key961B73FD"]["Properties"]["KeyPolicy"]["Statement"]


def test_statements_get_numbered_sids(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    topic = sns.Topic(stack, "Topic")
    topic.add_to_resource_policy(iam.PolicyStatement(actions=["sns:Publish"], resources=[topic.topic_arn],
                                                     principals=[iam.AccountPrincipal("111111111111")]))
    topic.add_to_resource_policy(iam.PolicyStatement(sid="Named", actions=["sns:Subscribe"],
                                                     resources=[topic.topic_arn], principals=[iam.AnyPrincipal()]))
    topic.add_to_resource_policy(iam.PolicyStatement(actions=["sns:GetTopicAttributes"], resources=["*"],
                                                     principals=[iam.AnyPrincipal()]))
    resources = synth(app, "S")["Resources"]
    statements = resources["TopicPolicyA1747468"]["Properties"]["PolicyDocument"]["Statement"]
    assert [s["Sid"] for s in statements] == ["0", "Named", "2"]
    assert resources["TopicPolicyA1747468"]["Properties"]["Topics"] == [{"Ref": "TopicBFC7AF6E"}]


def test_fifo_names(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    sns.Topic(stack, "Named", topic_name="orders", fifo=True, content_based_deduplication=True)
    sns.Topic(stack, "Generated", fifo=True)
    resources = synth(app, "S")["Resources"]
    assert by_path(resources, "S/Named/Resource")["Properties"] == {
        "ContentBasedDeduplication": True, "FifoTopic": True, "TopicName": "orders.fifo"}
    assert by_path(resources, "S/Generated/Resource")["Properties"]["TopicName"].endswith(".fifo")


def test_from_topic_arn(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    topic = sns.Topic.from_topic_arn(stack, "Imported", "arn:aws:sns:eu-west-1:123456789012:shared.fifo")
    assert (topic.topic_name, topic.fifo) == ("shared.fifo", True)
    assert (topic.env.account, topic.env.region) == ("123456789012", "eu-west-1")
    assert topic.add_to_resource_policy(iam.PolicyStatement(actions=["sns:*"], resources=["*"])).statement_added \
        is False


@pytest.mark.parametrize(("props", "message"), [
    ({"content_based_deduplication": True}, "Content based deduplication can only be enabled for FIFO SNS topics."),
    ({"display_name": "x" * 101}, "displayName must be less than or equal to 100 characters, got 101"),
    ({"topic_name": "has space"}, "Invalid topic_name 'has space'"),
    ({"fifo": "true"}, "[S/T] 'fifo' must be True or False"),
    ({"master_key": "alias/foo"}, "'master_key' must be a kms.IKey"),
    ({"signature_version": "3"}, 'signatureVersion must be "1" or "2", received: "3"'),
])
def test_invalid_props_are_rejected(tmp_path: Path, props: dict[str, Any], message: str) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    with pytest.raises(ValidationError) as error:
        sns.Topic(stack, "T", **props)
    assert message in str(error.value)
