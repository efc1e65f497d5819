"""`Code`: the source of a function or layer — inline, or a local file or folder published as an
asset (`Code.from_asset`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

import attrs

from cdk_events.core import CfnResource, Construct, Stack, UnscopedValidationError

from ...core._errors import construct_error
from ...core._struct_methods import struct_methods

if TYPE_CHECKING:
    # (annotations only: importing the asset names would load the asset machinery, shutil and the
    # compression modules, in every app with a function)
    from cdk_events.core import AssetHashType, IgnoreMode, SymlinkFollowMode

    from .. import iam
    from ..s3 import IBucket
    from ..s3_assets import Asset


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class CodeConfig:
    """What a `Code` gives the function or layer that binds it: exactly one of `s3_location` (an object
    with `bucket_name`, `object_key`, `object_version`), `inline_code` or `image`."""

    s3_location: Any = None
    inline_code: str | None = None
    image: Any = None
    source_kms_key_arn: str | None = None


class Code:
    """The code of a Lambda function or layer (mirrors `aws_cdk.aws_lambda.Code`).

    `Code.from_inline(source)` writes the source into the template; `Code.from_asset(path)` publishes
    a folder (zipped) or a .zip file through the stack's synthesizer. Docker-built and image code are
    not offered.
    """

    is_inline: bool = False

    def bind(self, scope: Construct) -> CodeConfig:
        """The configuration the function or layer renders."""
        raise NotImplementedError

    def bind_to_resource(self, resource: CfnResource, *, resource_property: str | None = None) -> None:
        """Called with the function's (or layer's) resource once it exists; assets record their local
        path on it. Does nothing by default."""

    @staticmethod
    def from_inline(code: str) -> InlineCode:
        """Source code written into the template (`Code.ZipFile`)."""
        return InlineCode(code)

    @staticmethod
    def inline(code: str) -> InlineCode:
        """Same as `from_inline` (deprecated name)."""
        return InlineCode(code)

    @staticmethod
    def from_asset(path: str, *, exclude: Sequence[str] | None = None, follow: SymlinkFollowMode | None = None,
                   ignore_mode: IgnoreMode | None = None, follow_symlinks: SymlinkFollowMode | None = None,
                   asset_hash: str | None = None, asset_hash_type: AssetHashType | None = None,
                   bundling: Any = None, readers: Sequence[iam.IGrantable] | None = None,
                   source_hash: str | None = None, deploy_time: bool | None = None, source_kms_key: Any = None,
                   display_name: str | None = None) -> AssetCode:
        """Code from a local folder (zipped) or .zip file, published as an asset; options as
        `s3_assets.Asset` (`exclude` globs, `ignore_mode`, `follow_symlinks`, `asset_hash`, ...)."""
        options = {"exclude": exclude, "follow": follow, "ignore_mode": ignore_mode,
                   "follow_symlinks": follow_symlinks, "asset_hash": asset_hash, "asset_hash_type": asset_hash_type,
                   "bundling": bundling, "readers": readers, "source_hash": source_hash, "deploy_time": deploy_time,
                   "source_kms_key": source_kms_key, "display_name": display_name}
        return AssetCode(path, **{k: v for k, v in options.items() if v is not None})

    @staticmethod
    def asset(path: str) -> AssetCode:
        """Same as `from_asset(path)` (deprecated name)."""
        return AssetCode(path)

    @staticmethod
    def from_bucket(bucket: IBucket, key: str, object_version: str | None = None) -> S3Code:
        """Code in an S3 object of `bucket` (an `s3.IBucket`): `S3Bucket` / `S3Key` /
        `S3ObjectVersion`; no version by default."""
        return S3Code(bucket, key, object_version)

    @staticmethod
    def from_bucket_v2(*args: Any, **kwargs: Any) -> NoReturn:
        """Not offered yet."""
        _not_offered("from_bucket_v2")

    @staticmethod
    def from_asset_image(*args: Any, **kwargs: Any) -> NoReturn:
        """Not offered: it builds a Docker image."""
        _not_offered("from_asset_image")

    @staticmethod
    def from_ecr_image(*args: Any, **kwargs: Any) -> NoReturn:
        """Not offered: container-image functions are not offered."""
        _not_offered("from_ecr_image")

    @staticmethod
    def from_docker_build(*args: Any, **kwargs: Any) -> NoReturn:
        """Not offered: it runs a Docker build."""
        _not_offered("from_docker_build")

    @staticmethod
    def from_custom_command(*args: Any, **kwargs: Any) -> NoReturn:
        """Not offered: run the build yourself, then use `from_asset` on its output."""
        _not_offered("from_custom_command")

    @staticmethod
    def from_cfn_parameters(*args: Any, **kwargs: Any) -> NoReturn:
        """Not offered."""
        _not_offered("from_cfn_parameters")


class S3Code(Code):
    """Code in an S3 object (mirrors `aws_cdk.aws_lambda.S3Code`): the function's `Code` is
    `S3Bucket` / `S3Key` (and `S3ObjectVersion` when given). No permission is granted: Lambda reads
    the object with the deploying principal's rights."""

    is_inline = False

    def __init__(self, bucket: IBucket, key: str, object_version: str | None = None):
        name = getattr(bucket, "bucket_name", None)
        if not name:
            raise UnscopedValidationError(
                f"Code.from_bucket: 'bucket' must be an s3.IBucket with a bucket name, got {bucket!r}")
        if not isinstance(key, str) or not key:
            raise UnscopedValidationError(f"Code.from_bucket: 'key' must be a non-empty string, got {key!r}")
        if object_version is not None and not isinstance(object_version, str):
            raise UnscopedValidationError(
                f"Code.from_bucket: 'object_version' must be a string, got {object_version!r}")
        self.bucket_name: str = name
        self.key = key
        self.object_version = object_version

    def bind(self, scope: Construct) -> CodeConfig:
        """`CodeConfig(s3_location=...)` with the bucket name, key and version."""
        # lazy on purpose: the S3 location struct loads only for code in S3 or in an asset
        from ._code_options import CodeS3Location

        return CodeConfig(s3_location=CodeS3Location(bucket_name=self.bucket_name, object_key=self.key,
                                                     object_version=self.object_version))


