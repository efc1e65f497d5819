"""The Firehose targets (FirehoseDeliveryStream, KinesisFirehoseStreamV2, KinesisFirehoseStream): the compat app
against the golden, then the rules of spec §2.2."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from _compat_apps import assert_matches_golden, needs_shared, run_app
from _target_support import unchecked

import cdk_events as events
from cdk_events import core as cdk
from cdk_events.assertions import Template
from cdk_events.aws import firehose
from cdk_events.core import ValidationError
from cdk_events.targets._firehose import FirehoseDeliveryStream, KinesisFirehoseStream, KinesisFirehoseStreamV2

ARN = "arn:aws:firehose:us-east-1:123456789012:deliverystream/events-to-s3"
ACTIONS = ["firehose:PutRecord", "firehose:PutRecordBatch"]


@needs_shared
def test_compat_app_matches_golden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert_matches_golden("target_firehose", run_app("target_firehose", tmp_path, monkeypatch))


def _rule(stack: cdk.Stack, target: Any) -> None:
    events.Rule(stack, "R", event_pattern=events.EventPattern(source=["aws.s3"]), targets=[target])


@pytest.mark.parametrize("target_class", [FirehoseDeliveryStream, KinesisFirehoseStreamV2])
def test_l2_targets(target_class: Any) -> None:
    stack = cdk.Stack(cdk.App(), "S")
    stream = firehose.DeliveryStream.from_delivery_stream_arn(stack, "DS", ARN)
    _rule(stack, target_class(stream, message=events.RuleTargetInput.from_text("hi")))
    template = Template.from_stack(stack)
    rule = next(iter(template.find_resources("AWS::Events::Rule").values()))
    assert rule["Properties"]["Targets"] == [{"Arn": ARN, "Id": "Target0", "Input": '"hi"',
                                              "RoleArn": {"Fn::GetAtt": ["DSEventsRole802A11DD", "Arn"]}}]
    policy = next(iter(template.find_resources("AWS::IAM::Policy").values()))
    assert policy["Properties"]["PolicyDocument"]["Statement"] == [
        {"Action": ACTIONS, "Effect": "Allow", "Resource": ARN}]


def test_deprecated_target_on_a_cfn_delivery_stream() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    stream = firehose.CfnDeliveryStream(stack, "DS", delivery_stream_type="DirectPut")
    _rule(stack, KinesisFirehoseStream(stream))
    template = Template.from_stack(stack)
    rule = next(iter(template.find_resources("AWS::Events::Rule").values()))
    target = rule["Properties"]["Targets"][0]
    assert target["Arn"] == {"Fn::GetAtt": ["DS", "Arn"]}
    assert stream.node.try_find_child("EventsRole") is not None
    policy = next(iter(template.find_resources("AWS::IAM::Policy").values()))
    assert policy["Properties"]["PolicyDocument"]["Statement"] == [
        {"Action": ACTIONS, "Effect": "Allow", "Resource": {"Fn::GetAtt": ["DS", "Arn"]}}]


def test_not_a_delivery_stream_is_rejected() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    with pytest.raises(ValidationError, match=r"\[S/R\] FirehoseDeliveryStream target: 'delivery_stream' must be a "
                                              r"Firehose delivery stream"):
        _rule(stack, unchecked(FirehoseDeliveryStream, ARN))
    with pytest.raises(ValidationError, match=r"\[S/R2\] KinesisFirehoseStream target: 'stream' must be a "
                                              r"firehose.CfnDeliveryStream, got 'x' \(a str\)"):
        events.Rule(stack, "R2", event_pattern=events.EventPattern(source=["a"]),
                    targets=[unchecked(KinesisFirehoseStream, "x")])
