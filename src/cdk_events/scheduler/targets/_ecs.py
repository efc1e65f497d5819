"""ECS targets: run a task on Fargate (`EcsRunFargateTask`) or EC2 (`EcsRunEc2Task`)."""

from __future__ import annotations

import weakref
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from cdk_events.aws import ecs, iam
from cdk_events.aws.ec2 import SubnetSelection, SubnetType
from cdk_events.aws.ecs import Compatibility, ICluster, LaunchType, NetworkMode
from cdk_events.aws.sqs import IQueue
from cdk_events.core import Construct, Duration, Lazy, UnscopedValidationError
from cdk_events.core._errors import construct_error
from cdk_events.scheduler import CfnSchedule, ISchedule, ScheduleTargetConfig, ScheduleTargetInput

from ...core._cfn_runtime import drop_none
from ...core._struct_methods import struct_methods
from ._base import ScheduleTargetBase, base_props


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Tag:
    """A tag of the tasks a schedule runs (mirrors `aws_scheduler_targets.Tag`); rendered with lower-case
    `key` / `value` as EventBridge Scheduler takes them."""

    key: str
    value: str


def _get(item: Any, *names: str) -> Any:
    for name in names:
        if isinstance(item, Mapping):
            if name in item:
                return item[name]
        elif getattr(item, name, None) is not None:
            return getattr(item, name)
    return None


def _json_items(items: Sequence[Any] | None) -> list[Any]:
    """The JSON of placement constraints / strategies (`to_json()` lists, flattened)."""
    out: list[Any] = []
    for item in items or []:
        value = item.to_json() if callable(getattr(item, "to_json", None)) else item
        out.extend(value if isinstance(value, list) else [value])
    return out


def _construct(schedule: ISchedule) -> Construct:
    assert isinstance(schedule, Construct)
    return schedule


_PASS_ROLE: weakref.WeakKeyDictionary[Any, iam.PolicyStatement] = weakref.WeakKeyDictionary()


def _grant_run(task_definition: Any, role: iam.IRole) -> None:
    """`TaskDefinition.grant_run` as aws-cdk-lib writes it: one `iam:PassRole` statement per task definition
    (its task role, and execution role if it has one, passed to `ecs-tasks.amazonaws.com`), then
    `ecs:RunTask` on the task definition."""
    statement = _PASS_ROLE.get(task_definition)
    if statement is None:
        execution_role = getattr(task_definition, "execution_role", None) or getattr(
            task_definition, "_execution_role", None)
        resources = [task_definition.task_role.role_arn]
        if execution_role is not None:
            resources.append(execution_role.role_arn)
        statement = iam.PolicyStatement(
            effect=iam.Effect.ALLOW, actions=["iam:PassRole"], resources=resources,
            conditions={"StringLike": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}})
        _PASS_ROLE[task_definition] = statement
    role.add_to_principal_policy(statement)
    iam.Grant.add_to_principal(grantee=role, actions=["ecs:RunTask"],
                               resource_arns=[task_definition.task_definition_arn])


