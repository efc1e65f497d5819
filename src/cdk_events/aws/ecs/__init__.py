"""cdk_events.aws.ecs: the parts of `aws_cdk.aws_ecs` that the `EcsTask` target needs.

Owned clusters (`Cluster`, with its default VPC, Container Insights and Fargate capacity providers)
and task definitions (`TaskDefinition`, `FargateTaskDefinition`, `Ec2TaskDefinition` with
`add_container`: images from a registry or an ECR repository, port mappings, environment, health
checks, the awslogs driver), imported clusters (`Cluster.from_cluster_attributes`) and task definitions
(`TaskDefinition.from_task_definition_attributes`, ...), task placement (`PlacementStrategy`,
`PlacementConstraint`, `CapacityProviderStrategy`), and the enums they use.
"""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._cfn_generated import CfnCluster, CfnClusterCapacityProviderAssociations, CfnTaskDefinition
    from ._cluster import Cluster, ICluster
    from ._container_definition import ContainerDefinition, HealthCheck, PortMapping, RuntimePlatform
    from ._container_image import (
        AwsLogDriver,
        ContainerImage,
        ContainerImageConfig,
        LogDriver,
        LogDriverConfig,
        LogDrivers,
    )
    from ._ec2_task_definition import Ec2TaskDefinition
    from ._enums import (
        Compatibility,
        ContainerInsights,
        CpuArchitecture,
        FargatePlatformVersion,
        LaunchType,
        NetworkMode,
        OperatingSystemFamily,
        PropagatedTagSource,
        Protocol,
    )
    from ._fargate_task_definition import FargateTaskDefinition
    from ._placement import (
        BinPackResource,
        BuiltInAttributes,
        CapacityProviderStrategy,
        PlacementConstraint,
        PlacementConstraintJson,
        PlacementStrategy,
        PlacementStrategyJson,
    )
    from ._task_definition import ITaskDefinition, TaskDefinition

__all__ = [
    "AwsLogDriver",
    "BinPackResource",
    "BuiltInAttributes",
    "CapacityProviderStrategy",
    "CfnCluster",
    "CfnClusterCapacityProviderAssociations",
    "CfnTaskDefinition",
    "Cluster",
    "Compatibility",
    "ContainerDefinition",
    "ContainerImage",
    "ContainerImageConfig",
    "ContainerInsights",
    "CpuArchitecture",
    "Ec2TaskDefinition",
    "FargatePlatformVersion",
    "FargateTaskDefinition",
    "HealthCheck",
    "ICluster",
    "ITaskDefinition",
    "LaunchType",
    "LogDriver",
    "LogDriverConfig",
    "LogDrivers",
    "NetworkMode",
    "OperatingSystemFamily",
    "PlacementConstraint",
    "PlacementConstraintJson",
    "PlacementStrategy",
    "PlacementStrategyJson",
    "PortMapping",
    "PropagatedTagSource",
    "Protocol",
    "RuntimePlatform",
    "TaskDefinition",
]

lazy_exports(globals(), {
    "CfnCluster": "._cfn_generated",
    "CfnClusterCapacityProviderAssociations": "._cfn_generated",
    "CfnTaskDefinition": "._cfn_generated",
    "Cluster": "._cluster",
    "ICluster": "._cluster",
    "ContainerDefinition": "._container_definition",
    "HealthCheck": "._container_definition",
    "PortMapping": "._container_definition",
    "RuntimePlatform": "._container_definition",
    "AwsLogDriver": "._container_image",
    "ContainerImage": "._container_image",
    "ContainerImageConfig": "._container_image",
    "LogDriver": "._container_image",
    "LogDriverConfig": "._container_image",
    "LogDrivers": "._container_image",
    "Ec2TaskDefinition": "._ec2_task_definition",
    "Compatibility": "._enums",
    "ContainerInsights": "._enums",
    "CpuArchitecture": "._enums",
    "FargatePlatformVersion": "._enums",
    "LaunchType": "._enums",
    "NetworkMode": "._enums",
    "OperatingSystemFamily": "._enums",
    "PropagatedTagSource": "._enums",
    "Protocol": "._enums",
    "FargateTaskDefinition": "._fargate_task_definition",
    "BinPackResource": "._placement",
    "BuiltInAttributes": "._placement",
    "CapacityProviderStrategy": "._placement",
    "PlacementConstraint": "._placement",
    "PlacementConstraintJson": "._placement",
    "PlacementStrategy": "._placement",
    "PlacementStrategyJson": "._placement",
    "ITaskDefinition": "._task_definition",
    "TaskDefinition": "._task_definition",
})
