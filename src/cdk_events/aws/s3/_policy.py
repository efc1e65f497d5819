"""`BucketPolicy`: the resource policy of a bucket (`AWS::S3::BucketPolicy`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cdk_events.core import Construct, RemovalPolicy, Resource

from ...core._errors import construct_error
from ...core._prop_checks import check_enum
from .. import iam
from ._cfn_generated import CfnBucketPolicy

if TYPE_CHECKING:
    from ._bucket_base import IBucket


class BucketPolicy(Resource):
    """A bucket policy (mirrors `aws_cdk.aws_s3.BucketPolicy`): `document` starts empty; add
    statements to it. `removal_policy` defaults to none (CloudFormation's default, delete)."""

    def __init__(self, scope: Construct, id: str, *, bucket: IBucket, removal_policy: RemovalPolicy | None = None):
        super().__init__(scope, id)
        if not hasattr(bucket, "bucket_name"):
            raise construct_error(self, f"'bucket' must be an s3.IBucket, got {bucket!r}")
        check_enum(self, "removal_policy", removal_policy, RemovalPolicy)
        self.bucket = bucket
        self.document = iam.PolicyDocument()
        self._resource = CfnBucketPolicy(self, "Resource", bucket=bucket.bucket_name, policy_document=self.document)
        if removal_policy is not None:
            self._resource.apply_removal_policy(removal_policy)

    def apply_removal_policy(self, policy: RemovalPolicy) -> None:
        """Apply a removal policy to the `AWS::S3::BucketPolicy` resource."""
        self._resource.apply_removal_policy(policy)
