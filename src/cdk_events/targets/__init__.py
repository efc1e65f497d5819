"""cdk_events.targets: the rule targets (mirrors `aws_cdk.aws_events_targets`)."""

from ._batch import BatchJob
from ._ecs import (
    ContainerOverride,
    EcsTask,
    EphemeralStorageOverride,
    InferenceAcceleratorOverride,
    Tag,
    TaskEnvironmentVariable,
)
from ._lambda import LambdaFunction
from ._sns import SnsTopic
from ._sqs import SqsQueue
from ._util import TargetBaseProps

__all__ = [
    "BatchJob",
    "ContainerOverride",
    "EcsTask",
    "EphemeralStorageOverride",
    "InferenceAcceleratorOverride",
    "Tag",
    "TaskEnvironmentVariable",
    "LambdaFunction",
    "SnsTopic",
    "SqsQueue",
    "TargetBaseProps",
]

for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type) and _obj.__module__.startswith("cdk_events.targets._"):
        _obj.__module__ = "cdk_events.targets"
del _name, _obj
