"""EC2 task definitions (`Ec2TaskDefinition`): EC2 compatibility, bridge networking by default."""

from __future__ import annotations

from cdk_events.core import Construct

from ..iam import IRole
from ._enums import Compatibility, NetworkMode
from ._task_definition import ITaskDefinition, TaskDefinition, _ImportedTaskDefinition


class Ec2TaskDefinition(TaskDefinition):
    """A task definition for EC2 container instances (mirrors `aws_cdk.aws_ecs.Ec2TaskDefinition`).

    `network_mode` defaults to BRIDGE; `family`, `task_role` and `execution_role` as for `TaskDefinition`.
    Every container needs `memory_limit_mib` or `memory_reservation_mib`.
    """

    def __init__(self, scope: Construct, id: str, *, network_mode: NetworkMode | None = None,
                 family: str | None = None, task_role: IRole | None = None, execution_role: IRole | None = None):
        super().__init__(scope, id, compatibility=Compatibility.EC2, network_mode=network_mode, family=family,
                         task_role=task_role, execution_role=execution_role)

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
