"""ECS task definitions: `ITaskDefinition`, the owned `TaskDefinition` (containers, task and execution
roles) and imported task definitions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from cdk_events.core import Construct, Lazy, Names, PhysicalName, Resource, ResourceEnvironment, Token, ValidationError

from ...core._cfn_runtime import render_list
from ...core._errors import construct_error
from ...core._prop_checks import check_enum, check_number, check_str
from ...core._struct import to_struct
from .. import iam
from ..iam import IRole
from ._enums import Compatibility, NetworkMode, is_ec2_compatible, is_external_compatible, is_fargate_compatible

if TYPE_CHECKING:
    from ._container_definition import ContainerDefinition, RuntimePlatform
    from ._container_image import ContainerImage
    from ._placement import PlacementConstraint, PlacementConstraintJson


class ITaskDefinition(Protocol):
    """A task definition, owned or imported (mirrors `aws_cdk.aws_ecs.ITaskDefinition`).

    A typing protocol only (no `isinstance`): reading `network_mode` or `task_role` of an import that
    did not give them raises, as in the CDK.
    """

    @property
    def node(self) -> Any: ...

    @property
    def env(self) -> ResourceEnvironment: ...

    @property
    def task_definition_arn(self) -> str: ...

    @property
    def compatibility(self) -> Compatibility: ...

    @property
    def network_mode(self) -> NetworkMode: ...

    @property
    def execution_role(self) -> IRole | None: ...

    @property
    def task_role(self) -> IRole: ...

    @property
    def is_ec2_compatible(self) -> bool: ...

    @property
    def is_fargate_compatible(self) -> bool: ...

    @property
    def is_external_compatible(self) -> bool: ...


class _ImportedTaskDefinition(Resource):
    """A task definition defined elsewhere."""

    def __init__(self, scope: Construct, id: str, *, task_definition_arn: str,
                 compatibility: Compatibility | None = None, network_mode: NetworkMode | None = None,
                 task_role: IRole | None = None, execution_role: IRole | None = None):
        super().__init__(scope, id)
        if not isinstance(task_definition_arn, str) or not task_definition_arn:
            raise construct_error(self, f"'task_definition_arn' must be a non-empty string (the task definition "
                                        f"ARN), got {task_definition_arn!r}")
        check_enum(self, "compatibility", compatibility, Compatibility)
        check_enum(self, "network_mode", network_mode, NetworkMode)
        for prop, role in (("task_role", task_role), ("execution_role", execution_role)):
            if role is not None and not isinstance(getattr(role, "role_arn", None), str):
                raise construct_error(self, f"'{prop}' must be an iam.IRole (e.g. iam.Role.from_role_arn(...)), "
                                            f"got {role!r}")
        self.task_definition_arn = task_definition_arn
        self.compatibility = compatibility or Compatibility.EC2_AND_FARGATE
        self.execution_role = execution_role
        self._network_mode = network_mode
        self._task_role = task_role

    @property
    def network_mode(self) -> NetworkMode:
        """The network mode given at import (raises when none was given)."""
        if self._network_mode is None:
            raise ValidationError(
                f"[{self.node.path}] This operation requires the networkMode in ImportedTaskDefinition to be "
                "defined. Add the 'network_mode' when importing the task definition (e.g. "
                "from_task_definition_attributes(..., network_mode=ecs.NetworkMode.AWS_VPC))")
        return self._network_mode

    @property
    def task_role(self) -> IRole:
        """The task role given at import (raises when none was given)."""
        if self._task_role is None:
            raise ValidationError(
                f"[{self.node.path}] This operation requires the taskRole in ImportedTaskDefinition to be "
                "defined. Add the 'task_role' when importing the task definition (e.g. "
                "from_task_definition_attributes(..., task_role=iam.Role.from_role_arn(...)))")
        return self._task_role

    @property
    def is_ec2_compatible(self) -> bool:
        """True if the task can run on EC2."""
        return is_ec2_compatible(self.compatibility)

    @property
    def is_fargate_compatible(self) -> bool:
        """True if the task can run on Fargate."""
        return is_fargate_compatible(self.compatibility)

    @property
    def is_external_compatible(self) -> bool:
        """True if the task can run on external (ECS Anywhere) instances."""
        return is_external_compatible(self.compatibility)


class TaskDefinition(Resource):
    """An ECS task definition (mirrors `aws_cdk.aws_ecs.TaskDefinition`).

    `compatibility` is required (EC2, FARGATE, EC2_AND_FARGATE or EXTERNAL). Defaults: `family` the
    construct's unique id; `network_mode` AWS_VPC when Fargate-compatible, else BRIDGE; `task_role` a new
    role `TaskRole` assumed by `ecs-tasks.amazonaws.com`; `execution_role` none until a container needs one
    (an ECR image, the awslogs driver), then a new `ExecutionRole`; `cpu` and `memory_mib` (strings)
    unset, required for Fargate; `ephemeral_storage_gib` (21-200, Fargate only) and `runtime_platform`
    (Fargate only) unset; `placement_constraints` none (not on Fargate-compatible tasks). On EC2-compatible
    tasks every container needs a memory value unless `memory_mib` is set.
    """

    def __init__(self, scope: Construct, id: str, *, compatibility: Compatibility, family: str | None = None,
                 network_mode: NetworkMode | None = None, task_role: IRole | None = None,
                 execution_role: IRole | None = None, cpu: str | None = None, memory_mib: str | None = None,
                 ephemeral_storage_gib: int | None = None, runtime_platform: RuntimePlatform | None = None,
                 placement_constraints: Sequence[PlacementConstraint] | None = None):
        # lazy on purpose: the L1, the containers and placement load only for an owned task definition (an
        # imported one, all an EcsTask target on an existing task needs, does without them)
        from ._cfn_generated import CfnTaskDefinition
        from ._container_definition import RuntimePlatform

        super().__init__(scope, id)
        check_enum(self, "compatibility", compatibility, Compatibility)
        if compatibility is None:
            raise construct_error(self, "'compatibility' is required: one of ecs.Compatibility.EC2, FARGATE, "
                                        "EC2_AND_FARGATE, EXTERNAL")
        check_enum(self, "network_mode", network_mode, NetworkMode)
        check_str(self, "family", family)
        check_str(self, "cpu", cpu)
        check_str(self, "memory_mib", memory_mib)
        check_number(self, "ephemeral_storage_gib", ephemeral_storage_gib)
        for prop, role in (("task_role", task_role), ("execution_role", execution_role)):
            if role is not None and not isinstance(getattr(role, "role_arn", None), str):
                raise construct_error(self, f"'{prop}' must be an iam.IRole, got {role!r}")
        platform = to_struct(RuntimePlatform, runtime_platform, prop="runtime_platform", scope=self)
        if platform is not None and not isinstance(platform, RuntimePlatform):
            raise construct_error(self, f"'runtime_platform' must be an ecs.RuntimePlatform, got {runtime_platform!r}")
        self.family = family or Names.unique_id(self)
        self.compatibility = compatibility
        self.network_mode = network_mode or (NetworkMode.AWS_VPC if self.is_fargate_compatible else NetworkMode.BRIDGE)
        self._check_props(cpu, memory_mib, ephemeral_storage_gib, platform)
        self._memory = memory_mib
        self._placement_constraints: list[PlacementConstraintJson] = []
        constraints = self._placement_constraint_list(placement_constraints)
        if constraints and self.is_fargate_compatible:
            raise construct_error(self, "Cannot set placement constraints on tasks that run on Fargate")
        self._execution_role = execution_role
        self.task_role: IRole = task_role or iam.Role(
            self, "TaskRole", assumed_by=iam.ServicePrincipal("ecs-tasks.amazonaws.com"))
        self.ephemeral_storage_gib = ephemeral_storage_gib
        self.runtime_platform = platform
        self.containers: list[ContainerDefinition] = []
        self.default_container: ContainerDefinition | None = None
        platform_json = None
        if self.is_fargate_compatible and platform is not None:
            platform_json = {
                "CpuArchitecture": (platform.cpu_architecture._cpu_architecture
                                    if platform.cpu_architecture is not None else None),
                "OperatingSystemFamily": (platform.operating_system_family._operating_system_family
                                          if platform.operating_system_family is not None else None),
            }
        resource = CfnTaskDefinition(
            self, "Resource",
            container_definitions=Lazy.any(self._render_containers, omit_empty_array=True),
            execution_role_arn=Lazy.string(
                lambda: self._execution_role.role_arn if self._execution_role is not None else None),
            family=self.family,
            task_role_arn=self.task_role.role_arn,
            requires_compatibilities=[name for name, on in (("EC2", self.is_ec2_compatible),
                                                            ("FARGATE", self.is_fargate_compatible),
                                                            ("EXTERNAL", self.is_external_compatible)) if on],
            network_mode=self.network_mode.value if self.network_mode is not NetworkMode.NAT else None,
            placement_constraints=Lazy.any(
                lambda: ([c._to_cloudformation_value() for c in self._placement_constraints]
                         if not self.is_fargate_compatible else None),
                omit_empty_array=True),
            cpu=cpu,
            memory=memory_mib,
            ephemeral_storage={"SizeInGiB": ephemeral_storage_gib} if ephemeral_storage_gib else None,
            runtime_platform=platform_json,
        )
        self._resource = resource
        for constraint in constraints:
            self.add_placement_constraint(constraint)
        self.task_definition_arn: str = resource.ref
        self.node.add_validation(_TaskDefinitionValidation(self))

    def _placement_constraint_list(self, value: Sequence[PlacementConstraint] | None) -> list[PlacementConstraint]:
        if value is None:
            return []
        from ._placement import PlacementConstraint  # lazy on purpose: placement loads only for constraints given

        if isinstance(value, (str, Mapping)) or not isinstance(value, Sequence) or not all(
                isinstance(item, PlacementConstraint) for item in value):
            raise construct_error(self, f"'placement_constraints' must be a list of ecs.PlacementConstraint (e.g. "
                                        f"[ecs.PlacementConstraint.member_of('attribute:ecs.instance-type =~ t3.*')]), "
                                        f"got {value!r}")
        return list(value)

    def add_placement_constraint(self, constraint: PlacementConstraint) -> None:
        """Add a placement constraint to the task definition (not on Fargate-compatible tasks)."""
        from ._placement import PlacementConstraint  # lazy on purpose: placement loads only for a task that has some

        if not isinstance(constraint, PlacementConstraint):
            raise construct_error(self, f"'constraint' must be an ecs.PlacementConstraint, got {constraint!r}")
        if self.is_fargate_compatible:
            raise construct_error(self, "Cannot set placement constraints on tasks that run on Fargate")
        self._placement_constraints.extend(constraint.to_json())

    def _render_containers(self) -> Any:
        # lazy on purpose: the L1 loads only for an owned task definition (whose __init__ loaded it already)
        from ._cfn_generated import CfnTaskDefinition

        return render_list([c.render_container_definition() for c in self.containers],
                           CfnTaskDefinition.ContainerDefinitionProperty)

    def _check_props(self, cpu: str | None, memory: str | None, ephemeral: int | None,
                     platform: RuntimePlatform | None) -> None:
        if self.is_fargate_compatible and self.network_mode is not NetworkMode.AWS_VPC:
            raise construct_error(self, f"Fargate tasks can only have AwsVpc network mode, got: "
                                        f"{self.network_mode.value}")
        if self.is_fargate_compatible and (not cpu or not memory):
            raise construct_error(self, f"Fargate-compatible tasks require both CPU ({cpu}) and memory ({memory}) "
                                        "specifications")
        if self.is_external_compatible and self.network_mode not in (NetworkMode.BRIDGE, NetworkMode.HOST,
                                                                      NetworkMode.NONE):
            raise construct_error(self, f"External tasks can only have Bridge, Host or None network mode, got: "
                                        f"{self.network_mode.value}")
        if not self.is_fargate_compatible and platform is not None:
            raise construct_error(self, "Cannot specify runtimePlatform in non-Fargate compatible tasks")
        if ephemeral is not None and not self.is_fargate_compatible:
            raise construct_error(self, "Ephemeral storage can be only specified for Fargate compatible task "
                                        "definitions")
        if ephemeral is not None and not Token.is_unresolved(ephemeral) and not 21 <= ephemeral <= 200:
            raise construct_error(self, f"Ephemeral storage size must be between 21GiB and 200GiB (got {ephemeral})")

    @property
    def execution_role(self) -> IRole | None:
        """The role ECS uses to pull images and write logs (None until something needs one)."""
        return self._execution_role

    def obtain_execution_role(self) -> IRole:
        """The execution role, created (`ExecutionRole`, assumed by `ecs-tasks.amazonaws.com`) on first use."""
        if self._execution_role is None:
            self._execution_role = iam.Role(self, "ExecutionRole",
                                            assumed_by=iam.ServicePrincipal("ecs-tasks.amazonaws.com"),
                                            role_name=PhysicalName.GENERATE_IF_NEEDED)
        return self._execution_role

    @property
    def is_ec2_compatible(self) -> bool:
        """True if the task can run on EC2."""
        return is_ec2_compatible(self.compatibility)

    @property
    def is_fargate_compatible(self) -> bool:
        """True if the task can run on Fargate."""
        return is_fargate_compatible(self.compatibility)

    @property
    def is_external_compatible(self) -> bool:
        """True if the task can run on external (ECS Anywhere) instances."""
        return is_external_compatible(self.compatibility)

    def add_container(self, id: str, *, image: ContainerImage, **options: Any) -> ContainerDefinition:
        """A new container `id` of this task (see `ContainerDefinition` for the options and defaults)."""
        from ._container_definition import ContainerDefinition  # lazy on purpose: only a task with containers

        return ContainerDefinition(self, id, task_definition=self, image=image, **options)

    def add_to_task_role_policy(self, statement: iam.PolicyStatement) -> None:
        """Add a statement to the task role's policy."""
        self.task_role.add_to_principal_policy(statement)

    def add_to_execution_role_policy(self, statement: iam.PolicyStatement) -> None:
        """Add a statement to the execution role's policy (creating the role)."""
        self.obtain_execution_role().add_to_principal_policy(statement)

    def _link_container(self, container: ContainerDefinition) -> None:
        self.containers.append(container)
        if self.default_container is None and container.essential:
            self.default_container = container

    def find_container(self, container_name: str) -> ContainerDefinition | None:
        """The container named `container_name`, if any."""
        return next((c for c in self.containers if c.container_name == container_name), None)

    @staticmethod
    def from_task_definition_arn(scope: Construct, id: str, task_definition_arn: str) -> ITaskDefinition:
        """A task definition defined elsewhere, by ARN (EC2 and Fargate compatible, no network mode or roles)."""
        return _ImportedTaskDefinition(scope, id, task_definition_arn=task_definition_arn)

    @staticmethod
    def from_task_definition_attributes(scope: Construct, id: str, *, task_definition_arn: str,
                                        compatibility: Compatibility | None = None,
                                        network_mode: NetworkMode | None = None, task_role: IRole | None = None,
                                        execution_role: IRole | None = None) -> ITaskDefinition:
        """A task definition defined elsewhere.

        `compatibility` defaults to EC2_AND_FARGATE; `network_mode`, `task_role` and `execution_role`
        default to unknown (operations that need them raise).
        """
        return _ImportedTaskDefinition(scope, id, task_definition_arn=task_definition_arn,
                                       compatibility=compatibility, network_mode=network_mode,
                                       task_role=task_role, execution_role=execution_role)


class _TaskDefinitionValidation:
    """EC2-compatible tasks without a task-level memory need a memory value on every container."""

    def __init__(self, task_definition: TaskDefinition):
        self.task_definition = task_definition

    def validate(self) -> list[str]:
        """The problems found (empty when none)."""
        task = self.task_definition
        if not task.is_ec2_compatible or task._memory:
            return []
        return [f"ECS Container {c.container_name} must have at least one of 'memoryLimitMiB' or "
                "'memoryReservationMiB' specified" for c in task.containers if not c.memory_limit_specified]
