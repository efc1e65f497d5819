"""lambda_.Code.from_bucket: function code in an S3 object of an owned or imported bucket."""

from __future__ import annotations

from pathlib import Path

import pytest
from aws_support import make_app, synth

from cdk_events.aws import lambda_, s3
from cdk_events.core import Stack, UnscopedValidationError


def test_from_bucket_renders_s3_location(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    owned = s3.Bucket(stack, "Artifacts", versioned=True)
    shared = s3.Bucket.from_bucket_name(stack, "Shared", "shared-artifacts-123456789012")
    lambda_.Function(stack, "Owned", runtime=lambda_.Runtime.PYTHON_3_12, handler="app.handler",
                     code=lambda_.Code.from_bucket(owned, "builds/app.zip"))
    lambda_.Function(stack, "Versioned", runtime=lambda_.Runtime.JAVA_21, handler="x.Handler::handle",
                     code=lambda_.Code.from_bucket(shared, "java/handler.jar", "v3"))
    functions = [r for r in synth(app, "S")["Resources"].values() if r["Type"] == "AWS::Lambda::Function"]
    assert [f["Properties"]["Code"] for f in functions] == [
        {"S3Bucket": {"Ref": "Artifacts82DD59A1"}, "S3Key": "builds/app.zip"},
        {"S3Bucket": "shared-artifacts-123456789012", "S3Key": "java/handler.jar", "S3ObjectVersion": "v3"},
    ]


def test_from_bucket_checks_its_arguments(tmp_path: Path) -> None:
    stack = Stack(make_app(tmp_path), "S")
    bucket = s3.Bucket(stack, "B")
    with pytest.raises(UnscopedValidationError, match="'key' must be a non-empty string"):
        lambda_.Code.from_bucket(bucket, "")
    with pytest.raises(UnscopedValidationError, match=r"'bucket' must be an s3\.IBucket"):
        lambda_.Code.from_bucket("my-bucket", "key.zip")
