"""cdk_events.aws.firehose: Amazon Data Firehose delivery streams, imported by ARN, name or attributes,
and the `CfnDeliveryStream` L1 (the `aws_cdk.aws_kinesisfirehose` counterpart, as far as event targets
need it)."""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._cfn_generated import CfnDeliveryStream
    from ._delivery_stream import DeliveryStream, DeliveryStreamBase, IDeliveryStream

__all__ = ["CfnDeliveryStream", "DeliveryStream", "DeliveryStreamBase", "IDeliveryStream"]

lazy_exports(globals(), {
    "CfnDeliveryStream": "._cfn_generated",
    "DeliveryStream": "._delivery_stream",
    "DeliveryStreamBase": "._delivery_stream",
    "IDeliveryStream": "._delivery_stream",
})
