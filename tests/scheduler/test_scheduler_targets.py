"""scheduler.targets: ARNs, roles, permissions, retry policy, dead-letter queue and the per-target checks."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from scheduler_support import make_app, of_type, only, synth

from cdk_events import EventBus
from cdk_events.aws import iam, kinesis, kms, sns, sqs
from cdk_events.core import Duration, Environment, Stack, UnscopedValidationError, ValidationError
from cdk_events.scheduler import Schedule, ScheduleExpression, ScheduleTargetInput
from cdk_events.scheduler import targets as t

RATE = ScheduleExpression.rate(Duration.minutes(5))


def _target(template: dict[str, Any]) -> dict[str, Any]:
    target: dict[str, Any] = only(template, "AWS::Scheduler::Schedule")["Target"]
    return target


def _statements(template: dict[str, Any]) -> list[dict[str, Any]]:
    policies = of_type(template, "AWS::IAM::Policy").values()
    return [s for p in policies for s in p["Properties"]["PolicyDocument"]["Statement"]]


def test_role_id_is_the_md5_of_the_literal_target_arn(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    queue = sqs.Queue.from_queue_arn(stack, "Q", "arn:aws:sqs:us-east-1:123456789012:imp")
    Schedule(stack, "A", schedule=RATE, target=t.SqsSendMessage(queue))
    assert stack.node.try_find_child("SchedulerRoleForTarget-3666af") is not None
    template = synth(app, stack)
    assert _target(template)["Arn"] == "arn:aws:sqs:us-east-1:123456789012:imp"
    assert _statements(template) == [{"Action": "sqs:SendMessage", "Effect": "Allow",
                                      "Resource": "arn:aws:sqs:us-east-1:123456789012:imp"}]


def test_retry_policy_and_dead_letter_queue(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    topic = sns.Topic(stack, "Topic")
    dlq = sqs.Queue(stack, "Dlq")
    Schedule(stack, "A", schedule=RATE, target=t.SnsPublish(topic, dead_letter_queue=dlq, retry_attempts=0,
                                                            max_event_age=Duration.hours(2)))
    template = synth(app, stack)
    target = _target(template)
    assert target["RetryPolicy"] == {"MaximumEventAgeInSeconds": 7200, "MaximumRetryAttempts": 0}
    assert target["DeadLetterConfig"] == {"Arn": {"Fn::GetAtt": ["DlqD1FAA4AD", "Arn"]}}
    assert {"Action": "sqs:SendMessage", "Effect": "Allow", "Resource": {"Fn::GetAtt": ["DlqD1FAA4AD", "Arn"]}} in \
        _statements(template)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"retry_attempts": 186}, "Number of retry attempts should be less or equal than 185"),
    ({"retry_attempts": -1}, "Number of retry attempts should be greater or equal than 0"),
    ({"max_event_age": Duration.seconds(59)}, "Minimum event age is 1 minute"),
    ({"max_event_age": Duration.hours(25)}, "Maximum event age is 1 day"),
])
def test_retry_ranges_are_checked_at_bind(tmp_path: Path, kwargs: dict[str, Any], message: str) -> None:
    stack = Stack(make_app(tmp_path), "S")
    topic = sns.Topic.from_topic_arn(stack, "T", "arn:aws:sns:us-east-1:123456789012:t")
    with pytest.raises(UnscopedValidationError, match=message):
        Schedule(stack, "A", schedule=RATE, target=t.SnsPublish(topic, **kwargs))


def test_sqs_fifo_rules(tmp_path: Path) -> None:
    stack = Stack(make_app(tmp_path), "S")
    fifo = sqs.Queue(stack, "Fifo", fifo=True, content_based_deduplication=True)
    plain = sqs.Queue(stack, "Plain")
    with pytest.raises(ValidationError, match=r"\[S/Fifo\] messageGroupId must be specified"):
        t.SqsSendMessage(fifo)
    with pytest.raises(ValidationError, match="target must be a FIFO queue if messageGroupId is specified"):
        t.SqsSendMessage(plain, message_group_id="g")
    with pytest.raises(ValidationError, match="messageGroupId length must be between 1 and 128, got 129"):
        t.SqsSendMessage(fifo, message_group_id="g" * 129)
    no_dedup = sqs.Queue(stack, "NoDedup", fifo=True)
    with pytest.raises(ValidationError, match="contentBasedDeduplication must be true"):
        t.SqsSendMessage(no_dedup, message_group_id="g")


def test_kinesis_partition_key_and_encryption_grant(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    key = kms.Key(stack, "Key")
    stream = kinesis.Stream(stack, "Stream", encryption=kinesis.StreamEncryption.KMS, encryption_key=key)
    with pytest.raises(ValidationError, match="partitionKey length must be between 1 and 256, got 0"):
        t.KinesisStreamPutRecord(stream, partition_key="")
    Schedule(stack, "A", schedule=RATE, target=t.KinesisStreamPutRecord(stream, partition_key="p"))
    template = synth(app, stack)
    assert _target(template)["KinesisParameters"] == {"PartitionKey": "p"}
    actions = [s["Action"] for s in _statements(template)]
    assert ["kinesis:PutRecord", "kinesis:PutRecords"] in actions and "kms:GenerateDataKey*" in actions


def test_event_bridge_detail_and_refused_input(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    bus = EventBus(stack, "Bus", event_bus_name="orders")
    entry = t.EventBridgePutEventsEntry(event_bus=bus, source="com.example", detail_type="Tick",
                                        detail=ScheduleTargetInput.from_object({"a": 1}))
    with pytest.raises(UnscopedValidationError, match="input is not supported for EventBridgePutEvents"):
        t.EventBridgePutEvents(entry, input=ScheduleTargetInput.from_text("x"))
    Schedule(stack, "A", schedule=RATE, target=t.EventBridgePutEvents(entry))
    target = _target(synth(app, stack))
    assert target["EventBridgeParameters"] == {"DetailType": "Tick", "Source": "com.example"}
    assert target["Input"] == '{"a":1}'


def test_universal_checks_and_default_policy(tmp_path: Path) -> None:
    for service, action, message in (("S3", "putObject", "API service must be lowercase, got: S3"),
                                     ("s3", "PutObject", "API action must be camelCase, got: PutObject"),
                                     ("s3", "getObject", "Read-only API action is not supported")):
        with pytest.raises(UnscopedValidationError, match=message):
            t.Universal(service=service, action=action)
    app = make_app(tmp_path)
    stack = Stack(app, "S", env=Environment(account="123456789012", region="us-east-1"))
    Schedule(stack, "A", schedule=RATE, target=t.Universal(service="sfn", action="startExecution"))
    template = synth(app, stack)
    assert _statements(template) == [{"Action": "states:StartExecution", "Effect": "Allow", "Resource": "*"}]
    assert _target(template)["Arn"] == {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"},
                                                           ":scheduler:::aws-sdk:sfn:startExecution"]]}


def test_given_role_gets_the_grants_and_no_role_is_created(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    role = iam.Role(stack, "Mine", assumed_by=iam.ServicePrincipal("scheduler.amazonaws.com"))
    topic = sns.Topic(stack, "Topic")
    Schedule(stack, "A", schedule=RATE, target=t.SnsPublish(topic, role=role))
    template = synth(app, stack)
    roles = list(of_type(template, "AWS::IAM::Role"))
    assert len(roles) == 1 and roles[0].startswith("Mine")
    assert _target(template)["RoleArn"] == {"Fn::GetAtt": [roles[0], "Arn"]}
    assert {"Action": "sns:Publish", "Effect": "Allow", "Resource": {"Ref": "TopicBFC7AF6E"}} in _statements(template)


def test_role_of_a_cross_stack_target_is_named_after_the_unexported_reference(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    producer, consumer = Stack(app, "Producer"), Stack(app, "Consumer")
    queue = sqs.Queue(producer, "Queue")
    Schedule(consumer, "A", schedule=RATE, target=t.SqsSendMessage(queue))
    local = '{"Fn::GetAtt":["Queue4A7E3555","Arn"]}'  # as in the producing stack, not an import
    expected = "SchedulerRoleForTarget-" + hashlib.md5(local.encode()).hexdigest()[:6]
    assert consumer.node.try_find_child(expected) is not None
