"""The `LambdaFunction` target."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeGuard

from .._target import RuleTargetConfig
from ..aws.lambda_._function_base import FunctionBase
from ..core import Construct, Duration
from ._checks import check_common, require_resource
from ._util import add_lambda_permission, add_to_dead_letter_queue_resource_policy, bind_base_target_config

if TYPE_CHECKING:
    from .._input import RuleTargetInput
    from .._rule_ref import IRule
    from ..aws.lambda_ import IFunction
    from ..aws.sqs import IQueue
    from ._util import BaseTargetConfig

_FUNCTION_ATTRS = ("function_arn", "add_permission", "permissions_node")
_FUNCTION = "a Lambda function (lambda_.Function(...) or lambda_.Function.from_function_arn(...))"

# function classes -> whether they add permissions as `FunctionBase` does (no subclass overrides `add_permission`)
_PLAIN_KINDS: dict[type, bool] = {}


def _plain_function(handler: object) -> TypeGuard[FunctionBase]:
    """True for a function of this library (or a subclass that keeps `add_permission`) with its ARN: one the
    target can give a permission through `FunctionBase`'s own helpers."""
    kind = type(handler)
    plain = _PLAIN_KINDS.get(kind)
    if plain is None:
        mro = kind.__mro__
        plain = _PLAIN_KINDS[kind] = FunctionBase in mro and all(
            "add_permission" not in vars(base) for base in mro[:mro.index(FunctionBase)])
    return plain and "function_arn" in vars(handler)


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
        # a function of this library next to a rule construct (the usual case): the same permission, made
        # without the generic helpers' checks and principal (one permission a rule)
        scope = rule if isinstance(rule, Construct) else None
        plain = handler if scope is not None and _plain_function(handler) else None
        if plain is None:
            handler = require_resource(rule, "LambdaFunction", "handler", handler, _FUNCTION_ATTRS, _FUNCTION)
        if self.event is not None or self.dead_letter_queue is not None:
            check_common(rule, "LambdaFunction", dead_letter_queue=self.dead_letter_queue, input_prop="event",
                         input=self.event)
        base: BaseTargetConfig | None = None
        if self.dead_letter_queue is not None or self.max_event_age is not None or self.retry_attempts is not None:
            base = bind_base_target_config(rule, "LambdaFunction", dead_letter_queue=self.dead_letter_queue,
                                           max_event_age=self.max_event_age, retry_attempts=self.retry_attempts)
        if plain is not None and scope is not None:
            permission_id = f"AllowEventRule{plain._node_unique_id()}"
            if scope.node.try_find_child(permission_id) is None:
                plain._add_service_invoke_permission(scope, permission_id, "events.amazonaws.com", rule.rule_arn)
        else:
            add_lambda_permission(rule, handler)
        if self.dead_letter_queue is not None:
            add_to_dead_letter_queue_resource_policy(rule, self.dead_letter_queue)
        if base is None:  # (no dead-letter queue, no retry policy)
            return RuleTargetConfig(arn=handler.function_arn, input=self.event, target_resource=handler)
        return RuleTargetConfig(arn=handler.function_arn, input=self.event, target_resource=handler, **base)
