"""cdk_events.aws.sqs: SQS queues and queue policies (the `aws_cdk.aws_sqs` counterpart)."""

from ._cfn import CfnQueue, CfnQueuePolicy
from ._policy import QueuePolicy
from ._queue import DeadLetterQueue, Queue
from ._queue_base import IQueue, QueueBase, QueueEncryption

__all__ = ["CfnQueue", "CfnQueuePolicy", "DeadLetterQueue", "IQueue", "Queue", "QueueBase", "QueueEncryption",
           "QueuePolicy"]

for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type) and _obj.__module__.startswith("cdk_events.aws.sqs."):
        _obj.__module__ = "cdk_events.aws.sqs"
del _name, _obj
