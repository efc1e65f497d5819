"""`Schedule`: an EventBridge Scheduler schedule, and the target protocol (`IScheduleTarget`)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Protocol, runtime_checkable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from cdk_events.aws import iam
from cdk_events.aws.cloudwatch import Metric
from cdk_events.aws.kms import IKey
from cdk_events.core import Arn, ArnComponents, ArnFormat, Construct, Node, Resource, ResourceEnvironment
from cdk_events.core._errors import construct_error
from cdk_events.core._prop_checks import check_bool, check_instance, check_str
from cdk_events.core._token_encoding import is_unresolved

from ..core._checked import user_code
from ..core._struct_methods import struct_methods
from ._cfn_generated import CfnSchedule
from ._expression import ScheduleExpression, js_iso
from ._group import IScheduleGroup, metric_for
from ._input import ScheduleTargetInput
from ._time_window import TimeWindow

MAX_NAME_LENGTH = 64
MAX_DESCRIPTION_LENGTH = 512
_NAME_PATTERN = re.compile(r"^[0-9a-zA-Z-_.]+$")
VALIDATE_TIME_ZONE = "@cdk-events/aws-scheduler:validateTimeZone"
"""Context flag: `False` lets a schedule name a time zone the IANA database does not know (as aws-cdk-lib does)."""


def _check_schedule_props(scope: Construct, name: str | None, description: str | None,
                          schedule: ScheduleExpression) -> None:
    """The CloudFormation schema's limits, checked at the construct (aws-cdk-lib leaves them to the
    CloudFormation validation of synth): name characters, description length, a known time zone."""
    if name is not None and not is_unresolved(name) and not _NAME_PATTERN.match(name):
        raise construct_error(scope, f"schedule_name must contain only letters, digits, '-', '_' and '.', "
                                     f"got {name!r}")
    if description is not None and not is_unresolved(description) and len(description) > MAX_DESCRIPTION_LENGTH:
        raise construct_error(scope, f"description must be at most {MAX_DESCRIPTION_LENGTH} characters, got "
                                     f"{len(description)}")
    zone = schedule.time_zone.timezone_name
    if scope.node.try_get_context(VALIDATE_TIME_ZONE) is False:
        return
    if not is_unresolved(zone) and not is_known_time_zone(zone):
        raise construct_error(scope, f"schedule time zone must be an IANA time zone name such as 'Europe/Berlin' "
                                     f"(TimeZone.of(...)), got {zone!r}")


MAX_INPUT_BYTES = 256 * 1024


def _checked_input(scope: Construct, text: str) -> str:
    """The target input: at least 1 character (the CloudFormation schema), at most 256 KB (the Scheduler
    payload quota). Token inputs are not checked."""
    if isinstance(text, str) and not is_unresolved(text):
        size = len(text.encode("utf-8"))
        if size == 0:
            raise construct_error(scope, "target input must not be empty (Target.Input needs at least 1 character), "
                                         "got ''")
        if size > MAX_INPUT_BYTES:
            raise construct_error(scope, f"target input must be at most 256 KB ({MAX_INPUT_BYTES} bytes), got "
                                         f"{size} bytes")
    return text


def is_known_time_zone(name: str) -> bool:
    """True when `name` is in the IANA time zone database (`zoneinfo`)."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


@runtime_checkable
class ISchedule(Protocol):
    """A schedule, owned or imported (mirrors `aws_scheduler.ISchedule`)."""

    @property
    def schedule_arn(self) -> str: ...

    @property
    def schedule_name(self) -> str: ...

    @property
    def node(self) -> Node: ...

    @property
    def env(self) -> ResourceEnvironment: ...


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class ScheduleTargetConfig:
    """What a target gives its schedule (mirrors `aws_scheduler.ScheduleTargetConfig`): the ARN and role, and
    the optional input, dead-letter config, retry policy and per-service parameters (L1 property types
    of `CfnSchedule` or plain dicts)."""

    arn: str
    role: iam.IRole
    input: ScheduleTargetInput | None = None
    dead_letter_config: Any = None
    retry_policy: Any = None
    ecs_parameters: Any = None
    event_bridge_parameters: Any = None
    kinesis_parameters: Any = None
    sage_maker_pipeline_parameters: Any = None
    sqs_parameters: Any = None


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class ScheduleProps:
    """The props of a `Schedule` (mirrors `aws_scheduler.ScheduleProps`; `Schedule` takes them as keywords)."""

    schedule: Any
    target: Any
    description: str | None = None
    enabled: bool | None = None
    end: datetime | None = None
    key: Any = None
    schedule_group: Any = None
    schedule_name: str | None = None
    start: datetime | None = None
    time_window: Any = None


