"""cdk_events.aws.s3_assets: local files and folders uploaded to S3 at deploy time (the
`aws_cdk.aws_s3_assets` counterpart)."""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._asset import Asset, AssetOptions

__all__ = ["Asset", "AssetOptions"]

lazy_exports(globals(), {
    "Asset": "._asset",
    "AssetOptions": "._asset",
})