class InlineCode(Code):
    """Inline source code (at most what CloudFormation's `ZipFile` accepts)."""

    is_inline = True

    def __init__(self, code: str):
        if not isinstance(code, str):
            raise UnscopedValidationError(f"Code.from_inline: 'code' must be a string, got {code!r}")
        if len(code) == 0:
            raise UnscopedValidationError("Lambda inline code cannot be empty")
        self.code = code

    def bind(self, scope: Construct) -> CodeConfig:
        """`CodeConfig(inline_code=<source>)`."""
        return CodeConfig(inline_code=self.code)


class AssetCode(Code):
    """Code from a local folder or .zip file (mirrors `aws_cdk.aws_lambda.AssetCode`): bound the first
    time, it creates an `s3_assets.Asset` child `Code` of the function or layer; a second function in the
    same stack reuses that asset, one in another stack needs its own `Code` object."""

    def __init__(self, path: str, **options: Any):
        if not isinstance(path, str) or not path:
            raise UnscopedValidationError(f"Code.from_asset: 'path' must be a file or folder path, got {path!r}")
        self.path = path
        self._options = options
        self._asset: Asset | None = None

    def bind(self, scope: Construct) -> CodeConfig:
        """Publish the asset (once) and point at its S3 object."""
        # the assets package is loaded only by apps that have assets
        from ..s3_assets import Asset

        if self._asset is None:
            options = {"deploy_time": True, **self._options}
            self._asset = Asset(scope, "Code", path=self.path, **options)
        elif Stack.of(self._asset) is not Stack.of(scope):
            raise construct_error(scope, f"Asset is already associated with another stack "
                                         f"'{Stack.of(self._asset).stack_name}'. Create a new Code instance for every "
                                         "stack.")
        if not self._asset.is_zip_archive:
            raise construct_error(scope, f"Asset must be a .zip file or a directory ({self.path})")
        # lazy on purpose: the S3 location struct loads only for code in S3 or in an asset
        from ._code_options import CodeS3Location

        return CodeConfig(s3_location=CodeS3Location(bucket_name=self._asset.s3_bucket_name,
                                                     object_key=self._asset.s3_object_key))

    def bind_to_resource(self, resource: CfnResource, *, resource_property: str | None = None) -> None:
        """Record the asset's local path on the resource (with the `aws:cdk:enable-asset-metadata` context)."""
        if self._asset is None:
            raise construct_error(resource, "bindToResource() must be called after bind()")
        self._asset.add_resource_metadata(resource, resource_property or "Code")


def _not_offered(factory: str) -> NoReturn:
    raise UnscopedValidationError(
        f"Code.{factory} is not offered by cdk-events: use Code.from_inline(source) or Code.from_asset(path)")
