"""The props structs of the targets (aws-cdk-lib's `...Props` classes), for code that builds them first and
passes them on with `**attrs.asdict(props, recurse=False)`; the targets take the same keywords directly."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from cdk_events.aws import iam

from ...core._struct_methods import struct_methods
from ._base import ScheduleTargetBaseProps


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class SqsSendMessageProps(ScheduleTargetBaseProps):
    """Props of `SqsSendMessage`: the base props and `message_group_id` (FIFO queues, default none)."""

    message_group_id: str | None = None


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class KinesisStreamPutRecordProps(ScheduleTargetBaseProps):
    """Props of `KinesisStreamPutRecord`: the base props and `partition_key` (required)."""

    partition_key: str


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class UniversalTargetProps(ScheduleTargetBaseProps):
    """Props of `Universal`: `service`, `action` (required) and `policy_statements` (default: `service:Action`
    on `*`)."""

    action: str
    service: str
    policy_statements: Sequence[iam.PolicyStatement] | None = None


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class SageMakerStartPipelineExecutionProps(ScheduleTargetBaseProps):
    """Props of `SageMakerStartPipelineExecution`: the base props and `pipeline_parameter_list` (default none)."""

    pipeline_parameter_list: Sequence[Any] | None = None


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class EcsRunTaskBaseProps(ScheduleTargetBaseProps):
    """Props shared by the ECS targets: `task_definition` (required) and the task options (default none)."""

    task_definition: Any
    capacity_provider_strategies: Sequence[Any] | None = None
    enable_ecs_managed_tags: bool | None = None
    enable_execute_command: bool | None = None
    group: str | None = None
    propagate_tags: bool | None = None
    reference_id: str | None = None
    security_groups: Sequence[Any] | None = None
    tags: Sequence[Any] | None = None
    task_count: int | None = None
    vpc_subnets: Any = None


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class FargateTaskProps(EcsRunTaskBaseProps):
    """Props of `EcsRunFargateTask`: the ECS props, `assign_public_ip` and `platform_version` (default LATEST)."""

    assign_public_ip: bool | None = None
    platform_version: Any = None


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Ec2TaskProps(EcsRunTaskBaseProps):
    """Props of `EcsRunEc2Task`: the ECS props, `placement_constraints` and `placement_strategies` (default none)."""

    placement_constraints: Sequence[Any] | None = None
    placement_strategies: Sequence[Any] | None = None
