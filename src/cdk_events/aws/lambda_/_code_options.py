"""The structs of the code sources other than inline code: an S3 object's location, and the options of
`Code.bind_to_resource` (loaded on first use: an app with inline code only does not build them)."""

from __future__ import annotations

import attrs

from ...core._struct_methods import struct_methods


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class CodeS3Location:
    """An S3 object holding code (the fields of `aws_cdk.aws_s3.Location`)."""

    bucket_name: str
    object_key: str
    object_version: str | None = None


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class ResourceBindOptions:
    """Options of `Code.bind_to_resource`: the property that holds the code (default `Code`)."""

    resource_property: str | None = None
