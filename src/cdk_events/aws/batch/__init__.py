"""cdk_events.aws.batch: imported AWS Batch job queues and job definitions, for the `BatchJob`
target (the `aws_cdk.aws_batch` counterpart)."""

from ..._public import set_public_module
from ._imports import EcsJobDefinition, IJobDefinition, IJobQueue, JobQueue

__all__ = ["EcsJobDefinition", "IJobDefinition", "IJobQueue", "JobQueue"]

set_public_module(globals())
