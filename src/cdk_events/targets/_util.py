"""What all targets share: retry and dead-letter settings, the events role, Lambda and DLQ permissions."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict, TypeGuard

import attrs

from .._cfn_generated import CfnRule
from ..aws import iam
from ..core import Annotations, Construct, Duration, Names, PhysicalName, ValidationError
from ..core._same_env import same_env_dimension
from ..core._struct_methods import struct_methods
from ..core._token_encoding import is_unresolved
from ._checks import rule_error, rule_scope

if TYPE_CHECKING:
    from .._rule_ref import IRule
    from ..aws.lambda_ import IFunction
    from ..aws.lambda_._function_base import FunctionBase
    from ..aws.sqs import IQueue
    from ..core import IConstruct

MAX_RETRY_ATTEMPTS = 185
MIN_EVENT_AGE_SECONDS = 60
MAX_EVENT_AGE_SECONDS = 86_400
VALIDATE_RANGES_FLAG = "@cdk-events/aws-events-targets:validateRetryPolicy"


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class TargetBaseProps:
    """Options every target takes: `dead_letter_queue`, `max_event_age` (60 s to 24 h, default 24 h) and
    `retry_attempts` (0 to 185, default 185)."""

    dead_letter_queue: IQueue | None = None
    max_event_age: Duration | None = None
    retry_attempts: int | None = None


class BaseTargetConfig(TypedDict):
    """The `RuleTargetConfig` fields every target fills the same way."""

    dead_letter_config: CfnRule.DeadLetterConfigProperty | None
    retry_policy: CfnRule.RetryPolicyProperty | None


def bind_base_target_config(rule: IRule, target_name: str, *, dead_letter_queue: IQueue | None = None,
                            max_event_age: Duration | None = None,
                            retry_attempts: int | None = None) -> BaseTargetConfig:
    """`dead_letter_config` and `retry_policy` for a target (checked against EventBridge's limits)."""
    retry = None
    if retry_attempts is not None or max_event_age is not None:
        _check_ranges(rule, target_name, max_event_age, retry_attempts)
        if (retry_attempts is not None and retry_attempts >= 0) or max_event_age:
            retry = CfnRule.RetryPolicyProperty(
                maximum_event_age_in_seconds=max_event_age.to_seconds(integral=True) if max_event_age else None,
                maximum_retry_attempts=retry_attempts)
    return {
        "dead_letter_config": CfnRule.DeadLetterConfigProperty(arn=dead_letter_queue.queue_arn)
        if dead_letter_queue is not None else None,
        "retry_policy": retry,
    }


def _check_ranges(rule: IRule, target_name: str, max_event_age: Duration | None,
                  retry_attempts: int | None) -> None:
    if rule.node.try_get_context(VALIDATE_RANGES_FLAG) is False:
        return
    if retry_attempts is not None and not is_unresolved(retry_attempts) and (
            isinstance(retry_attempts, bool) or not isinstance(retry_attempts, int)
            or not 0 <= retry_attempts <= MAX_RETRY_ATTEMPTS):
        raise rule_error(rule, f"{target_name} target: retry_attempts must be a whole number from 0 to "
                               f"{MAX_RETRY_ATTEMPTS}, got {retry_attempts!r}")
    if max_event_age is not None:
        if not isinstance(max_event_age, Duration):
            raise rule_error(rule, f"{target_name} target: max_event_age must be a Duration, got "
                                   f"{max_event_age!r}")
        if not max_event_age.is_unresolved():
            seconds = max_event_age.to_seconds(integral=False)
            if not MIN_EVENT_AGE_SECONDS <= seconds <= MAX_EVENT_AGE_SECONDS:
                raise rule_error(rule, f"{target_name} target: max_event_age must be between 60 seconds and "
                                       f"24 hours, got {max_event_age.to_human_string()}")


def singleton_event_role(scope: IConstruct) -> iam.IRole:
    """The `EventsRole` child of `scope` (created on first use) that EventBridge assumes."""
    existing = scope.node.try_find_child("EventsRole")
    if existing is not None:
        return existing  # type: ignore[return-value]  # the role made below
    if not isinstance(scope, Construct):
        raise ValidationError(f"the events role needs a construct to live under, got {scope!r}")
    return iam.Role(scope, "EventsRole", role_name=PhysicalName.GENERATE_IF_NEEDED,
                    assumed_by=iam.ServicePrincipal("events.amazonaws.com"))


def plain_function(handler: object) -> TypeGuard[FunctionBase]:
    """True for a function of this library that gives permissions as `FunctionBase` does (no subclass
    overrides `add_permission`) and has its ARN: its own helpers then make the same permission."""
    plain = getattr(handler, "_adds_permissions_plainly", None)
    return plain is not None and bool(plain())


def add_lambda_permission(rule: IRule, handler: IFunction) -> None:
    """Let the rule invoke the function: a permission next to the rule (once per function)."""
    if isinstance(rule, Construct):
        scope: Construct | None = rule
        node = rule.node
        if plain_function(handler):  # (the same permission, made without a principal object to parse)
            permission_id = f"AllowEventRule{handler._node_unique_id()}"
            if node.try_find_child(permission_id) is None:
                handler._add_service_invoke_permission(rule, permission_id, "events.amazonaws.com", rule.rule_arn)
            return
        permission_id = f"AllowEventRule{Names.node_unique_id(handler.node)}"
    else:
        scope = None
        node = handler.permissions_node
        permission_id = f"AllowEventRule{Names.node_unique_id(rule.node)}"
    if node.try_find_child(permission_id) is None:
        handler.add_permission(permission_id, scope=scope, action="lambda:InvokeFunction",
                               principal=iam.ServicePrincipal("events.amazonaws.com"), source_arn=rule.rule_arn)


def add_to_dead_letter_queue_resource_policy(rule: IRule, queue: IQueue) -> None:
    """Let the rule send failed events to `queue` (a statement in the queue's policy)."""
    env = rule.env
    if not same_env_dimension(env.region, queue.env.region, one_unresolved=True):
        raise rule_error(rule, f"Cannot assign Dead Letter Queue in region {queue.env.region} to the rule "
                               f"{Names.node_unique_id(rule.node)} in region {env.region}. Both the queue and "
                               "the rule must be in the same region.")
    if same_env_dimension(env.account, queue.env.account, one_unresolved=True):
        queue.add_to_resource_policy(iam.PolicyStatement(
            sid=f"AllowEventRule{Names.node_unique_id(rule.node)}",
            principals=[iam.ServicePrincipal("events.amazonaws.com")], effect=iam.Effect.ALLOW,
            actions=["sqs:SendMessage"], resources=[queue.queue_arn],
            conditions={"ArnEquals": {"aws:SourceArn": rule.rule_arn}}))
    else:
        Annotations.of(rule_scope(rule)).add_warning_v2(
            "@aws-cdk/aws-events-targets:manuallyAddDLQResourcePolicy",
            f"Cannot add a resource policy to your dead letter queue associated with rule {rule.rule_arn} because "
            f"the queue is in a different account. You must add the resource policy manually to the dead letter "
            f"queue in account {queue.env.account}.")
