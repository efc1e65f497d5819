"""sqs.Queue / QueuePolicy: CDK defaults and the goldens of the compat suite."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from aws_support import by_path, golden, make_app, synth

from cdk_events.aws import iam, kms, sqs
from cdk_events.core import Duration, RemovalPolicy, Stack, ValidationError


def test_owned_resources_queues_match_golden(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "OwnedResourceStack")
    sqs.Queue(stack, "Named", queue_name="named-queue", visibility_timeout=Duration.seconds(45),
              retention_period=Duration.days(4), removal_policy=RemovalPolicy.RETAIN)
    sqs.Queue(stack, "KmsManaged", encryption=sqs.QueueEncryption.KMS_MANAGED)
    sqs.Queue(stack, "SqsManaged", encryption=sqs.QueueEncryption.SQS_MANAGED)
    ours = synth(app, "OwnedResourceStack")["Resources"]
    expected = golden("owned_resources", "OwnedResourceStack")["Resources"]
    for logical_id in ("NamedD2F31604", "KmsManaged1364C47C", "SqsManagedFBC660DC"):
        assert ours[logical_id] == expected[logical_id]


def test_defaults_fifo_and_encrypted_queue_match_golden(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "SqsTargetStack")
    sqs.Queue(stack, "Queue")
    sqs.Queue(stack, "Fifo", fifo=True, content_based_deduplication=True)
    key = kms.Key(stack, "Key")
    sqs.Queue(stack, "Encrypted", encryption=sqs.QueueEncryption.KMS, encryption_master_key=key)
    ours = synth(app, "SqsTargetStack")["Resources"]
    expected = golden("target_sqs", "SqsTargetStack")["Resources"]
    for logical_id in ("Queue4A7E3555", "FifoF9CE07D8", "Encrypted084288C2"):
        assert ours[logical_id] == expected[logical_id]


def test_grant_send_messages_to_service_creates_policy_once(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    queue = sqs.Queue(stack, "Queue")
    for source in ("arn:aws:events:us-east-1:123456789012:rule/a", "arn:aws:events:us-east-1:123456789012:rule/b"):
        queue.grant_send_messages(iam.ServicePrincipal(
            "events.amazonaws.com", conditions={"ArnEquals": {"aws:SourceArn": source}}))
    resources = synth(app, "S")["Resources"]
    policy = resources["QueuePolicy25439813"]
    assert policy["Properties"]["Queues"] == [{"Ref": "Queue4A7E3555"}]
    statements = policy["Properties"]["PolicyDocument"]["Statement"]
    assert [s["Action"] for s in statements] == [["sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:SendMessage"]] * 2
    assert all("Sid" not in s for s in statements)
    assert list(resources).count("QueuePolicy25439813") == 1


def test_grant_to_role_goes_to_identity_policy_with_key(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    queue = sqs.Queue(stack, "Queue", encryption=sqs.QueueEncryption.KMS)
    role = iam.Role(stack, "Role", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
    queue.grant_send_messages(role)
    resources = synth(app, "S")["Resources"]
    assert not any(r["Type"] == "AWS::SQS::QueuePolicy" for r in resources.values())
    statements = resources["RoleDefaultPolicy5FFB7DAB"]["Properties"]["PolicyDocument"]["Statement"]
    assert statements[0]["Resource"] == {"Fn::GetAtt": ["Queue4A7E3555", "Arn"]}
    assert statements[1]["Action"] == ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"]
    assert resources["QueueKey39FCBAE6"]["Properties"]["Description"] == "Created by S/Queue"


def test_from_queue_arn(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    imported = sqs.Queue.from_queue_arn(stack, "Imported", "arn:aws:sqs:us-east-1:123456789012:imported-queue.fifo")
    assert imported.queue_name == "imported-queue.fifo"
    assert imported.fifo is True
    assert (imported.env.account, imported.env.region) == ("123456789012", "us-east-1")
    assert stack.resolve(imported.queue_url) == {"Fn::Join": ["", [
        "https://sqs.us-east-1.", {"Ref": "AWS::URLSuffix"}, "/123456789012/imported-queue.fifo"]]}
    result = imported.add_to_resource_policy(iam.PolicyStatement(actions=["sqs:*"], resources=["*"]))
    assert result.statement_added is False


def test_dead_letter_queue_and_enforce_ssl(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    dlq = sqs.Queue(stack, "Dlq")
    sqs.Queue(stack, "Main", dead_letter_queue=sqs.DeadLetterQueue(dlq, 3), enforce_ssl=True)
    resources = synth(app, "S")["Resources"]
    assert by_path(resources, "S/Main/Resource")["Properties"]["RedrivePolicy"] == {
        "deadLetterTargetArn": {"Fn::GetAtt": ["DlqD1FAA4AD", "Arn"]}, "maxReceiveCount": 3}
    statement = by_path(resources, "S/Main/Policy/Resource")["Properties"]["PolicyDocument"]["Statement"][0]
    assert statement["Effect"] == "Deny" and statement["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}


@pytest.mark.parametrize(("props", "message"), [
    ({"fifo": "yes"}, "[S/Q] 'fifo' must be True or False, got 'yes'"),
    ({"queue_name": "q.fifo", "fifo": False}, "Non-FIFO queue name may not end in '.fifo'"),
    ({"queue_name": "plain", "fifo": True}, "FIFO queue names must end in '.fifo'"),
    ({"content_based_deduplication": True, "fifo": False}, "Content-based deduplication can only be defined"),
    ({"queue_name": "bad name"}, "Invalid queue_name 'bad name'"),
    ({"visibility_timeout": Duration.hours(13)}, "visibility timeout must be 43200 seconds or less, but 46800"),
    ({"retention_period": Duration.seconds(30)}, "message retention period must be 60 seconds or more, but 30"),
    ({"encryption": "KMS"}, "'encryption' must be one of QueueEncryption.UNENCRYPTED"),
    ({"visibility_timeout": 30}, "'visibility_timeout' must be a Duration"),
])
def test_invalid_props_are_rejected(tmp_path: Path, props: dict[str, Any], message: str) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    with pytest.raises(ValidationError) as error:
        sqs.Queue(stack, "Q", **props)
    assert message in str(error.value)


def test_encryption_master_key_with_sqs_managed_is_rejected(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    key = kms.Key(stack, "Key")
    with pytest.raises(ValidationError, match="'encryptionMasterKey' is not supported"):
        sqs.Queue(stack, "Q", encryption=sqs.QueueEncryption.SQS_MANAGED, encryption_master_key=key)


def test_public_names() -> None:
    assert sqs.Queue.__module__ == "cdk_events.aws.sqs"
    assert isinstance(sqs.Queue.__doc__, str)
