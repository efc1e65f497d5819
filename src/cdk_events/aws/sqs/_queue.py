"""`Queue`: an SQS queue, its FIFO and encryption settings, and queue imports."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from cdk_events.core import (
    Annotations,
    ArnComponents,
    ArnFormat,
    Construct,
    Duration,
    RemovalPolicy,
    Stack,
    Token,
    ValidationError,
)

from ...core._errors import construct_error
from ...core._prop_checks import check_bool, check_duration, check_enum, check_number, check_range, check_str
from ...core._struct import to_struct
from ...core._struct_methods import struct_methods
from .. import iam
from ._cfn_generated import CfnQueue
from ._queue_base import IQueue, QueueBase, QueueEncryption

if TYPE_CHECKING:
    from ..kms import IKey

_QUEUE_NAME = re.compile(r"^[a-zA-Z0-9_-]{1,80}\Z")
_FIFO_QUEUE_NAME = re.compile(r"^[a-zA-Z0-9_-]{1,75}\.fifo\Z")


@struct_methods
@attrs.frozen(slots=False, repr=False, eq=False)
class DeadLetterQueue:
    """Where messages go after `max_receive_count` failed receives (at least 1)."""

    queue: IQueue
    max_receive_count: int


class Queue(QueueBase):
    """An SQS queue (mirrors `aws_cdk.aws_sqs.Queue`).

    Defaults: a CloudFormation-generated name; a standard queue (FIFO when `fifo=True`, when the
    name ends in `.fifo` or when `content_based_deduplication` is set); no explicit encryption
    setting (SQS applies SSE-SQS); `removal_policy` DESTROY; the SQS defaults for the periods
    and sizes. `enforce_ssl` adds a statement denying non-TLS requests.
    """

    _auto_create_policy = True

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        queue_name: str | None = None,
        fifo: bool | None = None,
        content_based_deduplication: bool | None = None,
        deduplication_scope: str | None = None,
        fifo_throughput_limit: str | None = None,
        encryption: QueueEncryption | None = None,
        encryption_master_key: IKey | None = None,
        data_key_reuse: Duration | None = None,
        retention_period: Duration | None = None,
        visibility_timeout: Duration | None = None,
        delivery_delay: Duration | None = None,
        max_message_size_bytes: int | None = None,
        receive_message_wait_time: Duration | None = None,
        dead_letter_queue: DeadLetterQueue | Mapping[str, Any] | None = None,
        removal_policy: RemovalPolicy | None = None,
        enforce_ssl: bool | None = None,
    ):
        super().__init__(scope, id, physical_name=queue_name)
        dead_letter_queue = to_struct(DeadLetterQueue, dead_letter_queue, prop="dead_letter_queue", scope=self)
        self._check_props(queue_name, fifo, content_based_deduplication, encryption, data_key_reuse,
                          retention_period, visibility_timeout, delivery_delay, max_message_size_bytes,
                          receive_message_wait_time, dead_letter_queue, removal_policy, enforce_ssl)
        key, encryption_props, encryption_type = self._encryption(encryption, encryption_master_key, data_key_reuse)
        fifo_queue = self._fifo(queue_name, fifo, content_based_deduplication, deduplication_scope,
                                fifo_throughput_limit)
        self.fifo = bool(fifo_queue)
        redrive = None
        if dead_letter_queue is not None:
            redrive = {"deadLetterTargetArn": dead_letter_queue.queue.queue_arn,
                       "maxReceiveCount": dead_letter_queue.max_receive_count}
        resource = CfnQueue(
            self, "Resource",
            queue_name=self.physical_name,
            content_based_deduplication=content_based_deduplication,
            deduplication_scope=deduplication_scope,
            fifo_throughput_limit=fifo_throughput_limit,
            fifo_queue=fifo_queue,
            redrive_policy=redrive,
            delay_seconds=_seconds(delivery_delay),
            maximum_message_size=max_message_size_bytes,
            message_retention_period=_seconds(retention_period),
            receive_message_wait_time_seconds=_seconds(receive_message_wait_time),
            visibility_timeout=_seconds(visibility_timeout),
            **encryption_props,
        )
        resource.apply_removal_policy(removal_policy or RemovalPolicy.DESTROY)
        self.queue_arn = self._get_resource_arn_attribute(
            resource.attr_arn, ArnComponents(service="sqs", resource=self.physical_name or ""))
        self.queue_name = self._get_resource_name_attribute(resource.attr_queue_name)
        self.queue_url = resource.ref
        self.encryption_master_key = key
        self.encryption_type = encryption_type
        self.dead_letter_queue = dead_letter_queue
        if enforce_ssl:
            self.add_to_resource_policy(iam.PolicyStatement(
                actions=["sqs:*"], conditions={"Bool": {"aws:SecureTransport": "false"}},
                effect=iam.Effect.DENY, resources=[self.queue_arn], principals=[iam.AnyPrincipal()]))

    # --- props -----------------------------------------------------------------------------
    def _check_props(self, queue_name: Any, fifo: Any, content_based_deduplication: Any, encryption: Any,
                     data_key_reuse: Any, retention_period: Any, visibility_timeout: Any, delivery_delay: Any,
                     max_message_size_bytes: Any, receive_message_wait_time: Any, dead_letter_queue: Any,
                     removal_policy: Any, enforce_ssl: Any) -> None:
        check_str(self, "queue_name", queue_name)
        check_bool(self, "fifo", fifo)
        check_bool(self, "content_based_deduplication", content_based_deduplication)
        check_bool(self, "enforce_ssl", enforce_ssl)
        check_enum(self, "encryption", encryption, QueueEncryption)
        check_enum(self, "removal_policy", removal_policy, RemovalPolicy)
        for prop, value in (("data_key_reuse", data_key_reuse), ("retention_period", retention_period),
                            ("visibility_timeout", visibility_timeout), ("delivery_delay", delivery_delay),
                            ("receive_message_wait_time", receive_message_wait_time)):
            check_duration(self, prop, value)
        check_number(self, "max_message_size_bytes", max_message_size_bytes)
        if dead_letter_queue is not None and not isinstance(dead_letter_queue, DeadLetterQueue):
            raise construct_error(
                self, f"'dead_letter_queue' must be a DeadLetterQueue(queue=..., max_receive_count=...), "
                      f"got {dead_letter_queue!r}")
        check_range(self, "delivery delay", _seconds(delivery_delay), 0, 900, "seconds")
        check_range(self, "maximum message size", max_message_size_bytes, 1_024, 262_144, "bytes")
        check_range(self, "message retention period", _seconds(retention_period), 60, 1_209_600, "seconds")
        check_range(self, "receive wait time", _seconds(receive_message_wait_time), 0, 20, "seconds")
        check_range(self, "visibility timeout", _seconds(visibility_timeout), 0, 43_200, "seconds")
        if dead_letter_queue is not None:
            check_range(self, "dead letter target maximum receive count", dead_letter_queue.max_receive_count,
                        1, float("inf"))
        if queue_name is not None and not Token.is_unresolved(queue_name):
            pattern = _FIFO_QUEUE_NAME if queue_name.endswith(".fifo") else _QUEUE_NAME
            if not pattern.match(queue_name):
                raise construct_error(
                    self, f"Invalid queue_name '{queue_name}': a queue name has 1 to 80 characters out of a-z, A-Z, "
                          "0-9, '-' and '_' (a FIFO queue name ends in '.fifo', included in the 80)")

    def _encryption(self, encryption: QueueEncryption | None, key: IKey | None,
                    data_key_reuse: Duration | None) -> tuple[IKey | None, dict[str, Any], QueueEncryption | None]:
        if encryption is QueueEncryption.SQS_MANAGED and key is not None:
            raise construct_error(
                self, "'encryptionMasterKey' is not supported if encryption type 'SQS_MANAGED' is used")
        if encryption is not QueueEncryption.KMS and key is not None:
            if encryption is not None:
                Annotations.of(self).add_warning_v2(
                    "@aws-cdk/aws-sqs:queueEncryptionChangedToKMS",
                    "encryption: Automatically changed to QueueEncryption.KMS, was: "
                    f"QueueEncryption.{encryption.name}\n"
                    "When encryptionMasterKey is provided, always set `encryption: QueueEncryption.KMS`")
            encryption = QueueEncryption.KMS
        reuse = _seconds(data_key_reuse)
        if encryption is None:
            return None, {}, None
        if encryption is QueueEncryption.UNENCRYPTED:
            return None, {"sqs_managed_sse_enabled": False}, encryption
        if encryption is QueueEncryption.KMS_MANAGED:
            return None, {"kms_master_key_id": "alias/aws/sqs", "kms_data_key_reuse_period_seconds": reuse}, encryption
        if encryption is QueueEncryption.KMS:
            if key is None:
                from ..kms import Key  # kms loads only when encryption asks for a key

                key = Key(self, "Key", description=f"Created by {self.node.path}")
            return key, {"kms_master_key_id": key.key_arn, "kms_data_key_reuse_period_seconds": reuse}, encryption
        return None, {"sqs_managed_sse_enabled": True}, encryption

    def _fifo(self, queue_name: str | None, fifo: bool | None, content_based_deduplication: bool | None,
              deduplication_scope: str | None, fifo_throughput_limit: str | None) -> bool | None:
        fifo_queue = fifo
        if fifo_queue is None and queue_name and not Token.is_unresolved(queue_name) and queue_name.endswith(".fifo"):
            fifo_queue = True
        if fifo_queue is None and (content_based_deduplication or deduplication_scope or fifo_throughput_limit):
            fifo_queue = True
        if isinstance(queue_name, str) and not Token.is_unresolved(queue_name):
            if fifo_queue and not queue_name.endswith(".fifo"):
                raise construct_error(self, "FIFO queue names must end in '.fifo'")
            if not fifo_queue and queue_name.endswith(".fifo"):
                raise construct_error(self, "Non-FIFO queue name may not end in '.fifo'")
        if content_based_deduplication and not fifo_queue:
            raise construct_error(self, "Content-based deduplication can only be defined for FIFO queues")
        if deduplication_scope and not fifo_queue:
            raise construct_error(self, "Deduplication scope can only be defined for FIFO queues")
        if fifo_throughput_limit and not fifo_queue:
            raise construct_error(self, "FIFO throughput limit can only be defined for FIFO queues")
        return True if fifo_queue else None

    # --- imports ---------------------------------------------------------------------------
    @staticmethod
    def from_queue_arn(scope: Construct, id: str, queue_arn: str) -> IQueue:
        """A queue defined elsewhere, by ARN (`arn:aws:sqs:<region>:<account>:<name>`); its account
        and region come from the ARN."""
        return Queue.from_queue_attributes(scope, id, queue_arn=queue_arn)

    @staticmethod
    def from_queue_attributes(scope: Construct, id: str, *, queue_arn: str, queue_url: str | None = None,
                              queue_name: str | None = None, key_arn: str | None = None,
                              fifo: bool | None = None) -> IQueue:
        """A queue defined elsewhere. `queue_name` defaults to the ARN's resource, `queue_url` to
        `https://sqs.<region>.<url suffix>/<account>/<name>`, `fifo` to whether the name ends in
        `.fifo`; `key_arn` names the queue's KMS key, if any."""
        if not isinstance(queue_arn, str):
            raise ValidationError(f"Queue.from_queue_attributes ({scope.node.path}/{id}): 'queue_arn' must be a "
                                  f"string, got {queue_arn!r}")
        return _ImportedQueue(scope, id, queue_arn=queue_arn, queue_url=queue_url, queue_name=queue_name,
                              key_arn=key_arn, fifo=fifo)


