"""EC2 task definitions (`Ec2TaskDefinition`): EC2 compatibility, bridge networking by default."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from cdk_events.core import Construct, Stack

from ...core._errors import construct_error
from ..iam import IRole
from ._container_definition import ContainerDefinition
from ._container_image import ContainerImage
from ._enums import Compatibility, NetworkMode
from ._placement import PlacementConstraint
from ._task_definition import ITaskDefinition, TaskDefinition, _ImportedTaskDefinition


class Ec2TaskDefinition(TaskDefinition):
    """A task definition for EC2 container instances (mirrors `aws_cdk.aws_ecs.Ec2TaskDefinition`).

    `network_mode` defaults to BRIDGE; `family`, `task_role` and `execution_role` as for `TaskDefinition`;
    `placement_constraints` to none (only `PlacementConstraint.member_of(...)` is allowed here). Every
    container needs `memory_limit_mib` or `memory_reservation_mib`. With the AWS_VPC network mode,
    `add_container` sets `AWS_REGION` (the stack's region) in each container's environment.
    """

    def __init__(self, scope: Construct, id: str, *, network_mode: NetworkMode | None = None,
                 family: str | None = None, task_role: IRole | None = None, execution_role: IRole | None = None,
                 placement_constraints: Sequence[PlacementConstraint] | None = None):
        super().__init__(scope, id, compatibility=Compatibility.EC2, network_mode=network_mode, family=family,
                         task_role=task_role, execution_role=execution_role,
                         placement_constraints=placement_constraints)
        invalid = [entry.type for constraint in placement_constraints or [] for entry in constraint.to_json()
                   if entry.type != "memberOf"]
        if invalid:
            raise construct_error(self, f"Invalid placement constraint(s): {', '.join(invalid)}. Only 'memberOf' is "
                                        "currently supported in the Ec2TaskDefinition class.")

    def add_container(self, id: str, *, image: ContainerImage, **options: Any) -> ContainerDefinition:
        """A new container `id` of this task (see `ContainerDefinition`); with the AWS_VPC network mode its
        environment also gets `AWS_REGION` = the stack's region, as the CDK adds it."""
        if self.network_mode is NetworkMode.AWS_VPC:
            environment = options.get("environment")
            if environment is not None and not isinstance(environment, Mapping):
                raise construct_error(self, f"'environment' must be a dict of names to values, got {environment!r}")
            options["environment"] = {**(environment or {}), "AWS_REGION": Stack.of(self).region}
        return super().add_container(id, image=image, **options)

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
