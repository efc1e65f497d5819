"""codepipeline.Pipeline imports: ARN, environment, name, errors and event rules."""

from __future__ import annotations

import pytest

from cdk_events import EventPattern
from cdk_events import core as cdk
from cdk_events.aws import codepipeline
from cdk_events.core import ValidationError

ARN = "arn:aws:codepipeline:us-east-1:123456789012:release-pipeline"


def test_from_arn() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    pipeline = codepipeline.Pipeline.from_pipeline_arn(stack, "P", ARN)
    assert (pipeline.pipeline_arn, pipeline.pipeline_name) == (ARN, "release-pipeline")
    assert pipeline.env == cdk.ResourceEnvironment(account="123456789012", region="us-east-1")


@pytest.mark.parametrize("arn", ["release-pipeline", "arn:aws:codebuild:us-east-1:123456789012:release-pipeline"])
def test_bad_arns_are_rejected(arn: str) -> None:
    stack = cdk.Stack(cdk.App(), "S")
    with pytest.raises(ValidationError, match=r"^\[S\] 'pipeline_arn' must be an ARN like arn:<partition>:"
                                              r"codepipeline:<region>:<account>:<name>, got "):
        codepipeline.Pipeline.from_pipeline_arn(stack, "P", arn)


def test_defining_a_pipeline_is_not_offered() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    with pytest.raises(ValidationError, match="cdk-events cannot define pipelines"):
        codepipeline.Pipeline(stack, "P")


def test_event_rules_of_an_imported_pipeline() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    pipeline = codepipeline.Pipeline.from_pipeline_arn(stack, "P", ARN)
    any_event = pipeline.on_event("Any", rule_name="all-events")
    state = pipeline.on_state_change("State", description="outcome",
                                     event_pattern=EventPattern(detail={"state": ["FAILED"]}))
    assert any_event.node.path == "S/P/Any"
    assert stack.resolve(any_event.event_pattern) == {"source": ["aws.codepipeline"], "resources": [ARN]}
    assert stack.resolve(state.event_pattern) == {
        "detail": {"state": ["FAILED"]}, "source": ["aws.codepipeline"], "resources": [ARN],
        "detailType": ["CodePipeline Pipeline Execution State Change"]}
