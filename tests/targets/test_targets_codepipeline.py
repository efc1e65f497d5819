"""The CodePipeline target: the compat app against the golden, then the rules of spec §2.2."""

from __future__ import annotations

from pathlib import Path

import pytest
from _compat_apps import assert_matches_golden, needs_shared, run_app
from _target_support import unchecked

import cdk_events as events
from cdk_events import core as cdk
from cdk_events.assertions import Template
from cdk_events.aws import codepipeline, sqs
from cdk_events.core import ValidationError
from cdk_events.targets._codepipeline import CodePipeline

ARN = "arn:aws:codepipeline:us-east-1:123456789012:release-pipeline"


@needs_shared
def test_compat_app_matches_golden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert_matches_golden("target_codepipeline", run_app("target_codepipeline", tmp_path, monkeypatch))


def test_target_uses_auto_id_role_under_pipeline_and_no_dlq_policy() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    pipeline = codepipeline.Pipeline.from_pipeline_arn(stack, "Pipeline", ARN)
    dlq = sqs.Queue(stack, "DLQ")
    events.Rule(stack, "R", schedule=events.Schedule.rate(cdk.Duration.hours(1)),
                targets=[CodePipeline(pipeline, dead_letter_queue=dlq)])
    template = Template.from_stack(stack)
    rule = next(iter(template.find_resources("AWS::Events::Rule").values()))
    target = rule["Properties"]["Targets"][0]
    assert target["Id"] == "Target0"
    assert target["Arn"] == ARN
    assert pipeline.node.try_find_child("EventsRole") is not None
    template.resource_count_is("AWS::SQS::QueuePolicy", 0)
    policy = next(iter(template.find_resources("AWS::IAM::Policy").values()))
    assert policy["Properties"]["PolicyDocument"]["Statement"][0]["Action"] == "codepipeline:StartPipelineExecution"


def test_not_a_pipeline_is_rejected() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    with pytest.raises(ValidationError, match=r"\[S/R\] CodePipeline target: 'pipeline' must be a CodePipeline "
                                              r"pipeline .*got 'release-pipeline' \(a str\)"):
        events.Rule(stack, "R", schedule=events.Schedule.rate(cdk.Duration.hours(1)),
                    targets=[unchecked(CodePipeline, "release-pipeline")])


def test_retry_range_is_checked() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    pipeline = codepipeline.Pipeline.from_pipeline_arn(stack, "Pipeline", ARN)
    with pytest.raises(ValidationError, match=r"\[S/R\] CodePipeline target: retry_attempts must be a whole number "
                                              r"from 0 to 185, got 186"):
        events.Rule(stack, "R", schedule=events.Schedule.rate(cdk.Duration.hours(1)),
                    targets=[CodePipeline(pipeline, retry_attempts=186)])
