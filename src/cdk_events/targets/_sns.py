"""The `SnsTopic` target."""

from __future__ import annotations

from typing import Any

from .._input import RuleTargetInput
from .._target import RuleTargetConfig
from ..aws import iam
from ..core import Duration
from ..core._errors import construct_error
from ._util import add_to_dead_letter_queue_resource_policy, bind_base_target_config, singleton_event_role


class SnsTopic:
    """Publish matched events to an SNS topic (mirrors `aws_cdk.aws_events_targets.SnsTopic`).

    By default the topic policy lets EventBridge publish; `authorize_using_role` (implied by `role`)
    uses an IAM role instead.
    """

    def __init__(self, topic: Any, *, message: RuleTargetInput | None = None,
                 authorize_using_role: bool | None = None, role: Any = None, dead_letter_queue: Any = None,
                 max_event_age: Duration | None = None, retry_attempts: int | None = None):
        self.topic = topic
        self.message = message
        self.authorize_using_role = authorize_using_role
        self.role = role
        self.dead_letter_queue = dead_letter_queue
        self.max_event_age = max_event_age
        self.retry_attempts = retry_attempts

    def bind(self, rule: Any, id: str | None = None) -> RuleTargetConfig:
        """Grant publishing (topic policy or role) and configure the target."""
        if self.authorize_using_role is False and self.role is not None:
            raise construct_error(rule, "Cannot provide a role when authorizeUsingRole is false")
        base = bind_base_target_config(rule, "SnsTopic", dead_letter_queue=self.dead_letter_queue,
                                       max_event_age=self.max_event_age, retry_attempts=self.retry_attempts)
        use_role = self.authorize_using_role if self.authorize_using_role is not None else self.role is not None
        role = None
        if use_role:
            role = self.role if self.role is not None else singleton_event_role(rule)
            self.topic.grant_publish(role)
        else:
            self.topic.grant_publish(iam.ServicePrincipal("events.amazonaws.com"))
        if self.dead_letter_queue is not None:
            add_to_dead_letter_queue_resource_policy(rule, self.dead_letter_queue)
        return RuleTargetConfig(arn=self.topic.topic_arn, input=self.message, target_resource=self.topic,
                                role=role, **base)
