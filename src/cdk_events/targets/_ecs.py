"""The `EcsTask` target and its helper structs (`ContainerOverride`, `TaskEnvironmentVariable`,
`EphemeralStorageOverride`, `InferenceAcceleratorOverride`, `Tag`)."""

from __future__ import annotations

import functools
import re
import weakref
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs

from .._input import RuleTargetInput
from .._target import RuleTargetConfig
from ..aws import ec2, ecs, iam
from ..core import Annotations, Construct, Duration, ValidationError
from ..core._cfn_runtime import RenderedValue, drop_none
from ..core._errors import construct_error
from ..core._struct import StructError, camel_case_keys, to_struct
from ..core._struct_methods import struct_methods
from ..core._token_encoding import is_unresolved
from ._checks import ROLE, check_common, describe, require_resource, rule_error
from ._util import add_to_dead_letter_queue_resource_policy, bind_base_target_config, singleton_event_role

if TYPE_CHECKING:
    from .._rule_ref import IRule
    from ..aws.ec2 import ISecurityGroup
    from ..aws.ecs import ICluster, ITaskDefinition
    from ..aws.iam import IRole
    from ..aws.sqs import IQueue

_S = TypeVar("_S")
_CLUSTER = "an ecs.ICluster (e.g. ecs.Cluster.from_cluster_attributes(...))"
_TASK_DEFINITION = "an ecs.ITaskDefinition (e.g. ecs.TaskDefinition.from_task_definition_attributes(...))"

SECURITY_GROUP_IGNORED_ACK = "@aws-cdk/aws-events-targets:ecsTaskSecurityGroupIgnored"
MIN_EPHEMERAL_STORAGE_GIB = 20
MAX_EPHEMERAL_STORAGE_GIB = 200
_REVISION_AT_END = re.compile(r":[0-9]+$")
# what an EcsTask grants its role (see `EcsTask._event_role_grant`)
_Grant = tuple[str, str, str, str | None, str | None]


def _tuple_or_none(value: Sequence[Any] | None) -> tuple[Any, ...] | None:
    return tuple(value) if value is not None else None


def _struct_item(cls: type[_S], item: _S | Mapping[str, Any], prop: str) -> _S:
    """One struct of a list: a dict there has the camelCase keys jsii passes (`{"containerName": ...}`)."""
    if not isinstance(item, Mapping):
        return item
    fields = camel_case_keys(item, cls)
    missing = [f"'{_camel(a.name)}'" for a in attrs.fields(cast(Any, cls))
               if a.default is attrs.NOTHING and a.name not in fields]
    if missing:
        raise StructError(f"'{prop}': the dict {item!r} lacks the required key(s) {', '.join(missing)} of "
                          f"targets.{cls.__name__} (inside a list, a dict has the camelCase keys, as jsii passes it)")
    return cls(**fields)


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _struct_list(cls: type[_S], value: Sequence[_S | Mapping[str, Any]] | None, prop: str) -> list[_S] | None:
    if value is None or isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        return value  # a wrong type: the prop checks name it
    return [_struct_item(cls, item, prop) for item in value]


