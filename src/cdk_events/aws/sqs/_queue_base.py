"""`IQueue`, the base shared by owned and imported queues, and `QueueEncryption`."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from cdk_events.core import Construct, Node, Resource, ResourceEnvironment

from .. import iam
from ._policy import QueuePolicy

if TYPE_CHECKING:
    from ..kms import IKey


class QueueEncryption(Enum):
    """How the messages of a queue are encrypted at rest."""

    UNENCRYPTED = "NONE"
    """Not encrypted (`SqsManagedSseEnabled: false`)."""
    KMS_MANAGED = "KMS_MANAGED"
    """With the AWS-managed key `alias/aws/sqs`."""
    KMS = "KMS"
    """With a customer-managed KMS key (`encryption_master_key`, or a new one)."""
    SQS_MANAGED = "SQS_MANAGED"
    """With keys managed by SQS (SSE-SQS)."""


@runtime_checkable
class IQueue(Protocol):
    """An SQS queue, defined here or imported (mirrors `aws_cdk.aws_sqs.IQueue`)."""

    @property
    def queue_arn(self) -> str: ...

    @property
    def queue_url(self) -> str: ...

    @property
    def queue_name(self) -> str: ...

    @property
    def fifo(self) -> bool: ...

    @property
    def encryption_master_key(self) -> IKey | None: ...

    @property
    def node(self) -> Node: ...

    @property
    def env(self) -> ResourceEnvironment: ...

    def add_to_resource_policy(self, statement: iam.PolicyStatement) -> iam.AddToResourcePolicyResult: ...

    def grant_send_messages(self, grantee: iam.IGrantable) -> iam.Grant: ...

    def grant_consume_messages(self, grantee: iam.IGrantable) -> iam.Grant: ...

    def grant(self, grantee: iam.IGrantable, *actions: str) -> iam.Grant: ...


class QueueBase(Resource):
    """What owned and imported queues share: the resource policy and the grants."""

    queue_arn: str
    queue_url: str
    queue_name: str
    fifo: bool = False
    encryption_master_key: IKey | None = None
    encryption_type: QueueEncryption | None = None
    _auto_create_policy: bool = False

    def __init__(self, scope: Construct, id: str, **kwargs: Any):
        super().__init__(scope, id, **kwargs)
        self._policy: QueuePolicy | None = None
        self._added: iam.AddToResourcePolicyResult | None = None
        self.node.add_validation(_PolicyValidation(self))

    @property
    def policy(self) -> QueuePolicy | None:
        """The queue policy, once a statement was added (None for an imported queue)."""
        return self._policy

    def add_to_resource_policy(self, statement: iam.PolicyStatement) -> iam.AddToResourcePolicyResult:
        """Add a statement to the queue policy (created as child `Policy` on first use); an imported
        queue's policy cannot be changed (not added)."""
        if self._policy is None and self._auto_create_policy:
            self._policy = QueuePolicy(self, "Policy", queues=[self])
        if self._policy is None:
            return iam.AddToResourcePolicyResult(statement_added=False)
        self._policy.document.add_statements(statement)
        # every addition has the same result, a frozen struct: it is built once and shared
        if self._added is None:
            self._added = iam.AddToResourcePolicyResult(statement_added=True, policy_dependable=self._policy)
        return self._added

    def grant(self, grantee: iam.IGrantable, *actions: str) -> iam.Grant:
        """Grant `actions` on this queue: on the principal's policy, or the queue policy when the
        principal has none or lives in another account."""
        return iam.Grant.add_to_principal_or_resource(
            grantee=grantee, actions=actions, resource_arns=[self.queue_arn], resource=self)

    def grant_send_messages(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant `sqs:SendMessage`, `sqs:GetQueueAttributes`, `sqs:GetQueueUrl` (and encrypt/decrypt
        on the queue's KMS key, if any)."""
        grant = self.grant(grantee, "sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl")
        if self.encryption_master_key is not None:
            self.encryption_master_key.grant_encrypt_decrypt(grantee)
        return grant

    def grant_consume_messages(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant receiving, deleting and changing the visibility of messages (and decrypt on the
        queue's KMS key, if any)."""
        grant = self.grant(grantee, "sqs:ReceiveMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl",
                           "sqs:DeleteMessage", "sqs:GetQueueAttributes")
        if self.encryption_master_key is not None:
            self.encryption_master_key.grant_decrypt(grantee)
        return grant

    def grant_purge(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant `sqs:PurgeQueue`, `sqs:GetQueueAttributes`, `sqs:GetQueueUrl`."""
        return self.grant(grantee, "sqs:PurgeQueue", "sqs:GetQueueAttributes", "sqs:GetQueueUrl")


class _PolicyValidation:
    def __init__(self, queue: QueueBase):
        self._queue = queue

    def validate(self) -> list[str]:
        policy = self._queue._policy
        return policy.document.validate_for_resource_policy() if policy is not None else []
