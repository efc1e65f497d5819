"""`Asset`: a local file or folder, staged into the cloud assembly and published to S3 by the
stack's synthesizer (mirrors `aws_cdk.aws_s3_assets.Asset`)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from cdk_events.core import (
    AssetHashType,
    AssetStaging,
    CfnResource,
    Construct,
    FileAssetSource,
    IgnoreMode,
    Stack,
    SymlinkFollowMode,
)

from ...core._assets import asset_metadata_enabled, stack_relative_path
from ...core._errors import construct_error
from ...core._struct_methods import struct_methods

if TYPE_CHECKING:
    from .. import iam
    from ..s3 import IBucket


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class AssetOptions:
    """The options of an asset (mirrors `aws_cdk.aws_s3_assets.AssetOptions`); every field is optional."""

    exclude: Sequence[str] | None = None
    follow: SymlinkFollowMode | None = None
    ignore_mode: IgnoreMode | None = None
    follow_symlinks: SymlinkFollowMode | None = None
    asset_hash: str | None = None
    asset_hash_type: AssetHashType | None = None
    bundling: Any = None
    readers: Sequence[Any] | None = None
    source_hash: str | None = None
    deploy_time: bool | None = None
    source_kms_key: Any = None
    display_name: str | None = None


class Asset(Construct):
    """A file or folder uploaded to S3 when the stack deploys (mirrors `aws_cdk.aws_s3_assets.Asset`).

    A folder is zipped (`is_zip_archive`), a file is uploaded as it is. `s3_bucket_name`, `s3_object_key`,
    `s3_object_url` and `http_url` are what the template uses to point at it (tokens or strings, as the
    stack's synthesizer decides). Options: `exclude` (glob patterns, read as `ignore_mode` says),
    `follow_symlinks` (default EXTERNAL), `asset_hash` / `asset_hash_type` (default: the fingerprint
    of the content), `readers` (granted read access), `display_name` (default: the construct path below
    the stack), `deploy_time` (default False). Bundling needs Docker and is refused.
    """

    def __init__(self, scope: Construct, id: str, *, path: str, exclude: Sequence[str] | None = None,
                 follow: SymlinkFollowMode | None = None, ignore_mode: IgnoreMode | None = None,
                 follow_symlinks: SymlinkFollowMode | None = None, asset_hash: str | None = None,
                 asset_hash_type: AssetHashType | None = None, bundling: Any = None,
                 readers: Sequence[iam.IGrantable] | None = None, source_hash: str | None = None,
                 deploy_time: bool | None = None, source_kms_key: Any = None, display_name: str | None = None):
        super().__init__(scope, id)
        if not isinstance(path, str) or not path:
            raise construct_error(self, f"Asset path cannot be empty (got {path!r})")
        if source_kms_key is not None:
            raise construct_error(self, "'source_kms_key' is not offered by cdk-events")
        self._is_bundled = bundling is not None
        staging = AssetStaging(self, "Stage", source_path=os.path.abspath(path), exclude=exclude,
                               follow=follow_symlinks or follow, ignore_mode=ignore_mode,
                               asset_hash=asset_hash or source_hash, asset_hash_type=asset_hash_type,
                               bundling=bundling)
        self.asset_hash: str = staging.asset_hash
        self.source_hash: str = self.asset_hash
        stack = Stack.of(self)
        self.asset_path: str = staging.relative_staged_path(stack)
        self.is_file: bool = staging.packaging.value == "file"
        self.is_zip_archive: bool = staging.is_archive
        location = stack.synthesizer.add_file_asset(FileAssetSource(
            packaging=staging.packaging, source_hash=self.source_hash, file_name=self.asset_path,
            deploy_time=deploy_time, display_name=display_name or stack_relative_path(self)))
        self.s3_bucket_name: str = location.bucket_name
        self.s3_object_key: str = location.object_key
        self.s3_object_url: str = location.s3_object_url
        self.http_url: str = location.http_url
        self.s3_url: str = location.http_url
        self._bucket: IBucket | None = None
        for reader in readers or ():
            self.grant_read(reader)

    @property
    def bucket(self) -> IBucket:
        """The bucket the asset is published to (an imported bucket, child `AssetBucket`)."""
        if self._bucket is None:
            # imported on first use: most asset users never need the S3 package
            from ..s3 import Bucket

            self._bucket = Bucket.from_bucket_name(self, "AssetBucket", self.s3_bucket_name)
        return self._bucket

    def add_resource_metadata(self, resource: CfnResource, resource_property: str) -> None:
        """Record on `resource` which of its properties points at this local asset (for tools such as
        SAM CLI); only with the `aws:cdk:enable-asset-metadata` context, which the CDK CLI sets."""
        if not asset_metadata_enabled(self):
            return
        resource.add_metadata("aws:asset:path", self.asset_path)
        resource.add_metadata("aws:asset:is-bundled", self._is_bundled)
        resource.add_metadata("aws:asset:property", resource_property)

    def grant_read(self, grantee: iam.IGrantable) -> None:
        """Let `grantee` read every object of the asset bucket (older versions stay readable)."""
        self.bucket.grant_read(grantee)
