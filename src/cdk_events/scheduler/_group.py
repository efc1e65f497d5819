"""`ScheduleGroup`: a group of schedules (owned or imported), its grants and metrics."""

from __future__ import annotations

import re
from typing import Any, Protocol, runtime_checkable

import attrs

from cdk_events.aws import iam
from cdk_events.aws.cloudwatch import Metric, Unit
from cdk_events.core import (
    Arn,
    ArnComponents,
    ArnFormat,
    Aws,
    Construct,
    Duration,
    Names,
    Node,
    RemovalPolicy,
    Resource,
    ResourceEnvironment,
    Stack,
)
from cdk_events.core._errors import construct_error
from cdk_events.core._prop_checks import check_instance, check_str
from cdk_events.core._token_encoding import is_unresolved

from ..core._struct_methods import struct_methods
from ._cfn_generated import CfnScheduleGroup

NAMESPACE = "AWS/Scheduler"
_GROUP_NAME = re.compile(r"^[0-9a-zA-Z-_.]+$")


@runtime_checkable
class IScheduleGroup(Protocol):
    """A schedule group, owned or imported (mirrors `aws_scheduler.IScheduleGroup`)."""

    @property
    def schedule_group_name(self) -> str: ...

    @property
    def schedule_group_arn(self) -> str: ...

    @property
    def node(self) -> Node: ...

    @property
    def env(self) -> ResourceEnvironment: ...

    def grant(self, grantee: iam.IGrantable, *actions: str) -> iam.Grant: ...

    def grant_read_schedules(self, identity: iam.IGrantable) -> iam.Grant: ...

    def grant_write_schedules(self, identity: iam.IGrantable) -> iam.Grant: ...

    def grant_delete_schedules(self, identity: iam.IGrantable) -> iam.Grant: ...


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class ScheduleGroupProps:
    """The props of a `ScheduleGroup` (mirrors `aws_scheduler.ScheduleGroupProps`): `schedule_group_name`
    (default: generated) and `removal_policy` (default RETAIN)."""

    removal_policy: RemovalPolicy | None = None
    schedule_group_name: str | None = None


def metric_for(metric_name: str, dimensions: dict[str, str] | None, options: dict[str, Any]) -> Metric:
    """A `AWS/Scheduler` metric, statistic Sum over 5 minutes unless `options` say otherwise."""
    props: dict[str, Any] = {"statistic": "sum"}
    if dimensions is not None:
        props["dimensions_map"] = dimensions
    props.update({k: v for k, v in options.items() if v is not None})
    return Metric(namespace=NAMESPACE, metric_name=metric_name, **props)


class _ScheduleGroupBase(Resource):
    """What owned and imported schedule groups share: grants and metrics."""

    schedule_group_name: str
    schedule_group_arn: str

    @property
    def attr_arn(self) -> str:
        """The group ARN."""
        return self.schedule_group_arn

    def metric(self, metric_name: str, *, account: str | None = None, color: str | None = None,
               dimensions_map: dict[str, str] | None = None, label: str | None = None,
               period: Duration | None = None, region: str | None = None, statistic: str | None = None,
               unit: Unit | None = None) -> Metric:
        """The metric `metric_name` of this group (dimension `ScheduleGroup`; default: Sum over 5 minutes)."""
        return metric_for(metric_name, {"ScheduleGroup": self.schedule_group_name}, {
            "account": account, "color": color, "dimensions_map": dimensions_map, "label": label, "period": period,
            "region": region, "statistic": statistic, "unit": unit})

    def metric_throttled(self, **options: Any) -> Metric:
        """Invocations throttled by the service quotas (`InvocationThrottleCount`; Sum over 5 minutes)."""
        return self.metric("InvocationThrottleCount", **options)

    def metric_attempts(self, **options: Any) -> Metric:
        """All invocation attempts (`InvocationAttemptCount`; Sum over 5 minutes)."""
        return self.metric("InvocationAttemptCount", **options)

    def metric_target_errors(self, **options: Any) -> Metric:
        """Target API errors (`TargetErrorCount`; Sum over 5 minutes)."""
        return self.metric("TargetErrorCount", **options)

    def metric_target_throttled(self, **options: Any) -> Metric:
        """Target API throttling (`TargetErrorThrottledCount`; Sum over 5 minutes)."""
        return self.metric("TargetErrorThrottledCount", **options)

    def metric_dropped(self, **options: Any) -> Metric:
        """Invocations dropped after the retries (`InvocationDroppedCount`; Sum over 5 minutes)."""
        return self.metric("InvocationDroppedCount", **options)

    def metric_sent_to_dlq(self, **options: Any) -> Metric:
        """Invocations sent to the DLQ (`InvocationsSentToDeadLetterCount`; Sum over 5 minutes)."""
        return self.metric("InvocationsSentToDeadLetterCount", **options)

    def metric_failed_to_be_sent_to_dlq(self, error_code: str | None = None, **options: Any) -> Metric:
        """Invocations that could not be sent to the DLQ (`InvocationsFailedToBeSentToDeadLetterCount`, with
        `_<error_code>` when given; Sum over 5 minutes)."""
        suffix = f"_{error_code}" if error_code else ""
        return self.metric(f"InvocationsFailedToBeSentToDeadLetterCount{suffix}", **options)

    def metric_sent_to_dlq_truncated(self, **options: Any) -> Metric:
        """DLQ deliveries truncated by the SQS size limit; Sum over 5 minutes."""
        return self.metric("InvocationsSentToDeadLetterCount_Truncated_MessageSizeExceeded", **options)

    def grant(self, grantee: iam.IGrantable, *actions: str) -> iam.Grant:
        """Grant `actions` on the group ARN (in the grantee's policy)."""
        return iam.Grant.add_to_principal(grantee=grantee, actions=list(actions),
                                          resource_arns=[self.schedule_group_arn], scope=self)

    def _schedules_arn(self) -> str:
        return Arn.format(ArnComponents(
            service="scheduler", resource="schedule", resource_name=f"{self.schedule_group_name}/*",
            partition=Aws.PARTITION, region=self.env.region, account=self.env.account))

    def grant_read_schedules(self, identity: iam.IGrantable) -> iam.Grant:
        """Grant `scheduler:GetSchedule` and `scheduler:ListSchedules` on the group's schedules."""
        return iam.Grant.add_to_principal(
            grantee=identity, actions=["scheduler:GetSchedule", "scheduler:ListSchedules"],
            resource_arns=[self._schedules_arn()], scope=self)

    def grant_write_schedules(self, identity: iam.IGrantable) -> iam.Grant:
        """Grant `scheduler:CreateSchedule` and `scheduler:UpdateSchedule` on the group's schedules."""
        return iam.Grant.add_to_principal(
            grantee=identity, actions=["scheduler:CreateSchedule", "scheduler:UpdateSchedule"],
            resource_arns=[self._schedules_arn()], scope=self)

    def grant_delete_schedules(self, identity: iam.IGrantable) -> iam.Grant:
        """Grant `scheduler:DeleteSchedule` on the group's schedules."""
        return iam.Grant.add_to_principal(grantee=identity, actions=["scheduler:DeleteSchedule"],
                                          resource_arns=[self._schedules_arn()], scope=self)


