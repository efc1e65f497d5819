"""ECS task definitions: `ITaskDefinition` and imported task definitions."""

from __future__ import annotations

from typing import Any, Protocol

from cdk_events.core import Construct, Resource, ResourceEnvironment, ValidationError

from ...core._errors import construct_error
from ...core._import_only import ImportOnly
from ...core._prop_checks import check_enum
from ..iam import IRole
from ._enums import Compatibility, NetworkMode, is_ec2_compatible, is_external_compatible, is_fargate_compatible


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


class TaskDefinition(ImportOnly):
    """Task definition imports (mirrors the static methods of `aws_cdk.aws_ecs.TaskDefinition`)."""

    _IMPORT_HINT = "import one with ecs.TaskDefinition.from_task_definition_attributes(...)"

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


class FargateTaskDefinition(ImportOnly):
    """Fargate task definition imports (mirrors the static methods of `aws_cdk.aws_ecs.FargateTaskDefinition`)."""

    _IMPORT_HINT = "import one with ecs.FargateTaskDefinition.from_fargate_task_definition_attributes(...)"

    @staticmethod
    def from_fargate_task_definition_arn(scope: Construct, id: str,
                                         fargate_task_definition_arn: str) -> ITaskDefinition:
        """A task definition defined elsewhere, by ARN (EC2 and Fargate compatible, as the CDK imports it)."""
        return _ImportedTaskDefinition(scope, id, task_definition_arn=fargate_task_definition_arn)

    @staticmethod
    def from_fargate_task_definition_attributes(scope: Construct, id: str, *, task_definition_arn: str,
                                                network_mode: NetworkMode | None = None,
                                                task_role: IRole | None = None,
                                                execution_role: IRole | None = None) -> ITaskDefinition:
        """A Fargate-compatible task definition defined elsewhere (roles and network mode default to unknown)."""
        return _ImportedTaskDefinition(scope, id, task_definition_arn=task_definition_arn,
                                       compatibility=Compatibility.FARGATE, network_mode=network_mode,
                                       task_role=task_role, execution_role=execution_role)


class Ec2TaskDefinition(ImportOnly):
    """EC2 task definition imports (mirrors the static methods of `aws_cdk.aws_ecs.Ec2TaskDefinition`)."""

    _IMPORT_HINT = "import one with ecs.Ec2TaskDefinition.from_ec2_task_definition_arn(...)"

    @staticmethod
    def from_ec2_task_definition_arn(scope: Construct, id: str, ec2_task_definition_arn: str) -> ITaskDefinition:
        """A task definition defined elsewhere, by ARN (EC2 and Fargate compatible, as the CDK imports it)."""
        return _ImportedTaskDefinition(scope, id, task_definition_arn=ec2_task_definition_arn)

    @staticmethod
    def from_ec2_task_definition_attributes(scope: Construct, id: str, *, task_definition_arn: str,
                                            network_mode: NetworkMode | None = None,
                                            task_role: IRole | None = None) -> ITaskDefinition:
        """An EC2-compatible task definition defined elsewhere (role and network mode default to unknown)."""
        return _ImportedTaskDefinition(scope, id, task_definition_arn=task_definition_arn,
                                       compatibility=Compatibility.EC2, network_mode=network_mode,
                                       task_role=task_role)
