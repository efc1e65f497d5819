"""Boundary checks of the targets: a wrong argument fails with the rule's path, the target, the
property, the value received and what is expected."""

from __future__ import annotations

from typing import Any

from .._input import RuleTargetInput
from ..core import Construct, UnscopedValidationError
from ..core._errors import construct_error


def _describe(value: Any) -> str:
    return f"{value!r} (a {type(value).__name__})"


def require_resource(rule: Construct, target: str, prop: str, value: Any, attrs: tuple[str, ...],
                     what: str) -> Any:
    """`value` if it has every attribute in `attrs`; else an error naming the rule and `what` to pass."""
    if value is None or not all(hasattr(value, a) for a in attrs):
        raise construct_error(rule, f"{target} target: '{prop}' must be {what}, got {_describe(value)}")
    return value


def check_role(rule: Construct, target: str, prop: str, role: Any) -> Any:
    """`role` if it is None or an IAM role (it has `role_arn` and `add_to_principal_policy`)."""
    if role is None:
        return None
    return require_resource(rule, target, prop, role, ("role_arn", "add_to_principal_policy"),
                            "an IAM role (iam.Role(...) or iam.Role.from_role_arn(...))")


def check_queue(rule: Construct, target: str, queue: Any) -> Any:
    """`queue` if it is None or an SQS queue."""
    if queue is None:
        return None
    return require_resource(rule, target, "dead_letter_queue", queue, ("queue_arn",),
                            "an SQS queue (sqs.Queue(...) or sqs.Queue.from_queue_arn(...))")


def check_input(target: str, prop: str, value: Any) -> RuleTargetInput | None:
    """`value` if it is None or a `RuleTargetInput` (checked when the target is created)."""
    if value is None or isinstance(value, RuleTargetInput):
        return value
    raise UnscopedValidationError(
        f"{target} target: '{prop}' must be a RuleTargetInput (events.RuleTargetInput.from_object(...), "
        f"from_text(...), from_event_path(...)), got {_describe(value)}")