class ScheduleGroupGrants:
    """The grants of a schedule group (mirrors `aws_scheduler.ScheduleGroupGrants`)."""

    def __init__(self, group: IScheduleGroup) -> None:
        self._group = group

    @staticmethod
    def from_schedule_group(group: IScheduleGroup) -> ScheduleGroupGrants:
        """The grants of `group`."""
        return ScheduleGroupGrants(group)

    def read_schedules(self, grantee: iam.IGrantable) -> iam.Grant:
        """Same as `group.grant_read_schedules`."""
        return self._group.grant_read_schedules(grantee)

    def write_schedules(self, grantee: iam.IGrantable) -> iam.Grant:
        """Same as `group.grant_write_schedules`."""
        return self._group.grant_write_schedules(grantee)

    def delete_schedules(self, grantee: iam.IGrantable) -> iam.Grant:
        """Same as `group.grant_delete_schedules`."""
        return self._group.grant_delete_schedules(grantee)


class _ImportedScheduleGroup(_ScheduleGroupBase):
    def __init__(self, scope: Construct, id: str, name: str, arn: str) -> None:
        super().__init__(scope, id)
        self.schedule_group_name = name
        self.schedule_group_arn = arn

    @property
    def attr_name(self) -> str:
        """The group name."""
        return self.schedule_group_name


class ScheduleGroup(_ScheduleGroupBase):
    """A schedule group (mirrors `aws_scheduler.ScheduleGroup`). Default name: generated from the path (a
    literal string); default removal policy RETAIN."""

    def __init__(self, scope: Construct, id: str, *, schedule_group_name: str | None = None,
                 removal_policy: RemovalPolicy | None = None) -> None:
        super().__init__(scope, id)
        check_str(self, "schedule_group_name", schedule_group_name)
        check_instance(self, "removal_policy", removal_policy, RemovalPolicy, "RemovalPolicy.DESTROY")
        if schedule_group_name is not None and not is_unresolved(schedule_group_name) and (
                not 1 <= len(schedule_group_name) <= 64 or not _GROUP_NAME.match(schedule_group_name)):
            raise construct_error(self, f"schedule_group_name must be 1 to 64 characters of letters, digits, '-', "
                                        f"'_' and '.', got {schedule_group_name!r}")
        self.schedule_group_name = schedule_group_name if schedule_group_name is not None else \
            Names.unique_resource_name(self, max_length=64, separator="-")
        resource = CfnScheduleGroup(self, "Resource", name=self.schedule_group_name)
        resource.apply_removal_policy(removal_policy if removal_policy is not None else RemovalPolicy.RETAIN)
        self.schedule_group_arn = self._get_resource_arn_attribute(resource.attr_arn, ArnComponents(
            service="scheduler", resource="schedule-group", resource_name=self.schedule_group_name))
        self.grants = ScheduleGroupGrants(self)
        """The grants of this group (`grants.read_schedules(role)`, ...)."""

    @property
    def attr_name(self) -> str:
        """The group name."""
        return self.schedule_group_name

    @staticmethod
    def from_schedule_group_arn(scope: Construct, id: str, schedule_group_arn: str) -> IScheduleGroup:
        """An existing group by ARN (`arn:...:scheduler:<region>:<account>:schedule-group/<name>`)."""
        check_str(scope, "schedule_group_arn", schedule_group_arn)
        name = Stack.of(scope).split_arn(schedule_group_arn, ArnFormat.SLASH_RESOURCE_NAME).resource_name
        return _ImportedScheduleGroup(scope, id, name or "", schedule_group_arn)

    @staticmethod
    def from_schedule_group_name(scope: Construct, id: str, schedule_group_name: str) -> IScheduleGroup:
        """An existing group by name, in the importing stack's account and region."""
        check_str(scope, "schedule_group_name", schedule_group_name)
        arn = Stack.of(scope).format_arn(service="scheduler", resource="schedule-group",
                                         resource_name=schedule_group_name)
        return _ImportedScheduleGroup(scope, id, schedule_group_name, arn)

    @staticmethod
    def from_default_schedule_group(scope: Construct, id: str) -> IScheduleGroup:
        """The account's `default` group."""
        return ScheduleGroup.from_schedule_group_name(scope, id, "default")
