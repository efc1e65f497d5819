"""The `KinesisStream` target."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._cfn_generated import CfnRule
from .._target import RuleTargetConfig
from ..core import Duration
from ._checks import check_common, require_resource, rule_error
from ._util import bind_base_target_config, singleton_event_role

if TYPE_CHECKING:
    from .._input import RuleTargetInput
    from .._rule_ref import IRule
    from ..aws.kinesis import IStream
    from ..aws.sqs import IQueue


class KinesisStream:
    """Put matched events into a Kinesis data stream (mirrors `aws_cdk.aws_events_targets.KinesisStream`).

    `partition_key_path` defaults to the event id as partition key; `message` defaults to the whole
    event. The role is an `EventsRole` under the stream with the stream's write permissions.
    `dead_letter_queue` defaults to none, `max_event_age` and `retry_attempts` to EventBridge's.
    """

    def __init__(self, stream: IStream, *, partition_key_path: str | None = None,
                 message: RuleTargetInput | None = None, dead_letter_queue: IQueue | None = None,
                 max_event_age: Duration | None = None, retry_attempts: int | None = None):
        self.stream = stream
        self.partition_key_path = partition_key_path
        self.message = message
        self.dead_letter_queue = dead_letter_queue
        self.max_event_age = max_event_age
        self.retry_attempts = retry_attempts

    def bind(self, rule: IRule, id: str | None = None) -> RuleTargetConfig:
        """Let the role write to the stream and configure the target."""
        stream = require_resource(rule, "KinesisStream", "stream", self.stream, ("stream_arn", "grant_write", "node"),
                                  "a Kinesis stream (kinesis.Stream(...) or kinesis.Stream.from_stream_arn(...))")
        if self.partition_key_path is not None and not isinstance(self.partition_key_path, str):
            raise rule_error(rule, "KinesisStream target: 'partition_key_path' must be a JSON path string "
                                   f"such as '$.detail.id', got {self.partition_key_path!r}")
        check_common(rule, "KinesisStream", dead_letter_queue=self.dead_letter_queue, input_prop="message",
                     input=self.message)
        base = bind_base_target_config(rule, "KinesisStream", dead_letter_queue=self.dead_letter_queue,
                                       max_event_age=self.max_event_age, retry_attempts=self.retry_attempts)
        role = singleton_event_role(stream)
        stream.grant_write(role)
        return RuleTargetConfig(
            arn=stream.stream_arn, role=role, input=self.message, target_resource=stream,
            kinesis_parameters=CfnRule.KinesisParametersProperty(partition_key_path=self.partition_key_path)
            if self.partition_key_path else None,
            **base)