def _environment(value: Sequence[TaskEnvironmentVariable | Mapping[str, Any]] | None,
                 ) -> tuple[TaskEnvironmentVariable, ...] | None:
    items = _struct_list(TaskEnvironmentVariable, value, "environment")
    return tuple(items) if items is not None else None


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class TaskEnvironmentVariable:
    """An environment variable for a container of the task; `value` may be an `EventField`."""

    name: str
    value: str


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class ContainerOverride:
    """Overrides for one container of the task, found by `container_name`.

    `command`, `environment`, `cpu` (units), `memory_limit` and `memory_reservation` (MiB) default to
    the task definition's values.
    """

    container_name: str
    command: tuple[str, ...] | None = attrs.field(default=None, converter=_tuple_or_none)
    environment: tuple[TaskEnvironmentVariable, ...] | None = attrs.field(default=None, converter=_environment)
    cpu: int | float | None = None
    memory_limit: int | float | None = None
    memory_reservation: int | float | None = None

    def _to_input(self) -> dict[str, Any]:
        environment = None
        if self.environment is not None:
            environment = [{"name": e.name, "value": e.value} for e in self.environment]
        return drop_none({
            "name": self.container_name,
            "command": list(self.command) if self.command is not None else None,
            "cpu": self.cpu,
            "environment": environment,
            "memoryLimit": self.memory_limit,
            "memoryReservation": self.memory_reservation,
        })


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class EphemeralStorageOverride:
    """The task's ephemeral storage, `size_in_gib` from 20 to 200."""

    size_in_gib: int | float


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class InferenceAcceleratorOverride:
    """An Elastic Inference accelerator override: `device_name` (as in the task definition) and `device_type`."""

    device_name: str
    device_type: str


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Tag:
    """A tag for the started task."""

    key: str
    value: str


# what EcsTask targets granted each events role (an `iam.Role`): the statements of each grant, built once (the
# targets of one task definition on one cluster all grant the same)
_EVENT_ROLE_GRANTS: weakref.WeakKeyDictionary[Any, dict[_Grant, list[iam.PolicyStatement]]] = (
    weakref.WeakKeyDictionary())


def _wrong_resource(cluster: object, task_definition: object, role: object) -> tuple[str, object, str] | None:
    """The first of the task definition, the cluster and the role that is not what it must be, or None."""
    if not isinstance(getattr(task_definition, "task_definition_arn", None), str):
        return "task_definition", task_definition, _TASK_DEFINITION
    if not isinstance(getattr(cluster, "cluster_arn", None), str):
        return "cluster", cluster, _CLUSTER
    if role is not None and not (hasattr(role, "role_arn") and hasattr(role, "add_to_principal_policy")):
        return "role", role, ROLE
    return None


@functools.cache
def _private_subnets() -> ec2.SubnetSelection:
    """The subnet selection of a target that names none (a frozen struct: one serves every target)."""
    return ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS)


def _event_role_statements(grant: _Grant) -> list[iam.PolicyStatement]:
    """The statements of a grant (see `EcsTask._event_role_grant`)."""
    task_definition, cluster_arn, tasks, execution_role_arn, task_role_arn = grant
    statements = [
        iam.PolicyStatement(actions=["ecs:RunTask"], resources=[task_definition],
                            conditions={"ArnEquals": {"ecs:cluster": cluster_arn}}),
        iam.PolicyStatement(actions=["ecs:TagResource"], resources=[tasks]),
    ]
    for role_arn in (execution_role_arn, task_role_arn):
        if role_arn is not None:
            statements.append(iam.PolicyStatement(actions=["iam:PassRole"], resources=[role_arn]))
    return statements


