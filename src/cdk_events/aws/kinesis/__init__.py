"""cdk_events.aws.kinesis: Kinesis data streams (the `aws_cdk.aws_kinesis` counterpart)."""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._cfn_generated import CfnStream
    from ._stream import IStream, Stream, StreamBase, StreamEncryption, StreamMode

__all__ = ["CfnStream", "IStream", "Stream", "StreamBase", "StreamEncryption", "StreamMode"]

lazy_exports(globals(), {
    "CfnStream": "._cfn_generated",
    "IStream": "._stream",
    "Stream": "._stream",
    "StreamBase": "._stream",
    "StreamEncryption": "._stream",
    "StreamMode": "._stream",
})
