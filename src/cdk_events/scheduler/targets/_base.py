"""`ScheduleTargetBase`: what every schedule target shares — the execution role (created and shared per
target ARN and stack), the dead-letter queue, the retry policy and the input."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import attrs

from cdk_events.aws import iam
from cdk_events.aws.sqs import IQueue
from cdk_events.core import Duration, PhysicalName, Stack, UnscopedValidationError
from cdk_events.core._cfn_element import CfnReference
from cdk_events.core._resolve import DefaultTokenResolver, resolve
from cdk_events.core._resource import _CrossEnvAttribute
from cdk_events.core._token_encoding import IResolvable, is_unresolved
from cdk_events.scheduler import CfnSchedule, ISchedule, ScheduleTargetConfig, ScheduleTargetInput

from ...core._struct_methods import struct_methods

MAX_EVENT_AGE_SECONDS = 86_400
MIN_EVENT_AGE_SECONDS = 60
MAX_RETRY_ATTEMPTS = 185


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class ScheduleTargetBaseProps:
    """Options of every target (mirrors `aws_scheduler_targets.ScheduleTargetBaseProps`): `role` (default: a
    role created for the target ARN, shared in the stack), `dead_letter_queue` (default none), `input`
    (default none), `max_event_age` (60 s to 24 h, default 24 h), `retry_attempts` (0 to 185, default 185)."""

    dead_letter_queue: IQueue | None = None
    input: ScheduleTargetInput | None = None
    max_event_age: Duration | None = None
    retry_attempts: int | None = None
    role: iam.IRole | None = None


class _LocalReferences(DefaultTokenResolver):
    """Resolves a reference to another stack's resource as in that stack (the un-exported `Fn::GetAtt`): at
    construction aws-cdk-lib has not yet turned such references into cross-stack ones."""

    def resolve_token(self, token: IResolvable, context: Any, post: Any) -> Any:
        if isinstance(token, CfnReference):
            return token.local_value()
        if isinstance(token, _CrossEnvAttribute) and isinstance(token._local_token, CfnReference):
            consumer, owner = Stack.of(context.scope), token.resource.stack
            if owner.account == consumer.account and (
                    owner.region == consumer.region or consumer.cross_region_references):
                return token._local_token.local_value()
        return super().resolve_token(token, context, post)


def _arn_hash(stack: Stack, arn: str) -> str:
    """The first 6 hex digits of the md5 of the ARN: the string, or the compact JSON of a token ARN."""
    if is_unresolved(arn):
        text = json.dumps(resolve(arn, stack, resolver=_LocalReferences()), separators=(",", ":"), ensure_ascii=False)
    else:
        text = arn
    return hashlib.md5(text.encode("utf-8")).hexdigest()[:6]


def _check_base(target: str, props: ScheduleTargetBaseProps) -> None:
    if props.dead_letter_queue is not None and not hasattr(props.dead_letter_queue, "queue_arn"):
        raise UnscopedValidationError(f"{target}: 'dead_letter_queue' must be an SQS queue (sqs.IQueue), got "
                                      f"{props.dead_letter_queue!r}")
    if props.input is not None and not isinstance(props.input, ScheduleTargetInput):
        raise UnscopedValidationError(f"{target}: 'input' must be a ScheduleTargetInput (e.g. "
                                      f"ScheduleTargetInput.from_object({{...}})), got {props.input!r}")
    if props.max_event_age is not None and not isinstance(props.max_event_age, Duration):
        raise UnscopedValidationError(f"{target}: 'max_event_age' must be a Duration, got {props.max_event_age!r}")
    attempts = props.retry_attempts
    if attempts is not None and not is_unresolved(attempts) and (
            isinstance(attempts, bool) or not isinstance(attempts, int)):
        raise UnscopedValidationError(f"{target}: 'retry_attempts' must be a whole number from 0 to 185, got "
                                      f"{attempts!r}")


class ScheduleTargetBase:
    """The base of the schedule targets (mirrors `aws_scheduler_targets.ScheduleTargetBase`). Subclasses give
    the target ARN and add the target's permission in `_add_target_action_to_role`."""

    def __init__(self, base_props: ScheduleTargetBaseProps, target_arn: str) -> None:
        _check_base(type(self).__name__, base_props)
        self._base_props = base_props
        self.target_arn = target_arn
        """The ARN the schedule invokes."""

    def _add_target_action_to_role(self, role: iam.IRole) -> None:
        raise NotImplementedError

    def bind(self, schedule: ISchedule) -> ScheduleTargetConfig:
        """The target config for `schedule`: creates or reuses the role and adds the permissions."""
        return self._bind_base_target_config(schedule)

    def _bind_base_target_config(self, schedule: ISchedule) -> ScheduleTargetConfig:
        props = self._base_props
        role = props.role if props.role is not None else self._create_or_get_role(schedule)
        self._add_target_action_to_role(role)
        if props.dead_letter_queue is not None:
            role.add_to_principal_policy(iam.PolicyStatement(actions=["sqs:SendMessage"],
                                                             resources=[props.dead_letter_queue.queue_arn]))
        return ScheduleTargetConfig(
            arn=self.target_arn, role=role, input=props.input,
            dead_letter_config=CfnSchedule.DeadLetterConfigProperty(arn=props.dead_letter_queue.queue_arn)
            if props.dead_letter_queue is not None else None,
            retry_policy=_render_retry_policy(props.max_event_age, props.retry_attempts))

    def _create_or_get_role(self, schedule: ISchedule) -> iam.IRole:
        stack = Stack.of(schedule)  # type: ignore[arg-type]
        role_id = "SchedulerRoleForTarget-" + _arn_hash(stack, self.target_arn)
        group = getattr(schedule, "schedule_group", None)
        source_arn = group.schedule_group_arn if group is not None else stack.format_arn(
            service="scheduler", resource="schedule-group", region=schedule.env.region, account=schedule.env.account,
            resource_name="default")
        principal = iam.ServicePrincipal("scheduler.amazonaws.com", conditions={
            "StringEquals": {"aws:SourceAccount": schedule.env.account, "aws:SourceArn": source_arn}})
        existing: Any = stack.node.try_find_child(role_id)
        if existing is not None:
            existing.assume_role_policy.add_statements(iam.PolicyStatement(
                effect=iam.Effect.ALLOW, principals=[principal], actions=["sts:AssumeRole"]))
            return existing  # type: ignore[no-any-return]
        return iam.Role(stack, role_id, role_name=PhysicalName.GENERATE_IF_NEEDED, assumed_by=principal)


