"""The `CodePipeline` target."""

from __future__ import annotations

from typing import Any

from .._target import RuleTargetConfig
from ..aws import iam
from ..core import Duration
from ._checks import check_queue, check_role, require_resource
from ._util import bind_base_target_config, singleton_event_role


class CodePipeline:
    """Start a pipeline execution (mirrors `aws_cdk.aws_events_targets.CodePipeline`).

    `event_role` defaults to an `EventsRole` created under the pipeline. As in the CDK, no resource
    policy is added to a `dead_letter_queue`.
    """

    def __init__(self, pipeline: Any, *, event_role: Any = None, dead_letter_queue: Any = None,
                 max_event_age: Duration | None = None, retry_attempts: int | None = None):
        self.pipeline = pipeline
        self.event_role = event_role
        self.dead_letter_queue = dead_letter_queue
        self.max_event_age = max_event_age
        self.retry_attempts = retry_attempts

    def bind(self, rule: Any, id: str | None = None) -> RuleTargetConfig:
        """Let the role start executions of the pipeline and configure the target."""
        pipeline = require_resource(rule, "CodePipeline", "pipeline", self.pipeline, ("pipeline_arn", "node"),
                                    "a CodePipeline pipeline (codepipeline.Pipeline.from_pipeline_arn(...))")
        check_role(rule, "CodePipeline", "event_role", self.event_role)
        check_queue(rule, "CodePipeline", self.dead_letter_queue)
        base = bind_base_target_config(rule, "CodePipeline", dead_letter_queue=self.dead_letter_queue,
                                       max_event_age=self.max_event_age, retry_attempts=self.retry_attempts)
        role = self.event_role if self.event_role is not None else singleton_event_role(pipeline)
        role.add_to_principal_policy(iam.PolicyStatement(actions=["codepipeline:StartPipelineExecution"],
                                                         resources=[pipeline.pipeline_arn]))
        return RuleTargetConfig(id="", arn=pipeline.pipeline_arn, role=role, target_resource=pipeline, **base)
