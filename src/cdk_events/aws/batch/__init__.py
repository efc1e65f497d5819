"""cdk_events.aws.batch: imported AWS Batch job queues and job definitions, for the `BatchJob`
target (the `aws_cdk.aws_batch` counterpart)."""

from ._imports import EcsJobDefinition, IJobDefinition, IJobQueue, JobQueue

__all__ = ["EcsJobDefinition", "IJobDefinition", "IJobQueue", "JobQueue"]

for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type) and _obj.__module__.startswith("cdk_events.aws.batch."):
        _obj.__module__ = "cdk_events.aws.batch"
del _name, _obj
