"""cdk_events.aws.kinesis: Kinesis data streams (the `aws_cdk.aws_kinesis` counterpart)."""

from ..._public import set_public_module
from ._cfn import CfnStream
from ._stream import IStream, Stream, StreamBase, StreamEncryption, StreamMode

__all__ = ["CfnStream", "IStream", "Stream", "StreamBase", "StreamEncryption", "StreamMode"]

set_public_module(globals())
