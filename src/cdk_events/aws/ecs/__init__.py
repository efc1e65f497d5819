"""cdk_events.aws.ecs: the parts of `aws_cdk.aws_ecs` that the `EcsTask` target needs.

Imported clusters (`Cluster.from_cluster_attributes`) and task definitions
(`TaskDefinition.from_task_definition_attributes`, `FargateTaskDefinition...`,
`Ec2TaskDefinition...`), with the enums `NetworkMode`, `Compatibility`, `LaunchType`,
`FargatePlatformVersion` and `PropagatedTagSource`.
"""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
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

lazy_exports(globals(), {
    "Cluster": "._cluster",
    "ICluster": "._cluster",
    "Compatibility": "._enums",
    "FargatePlatformVersion": "._enums",
    "LaunchType": "._enums",
    "NetworkMode": "._enums",
    "PropagatedTagSource": "._enums",
    "Ec2TaskDefinition": "._task_definition",
    "FargateTaskDefinition": "._task_definition",
    "ITaskDefinition": "._task_definition",
    "TaskDefinition": "._task_definition",
})