@runtime_checkable
class IScheduleTarget(Protocol):
    """A schedule target (mirrors `aws_scheduler.IScheduleTarget`): `bind(schedule)` returns its config."""

    def bind(self, schedule: ISchedule) -> ScheduleTargetConfig: ...


def _field(value: Any, name: str) -> Any:
    if value is None:
        return None
    if isinstance(value, dict):
        return value.get(name)
    return getattr(value, name, None)


class _ImportedSchedule(Resource):
    def __init__(self, scope: Construct, id: str, arn: str, name: str) -> None:
        super().__init__(scope, id)
        self.schedule_arn = arn
        self.schedule_name = name
        self.schedule_group: IScheduleGroup | None = None


class Schedule(Resource):
    """A schedule of EventBridge Scheduler (mirrors `aws_scheduler.Schedule`): invokes `target` when
    `schedule` says. Defaults: enabled, no flexible window, the `default` group, an AWS-owned key."""

    def __init__(self, scope: Construct, id: str, *, schedule: ScheduleExpression, target: IScheduleTarget,
                 description: str | None = None, enabled: bool | None = None, end: datetime | None = None,
                 key: IKey | None = None, schedule_group: IScheduleGroup | None = None,
                 schedule_name: str | None = None, start: datetime | None = None,
                 time_window: TimeWindow | None = None) -> None:
        super().__init__(scope, id, physical_name=schedule_name)
        check_instance(self, "schedule", schedule, ScheduleExpression,
                       "a ScheduleExpression (e.g. ScheduleExpression.rate(Duration.hours(1)))")
        if schedule is None:
            raise construct_error(self, "'schedule' is required (e.g. ScheduleExpression.rate(Duration.hours(1)))")
        if target is None or not callable(getattr(target, "bind", None)):
            raise construct_error(self, f"'target' must be a schedule target (e.g. targets.LambdaInvoke(fn)), "
                                        f"got {target!r}")
        check_str(self, "schedule_name", schedule_name)
        check_str(self, "description", description)
        check_bool(self, "enabled", enabled)
        check_instance(self, "time_window", time_window, TimeWindow, "a TimeWindow (e.g. TimeWindow.flexible(...))")
        for prop, date in (("start", start), ("end", end)):
            check_instance(self, prop, date, datetime, "a timezone-aware datetime")
            if date is not None and (date.tzinfo is None or date.utcoffset() is None):
                raise construct_error(self, f"'{prop}' must be a timezone-aware datetime (add tzinfo, e.g. "
                                            f"datetime.timezone.utc), got naive {date.isoformat()}")
        self.schedule_group = schedule_group
        """The group of this schedule (None: the `default` group)."""

        if type(target).__module__.startswith("cdk_events."):
            config = target.bind(self)
        else:
            with user_code():  # a target of the user's own class
                config = target.bind(self)

        self.key = key
        """The customer-managed key of the schedule's payload (None: an AWS-owned key)."""
        if key is not None:
            key.grant_decrypt(config.role)
        window = time_window if time_window is not None else TimeWindow.off()
        if start is not None and end is not None and start >= end:
            raise construct_error(self, f"start must precede end, got start: {js_iso(start, 'start')}, "
                                        f"end: {js_iso(end, 'end')}")
        if schedule_name is not None and not is_unresolved(schedule_name) and len(schedule_name) > MAX_NAME_LENGTH:
            raise construct_error(self, f"scheduleName cannot be longer than 64 characters, got: {len(schedule_name)}")
        _check_schedule_props(self, schedule_name, description, schedule)
        self._retry_policy = config.retry_policy
        resource = CfnSchedule(
            self, "Resource",
            name=self.physical_name,
            flexible_time_window=CfnSchedule.FlexibleTimeWindowProperty(
                mode=window.mode,
                maximum_window_in_minutes=window.max_window.to_minutes() if window.max_window is not None else None),
            schedule_expression=schedule.expression_string,
            schedule_expression_timezone=schedule.time_zone.timezone_name if schedule.time_zone else None,
            group_name=schedule_group.schedule_group_name if schedule_group is not None else None,
            state="ENABLED" if enabled is None or enabled else "DISABLED",
            kms_key_arn=key.key_arn if key is not None else None,
            target=CfnSchedule.TargetProperty(
                arn=config.arn,
                role_arn=config.role.role_arn,
                input=_checked_input(self, config.input.bind(self)) if config.input is not None else None,
                dead_letter_config=config.dead_letter_config,
                retry_policy=self._render_retry_policy(),
                ecs_parameters=config.ecs_parameters,
                kinesis_parameters=config.kinesis_parameters,
                event_bridge_parameters=config.event_bridge_parameters,
                sage_maker_pipeline_parameters=config.sage_maker_pipeline_parameters,
                sqs_parameters=config.sqs_parameters),
            start_date=js_iso(start, "start") if start is not None else None,
            end_date=js_iso(end, "end") if end is not None else None,
            description=description,
        )
        group_name = schedule_group.schedule_group_name if schedule_group is not None else "default"
        self.schedule_name = self._get_resource_name_attribute(resource.ref)
        """The schedule's name (`Ref`)."""
        self.schedule_arn = self._get_resource_arn_attribute(resource.attr_arn, ArnComponents(
            service="scheduler", resource="schedule", resource_name=f"{group_name}/{self.physical_name}"))
        """The schedule's ARN (`Fn::GetAtt Arn`)."""

    def _render_retry_policy(self) -> Any:
        policy = self._retry_policy
        if policy is None:
            return None
        age = _field(policy, "maximum_event_age_in_seconds")
        attempts = _field(policy, "maximum_retry_attempts")
        if age and not is_unresolved(age) and (age < 60 or age > 86400):
            raise construct_error(self, f"maximumEventAgeInSeconds must be between 60 and 86400, got {age}")
        if attempts and not is_unresolved(attempts) and (attempts < 0 or attempts > 185):
            raise construct_error(self, f"maximumRetryAttempts must be between 0 and 185, got {attempts}")
        if age is None and attempts is None:
            return None
        return CfnSchedule.RetryPolicyProperty(maximum_event_age_in_seconds=age, maximum_retry_attempts=attempts)

    @staticmethod
    def from_schedule_arn(scope: Construct, id: str, schedule_arn: str) -> ISchedule:
        """An existing schedule by ARN (`arn:...:scheduler:<region>:<account>:schedule/<group>/<name>`)."""
        resource = Arn.split(schedule_arn, ArnFormat.NO_RESOURCE_NAME).resource
        parts = resource.split("/")
        if len(parts) != 3 or parts[0] != "schedule":
            raise construct_error(scope, "Invalid schedule ARN format. Expected: arn:<partition>:scheduler:<region>:"
                                         f"<account>:schedule/<group-name>/<schedule-name>, got: {schedule_arn}")
        return _ImportedSchedule(scope, id, schedule_arn, parts[2])

    @staticmethod
    def metric_all(metric_name: str, **options: Any) -> Metric:
        """The metric `metric_name` over all schedules (no dimensions; default Sum over 5 minutes)."""
        return metric_for(metric_name, None, options)

    @staticmethod
    def metric_all_throttled(**options: Any) -> Metric:
        """Invocations throttled by the service quotas, all schedules (`InvocationThrottleCount`)."""
        return Schedule.metric_all("InvocationThrottleCount", **options)

    @staticmethod
    def metric_all_attempts(**options: Any) -> Metric:
        """All invocation attempts, all schedules (`InvocationAttemptCount`)."""
        return Schedule.metric_all("InvocationAttemptCount", **options)

    @staticmethod
    def metric_all_errors(**options: Any) -> Metric:
        """Target API errors, all schedules (`TargetErrorCount`)."""
        return Schedule.metric_all("TargetErrorCount", **options)

    @staticmethod
    def metric_all_target_throttled(**options: Any) -> Metric:
        """Target API throttling, all schedules (`TargetErrorThrottledCount`)."""
        return Schedule.metric_all("TargetErrorThrottledCount", **options)

    @staticmethod
    def metric_all_dropped(**options: Any) -> Metric:
        """Invocations dropped after the retries, all schedules (`InvocationDroppedCount`)."""
        return Schedule.metric_all("InvocationDroppedCount", **options)

    @staticmethod
    def metric_all_sent_to_dlq(**options: Any) -> Metric:
        """Invocations sent to a DLQ, all schedules (`InvocationsSentToDeadLetterCount`)."""
        return Schedule.metric_all("InvocationsSentToDeadLetterCount", **options)

    @staticmethod
    def metric_all_failed_to_be_sent_to_dlq(error_code: str | None = None, **options: Any) -> Metric:
        """Invocations that could not be sent to a DLQ, all schedules (with `_<error_code>` when given)."""
        suffix = f"_{error_code}" if error_code else ""
        return Schedule.metric_all(f"InvocationsFailedToBeSentToDeadLetterCount{suffix}", **options)

    @staticmethod
    def metric_all_sent_to_dlq_truncated(**options: Any) -> Metric:
        """DLQ deliveries truncated by the SQS size limit, all schedules."""
        return Schedule.metric_all("InvocationsSentToDeadLetterCount_Truncated_MessageSizeExceeded", **options)