class EcsRunTask(ScheduleTargetBase):
    """The base of the ECS targets (mirrors `aws_scheduler_targets.EcsRunTask`): the role gets
    `task_definition.grant_run` (and `ecs:TagResource` on the cluster's tasks when tags are set or
    propagated); `EcsParameters` carry the task definition, count, tags and options."""

    def __init__(self, cluster: ICluster, *, task_definition: Any,
                 capacity_provider_strategies: Sequence[Any] | None = None, enable_ecs_managed_tags: bool | None = None,
                 enable_execute_command: bool | None = None, group: str | None = None,
                 propagate_tags: bool | None = None, reference_id: str | None = None,
                 security_groups: Sequence[Any] | None = None, tags: Sequence[Tag] | None = None,
                 task_count: int | None = None, vpc_subnets: SubnetSelection | None = None,
                 dead_letter_queue: IQueue | None = None, input: ScheduleTargetInput | None = None,
                 max_event_age: Duration | None = None, retry_attempts: int | None = None,
                 role: iam.IRole | None = None) -> None:
        name = type(self).__name__
        if cluster is None or not hasattr(cluster, "cluster_arn"):
            raise UnscopedValidationError(f"{name}: 'cluster' must be an ECS cluster (ecs.ICluster), got {cluster!r}")
        if not isinstance(task_definition, ecs.TaskDefinition) and not callable(
                getattr(task_definition, "grant_run", None)):
            raise UnscopedValidationError(
                f"{name}: 'task_definition' must be an ecs.TaskDefinition defined in this app (as in aws-cdk-lib, an "
                f"imported task definition cannot be scheduled), got {task_definition!r}")
        if task_count is not None and not isinstance(task_count, bool) and isinstance(task_count, int) and \
                not 1 <= task_count <= 10:
            raise UnscopedValidationError(f"{name}: 'task_count' must be from 1 to 10, got {task_count}")
        super().__init__(base_props(role, dead_letter_queue, input, max_event_age, retry_attempts), cluster.cluster_arn)
        self._cluster = cluster
        self._task_definition = task_definition
        self._capacity = list(capacity_provider_strategies) if capacity_provider_strategies is not None else None
        self._managed_tags = enable_ecs_managed_tags
        self._execute_command = enable_execute_command
        self._group = group
        self._propagate_tags = propagate_tags
        self._reference_id = reference_id
        self._security_groups = list(security_groups) if security_groups is not None else None
        self._tags = [t if isinstance(t, Tag) else Tag(**t) for t in tags] if tags is not None else None
        self._task_count = task_count
        self._vpc_subnets = SubnetSelection(**vpc_subnets) if isinstance(vpc_subnets, dict) else vpc_subnets

    def _add_target_action_to_role(self, role: iam.IRole) -> None:
        grant_run = getattr(self._task_definition, "grant_run", None)
        if callable(grant_run):
            grant_run(role)
        else:
            _grant_run(self._task_definition, role)
        if self._propagate_tags is True or self._tags:
            cluster: Any = self._cluster
            role.add_to_principal_policy(iam.PolicyStatement(actions=["ecs:TagResource"], resources=[
                f"arn:{cluster.stack.partition}:ecs:{cluster.env.region}:{self._task_definition.env.account}:task/"
                f"{cluster.cluster_name}/*"]))

    def _ecs_parameters(self, **extra: Any) -> CfnSchedule.EcsParametersProperty:
        capacity = [CfnSchedule.CapacityProviderStrategyItemProperty(
            capacity_provider=_get(c, "capacity_provider", "capacityProvider"), base=_get(c, "base"),
            weight=_get(c, "weight")) for c in self._capacity] if self._capacity is not None else None
        return CfnSchedule.EcsParametersProperty(
            task_definition_arn=self._task_definition.task_definition_arn,
            capacity_provider_strategy=capacity,
            task_count=self._task_count,
            tags=[{"key": t.key, "value": t.value} for t in self._tags] if self._tags is not None else None,
            propagate_tags="TASK_DEFINITION" if self._propagate_tags else None,
            enable_ecs_managed_tags=self._managed_tags,
            enable_execute_command=self._execute_command,
            group=self._group,
            reference_id=self._reference_id,
            **extra)

    def _security_group_ids(self) -> list[str] | None:
        if not self._security_groups:
            return None
        return [sg.security_group_id for sg in self._security_groups]


