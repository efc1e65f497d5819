"""firehose.DeliveryStream imports: ARN/name/attributes, grants, the lazy CIDR mapping, CfnDeliveryStream."""

from __future__ import annotations

import json
from typing import Any

import pytest

from _corpus import GOLDENS
from cdk_events import core as cdk
from cdk_events.assertions import Template
from cdk_events.aws import firehose, iam
from cdk_events.core import ValidationError

ARN = "arn:aws:firehose:us-east-1:123456789012:deliverystream/events-to-s3"
GOLDEN = GOLDENS / "target_firehose"


def test_from_arn_derives_the_name() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    stream = firehose.DeliveryStream.from_delivery_stream_arn(stack, "DS", ARN)
    assert (stream.delivery_stream_arn, stream.delivery_stream_name) == (ARN, "events-to-s3")


def test_from_name_formats_the_arn() -> None:
    app = cdk.App(context={"@aws-cdk/core:enablePartitionLiterals": True})
    stack = cdk.Stack(app, "S", env=cdk.Environment(account="111111111111", region="eu-west-1"))
    stream = firehose.DeliveryStream.from_delivery_stream_name(stack, "DS", "audit")
    assert stack.resolve(stream.delivery_stream_arn) == "arn:aws:firehose:eu-west-1:111111111111:deliverystream/audit"


def test_attributes_need_an_arn_or_a_name() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    with pytest.raises(ValidationError, match=r"^\[S\] Either deliveryStreamName or deliveryStreamArn must be provided "
                                              r"in DeliveryStreamAttributes \(got delivery_stream_arn=None, "
                                              r"delivery_stream_name=None\)"):
        firehose.DeliveryStream.from_delivery_stream_attributes(stack, "DS")


def test_bad_arn_is_rejected() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    with pytest.raises(ValidationError, match=r"^\[S\] 'delivery_stream_arn' must be an ARN like arn:<partition>:"
                                              r"firehose:<region>:<account>:deliverystream/<name>, got 'events-to-s3'"):
        firehose.DeliveryStream.from_delivery_stream_arn(stack, "DS", "events-to-s3")


def test_grant_put_records() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    stream = firehose.DeliveryStream.from_delivery_stream_arn(stack, "DS", ARN)
    role = iam.Role(stack, "R", assumed_by=iam.ServicePrincipal("events.amazonaws.com"))
    stream.grant_put_records(role)
    policy = next(iter(Template.from_stack(stack).find_resources("AWS::IAM::Policy").values()))
    assert policy["Properties"]["PolicyDocument"]["Statement"] == [
        {"Action": ["firehose:PutRecord", "firehose:PutRecordBatch"], "Effect": "Allow", "Resource": ARN}]


def _mappings(stack: cdk.Stack) -> Any:
    return Template.from_stack(stack).to_json().get("Mappings")


def test_env_agnostic_stack_renders_the_cidr_mapping_once() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    firehose.DeliveryStream.from_delivery_stream_arn(stack, "A", ARN)
    firehose.DeliveryStream.from_delivery_stream_name(stack, "B", "b")
    golden = json.loads((GOLDEN / "FirehoseTargetStack.template.json").read_text())
    assert _mappings(stack) == golden["Mappings"]


def test_concrete_region_looks_the_block_up_without_a_mapping() -> None:
    stack = cdk.Stack(cdk.App(), "S", env=cdk.Environment(account="111111111111", region="eu-west-1"))
    stream: Any = firehose.DeliveryStream.from_delivery_stream_arn(stack, "A", ARN)
    assert stream.firehose_cidr_block == "52.19.239.192/27"
    assert _mappings(stack) is None


def test_unknown_region_is_rejected() -> None:
    stack = cdk.Stack(cdk.App(), "S", env=cdk.Environment(account="111111111111", region="xx-nowhere-1"))
    with pytest.raises(ValidationError, match=r"Mapping doesn't contain top-level key 'xx-nowhere-1'"):
        firehose.DeliveryStream.from_delivery_stream_arn(stack, "A", ARN)


def test_defining_a_delivery_stream_is_not_offered() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    with pytest.raises(ValidationError, match="cdk-events cannot define delivery streams"):
        firehose.DeliveryStream(stack, "DS")


def test_cfn_delivery_stream_renders() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    firehose.CfnDeliveryStream(stack, "DS", delivery_stream_name="x", delivery_stream_type="DirectPut")
    resources = Template.from_stack(stack).to_json()["Resources"]
    assert resources["DS"] == {"Type": "AWS::KinesisFirehose::DeliveryStream",
                               "Properties": {"DeliveryStreamName": "x", "DeliveryStreamType": "DirectPut"}}
