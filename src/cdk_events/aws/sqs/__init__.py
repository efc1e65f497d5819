"""cdk_events.aws.sqs: SQS queues and queue policies (the `aws_cdk.aws_sqs` counterpart)."""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._cfn_generated import CfnQueue, CfnQueuePolicy
    from ._policy import QueuePolicy
    from ._queue import DeadLetterQueue, Queue
    from ._queue_base import IQueue, QueueBase, QueueEncryption

__all__ = ["CfnQueue", "CfnQueuePolicy", "DeadLetterQueue", "IQueue", "Queue", "QueueBase", "QueueEncryption",
           "QueuePolicy"]

lazy_exports(globals(), {
    "CfnQueue": "._cfn_generated",
    "CfnQueuePolicy": "._cfn_generated",
    "QueuePolicy": "._policy",
    "DeadLetterQueue": "._queue",
    "Queue": "._queue",
    "IQueue": "._queue_base",
    "QueueBase": "._queue_base",
    "QueueEncryption": "._queue_base",
})
