"""cdk_events.aws.firehose: Amazon Data Firehose delivery streams, imported by ARN, name or attributes,
and the `CfnDeliveryStream` L1 (the `aws_cdk.aws_kinesisfirehose` counterpart, as far as event targets
need it)."""

from ._cfn import CfnDeliveryStream
from ._delivery_stream import DeliveryStream, DeliveryStreamBase, IDeliveryStream

__all__ = ["CfnDeliveryStream", "DeliveryStream", "DeliveryStreamBase", "IDeliveryStream"]

for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type) and _obj.__module__.startswith("cdk_events.aws.firehose."):
        _obj.__module__ = "cdk_events.aws.firehose"
del _name, _obj
