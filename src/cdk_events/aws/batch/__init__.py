"""cdk_events.aws.batch: imported AWS Batch job queues and job definitions, for the `BatchJob`
target (the `aws_cdk.aws_batch` counterpart)."""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._job import EcsJobDefinition, IJobDefinition, IJobQueue, JobQueue

__all__ = ["EcsJobDefinition", "IJobDefinition", "IJobQueue", "JobQueue"]

lazy_exports(globals(), {
    "EcsJobDefinition": "._job",
    "IJobDefinition": "._job",
    "IJobQueue": "._job",
    "JobQueue": "._job",
})
