"""The `SqsQueue` target."""

from __future__ import annotations

from typing import Any

from .._input import RuleTargetInput
from .._rule import rule_env
from .._target import RuleTargetConfig
from ..aws import iam
from ..core import Duration, FeatureFlags
from ._util import add_to_dead_letter_queue_resource_policy, bind_base_target_config

SAME_ACCOUNT_FLAG = "@aws-cdk/aws-events:eventsTargetQueueSameAccount"


class SqsQueue:
    """Send matched events to an SQS queue (mirrors `aws_cdk.aws_events_targets.SqsQueue`).

    `message` defaults to the whole event; `message_group_id` is for FIFO queues.
    """

    def __init__(self, queue: Any, *, message: RuleTargetInput | None = None, message_group_id: str | None = None,
                 dead_letter_queue: Any = None, max_event_age: Duration | None = None,
                 retry_attempts: int | None = None):
        self.queue = queue
        self.message = message
        self.message_group_id = message_group_id
        self.dead_letter_queue = dead_letter_queue
        self.max_event_age = max_event_age
        self.retry_attempts = retry_attempts

    def bind(self, rule: Any, id: str | None = None) -> RuleTargetConfig:
        """Grant EventBridge `sqs:SendMessage` on the queue (condition on the rule) and configure the target."""
        base = bind_base_target_config(rule, "SqsQueue", dead_letter_queue=self.dead_letter_queue,
                                       max_event_age=self.max_event_age, retry_attempts=self.retry_attempts)
        conditions: dict[str, Any] = {}
        if not getattr(self.queue, "encryption_master_key", None):
            conditions = {"ArnEquals": {"aws:SourceArn": rule.rule_arn}}
        elif FeatureFlags.of(rule).is_enabled(SAME_ACCOUNT_FLAG):
            conditions = {"StringEquals": {"aws:SourceAccount": rule_env(rule).account}}
        self.queue.grant_send_messages(iam.ServicePrincipal("events.amazonaws.com", conditions=conditions))
        if self.dead_letter_queue is not None:
            add_to_dead_letter_queue_resource_policy(rule, self.dead_letter_queue)
        return RuleTargetConfig(
            arn=self.queue.queue_arn, input=self.message, target_resource=self.queue,
            sqs_parameters={"MessageGroupId": self.message_group_id} if self.message_group_id else None,
            **base)