def _render_retry_policy(max_event_age: Duration | None, retry_attempts: int | None) -> CfnSchedule.RetryPolicyProperty:
    age: float = MAX_EVENT_AGE_SECONDS
    if max_event_age is not None:
        age = max_event_age.to_seconds(integral=True)
        if age > MAX_EVENT_AGE_SECONDS:
            raise UnscopedValidationError("Maximum event age is 1 day")
        if age < MIN_EVENT_AGE_SECONDS:
            raise UnscopedValidationError("Minimum event age is 1 minute")
    attempts = MAX_RETRY_ATTEMPTS
    if retry_attempts is not None:
        if retry_attempts < 0:
            raise UnscopedValidationError("Number of retry attempts should be greater or equal than 0")
        if retry_attempts > MAX_RETRY_ATTEMPTS:
            raise UnscopedValidationError("Number of retry attempts should be less or equal than 185")
        attempts = retry_attempts
    return CfnSchedule.RetryPolicyProperty(maximum_event_age_in_seconds=age, maximum_retry_attempts=attempts)


def base_props(role: iam.IRole | None, dead_letter_queue: IQueue | None, input: ScheduleTargetInput | None,
               max_event_age: Duration | None, retry_attempts: int | None) -> ScheduleTargetBaseProps:
    """The base props from the keyword arguments of a target's constructor."""
    return ScheduleTargetBaseProps(role=role, dead_letter_queue=dead_letter_queue, input=input,
                                   max_event_age=max_event_age, retry_attempts=retry_attempts)
