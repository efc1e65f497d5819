"""cdk_events.pipes: EventBridge Pipes (the `aws_cdk.aws_pipes` counterpart; the L1 `CfnPipe` only)."""

from typing import TYPE_CHECKING

from ..core._public import lazy_exports

if TYPE_CHECKING:
    from ._cfn_generated import CfnPipe

__all__ = ["CfnPipe"]

lazy_exports(globals(), {"CfnPipe": "._cfn_generated"})
