"""The KinesisStream target: the compat app against the golden, then the rules of spec §2.2."""

from __future__ import annotations

from pathlib import Path

import pytest
from _compat_apps import assert_matches_golden, needs_shared, run_app
from _target_support import unchecked

import cdk_events as events
from cdk_events import core as cdk
from cdk_events.assertions import Template
from cdk_events.aws import kinesis
from cdk_events.core import ValidationError
from cdk_events.targets._kinesis import KinesisStream

ARN = "arn:aws:kinesis:us-east-1:123456789012:stream/shared-stream"


@needs_shared
def test_compat_app_matches_golden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert_matches_golden("target_kinesis", run_app("target_kinesis", tmp_path, monkeypatch))


def test_imported_stream_role_partition_key_and_retry() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    stream = kinesis.Stream.from_stream_arn(stack, "Stream", ARN)
    events.Rule(stack, "R", schedule=events.Schedule.rate(cdk.Duration.hours(1)),
                targets=[KinesisStream(stream, partition_key_path="$.id", retry_attempts=3)])
    template = Template.from_stack(stack)
    rule = next(iter(template.find_resources("AWS::Events::Rule").values()))
    target = rule["Properties"]["Targets"][0]
    assert target["KinesisParameters"] == {"PartitionKeyPath": "$.id"}
    assert target["RetryPolicy"] == {"MaximumRetryAttempts": 3}
    assert stream.node.try_find_child("EventsRole") is not None
    statement = next(iter(template.find_resources("AWS::IAM::Policy").values()))["Properties"]["PolicyDocument"]
    assert statement["Statement"][0]["Action"] == ["kinesis:ListShards", "kinesis:PutRecord", "kinesis:PutRecords"]


def test_no_partition_key_no_kinesis_parameters() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    stream = kinesis.Stream.from_stream_arn(stack, "Stream", ARN)
    events.Rule(stack, "R", schedule=events.Schedule.rate(cdk.Duration.hours(1)), targets=[KinesisStream(stream)])
    rule = next(iter(Template.from_stack(stack).find_resources("AWS::Events::Rule").values()))
    assert "KinesisParameters" not in rule["Properties"]["Targets"][0]


def test_not_a_stream_is_rejected() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    with pytest.raises(ValidationError, match=r"\[S/R\] KinesisStream target: 'stream' must be a Kinesis stream "
                                              r"\(kinesis.Stream\(...\) or "
                                              r"kinesis.Stream.from_stream_arn\(...\)\), got "
                                              rf"'{ARN}' \(a str\)"):
        events.Rule(stack, "R", schedule=events.Schedule.rate(cdk.Duration.hours(1)),
                    targets=[unchecked(KinesisStream, ARN)])


def test_partition_key_path_must_be_a_string() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    stream = kinesis.Stream.from_stream_arn(stack, "Stream", ARN)
    with pytest.raises(ValidationError, match=r"\[S/R\] KinesisStream target: 'partition_key_path' must be a JSON "
                                              r"path string such as '\$.detail.id', got 12"):
        events.Rule(stack, "R", schedule=events.Schedule.rate(cdk.Duration.hours(1)),
                    targets=[unchecked(KinesisStream, stream, partition_key_path=12)])
