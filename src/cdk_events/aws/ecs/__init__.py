"""cdk_events.aws.ecs: the parts of `aws_cdk.aws_ecs` that the `EcsTask` target needs.

Imported clusters (`Cluster.from_cluster_attributes`) and task definitions
(`TaskDefinition.from_task_definition_attributes`, `FargateTaskDefinition...`,
`Ec2TaskDefinition...`), with the enums `NetworkMode`, `Compatibility`, `LaunchType`,
`FargatePlatformVersion` and `PropagatedTagSource`.
"""

from ..._public import set_public_module
from ._cluster import Cluster, ICluster
from ._enums import Compatibility, FargatePlatformVersion, LaunchType, NetworkMode, PropagatedTagSource
from ._task_definition import Ec2TaskDefinition, FargateTaskDefinition, ITaskDefinition, TaskDefinition

__all__ = [
    "Cluster",
    "Compatibility",
    "Ec2TaskDefinition",
    "FargatePlatformVersion",
    "FargateTaskDefinition",
    "ICluster",
    "ITaskDefinition",
    "LaunchType",
    "NetworkMode",
    "PropagatedTagSource",
    "TaskDefinition",
]

set_public_module(globals())
