"""The `LambdaFunction` target."""

from __future__ import annotations

from typing import Any

from .._input import RuleTargetInput
from .._target import RuleTargetConfig
from ..core import Duration
from ._util import add_lambda_permission, add_to_dead_letter_queue_resource_policy, bind_base_target_config


class LambdaFunction:
    """Invoke a Lambda function (mirrors `aws_cdk.aws_events_targets.LambdaFunction`).

    `event` defaults to the whole event; a permission for the rule is added next to the rule.
    """

    def __init__(self, handler: Any, *, event: RuleTargetInput | None = None, dead_letter_queue: Any = None,
                 max_event_age: Duration | None = None, retry_attempts: int | None = None):
        self.handler = handler
        self.event = event
        self.dead_letter_queue = dead_letter_queue
        self.max_event_age = max_event_age
        self.retry_attempts = retry_attempts

    def bind(self, rule: Any, id: str | None = None) -> RuleTargetConfig:
        """Allow the rule to invoke the function and configure the target."""
        base = bind_base_target_config(rule, "LambdaFunction", dead_letter_queue=self.dead_letter_queue,
                                       max_event_age=self.max_event_age, retry_attempts=self.retry_attempts)
        add_lambda_permission(rule, self.handler)
        if self.dead_letter_queue is not None:
            add_to_dead_letter_queue_resource_policy(rule, self.dead_letter_queue)
        return RuleTargetConfig(arn=self.handler.function_arn, input=self.event, target_resource=self.handler,
                                **base)
