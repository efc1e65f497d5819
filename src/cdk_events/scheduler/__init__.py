"""cdk_events.scheduler: EventBridge Scheduler schedules and groups (the `aws_cdk.aws_scheduler` counterpart).

The targets are in `cdk_events.scheduler.targets` (`aws_cdk.aws_scheduler_targets`).
"""

from typing import TYPE_CHECKING

from ..core._public import lazy_exports

if TYPE_CHECKING:
    from ._cfn_generated import CfnSchedule, CfnScheduleGroup
    from ._expression import CronOptionsWithTimezone, ScheduleExpression
    from ._group import IScheduleGroup, ScheduleGroup, ScheduleGroupGrants, ScheduleGroupProps
    from ._input import ContextAttribute, ScheduleTargetInput
    from ._schedule import ISchedule, IScheduleTarget, Schedule, ScheduleProps, ScheduleTargetConfig
    from ._time_window import TimeWindow

__all__ = ["CfnSchedule", "CfnScheduleGroup", "ContextAttribute", "CronOptionsWithTimezone", "ISchedule",
           "IScheduleGroup", "IScheduleTarget", "Schedule", "ScheduleExpression", "ScheduleGroup",
           "ScheduleGroupGrants", "ScheduleGroupProps", "ScheduleProps", "ScheduleTargetConfig", "ScheduleTargetInput",
           "TimeWindow"]

lazy_exports(globals(), {
    "CfnSchedule": "._cfn_generated",
    "CfnScheduleGroup": "._cfn_generated",
    "CronOptionsWithTimezone": "._expression",
    "ScheduleExpression": "._expression",
    "IScheduleGroup": "._group",
    "ScheduleGroup": "._group",
    "ScheduleGroupGrants": "._group",
    "ScheduleGroupProps": "._group",
    "ContextAttribute": "._input",
    "ScheduleTargetInput": "._input",
    "ISchedule": "._schedule",
    "IScheduleTarget": "._schedule",
    "Schedule": "._schedule",
    "ScheduleProps": "._schedule",
    "ScheduleTargetConfig": "._schedule",
    "TimeWindow": "._time_window",
})
