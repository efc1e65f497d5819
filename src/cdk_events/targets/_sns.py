"""The `SnsTopic` target."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._target import RuleTargetConfig
from ..aws import iam
from ..core import Duration
from ._checks import check_common, require_resource, rule_error, rule_scope
from ._util import add_to_dead_letter_queue_resource_policy, bind_base_target_config, singleton_event_role

if TYPE_CHECKING:
    from .._input import RuleTargetInput
    from .._rule_ref import IRule
    from ..aws.iam import IRole
    from ..aws.sns import ITopic
    from ..aws.sqs import IQueue

_TOPIC_ATTRS = ("topic_arn", "grant_publish")
_TOPIC = "an SNS topic (sns.Topic(...) or sns.Topic.from_topic_arn(...))"


class SnsTopic:
    """Publish matched events to an SNS topic (mirrors `aws_cdk.aws_events_targets.SnsTopic`).

    `message` defaults to the whole event. By default the topic policy lets EventBridge publish;
    `authorize_using_role` (default: True when a `role` is given) uses an IAM role instead (`role`,
    default an `EventsRole` under the rule). `dead_letter_queue` defaults to none.
    """

    def __init__(self, topic: ITopic, *, message: RuleTargetInput | None = None,
                 authorize_using_role: bool | None = None, role: IRole | None = None,
                 dead_letter_queue: IQueue | None = None, max_event_age: Duration | None = None,
                 retry_attempts: int | None = None):
        self.topic = topic
        self.message = message
        self.authorize_using_role = authorize_using_role
        self.role = role
        self.dead_letter_queue = dead_letter_queue
        self.max_event_age = max_event_age
        self.retry_attempts = retry_attempts

    def bind(self, rule: IRule, id: str | None = None) -> RuleTargetConfig:
        """Grant publishing (topic policy or role) and configure the target."""
        topic = require_resource(rule, "SnsTopic", "topic", self.topic, _TOPIC_ATTRS, _TOPIC)
        check_common(rule, "SnsTopic", role=self.role, dead_letter_queue=self.dead_letter_queue,
                     input_prop="message", input=self.message)
        if self.authorize_using_role is False and self.role is not None:
            raise rule_error(rule, "Cannot provide a role when authorizeUsingRole is false")
        base = bind_base_target_config(rule, "SnsTopic", dead_letter_queue=self.dead_letter_queue,
                                       max_event_age=self.max_event_age, retry_attempts=self.retry_attempts)
        use_role = self.authorize_using_role if self.authorize_using_role is not None else self.role is not None
        role = None
        if use_role:
            role = self.role if self.role is not None else singleton_event_role(rule_scope(rule))
            topic.grant_publish(role)
        else:
            topic.grant_publish(iam.ServicePrincipal("events.amazonaws.com"))
        if self.dead_letter_queue is not None:
            add_to_dead_letter_queue_resource_policy(rule, self.dead_letter_queue)
        return RuleTargetConfig(arn=topic.topic_arn, input=self.message, target_resource=topic, role=role, **base)
