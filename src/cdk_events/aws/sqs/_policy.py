"""`QueuePolicy`: the resource policy of one or more queues (`AWS::SQS::QueuePolicy`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from cdk_events.core import Construct, Resource

from ...core._errors import construct_error
from .. import iam
from ._cfn_generated import CfnQueuePolicy

if TYPE_CHECKING:
    from ._queue_base import IQueue


class QueuePolicy(Resource):
    """A queue policy (mirrors `aws_cdk.aws_sqs.QueuePolicy`): `document` starts empty; add
    statements to it. Statements get no automatic Sid."""

    def __init__(self, scope: Construct, id: str, *, queues: Sequence[IQueue]):
        super().__init__(scope, id)
        if isinstance(queues, str) or not isinstance(queues, (list, tuple)) or not queues:
            raise construct_error(self, f"'queues' must be a non-empty list of queues, got {queues!r}")
        self.document = iam.PolicyDocument()
        self._resource = CfnQueuePolicy(self, "Resource", policy_document=self.document,
                                        queues=[queue.queue_url for queue in queues])
        self.queue_policy_id = self._resource.ref
