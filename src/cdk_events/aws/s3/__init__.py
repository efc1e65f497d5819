"""cdk_events.aws.s3: S3 buckets, bucket policies and grants (the `aws_cdk.aws_s3` counterpart).

`Bucket` renders what the CDK renders (encryption, public access block, lifecycle and CORS rules,
access logs, the bucket policy); `on_cloud_trail_*` create event rules under the bucket.
EventBridge notifications are written on the bucket itself (see docs/differences.md).
"""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._bucket import BlockPublicAccess, Bucket, BucketAccessControl, BucketEncryption, ObjectOwnership
    from ._bucket_base import BucketBase, EventType, IBucket
    from ._cfn_generated import CfnBucket, CfnBucketPolicy
    from ._options import BucketMetrics, PartitionDateSource, TargetObjectKeyFormat
    from ._policy import BucketPolicy
    from ._rule import CorsRule, HttpMethods, LifecycleRule, NoncurrentVersionTransition, StorageClass, Transition

__all__ = ["BlockPublicAccess", "Bucket", "BucketAccessControl", "BucketBase", "BucketEncryption", "BucketMetrics",
           "BucketPolicy", "CfnBucket", "CfnBucketPolicy", "CorsRule", "EventType", "HttpMethods", "IBucket",
           "LifecycleRule", "NoncurrentVersionTransition", "ObjectOwnership", "PartitionDateSource", "StorageClass",
           "TargetObjectKeyFormat", "Transition"]

lazy_exports(globals(), {
    "BlockPublicAccess": "._bucket",
    "Bucket": "._bucket",
    "BucketAccessControl": "._bucket",
    "BucketEncryption": "._bucket",
    "ObjectOwnership": "._bucket",
    "BucketBase": "._bucket_base",
    "EventType": "._bucket_base",
    "IBucket": "._bucket_base",
    "CfnBucket": "._cfn_generated",
    "CfnBucketPolicy": "._cfn_generated",
    "BucketPolicy": "._policy",
    "BucketMetrics": "._options",
    "PartitionDateSource": "._options",
    "TargetObjectKeyFormat": "._options",
    "CorsRule": "._rule",
    "HttpMethods": "._rule",
    "LifecycleRule": "._rule",
    "NoncurrentVersionTransition": "._rule",
    "StorageClass": "._rule",
    "Transition": "._rule",
})
