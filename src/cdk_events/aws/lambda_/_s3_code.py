"""`S3Code`: function code in an existing S3 object (`Code.from_bucket`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cdk_events.core import Construct, UnscopedValidationError

from ._code import Code, CodeConfig, CodeS3Location

if TYPE_CHECKING:
    from ..s3 import IBucket


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
        return CodeConfig(s3_location=CodeS3Location(bucket_name=self.bucket_name, object_key=self.key,
                                                     object_version=self.object_version))
