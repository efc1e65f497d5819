"""The `CodePipeline` target."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._target import RuleTargetConfig
from ..aws import iam
from ..core import Duration
from ._checks import check_common, require_resource
from ._util import bind_base_target_config, singleton_event_role

if TYPE_CHECKING:
    from .._rule_ref import IRule
    from ..aws.codepipeline import IPipeline
    from ..aws.iam import IRole
    from ..aws.sqs import IQueue


class CodePipeline:
    """Start a pipeline execution (mirrors `aws_cdk.aws_events_targets.CodePipeline`).

    `event_role` defaults to an `EventsRole` created under the pipeline; `dead_letter_queue` to none
    (as in the CDK, no resource policy is added to it), `max_event_age` and `retry_attempts` to
    EventBridge's.
    """

    def __init__(self, pipeline: IPipeline, *, event_role: IRole | None = None,
                 dead_letter_queue: IQueue | None = None, max_event_age: Duration | None = None,
                 retry_attempts: int | None = None):
        self.pipeline = pipeline
        self.event_role = event_role
        self.dead_letter_queue = dead_letter_queue
        self.max_event_age = max_event_age
        self.retry_attempts = retry_attempts

    def bind(self, rule: IRule, id: str | None = None) -> RuleTargetConfig:
        """Let the role start executions of the pipeline and configure the target."""
        pipeline = require_resource(rule, "CodePipeline", "pipeline", self.pipeline, ("pipeline_arn", "node"),
                                    "a CodePipeline pipeline (codepipeline.Pipeline.from_pipeline_arn(...))")
        check_common(rule, "CodePipeline", role_prop="event_role", role=self.event_role,
                     dead_letter_queue=self.dead_letter_queue)
        base = bind_base_target_config(rule, "CodePipeline", dead_letter_queue=self.dead_letter_queue,
                                       max_event_age=self.max_event_age, retry_attempts=self.retry_attempts)
        role = self.event_role if self.event_role is not None else singleton_event_role(pipeline)
        role.add_to_principal_policy(iam.PolicyStatement(actions=["codepipeline:StartPipelineExecution"],
                                                         resources=[pipeline.pipeline_arn]))
        return RuleTargetConfig(id="", arn=pipeline.pipeline_arn, role=role, target_resource=pipeline, **base)
