"""Boundary checks of the targets, run when a target is bound: a wrong argument fails with the rule's
construct path, the target class, the property, the value received and what is expected.

The checks look for the attributes a target uses (cheap), not `isinstance` against the runtime
protocols (slow)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from .._input import RuleTargetInput
from ..core import Construct, ValidationError

if TYPE_CHECKING:
    from .._rule_ref import IRule
    from ..aws.iam import IRole
    from ..aws.sqs import IQueue

_T = TypeVar("_T")

ROLE = "an IAM role (iam.Role(...) or iam.Role.from_role_arn(...))"
QUEUE = "an SQS queue (sqs.Queue(...) or sqs.Queue.from_queue_arn(...))"
INPUT = ("a RuleTargetInput (events.RuleTargetInput.from_object(...), from_text(...) or "
         "from_event_path(...))")
_ROLE_ATTRS = ("role_arn", "add_to_principal_policy")
_QUEUE_ATTRS = ("queue_arn", "env", "add_to_resource_policy")


def describe(value: object) -> str:
    """`value` as an error message shows it: its repr and its type."""
    return f"{value!r} (a {type(value).__name__})"


def rule_error(rule: IRule, message: str) -> ValidationError:
    """A `ValidationError` whose message starts with the rule's construct path."""
    return ValidationError(f"[{rule.node.path}] {message}")


def require_resource(rule: IRule, target: str, prop: str, value: _T, attrs: tuple[str, ...], what: str) -> _T:
    """`value` if it has every attribute in `attrs`; else an error naming the rule, the target, `prop` and
    `what` to pass."""
    for name in attrs:
        if not hasattr(value, name):
            raise rule_error(rule, f"{target} target: '{prop}' must be {what}, got {describe(value)}")
    return value


def check_role(rule: IRule, target: str, prop: str, role: IRole | None) -> IRole | None:
    """`role` if it is None or an IAM role (it has `role_arn` and `add_to_principal_policy`)."""
    if role is None:
        return None
    return require_resource(rule, target, prop, role, _ROLE_ATTRS, ROLE)


def check_queue(rule: IRule, target: str, queue: IQueue | None, prop: str = "dead_letter_queue") -> IQueue | None:
    """`queue` if it is None or an SQS queue (it has `queue_arn`, `env` and `add_to_resource_policy`)."""
    if queue is None:
        return None
    return require_resource(rule, target, prop, queue, _QUEUE_ATTRS, QUEUE)


def check_input(rule: IRule, target: str, prop: str, value: RuleTargetInput | None) -> RuleTargetInput | None:
    """`value` if it is None or a `RuleTargetInput`."""
    if value is None or isinstance(value, RuleTargetInput):
        return value
    raise rule_error(rule, f"{target} target: '{prop}' must be {INPUT}, got {describe(value)}")


def check_common(rule: IRule, target: str, *, role_prop: str = "role", role: IRole | None = None,
                 dead_letter_queue: IQueue | None = None, input_prop: str = "input",
                 input: RuleTargetInput | None = None) -> None:
    """The checks every target makes: its role, its dead-letter queue and its input (each may be None)."""
    if role is not None:
        require_resource(rule, target, role_prop, role, _ROLE_ATTRS, ROLE)
    if dead_letter_queue is not None:
        require_resource(rule, target, "dead_letter_queue", dead_letter_queue, _QUEUE_ATTRS, QUEUE)
    if input is not None and not isinstance(input, RuleTargetInput):
        raise rule_error(rule, f"{target} target: '{input_prop}' must be {INPUT}, got {describe(input)}")


def rule_scope(rule: IRule) -> Construct:
    """The rule as a construct (owned and imported rules are constructs), for the helpers that add
    children, read feature flags or annotate."""
    if isinstance(rule, Construct):
        return rule
    raise ValidationError(f"a rule target was bound to {describe(rule)}, which is not a construct; bind targets "
                          "with rule.add_target(...) on an events.Rule")


def as_construct(rule: IRule, target: str, prop: str, value: object) -> Construct:
    """`value` (a resource protocol object) as the construct it is, to create children under it."""
    if isinstance(value, Construct):
        return value
    raise rule_error(rule, f"{target} target: '{prop}' must be a construct (to hold the events role), got "
                           f"{describe(value)}")
