"""pipes.CfnPipe (generated): L2 objects given for the reference-typed properties, tags as a map."""

from __future__ import annotations

from pathlib import Path

from scheduler_support import make_app, only, synth

from cdk_events.aws import iam, kms, sqs
from cdk_events.core import Stack, Tags
from cdk_events.pipes import CfnPipe
from cdk_events.scheduler import CfnSchedule


def test_objects_become_their_arns_and_tags_merge_as_a_map(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    queue = sqs.Queue(stack, "Source")
    role = iam.Role(stack, "Role", assumed_by=iam.ServicePrincipal("pipes.amazonaws.com"))
    pipe = CfnPipe(stack, "Pipe", role_arn=role, source=queue, target="arn:aws:sqs:us-east-1:123456789012:out",
                   tags={"team": "a", "2024": "budget"},
                   source_parameters=CfnPipe.PipeSourceParametersProperty(
                       sqs_queue_parameters=CfnPipe.PipeSourceSqsQueueParametersProperty(batch_size=10)))
    Tags.of(pipe).add("env", "prod")
    props = only(synth(app, stack), "AWS::Pipes::Pipe")
    assert props["RoleArn"] == {"Fn::GetAtt": ["Role1ABCC5F0", "Arn"]}
    logical, attribute = props["Source"]["Fn::GetAtt"]
    assert logical.startswith("Source") and attribute == "Arn"
    assert props["Tags"] == {"2024": "budget", "env": "prod", "team": "a"}
    assert props["SourceParameters"] == {"SqsQueueParameters": {"BatchSize": 10}}


def test_cfn_schedule_takes_a_key_for_kms_key_arn(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    key = kms.Key(stack, "Key")
    CfnSchedule(stack, "Raw", flexible_time_window={"mode": "OFF"}, schedule_expression="rate(1 hour)",
                kms_key_arn=key, target=CfnSchedule.TargetProperty(arn="arn:aws:sqs:us-east-1:1:q", role_arn="r"))
    props = only(synth(app, stack), "AWS::Scheduler::Schedule")
    assert props["KmsKeyArn"] == {"Fn::GetAtt": ["Key961B73FD", "Arn"]}
    assert props["FlexibleTimeWindow"] == {"Mode": "OFF"}
