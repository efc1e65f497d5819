"""The `CodeBuildProject` target."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._target import RuleTargetConfig
from ..aws import iam
from ..core import Duration
from ._checks import check_common, require_resource
from ._util import add_to_dead_letter_queue_resource_policy, bind_base_target_config, singleton_event_role

if TYPE_CHECKING:
    from .._input import RuleTargetInput
    from .._rule_ref import IRule
    from ..aws.codebuild import IProject
    from ..aws.iam import IRole
    from ..aws.sqs import IQueue


class CodeBuildProject:
    """Start a CodeBuild build (mirrors `aws_cdk.aws_events_targets.CodeBuildProject`).

    `event` (the StartBuild payload) defaults to the whole event; `event_role` defaults to an
    `EventsRole` created under the project and shared by the rules that target it.
    """

    def __init__(self, project: IProject, *, event_role: IRole | None = None, event: RuleTargetInput | None = None,
                 dead_letter_queue: IQueue | None = None, max_event_age: Duration | None = None,
                 retry_attempts: int | None = None):
        self.project = project
        self.event_role = event_role
        self.event = event
        self.dead_letter_queue = dead_letter_queue
        self.max_event_age = max_event_age
        self.retry_attempts = retry_attempts

    def bind(self, rule: IRule, id: str | None = None) -> RuleTargetConfig:
        """Let the role start builds of the project and configure the target."""
        project = require_resource(rule, "CodeBuildProject", "project", self.project, ("project_arn", "node"),
                                   "a CodeBuild project (codebuild.Project.from_project_arn(...))")
        check_common(rule, "CodeBuildProject", role_prop="event_role", role=self.event_role,
                     dead_letter_queue=self.dead_letter_queue, input_prop="event", input=self.event)
        base = bind_base_target_config(rule, "CodeBuildProject", dead_letter_queue=self.dead_letter_queue,
                                       max_event_age=self.max_event_age, retry_attempts=self.retry_attempts)
        if self.dead_letter_queue is not None:
            add_to_dead_letter_queue_resource_policy(rule, self.dead_letter_queue)
        role = self.event_role if self.event_role is not None else singleton_event_role(project)
        role.add_to_principal_policy(iam.PolicyStatement(actions=["codebuild:StartBuild"],
                                                         resources=[project.project_arn]))
        return RuleTargetConfig(arn=project.project_arn, role=role, input=self.event, target_resource=project,
                                **base)
