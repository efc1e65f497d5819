"""The `SqsQueue` target."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._cfn_generated import CfnRule
from .._target import RuleTargetConfig
from ..aws import iam
from ..core import Duration, FeatureFlags
from ._checks import check_common, require_resource, rule_scope
from ._util import add_to_dead_letter_queue_resource_policy, bind_base_target_config

if TYPE_CHECKING:
    from .._input import RuleTargetInput
    from .._rule_ref import IRule
    from ..aws.sqs import IQueue

SAME_ACCOUNT_FLAG = "@aws-cdk/aws-events:eventsTargetQueueSameAccount"
_QUEUE_ATTRS = ("queue_arn", "grant_send_messages")
_QUEUE = "an SQS queue (sqs.Queue(...) or sqs.Queue.from_queue_arn(...))"


class SqsQueue:
    """Send matched events to an SQS queue (mirrors `aws_cdk.aws_events_targets.SqsQueue`).

    `message` defaults to the whole event; `message_group_id` (FIFO queues) defaults to none;
    `dead_letter_queue` to none, `max_event_age` and `retry_attempts` to EventBridge's (24 hours, 185).
    """

    def __init__(self, queue: IQueue, *, message: RuleTargetInput | None = None, message_group_id: str | None = None,
                 dead_letter_queue: IQueue | None = None, max_event_age: Duration | None = None,
                 retry_attempts: int | None = None):
        self.queue = queue
        self.message = message
        self.message_group_id = message_group_id
        self.dead_letter_queue = dead_letter_queue
        self.max_event_age = max_event_age
        self.retry_attempts = retry_attempts

    def bind(self, rule: IRule, id: str | None = None) -> RuleTargetConfig:
        """Grant EventBridge `sqs:SendMessage` on the queue (condition on the rule) and configure the target."""
        queue = require_resource(rule, "SqsQueue", "queue", self.queue, _QUEUE_ATTRS, _QUEUE)
        check_common(rule, "SqsQueue", dead_letter_queue=self.dead_letter_queue, input_prop="message",
                     input=self.message)
        base = bind_base_target_config(rule, "SqsQueue", dead_letter_queue=self.dead_letter_queue,
                                       max_event_age=self.max_event_age, retry_attempts=self.retry_attempts)
        conditions: dict[str, Any] = {}
        if not getattr(queue, "encryption_master_key", None):
            conditions = {"ArnEquals": {"aws:SourceArn": rule.rule_arn}}
        elif FeatureFlags.of(rule_scope(rule)).is_enabled(SAME_ACCOUNT_FLAG):
            conditions = {"StringEquals": {"aws:SourceAccount": rule.env.account}}
        queue.grant_send_messages(iam.ServicePrincipal("events.amazonaws.com", conditions=conditions))
        if self.dead_letter_queue is not None:
            add_to_dead_letter_queue_resource_policy(rule, self.dead_letter_queue)
        return RuleTargetConfig(
            arn=queue.queue_arn, input=self.message, target_resource=queue,
            sqs_parameters=CfnRule.SqsParametersProperty(message_group_id=self.message_group_id)
            if self.message_group_id else None,
            **base)
