"""cdk_events.aws.sqs: SQS queues and queue policies (the `aws_cdk.aws_sqs` counterpart)."""

from ..._public import set_public_module
from ._cfn import CfnQueue, CfnQueuePolicy
from ._policy import QueuePolicy
from ._queue import DeadLetterQueue, Queue
from ._queue_base import IQueue, QueueBase, QueueEncryption

__all__ = ["CfnQueue", "CfnQueuePolicy", "DeadLetterQueue", "IQueue", "Queue", "QueueBase", "QueueEncryption",
           "QueuePolicy"]

set_public_module(globals())
