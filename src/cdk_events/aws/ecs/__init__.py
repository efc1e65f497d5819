"""cdk_events.aws.ecs: the parts of `aws_cdk.aws_ecs` that the `EcsTask` target needs.

Imported clusters (`Cluster.from_cluster_attributes`) and task definitions
(`TaskDefinition.from_task_definition_attributes`, `FargateTaskDefinition...`,
`Ec2TaskDefinition...`), with the enums `NetworkMode`, `Compatibility`, `LaunchType`,
`FargatePlatformVersion` and `PropagatedTagSource`.
"""

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

for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type) and _obj.__module__.startswith("cdk_events.aws.ecs."):
        _obj.__module__ = "cdk_events.aws.ecs"
del _name, _obj
