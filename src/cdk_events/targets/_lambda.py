"""The `LambdaFunction` target."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._target import RuleTargetConfig
from ..core import Duration
from ._checks import check_common, require_resource
from ._util import (
    add_lambda_permission,
    add_to_dead_letter_queue_resource_policy,
    bind_base_target_config,
    plain_function,
)

if TYPE_CHECKING:
    from .._input import RuleTargetInput
    from .._rule_ref import IRule
    from ..aws.lambda_ import IFunction
    from ..aws.sqs import IQueue

_FUNCTION_ATTRS = ("function_arn", "add_permission", "permissions_node")
_FUNCTION = "a Lambda function (lambda_.Function(...) or lambda_.Function.from_function_arn(...))"

class LambdaFunction:
    """Invoke a Lambda function (mirrors `aws_cdk.aws_events_targets.LambdaFunction`).

    `event` defaults to the whole event; a permission for the rule is added next to the rule.
    `dead_letter_queue` defaults to none, `max_event_age` and `retry_attempts` to EventBridge's.
    """

    def __init__(self, handler: IFunction, *, event: RuleTargetInput | None = None,
                 dead_letter_queue: IQueue | None = None, max_event_age: Duration | None = None,
                 retry_attempts: int | None = None):
        self.handler = handler
        self.event = event
        self.dead_letter_queue = dead_letter_queue
        self.max_event_age = max_event_age
        self.retry_attempts = retry_attempts

    def bind(self, rule: IRule, id: str | None = None) -> RuleTargetConfig:
        """Allow the rule to invoke the function and configure the target."""
        handler = self.handler
        if not plain_function(handler):  # (a function of this library has these attributes)
            handler = require_resource(rule, "LambdaFunction", "handler", handler, _FUNCTION_ATTRS, _FUNCTION)
        check_common(rule, "LambdaFunction", dead_letter_queue=self.dead_letter_queue, input_prop="event",
                     input=self.event)
        base = bind_base_target_config(rule, "LambdaFunction", dead_letter_queue=self.dead_letter_queue,
                                       max_event_age=self.max_event_age, retry_attempts=self.retry_attempts)
        add_lambda_permission(rule, handler)
        if self.dead_letter_queue is not None:
            add_to_dead_letter_queue_resource_policy(rule, self.dead_letter_queue)
        return RuleTargetConfig(arn=handler.function_arn, input=self.event, target_resource=handler, **base)