class EcsRunFargateTask(EcsRunTask):
    """Run a task on Fargate (mirrors `aws_scheduler_targets.EcsRunFargateTask`). Defaults: the cluster VPC's
    private subnets, no public IP (unless the selection is PUBLIC), launch type FARGATE unless capacity
    provider strategies are given, the latest platform version."""

    def __init__(self, cluster: ICluster, *, task_definition: Any, assign_public_ip: bool | None = None,
                 platform_version: Any = None, **props: Any) -> None:
        super().__init__(cluster, task_definition=task_definition, **props)
        self._assign_public_ip = assign_public_ip
        self._platform_version = platform_version

    def _bind_base_target_config(self, schedule: ISchedule) -> ScheduleTargetConfig:
        if not self._task_definition.is_fargate_compatible:
            raise construct_error(_construct(schedule), "TaskDefinition is not compatible with Fargate launch type.")
        selection = self._vpc_subnets or SubnetSelection(subnet_type=SubnetType.PRIVATE_WITH_EGRESS)
        if self._assign_public_ip and selection.subnet_type is not SubnetType.PUBLIC:
            raise construct_error(_construct(schedule), "assignPublicIp should be set to true only for public subnets")
        if self._assign_public_ip is not None:
            public_ip = "ENABLED" if self._assign_public_ip else "DISABLED"
        else:
            public_ip = "ENABLED" if selection.subnet_type is SubnetType.PUBLIC else "DISABLED"
        config = super()._bind_base_target_config(schedule)
        version = self._platform_version
        version_text = version.value if hasattr(version, "value") else version
        parameters = self._ecs_parameters(
            launch_type=None if self._capacity is not None else LaunchType.FARGATE.value,
            platform_version=version_text,
            network_configuration=CfnSchedule.NetworkConfigurationProperty(
                awsvpc_configuration=CfnSchedule.AwsVpcConfigurationProperty(
                    assign_public_ip=public_ip,
                    subnets=self._cluster.vpc.select_subnets(selection).subnet_ids,
                    security_groups=self._security_group_ids())))
        return attrs.evolve(config, ecs_parameters=parameters)


class EcsRunEc2Task(EcsRunTask):
    """Run a task on EC2 (mirrors `aws_scheduler_targets.EcsRunEc2Task`). Defaults: launch type EC2 unless
    capacity provider strategies are given; no placement constraints or strategies; for an awsvpc task
    definition, the cluster VPC's private subnets."""

    def __init__(self, cluster: ICluster, *, task_definition: Any, placement_constraints: Sequence[Any] | None = None,
                 placement_strategies: Sequence[Any] | None = None, **props: Any) -> None:
        super().__init__(cluster, task_definition=task_definition, **props)
        self._placement_constraints = list(placement_constraints or [])
        self._placement_strategies = list(placement_strategies or [])

    def _bind_base_target_config(self, schedule: ISchedule) -> ScheduleTargetConfig:
        if self._task_definition.compatibility == Compatibility.FARGATE:
            raise construct_error(_construct(schedule), "TaskDefinition is not compatible with EC2 launch type")
        awsvpc = self._task_definition.network_mode == NetworkMode.AWS_VPC
        if not awsvpc and (self._security_groups is not None or self._vpc_subnets is not None):
            raise construct_error(_construct(schedule),
                                  "Security groups and subnets can only be used with awsvpc network mode")
        config = super()._bind_base_target_config(schedule)
        network = None
        if awsvpc:
            selection = self._vpc_subnets or SubnetSelection(subnet_type=SubnetType.PRIVATE_WITH_EGRESS)
            network = CfnSchedule.NetworkConfigurationProperty(
                awsvpc_configuration=CfnSchedule.AwsVpcConfigurationProperty(
                    subnets=self._cluster.vpc.select_subnets(selection).subnet_ids,
                    security_groups=self._security_group_ids()))
        parameters = self._ecs_parameters(
            launch_type=None if self._capacity is not None else LaunchType.EC2.value,
            placement_constraints=Lazy.any(lambda: self._constraints() or None),
            placement_strategy=Lazy.any(lambda: self._strategies() or None),
            network_configuration=network)
        return attrs.evolve(config, ecs_parameters=parameters)

    def _constraints(self) -> list[Any]:
        # CloudFormation values (keys in alphabetical order): the lazy value is not rendered by the L1
        return [drop_none({"Expression": _get(c, "expression", "Expression"), "Type": _get(c, "type", "Type")})
                for c in _json_items(self._placement_constraints)]

    def _strategies(self) -> list[Any]:
        return [drop_none({"Field": _get(s, "field", "Field"), "Type": _get(s, "type", "Type")})
                for s in _json_items(self._placement_strategies)]
