"""cdk_events.aws.firehose: Amazon Data Firehose delivery streams, imported by ARN, name or attributes,
and the `CfnDeliveryStream` L1 (the `aws_cdk.aws_kinesisfirehose` counterpart, as far as event targets
need it)."""

from ..._public import set_public_module
from ._cfn import CfnDeliveryStream
from ._delivery_stream import DeliveryStream, DeliveryStreamBase, IDeliveryStream

__all__ = ["CfnDeliveryStream", "DeliveryStream", "DeliveryStreamBase", "IDeliveryStream"]

set_public_module(globals())
