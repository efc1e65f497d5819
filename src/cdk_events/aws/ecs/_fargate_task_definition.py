"""Fargate task definitions (`FargateTaskDefinition`): FARGATE compatibility, awsvpc networking."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cdk_events.core import Construct, Token

from ...core._errors import construct_error
from ..iam import IRole
from ._enums import Compatibility, NetworkMode
from ._task_definition import ITaskDefinition, TaskDefinition, _ImportedTaskDefinition

if TYPE_CHECKING:
    from ._container_definition import RuntimePlatform


def _number_string(scope: Construct, prop: str, value: int | str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise construct_error(scope, f"'{prop}' must be a number, got {value!r}")
    return Token.as_string(value) if Token.is_unresolved(value) else str(int(value) if value == int(value) else value)


class FargateTaskDefinition(TaskDefinition):
    """A task definition for Fargate (mirrors `aws_cdk.aws_ecs.FargateTaskDefinition`).

    `cpu` defaults to 256 (units) and `memory_limit_mib` to 512; the network mode is awsvpc; `family`,
    `task_role`, `execution_role`, `ephemeral_storage_gib` (21-200) and `runtime_platform` as for
    `TaskDefinition`.
    """

    def __init__(self, scope: Construct, id: str, *, cpu: int | None = None, memory_limit_mib: int | None = None,
                 family: str | None = None, task_role: IRole | None = None, execution_role: IRole | None = None,
                 ephemeral_storage_gib: int | None = None, runtime_platform: RuntimePlatform | None = None):
        super().__init__(scope, id, compatibility=Compatibility.FARGATE, network_mode=NetworkMode.AWS_VPC,
                         family=family, task_role=task_role, execution_role=execution_role,
                         cpu=_number_string(scope, "cpu", cpu if cpu is not None else 256),
                         memory_mib=_number_string(scope, "memory_limit_mib",
                                                   memory_limit_mib if memory_limit_mib is not None else 512),
                         ephemeral_storage_gib=ephemeral_storage_gib, runtime_platform=runtime_platform)

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
