"""The Firehose targets: `FirehoseDeliveryStream`, and the deprecated `KinesisFirehoseStream` (on a
`CfnDeliveryStream`) and `KinesisFirehoseStreamV2`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._target import RuleTargetConfig
from ..aws import iam
from ._checks import check_common, require_resource
from ._util import singleton_event_role

if TYPE_CHECKING:
    from .._input import RuleTargetInput
    from .._rule_ref import IRule
    from ..aws.firehose import CfnDeliveryStream, IDeliveryStream
    from ..core import IConstruct

_PUT_RECORD_ACTIONS = ["firehose:PutRecord", "firehose:PutRecordBatch"]
_STREAM_HINT = "a Firehose delivery stream (firehose.DeliveryStream.from_delivery_stream_arn(...))"


def _put_records_config(stream: IConstruct, arn: str, message: RuleTargetInput | None) -> RuleTargetConfig:
    role = singleton_event_role(stream)
    role.add_to_principal_policy(iam.PolicyStatement(actions=list(_PUT_RECORD_ACTIONS), resources=[arn]))
    return RuleTargetConfig(arn=arn, role=role, input=message, target_resource=stream)


class FirehoseDeliveryStream:
    """Put matched events into a Firehose delivery stream (mirrors
    `aws_cdk.aws_events_targets.FirehoseDeliveryStream`).

    `message` defaults to the whole event; the role is an `EventsRole` under the delivery stream.
    """

    def __init__(self, delivery_stream: IDeliveryStream, *, message: RuleTargetInput | None = None):
        self.delivery_stream = delivery_stream
        self.message = message

    def bind(self, rule: IRule, id: str | None = None) -> RuleTargetConfig:
        """Grant the role `firehose:PutRecord(Batch)` through the stream and configure the target."""
        stream = require_resource(rule, "FirehoseDeliveryStream", "delivery_stream", self.delivery_stream,
                                  ("delivery_stream_arn", "grant_put_records", "node"), _STREAM_HINT)
        check_common(rule, "FirehoseDeliveryStream", input_prop="message", input=self.message)
        role = singleton_event_role(stream)
        stream.grant_put_records(role)
        return RuleTargetConfig(arn=stream.delivery_stream_arn, role=role, input=self.message,
                                target_resource=stream)


class KinesisFirehoseStreamV2:
    """Put matched events into a Firehose delivery stream (mirrors the deprecated
    `aws_cdk.aws_events_targets.KinesisFirehoseStreamV2`; use `FirehoseDeliveryStream`).

    `message` defaults to the whole event; the role is an `EventsRole` under the delivery stream.
    """

    def __init__(self, stream: IDeliveryStream, *, message: RuleTargetInput | None = None):
        self.stream = stream
        self.message = message

    def bind(self, rule: IRule, id: str | None = None) -> RuleTargetConfig:
        """Let the role put records into the stream and configure the target."""
        stream = require_resource(rule, "KinesisFirehoseStreamV2", "stream", self.stream,
                                  ("delivery_stream_arn", "node"), _STREAM_HINT)
        check_common(rule, "KinesisFirehoseStreamV2", input_prop="message", input=self.message)
        return _put_records_config(stream, stream.delivery_stream_arn, self.message)


class KinesisFirehoseStream:
    """Put matched events into a Firehose delivery stream defined as an L1 `CfnDeliveryStream` (mirrors the
    deprecated `aws_cdk.aws_events_targets.KinesisFirehoseStream`; use `FirehoseDeliveryStream`).

    `message` defaults to the whole event; the role is an `EventsRole` under the `CfnDeliveryStream`.
    """

    def __init__(self, stream: CfnDeliveryStream, *, message: RuleTargetInput | None = None):
        self.stream = stream
        self.message = message

    def bind(self, rule: IRule, id: str | None = None) -> RuleTargetConfig:
        """Let the role put records into the stream and configure the target."""
        stream = require_resource(rule, "KinesisFirehoseStream", "stream", self.stream, ("attr_arn", "node"),
                                  "a firehose.CfnDeliveryStream")
        check_common(rule, "KinesisFirehoseStream", input_prop="message", input=self.message)
        return _put_records_config(stream, stream.attr_arn, self.message)
