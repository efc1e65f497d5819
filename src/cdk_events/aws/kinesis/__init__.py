"""cdk_events.aws.kinesis: Kinesis data streams (the `aws_cdk.aws_kinesis` counterpart)."""

from ._cfn import CfnStream
from ._stream import IStream, Stream, StreamBase, StreamEncryption, StreamMode

__all__ = ["CfnStream", "IStream", "Stream", "StreamBase", "StreamEncryption", "StreamMode"]

for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type) and _obj.__module__.startswith("cdk_events.aws.kinesis."):
        _obj.__module__ = "cdk_events.aws.kinesis"
del _name, _obj
