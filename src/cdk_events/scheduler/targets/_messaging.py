"""Targets with per-service parameters: SQS (`SqsParameters`), Kinesis (`KinesisParameters`) and EventBridge
(`EventBridgeParameters`)."""

from __future__ import annotations

from typing import Any

import attrs

from cdk_events.aws import iam
from cdk_events.aws.kinesis import IStream
from cdk_events.aws.sqs import IQueue
from cdk_events.core import Duration, UnscopedValidationError, ValidationError
from cdk_events.core._errors import construct_error
from cdk_events.core._token_encoding import is_unresolved
from cdk_events.scheduler import CfnSchedule, ISchedule, ScheduleTargetConfig, ScheduleTargetInput

from ...core._struct_methods import struct_methods
from ._base import ScheduleTargetBase, base_props


class SqsSendMessage(ScheduleTargetBase):
    """Send a message to an SQS queue (mirrors `aws_scheduler_targets.SqsSendMessage`); the role gets
    `sqs:SendMessage` (and the queue key's `kms:Decrypt` / `kms:GenerateDataKey*`). `message_group_id`
    (1 to 128 characters) is required for, and only allowed with, a FIFO queue (default none)."""

    def __init__(self, queue: IQueue, *, message_group_id: str | None = None, dead_letter_queue: IQueue | None = None,
                 input: ScheduleTargetInput | None = None, max_event_age: Duration | None = None,
                 retry_attempts: int | None = None, role: iam.IRole | None = None) -> None:
        if queue is None or not hasattr(queue, "queue_arn"):
            raise UnscopedValidationError(f"SqsSendMessage: 'queue' must be an SQS queue (sqs.IQueue), got {queue!r}")
        super().__init__(base_props(role, dead_letter_queue, input, max_event_age, retry_attempts), queue.queue_arn)
        self._queue = queue
        self._message_group_id = message_group_id
        if message_group_id is not None:
            if not isinstance(message_group_id, str):
                raise construct_error(queue, f"SqsSendMessage: 'message_group_id' must be a string, got "
                                             f"{message_group_id!r}")
            if not is_unresolved(message_group_id) and not 1 <= len(message_group_id) <= 128:
                raise _error(queue, f"messageGroupId length must be between 1 and 128, got {len(message_group_id)}")
            if not queue.fifo:
                raise _error(queue, "target must be a FIFO queue if messageGroupId is specified")
            child: Any = queue.node.default_child
            if not getattr(child, "content_based_deduplication", None):
                raise _error(queue, "contentBasedDeduplication must be true if the target is a FIFO queue")
        elif queue.fifo:
            raise _error(queue, "messageGroupId must be specified if the target is a FIFO queue")

    def _add_target_action_to_role(self, role: iam.IRole) -> None:
        self._queue.grant(role, "sqs:SendMessage")
        key = self._queue.encryption_master_key
        if key is not None:
            key.grant(role, "kms:Decrypt", "kms:GenerateDataKey*")

    def _bind_base_target_config(self, schedule: ISchedule) -> ScheduleTargetConfig:
        config = super()._bind_base_target_config(schedule)
        return attrs.evolve(config, sqs_parameters=CfnSchedule.SqsParametersProperty(
            message_group_id=self._message_group_id))


class KinesisStreamPutRecord(ScheduleTargetBase):
    """Put a record into a Kinesis data stream (mirrors `aws_scheduler_targets.KinesisStreamPutRecord`); the role
    gets `kinesis:PutRecord` and `kinesis:PutRecords` (and `kms:GenerateDataKey*` on the stream's key).
    `partition_key` (1 to 256 characters) is required."""

    def __init__(self, stream: IStream, *, partition_key: str, dead_letter_queue: IQueue | None = None,
                 input: ScheduleTargetInput | None = None, max_event_age: Duration | None = None,
                 retry_attempts: int | None = None, role: iam.IRole | None = None) -> None:
        if stream is None or not hasattr(stream, "stream_arn"):
            raise UnscopedValidationError(
                f"KinesisStreamPutRecord: 'stream' must be a Kinesis stream (kinesis.IStream), got {stream!r}")
        super().__init__(base_props(role, dead_letter_queue, input, max_event_age, retry_attempts), stream.stream_arn)
        if not isinstance(partition_key, str):
            raise construct_error(stream, f"KinesisStreamPutRecord: 'partition_key' must be a string, got "
                                          f"{partition_key!r}")
        if not is_unresolved(partition_key) and not 1 <= len(partition_key) <= 256:
            raise _error(stream, f"partitionKey length must be between 1 and 256, got {len(partition_key)}")
        self._stream = stream
        self._partition_key = partition_key

    def _add_target_action_to_role(self, role: iam.IRole) -> None:
        self._stream.grant(role, "kinesis:PutRecord", "kinesis:PutRecords")
        key = getattr(self._stream, "encryption_key", None)
        if key is not None:
            key.grant(role, "kms:GenerateDataKey*")

    def _bind_base_target_config(self, schedule: ISchedule) -> ScheduleTargetConfig:
        config = super()._bind_base_target_config(schedule)
        return attrs.evolve(config, kinesis_parameters=CfnSchedule.KinesisParametersProperty(
            partition_key=self._partition_key))


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class EventBridgePutEventsEntry:
    """The event a schedule puts on a bus (mirrors `aws_scheduler_targets.EventBridgePutEventsEntry`): `event_bus`,
    `source`, `detail_type` (required) and `detail` (the event's detail, default none)."""

    detail_type: str
    event_bus: Any
    source: str
    detail: ScheduleTargetInput | None = None


class EventBridgePutEvents(ScheduleTargetBase):
    """Put an event on an event bus (mirrors `aws_scheduler_targets.EventBridgePutEvents`); the role gets
    `events:PutEvents` on the bus. The event's detail comes from `entry.detail` (`input` is refused)."""

    def __init__(self, entry: EventBridgePutEventsEntry | dict[str, Any], *, dead_letter_queue: IQueue | None = None,
                 input: ScheduleTargetInput | None = None, max_event_age: Duration | None = None,
                 retry_attempts: int | None = None, role: iam.IRole | None = None) -> None:
        if isinstance(entry, dict):
            entry = EventBridgePutEventsEntry(**entry)
        if not isinstance(entry, EventBridgePutEventsEntry):
            raise UnscopedValidationError(
                f"EventBridgePutEvents: 'entry' must be an EventBridgePutEventsEntry, got {entry!r}")
        super().__init__(base_props(role, dead_letter_queue, input, max_event_age, retry_attempts),
                         entry.event_bus.event_bus_arn)
        if input is not None:
            raise UnscopedValidationError("ScheduleTargetBaseProps.input is not supported for EventBridgePutEvents. "
                                          "Please use entry.detail instead.")
        self._entry = entry

    def _add_target_action_to_role(self, role: iam.IRole) -> None:
        self._entry.event_bus.grant_put_events_to(role)

    def _bind_base_target_config(self, schedule: ISchedule) -> ScheduleTargetConfig:
        config = super()._bind_base_target_config(schedule)
        return attrs.evolve(config, input=self._entry.detail,
                            event_bridge_parameters=CfnSchedule.EventBridgeParametersProperty(
                                detail_type=self._entry.detail_type, source=self._entry.source))


def _error(scope: Any, message: str) -> ValidationError:
    return construct_error(scope, message)