class EcsTask:
    """Start tasks on an ECS cluster for matched events (mirrors `aws_cdk.aws_events_targets.EcsTask`).

    `cluster` and `task_definition` are required. Defaults: `task_count` 1; no container or task-level
    overrides (`container_overrides`, `cpu`, `memory`, `ephemeral_storage`, `execution_role`,
    `task_role`, `inference_accelerator_overrides`); `role` a new events role under the task definition;
    for awsvpc task definitions `subnet_selection` the private subnets, `security_groups` a new group
    under the task definition, `assign_public_ip` True only for PUBLIC subnets, `launch_type` EC2 when the
    task definition is EC2-compatible else FARGATE, `platform_version` unset (ECS uses LATEST);
    `propagate_tags` unset (TASK_DEFINITION or NONE allowed), no `tags`, `enable_execute_command` unset.
    """

    def __init__(
        self,
        *,
        cluster: ICluster,
        task_definition: ITaskDefinition,
        task_count: int | None = None,
        container_overrides: Sequence[ContainerOverride | Mapping[str, Any]] | None = None,
        cpu: str | None = None,
        memory: str | None = None,
        ephemeral_storage: EphemeralStorageOverride | Mapping[str, Any] | None = None,
        execution_role: IRole | None = None,
        task_role: IRole | None = None,
        inference_accelerator_overrides: Sequence[InferenceAcceleratorOverride | Mapping[str, Any]] | None = None,
        subnet_selection: ec2.SubnetSelection | Mapping[str, Any] | None = None,
        security_group: ISecurityGroup | None = None,
        security_groups: Sequence[ISecurityGroup] | None = None,
        role: IRole | None = None,
        platform_version: ecs.FargatePlatformVersion | None = None,
        assign_public_ip: bool | None = None,
        propagate_tags: ecs.PropagatedTagSource | None = None,
        tags: Sequence[Tag | Mapping[str, Any]] | None = None,
        enable_execute_command: bool | None = None,
        launch_type: ecs.LaunchType | None = None,
        dead_letter_queue: IQueue | None = None,
        max_event_age: Duration | None = None,
        retry_attempts: int | None = None,
    ):
        self.cluster = cluster
        self.task_definition = task_definition
        # A wrong cluster, task definition or role is reported with the rule's path when the target is bound.
        self._wrong: tuple[str, object, str] | None = _wrong_resource(cluster, task_definition, role)
        if self._wrong is not None:
            return
        overrides = accelerators = tag_list = storage = selection = None
        try:  # (each only when given: a target usually gives none of them)
            if container_overrides is not None:
                overrides = _struct_list(ContainerOverride, container_overrides, "container_overrides")
            if inference_accelerator_overrides is not None:
                accelerators = _struct_list(InferenceAcceleratorOverride, inference_accelerator_overrides,
                                            "inference_accelerator_overrides")
            if tags is not None:
                tag_list = _struct_list(Tag, tags, "tags")
            if ephemeral_storage is not None:
                storage = to_struct(EphemeralStorageOverride, ephemeral_storage, prop="ephemeral_storage")
            if subnet_selection is not None:
                selection = to_struct(ec2.SubnetSelection, subnet_selection, prop="subnet_selection")
        except StructError as error:
            raise self._error(str(error)) from None
        self._check_props(cluster=cluster, task_definition=task_definition, task_count=task_count,
                          container_overrides=overrides, ephemeral_storage=storage,
                          inference_accelerator_overrides=accelerators, tags=tag_list,
                          assign_public_ip=assign_public_ip, enable_execute_command=enable_execute_command,
                          platform_version=platform_version, launch_type=launch_type,
                          subnet_selection=selection)
        if security_group is not None and security_groups is not None:
            raise self._error("Only one of SecurityGroup or SecurityGroups can be populated. (got both "
                              "'security_group' and 'security_groups')")
        self.task_count = task_count if task_count is not None else 1
        self.container_overrides = list(overrides) if overrides is not None else None
        self.cpu = cpu
        self.memory = memory
        self.ephemeral_storage = storage
        self.execution_role = execution_role
        self.task_role = task_role
        self.inference_accelerator_overrides = list(accelerators) if accelerators is not None else None
        self.subnet_selection = selection
        self.platform_version = platform_version
        self.assign_public_ip = assign_public_ip
        self.enable_execute_command = enable_execute_command
        self.launch_type = launch_type
        self.dead_letter_queue = dead_letter_queue
        self.max_event_age = max_event_age
        self.retry_attempts = retry_attempts
        self._check_enum("propagate_tags", propagate_tags, ecs.PropagatedTagSource)
        if propagate_tags is not None and propagate_tags not in (ecs.PropagatedTagSource.TASK_DEFINITION,
                                                                 ecs.PropagatedTagSource.NONE):
            raise self._error(f"When propagateTags is passed, it must be set to TASK_DEFINITION or NONE. (got "
                              f"'propagate_tags'={propagate_tags})")
        self.propagate_tags = propagate_tags
        self.role = role if role is not None else singleton_event_role(task_definition)
        self._grant_event_role()
        self.tags = list(tag_list) if tag_list is not None else None
        self.security_group: ISecurityGroup | None = None
        self.security_groups: list[ISecurityGroup] | None = None
        self._configure_security_groups(security_group, security_groups)

    # --- constructor helpers ---------------------------------------------------------------
    def _error(self, message: str) -> ValidationError:
        if isinstance(self.task_definition, Construct):
            return construct_error(self.task_definition, f"EcsTask target: {message}")
        return ValidationError(f"EcsTask target: {message}")

    def _check_enum(self, prop: str, value: Any, enum: type) -> None:
        if value is not None and not isinstance(value, enum):
            allowed = ", ".join(f"ecs.{enum.__name__}.{m.name}" for m in enum)  # type: ignore[attr-defined]
            raise self._error(f"'{prop}' must be one of {allowed}, got {value!r}")

    def _check_props(self, *, cluster: Any, task_definition: Any, task_count: Any, container_overrides: Any,
                     ephemeral_storage: Any, inference_accelerator_overrides: Any, tags: Any,
                     assign_public_ip: Any, enable_execute_command: Any, platform_version: Any,
                     launch_type: Any, subnet_selection: Any) -> None:
        if not isinstance(getattr(task_definition, "task_definition_arn", None), str):
            raise ValidationError(f"EcsTask target: 'task_definition' must be an ecs.ITaskDefinition (e.g. "
                                  f"ecs.TaskDefinition.from_task_definition_attributes(...)), got {task_definition!r}")
        if not isinstance(getattr(cluster, "cluster_arn", None), str):
            raise self._error(f"'cluster' must be an ecs.ICluster (e.g. ecs.Cluster.from_cluster_attributes(...)), "
                              f"got {cluster!r}")
        if task_count is not None and not is_unresolved(task_count) and (
                isinstance(task_count, bool) or not isinstance(task_count, int) or task_count < 1):
            raise self._error(f"'task_count' must be a whole number of at least 1, got {task_count!r}")
        for prop, items, kind in (("container_overrides", container_overrides, ContainerOverride),
                                  ("inference_accelerator_overrides", inference_accelerator_overrides,
                                   InferenceAcceleratorOverride),
                                  ("tags", tags, Tag)):
            if items is not None and (isinstance(items, (str, bytes)) or not isinstance(items, Sequence)
                                      or not all(isinstance(i, kind) for i in items)):
                raise self._error(f"'{prop}' must be a list of targets.{kind.__name__}, got {items!r}")
        if ephemeral_storage is not None and not isinstance(ephemeral_storage, EphemeralStorageOverride):
            raise self._error(f"'ephemeral_storage' must be a targets.EphemeralStorageOverride(size_in_gib=...), "
                              f"got {ephemeral_storage!r}")
        for prop, flag in (("assign_public_ip", assign_public_ip), ("enable_execute_command", enable_execute_command)):
            if flag is not None and not isinstance(flag, bool):
                raise self._error(f"'{prop}' must be True or False, got {flag!r}")
        self._check_enum("platform_version", platform_version, ecs.FargatePlatformVersion)
        self._check_enum("launch_type", launch_type, ecs.LaunchType)
        if subnet_selection is not None and not isinstance(subnet_selection, ec2.SubnetSelection):
            raise self._error(f"'subnet_selection' must be an ec2.SubnetSelection, got {subnet_selection!r}")
        subnet_type = getattr(subnet_selection, "subnet_type", None)
        if subnet_type is not None and not isinstance(subnet_type, ec2.SubnetType):
            raise self._error(f"'subnet_selection.subnet_type' must be an ec2.SubnetType, got {subnet_type!r}")

    def _grant_event_role(self) -> None:
        """Let the role run the task definition on the cluster, tag the tasks and pass the task's roles.

        An `iam.Role` gets each grant's statements built once: the targets of one task definition on one
        cluster add the same statement objects (as many times as the CDK adds statements: the policy's
        statement count is the CDK's), which its policy renders once. Another kind of role gets new
        statements each time.
        """
        role = self.role
        grant = self._event_role_grant()
        if type(role) is not iam.Role:
            for statement in _event_role_statements(grant):
                role.add_to_principal_policy(statement)
            return
        grants = _EVENT_ROLE_GRANTS.setdefault(role, {})
        statements = grants.get(grant)
        if statements is None:
            statements = grants[grant] = _event_role_statements(grant)
        for statement in statements:
            role.add_to_principal_policy(statement)

    def _event_role_grant(self) -> _Grant:
        """What the role is granted: the task definition resource to run, the cluster, the tasks to tag,
        the execution role and the task role to pass (None when not passed)."""
        task_definition = self.task_definition
        task_definition_arn = task_definition.task_definition_arn
        wildcard = not is_unresolved(task_definition_arn) and not _REVISION_AT_END.search(task_definition_arn)
        cluster = self.cluster
        partition = cluster.stack.partition
        tasks = f"arn:{partition}:ecs:{cluster.env.region}:*:task/{cluster.cluster_name}/*"
        execution_role = task_definition.execution_role
        return (f"{task_definition_arn}:*" if wildcard else task_definition_arn, cluster.cluster_arn, tasks,
                execution_role.role_arn if execution_role is not None else None,
                task_definition.task_role.role_arn if task_definition.is_fargate_compatible else None)

    def _configure_security_groups(self, security_group: ISecurityGroup | None,
                                   security_groups: Sequence[ISecurityGroup] | None) -> None:
        if self.task_definition.network_mode is not ecs.NetworkMode.AWS_VPC:
            if security_group is not None or security_groups is not None:
                Annotations.of(self.task_definition).add_warning_v2(  # type: ignore[arg-type]
                    SECURITY_GROUP_IGNORED_ACK, "security groups are ignored when network mode is not awsvpc")
            return
        if security_groups is not None:
            for group in security_groups:
                if not isinstance(getattr(group, "security_group_id", None), str):
                    raise self._error(f"'security_groups' must be a list of ec2.ISecurityGroup (e.g. "
                                      f"ec2.SecurityGroup.from_security_group_id(...)), got {group!r}")
            self.security_groups = list(security_groups)
            return
        if not isinstance(self.task_definition, Construct):
            raise ValidationError("Cannot create a security group for ECS task. The task definition in ECS task is "
                                  "not a Construct. Please pass a taskDefinition as a Construct in EcsTaskProps.")
        group = security_group or self.task_definition.node.try_find_child("SecurityGroup")
        if group is None:
            group = ec2.SecurityGroup(self.task_definition, "SecurityGroup", vpc=self.cluster.vpc)
        self.security_group = group
        self.security_groups = [group]

    # --- bind --------------------------------------------------------------------------------
    def bind(self, rule: IRule, id: str | None = None) -> RuleTargetConfig:
        """Configure the target: EcsParameters, the overrides as the input, the role."""
        if self._wrong is not None:
            prop, value, what = self._wrong
            raise rule_error(rule, f"EcsTask target: '{prop}' must be {what}, got {describe(value)}")
        check_common(rule, "EcsTask", dead_letter_queue=self.dead_letter_queue)
        for prop, given in (("execution_role", self.execution_role), ("task_role", self.task_role)):
            if given is not None:
                require_resource(rule, "EcsTask", prop, given, ("role_arn",), ROLE)
        self._check_ephemeral_storage(rule)
        selection = self.subnet_selection or _private_subnets()
        if self.assign_public_ip and selection.subnet_type is not ec2.SubnetType.PUBLIC:
            raise rule_error(rule, "assignPublicIp should be set to true only for PUBLIC subnets (EcsTask "
                                   f"target: 'assign_public_ip' is True, the subnet selection is {selection})")
        public = (self.assign_public_ip if self.assign_public_ip is not None
                  else selection.subnet_type is ec2.SubnetType.PUBLIC)
        assign_public_ip = "ENABLED" if public else "DISABLED"
        if self.launch_type is not None:
            launch_type = self.launch_type.value
        else:
            launch_type = "EC2" if self.task_definition.is_ec2_compatible else "FARGATE"
        if assign_public_ip == "ENABLED" and launch_type != "FARGATE":
            raise rule_error(rule, "assignPublicIp is only supported for FARGATE tasks (EcsTask target: the "
                                   f"launch type is {launch_type})")
        parameters: dict[str, Any] = {
            "EnableExecuteCommand": self.enable_execute_command,
            "PropagateTags": self.propagate_tags.value if self.propagate_tags is not None else None,
            "TagList": [{"Key": t.key, "Value": t.value} for t in self.tags] if self.tags is not None else None,
            "TaskCount": self.task_count,
            "TaskDefinitionArn": self.task_definition.task_definition_arn,
        }
        if self.task_definition.network_mode is ecs.NetworkMode.AWS_VPC:
            groups = self.security_groups
            parameters.update({
                "LaunchType": launch_type,
                "NetworkConfiguration": {"AwsVpcConfiguration": drop_none({
                    "AssignPublicIp": assign_public_ip,
                    "SecurityGroups": [g.security_group_id for g in groups] if groups is not None else None,
                    "Subnets": self.cluster.vpc.select_subnets(selection).subnet_ids,
                })},
                "PlatformVersion": self.platform_version.value if self.platform_version is not None else None,
            })
        base = bind_base_target_config(rule, "EcsTask", dead_letter_queue=self.dead_letter_queue,
                                       max_event_age=self.max_event_age, retry_attempts=self.retry_attempts)
        if self.dead_letter_queue is not None:
            add_to_dead_letter_queue_resource_policy(rule, self.dead_letter_queue)
        return RuleTargetConfig(arn=self.cluster.cluster_arn, role=self.role,
                                # (in its CloudFormation form: the rule writes it as it is)
                                ecs_parameters=RenderedValue(sorted(p for p in parameters.items() if p[1] is not None)),
                                input=RuleTargetInput.from_object(self._input_object()),
                                target_resource=self.task_definition, **base)

    def _check_ephemeral_storage(self, rule: IRule) -> None:
        if self.ephemeral_storage is None:
            return
        size = self.ephemeral_storage.size_in_gib
        if is_unresolved(size):
            return
        if not MIN_EPHEMERAL_STORAGE_GIB <= size <= MAX_EPHEMERAL_STORAGE_GIB:
            raise rule_error(rule, "Ephemeral storage size must be between 20 GiB and 200 GiB. (EcsTask target: "
                                   f"'ephemeral_storage.size_in_gib' is {size})")

    def _input_object(self) -> dict[str, Any]:
        overrides = None
        if self.container_overrides is not None:
            overrides = [o._to_input() for o in self.container_overrides]
        accelerators = None
        if self.inference_accelerator_overrides is not None:
            accelerators = [{"deviceName": a.device_name, "deviceType": a.device_type}
                            for a in self.inference_accelerator_overrides]
        return drop_none({
            "containerOverrides": overrides,
            "cpu": self.cpu,
            "ephemeralStorage": ({"sizeInGiB": self.ephemeral_storage.size_in_gib}
                                 if self.ephemeral_storage is not None else None),
            "executionRole": self.execution_role.role_arn if self.execution_role is not None else None,
            "inferenceAcceleratorOverrides": accelerators,
            "memory": self.memory,
            "taskRole": self.task_role.role_arn if self.task_role is not None else None,
        })