class _ImportedQueue(QueueBase):
    def __init__(self, scope: Construct, id: str, *, queue_arn: str, queue_url: str | None, queue_name: str | None,
                 key_arn: str | None, fifo: bool | None):
        super().__init__(scope, id, environment_from_arn=queue_arn)
        stack = Stack.of(scope)
        parsed = stack.split_arn(queue_arn, ArnFormat.NO_RESOURCE_NAME)
        name = queue_name or parsed.resource
        self.queue_arn = queue_arn
        self.queue_name = name
        self.queue_url = queue_url or f"https://sqs.{parsed.region}.{stack.url_suffix}/{parsed.account}/{name}"
        if key_arn is not None:
            from ..kms import Key  # kms loads only when encryption asks for a key

            self.encryption_master_key = Key.from_key_arn(self, "Key", key_arn)
            self.encryption_type = QueueEncryption.KMS
        self.fifo = self._determine_fifo(fifo)

    def _determine_fifo(self, fifo: bool | None) -> bool:
        if Token.is_unresolved(self.queue_arn):
            return bool(fifo)
        if fifo is not None:
            if fifo and not self.queue_name.endswith(".fifo"):
                raise construct_error(self, "FIFO queue names must end in '.fifo'")
            if not fifo and self.queue_name.endswith(".fifo"):
                raise construct_error(self, "Non-FIFO queue name may not end in '.fifo'")
        return self.queue_name.endswith(".fifo")


def _seconds(duration: Duration | None) -> int | float | None:
    return duration.to_seconds() if duration is not None else None
