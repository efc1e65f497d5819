"""`IBucket` and `BucketBase`: what owned and imported buckets share (the bucket policy, the grants,
the CloudTrail event rules, the object URLs)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any, NoReturn, Protocol, runtime_checkable

from cdk_events._event_pattern import EventPattern
from cdk_events._rule import Rule
from cdk_events._target import IRuleTarget
from cdk_events.core import Construct, Node, Resource, ResourceEnvironment, Stack

from ..._event_pattern import PatternLiteral
from ...core._errors import construct_error
from .. import iam
from ._policy import BucketPolicy

if TYPE_CHECKING:
    from ..kms import IKey

BUCKET_READ_ACTIONS = ("s3:GetObject*", "s3:GetBucket*", "s3:List*")
BUCKET_PUT_ACTIONS = ("s3:PutObject", "s3:PutObjectLegalHold", "s3:PutObjectRetention", "s3:PutObjectTagging",
                      "s3:PutObjectVersionTagging", "s3:Abort*")
BUCKET_PUT_ACL_ACTIONS = ("s3:PutObjectAcl", "s3:PutObjectVersionAcl")
BUCKET_DELETE_ACTIONS = ("s3:DeleteObject*",)
KEY_READ_ACTIONS = ("kms:Decrypt", "kms:DescribeKey")
# kms:Decrypt is needed for multipart uploads
KEY_WRITE_ACTIONS = ("kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Decrypt")
_WRITE_ACTIONS = (*BUCKET_DELETE_ACTIONS, *BUCKET_PUT_ACTIONS)


class EventType(Enum):
    """S3 notification event types (for `add_event_notification`, which cdk-events does not offer;
    with EventBridge notifications on, route the matching `detail-type` with an `events.Rule`)."""

    OBJECT_CREATED = "s3:ObjectCreated:*"
    OBJECT_CREATED_PUT = "s3:ObjectCreated:Put"
    OBJECT_CREATED_POST = "s3:ObjectCreated:Post"
    OBJECT_CREATED_COPY = "s3:ObjectCreated:Copy"
    OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD = "s3:ObjectCreated:CompleteMultipartUpload"
    OBJECT_REMOVED = "s3:ObjectRemoved:*"
    OBJECT_REMOVED_DELETE = "s3:ObjectRemoved:Delete"
    OBJECT_REMOVED_DELETE_MARKER_CREATED = "s3:ObjectRemoved:DeleteMarkerCreated"
    OBJECT_RESTORE_POST = "s3:ObjectRestore:Post"
    OBJECT_RESTORE_COMPLETED = "s3:ObjectRestore:Completed"
    OBJECT_RESTORE_DELETE = "s3:ObjectRestore:Delete"
    REDUCED_REDUNDANCY_LOST_OBJECT = "s3:ReducedRedundancyLostObject"
    REPLICATION_OPERATION_FAILED_REPLICATION = "s3:Replication:OperationFailedReplication"
    REPLICATION_OPERATION_MISSED_THRESHOLD = "s3:Replication:OperationMissedThreshold"
    REPLICATION_OPERATION_REPLICATED_AFTER_THRESHOLD = "s3:Replication:OperationReplicatedAfterThreshold"
    REPLICATION_OPERATION_NOT_TRACKED = "s3:Replication:OperationNotTracked"
    LIFECYCLE_EXPIRATION = "s3:LifecycleExpiration:*"
    LIFECYCLE_EXPIRATION_DELETE = "s3:LifecycleExpiration:Delete"
    LIFECYCLE_EXPIRATION_DELETE_MARKER_CREATED = "s3:LifecycleExpiration:DeleteMarkerCreated"
    LIFECYCLE_TRANSITION = "s3:LifecycleTransition"
    INTELLIGENT_TIERING = "s3:IntelligentTiering"
    OBJECT_TAGGING = "s3:ObjectTagging:*"
    OBJECT_TAGGING_PUT = "s3:ObjectTagging:Put"
    OBJECT_TAGGING_DELETE = "s3:ObjectTagging:Delete"
    OBJECT_ACL_PUT = "s3:ObjectAcl:Put"


@runtime_checkable
class IBucket(Protocol):
    """An S3 bucket, defined here or imported (mirrors `aws_cdk.aws_s3.IBucket`)."""

    @property
    def bucket_arn(self) -> str: ...

    @property
    def bucket_name(self) -> str: ...

    @property
    def bucket_domain_name(self) -> str: ...

    @property
    def bucket_regional_domain_name(self) -> str: ...

    @property
    def encryption_key(self) -> IKey | None: ...

    @property
    def node(self) -> Node: ...

    @property
    def env(self) -> ResourceEnvironment: ...

    def add_to_resource_policy(self, permission: iam.PolicyStatement) -> iam.AddToResourcePolicyResult: ...

    def arn_for_objects(self, key_pattern: str) -> str: ...

    def grant_read(self, identity: iam.IGrantable, objects_key_pattern: Any = "*") -> iam.Grant: ...

    def grant_write(self, identity: iam.IGrantable, objects_key_pattern: Any = "*",
                    allowed_action_patterns: Sequence[str] | None = None) -> iam.Grant: ...

    def grant_read_write(self, identity: iam.IGrantable, objects_key_pattern: Any = "*") -> iam.Grant: ...

    def on_cloud_trail_event(self, id: str, *, paths: Sequence[str] | None = None, target: IRuleTarget | None = None,
                             description: str | None = None,
                             event_pattern: EventPattern | Mapping[str, Any] | None = None,
                             rule_name: str | None = None, cross_stack_scope: Construct | None = None) -> Rule: ...

    def on_cloud_trail_put_object(self, id: str, *, paths: Sequence[str] | None = None,
                                  target: IRuleTarget | None = None, description: str | None = None,
                                  event_pattern: EventPattern | Mapping[str, Any] | None = None,
                                  rule_name: str | None = None, cross_stack_scope: Construct | None = None) -> Rule: ...

    def on_cloud_trail_write_object(self, id: str, *, paths: Sequence[str] | None = None,
                                    target: IRuleTarget | None = None, description: str | None = None,
                                    event_pattern: EventPattern | Mapping[str, Any] | None = None,
                                    rule_name: str | None = None,
                                    cross_stack_scope: Construct | None = None) -> Rule: ...

    def grant_put(self, identity: iam.IGrantable, objects_key_pattern: Any = "*") -> iam.Grant: ...

    def grant_put_acl(self, identity: iam.IGrantable, objects_key_pattern: str = "*") -> iam.Grant: ...

    def grant_delete(self, identity: iam.IGrantable, objects_key_pattern: Any = "*") -> iam.Grant: ...

    def grant_public_access(self, key_prefix: str = "*", *allowed_actions: str) -> iam.Grant: ...

    def enable_event_bridge_notification(self) -> None: ...


class BucketBase(Resource):
    """What owned and imported buckets share (mirrors `aws_cdk.aws_s3.BucketBase`).

    Grants go to the principal's policy (and to the bucket policy for a principal of another
    account); with a KMS key, the matching key actions are granted too. The `on_cloud_trail_*`
    helpers create `events.Rule`s under the bucket that match CloudTrail API calls on it.
    """

    bucket_arn: str
    bucket_name: str
    bucket_domain_name: str
    bucket_regional_domain_name: str
    bucket_dual_stack_domain_name: str
    bucket_website_url: str
    bucket_website_domain_name: str
    encryption_key: IKey | None = None
    is_website: bool | None = None
    _auto_create_policy: bool = False
    _disallow_public_access: bool | None = None

    def __init__(self, scope: Construct, id: str, **kwargs: Any):
        super().__init__(scope, id, **kwargs)
        self.policy: BucketPolicy | None = None
        self.node.add_validation(_PolicyValidation(self))

    # --- the bucket policy -------------------------------------------------------------------
    def add_to_resource_policy(self, permission: iam.PolicyStatement) -> iam.AddToResourcePolicyResult:
        """Add a statement to the bucket policy (created as child `Policy` on first use); an
        imported bucket's policy cannot be changed (not added)."""
        if self.policy is None and self._auto_create_policy:
            self.policy = BucketPolicy(self, "Policy", bucket=self)
        if self.policy is None:
            return iam.AddToResourcePolicyResult(statement_added=False)
        self.policy.document.add_statements(permission)
        return iam.AddToResourcePolicyResult(statement_added=True, policy_dependable=self.policy)

    # --- ARNs and URLs -----------------------------------------------------------------------
    def arn_for_objects(self, key_pattern: str) -> str:
        """The ARN of the objects matching `key_pattern` (`"*"` for all): `<bucket ARN>/<pattern>`."""
        return f"{self.bucket_arn}/{key_pattern}"

    def url_for_object(self, key: str | None = None) -> str:
        """`https://s3.<region>.<url suffix>/<bucket>[/<key>]`."""
        prefix = f"https://s3.{self.env.region}.{Stack.of(self).url_suffix}/"
        return _url_join(prefix, self.bucket_name) if key is None else _url_join(prefix, self.bucket_name, key)

    def s3_url_for_object(self, key: str | None = None) -> str:
        """`s3://<bucket>[/<key>]`."""
        return _url_join("s3://", self.bucket_name) if key is None else _url_join("s3://", self.bucket_name, key)

    def virtual_hosted_url_for_object(self, key: str | None = None, *, regional: bool | None = None) -> str:
        """`https://<bucket regional domain>[/<key>]` (the global domain with `regional=False`)."""
        domain = self.bucket_domain_name if regional is False else self.bucket_regional_domain_name
        prefix = f"https://{domain}"
        return prefix if key is None else _url_join(prefix, key)

    def transfer_acceleration_url_for_object(self, key: str | None = None, *, dual_stack: bool | None = None) -> str:
        """`https://<bucket>.s3-accelerate[.dualstack].amazonaws.com/[<key>]`."""
        prefix = f"https://{self.bucket_name}.s3-accelerate{'.dualstack' if dual_stack else ''}.amazonaws.com/"
        return _url_join(prefix) if key is None else _url_join(prefix, key)

    # --- grants ------------------------------------------------------------------------------
    def _grant(self, grantee: iam.IGrantable, bucket_actions: Sequence[str], key_actions: Sequence[str],
               *resource_arns: str) -> iam.Grant:
        grant = iam.Grant.add_to_principal_or_resource(
            grantee=grantee, actions=list(bucket_actions), resource_arns=list(resource_arns), resource=self)
        if self.encryption_key is not None and key_actions:
            self.encryption_key.grant(grantee, *key_actions)
        return grant

    def grant_read(self, identity: iam.IGrantable, objects_key_pattern: Any = "*") -> iam.Grant:
        """Grant `s3:GetObject*`, `s3:GetBucket*`, `s3:List*` on the bucket and the objects matching
        `objects_key_pattern` (default all), and decrypt on the bucket's key."""
        return self._grant(identity, BUCKET_READ_ACTIONS, KEY_READ_ACTIONS, self.bucket_arn,
                           self.arn_for_objects(objects_key_pattern))

    def grant_write(self, identity: iam.IGrantable, objects_key_pattern: Any = "*",
                    allowed_action_patterns: Sequence[str] | None = None) -> iam.Grant:
        """Grant deleting and putting objects (or only `allowed_action_patterns`) on the bucket and
        the objects matching `objects_key_pattern`, and encrypt/decrypt on the bucket's key."""
        actions = list(allowed_action_patterns) if allowed_action_patterns else list(_WRITE_ACTIONS)
        return self._grant(identity, actions, KEY_WRITE_ACTIONS, self.bucket_arn,
                           self.arn_for_objects(objects_key_pattern))

    def grant_put(self, identity: iam.IGrantable, objects_key_pattern: Any = "*") -> iam.Grant:
        """Grant `s3:PutObject` (with legal hold, retention, tagging) and `s3:Abort*` on the objects
        matching `objects_key_pattern`, and encrypt on the bucket's key."""
        return self._grant(identity, BUCKET_PUT_ACTIONS, KEY_WRITE_ACTIONS, self.arn_for_objects(objects_key_pattern))

    def grant_put_acl(self, identity: iam.IGrantable, objects_key_pattern: str = "*") -> iam.Grant:
        """Grant `s3:PutObjectAcl` and `s3:PutObjectVersionAcl` on the objects matching the pattern."""
        return self._grant(identity, BUCKET_PUT_ACL_ACTIONS, (), self.arn_for_objects(objects_key_pattern))

    def grant_delete(self, identity: iam.IGrantable, objects_key_pattern: Any = "*") -> iam.Grant:
        """Grant `s3:DeleteObject*` on the objects matching `objects_key_pattern` (default all)."""
        return self._grant(identity, BUCKET_DELETE_ACTIONS, (), self.arn_for_objects(objects_key_pattern))

    def grant_read_write(self, identity: iam.IGrantable, objects_key_pattern: Any = "*") -> iam.Grant:
        """Grant the read and the write actions on the bucket and the matching objects, and
        encrypt/decrypt on the bucket's key."""
        key_actions = list(dict.fromkeys((*KEY_READ_ACTIONS, *KEY_WRITE_ACTIONS)))
        return self._grant(identity, (*BUCKET_READ_ACTIONS, *_WRITE_ACTIONS), key_actions, self.bucket_arn,
                           self.arn_for_objects(objects_key_pattern))

    def grant_public_access(self, key_prefix: str = "*", *allowed_actions: str) -> iam.Grant:
        """Allow anyone `allowed_actions` (default `s3:GetObject`) on the objects under `key_prefix`
        through the bucket policy; refused when the bucket blocks public policies."""
        if self._disallow_public_access:
            raise construct_error(self, "Cannot grant public access when 'blockPublicPolicy' is enabled")
        return iam.Grant.add_to_principal_or_resource(
            grantee=iam.AnyPrincipal(), actions=list(allowed_actions) or ["s3:GetObject"],
            resource_arns=[self.arn_for_objects(key_prefix)], resource=self)

    # --- CloudTrail event rules ----------------------------------------------------------------
    def on_cloud_trail_event(self, id: str, *, paths: Sequence[str] | None = None, target: IRuleTarget | None = None,
                             description: str | None = None,
                             event_pattern: EventPattern | Mapping[str, Any] | None = None,
                             rule_name: str | None = None, cross_stack_scope: Construct | None = None) -> Rule:
        """A rule for CloudTrail API calls on this bucket (or on the objects at `paths`); needs a
        trail in the account that records them."""
        paths = self._check_paths(paths)
        rule = Rule(self, id, description=description, rule_name=rule_name, event_pattern=event_pattern,
                    cross_stack_scope=cross_stack_scope)
        rule.add_target(target)
        arns = [self.arn_for_objects(p) for p in paths] if paths is not None else [self.bucket_arn]
        rule.add_event_pattern(PatternLiteral({"source": ["aws.s3"], "detail_type": ["AWS API Call via CloudTrail"],
                                "detail": {"resources": {"ARN": arns}}}))
        return rule

    def on_cloud_trail_put_object(self, id: str, *, paths: Sequence[str] | None = None,
                                  target: IRuleTarget | None = None, description: str | None = None,
                                  event_pattern: EventPattern | Mapping[str, Any] | None = None,
                                  rule_name: str | None = None, cross_stack_scope: Construct | None = None) -> Rule:
        """A rule for `PutObject` calls on this bucket (or at `paths`), recorded by CloudTrail."""
        rule = self.on_cloud_trail_event(id, paths=paths, target=target, description=description,
                                         event_pattern=event_pattern, rule_name=rule_name,
                                         cross_stack_scope=cross_stack_scope)
        rule.add_event_pattern(PatternLiteral({"detail": {"eventName": ["PutObject"]}}))
        return rule

    def on_cloud_trail_write_object(self, id: str, *, paths: Sequence[str] | None = None,
                                    target: IRuleTarget | None = None, description: str | None = None,
                                    event_pattern: EventPattern | Mapping[str, Any] | None = None,
                                    rule_name: str | None = None, cross_stack_scope: Construct | None = None) -> Rule:
        """A rule for object writes (`PutObject`, `CopyObject`, `CompleteMultipartUpload`) on this
        bucket (or at `paths`), recorded by CloudTrail."""
        rule = self.on_cloud_trail_event(id, paths=paths, target=target, description=description,
                                         event_pattern=event_pattern, rule_name=rule_name,
                                         cross_stack_scope=cross_stack_scope)
        request: dict[str, Any] = {"bucketName": [self.bucket_name]}
        if paths is not None:
            request["key"] = list(paths)
        rule.add_event_pattern(PatternLiteral({
            "detail": {"eventName": ["CompleteMultipartUpload", "CopyObject", "PutObject"],
                       "requestParameters": request}}))
        return rule

    def _check_paths(self, paths: Any) -> list[str] | None:
        if paths is None:
            return None
        if isinstance(paths, str) or not isinstance(paths, (list, tuple)) or \
                not all(isinstance(p, str) for p in paths):
            raise construct_error(self, f"'paths' must be a list of object key strings, got {paths!r}")
        return list(paths)

    # --- notifications -----------------------------------------------------------------------
    def enable_event_bridge_notification(self) -> None:
        """Send this bucket's object events to EventBridge (see `Bucket`); an imported bucket's
        notification configuration cannot be changed here."""
        raise construct_error(
            self, "enable_event_bridge_notification() is not offered on an imported bucket: cdk-events writes the "
                  "bucket's own NotificationConfiguration (the CDK uses a custom resource with Lambda code bundled "
                  "in aws-cdk-lib); turn EventBridge notifications on where the bucket is defined "
                  "(s3.Bucket(..., event_bridge_enabled=True)), or with the S3 console or API")

    def add_event_notification(self, event: Any, dest: Any, *filters: Any) -> NoReturn:
        """Not offered: S3 notifications to Lambda / SNS / SQS need the CDK's custom resource (Lambda
        code bundled in aws-cdk-lib). Use `event_bridge_enabled=True` and an `events.Rule` on the
        bucket's events (source `aws.s3`, detail-type `Object Created`, ...) instead."""
        raise construct_error(
            self, "add_event_notification is not offered by cdk-events: the CDK writes S3 notifications through "
                  "a custom resource whose Lambda code is bundled in aws-cdk-lib. Turn on EventBridge "
                  "notifications (s3.Bucket(..., event_bridge_enabled=True)) and route the bucket's events with "
                  "an events.Rule (event_pattern=EventPattern(source=['aws.s3'], detail_type=['Object Created'], "
                  "detail={'bucket': {'name': [bucket.bucket_name]}})) to the target instead")

    def add_object_created_notification(self, dest: Any, *filters: Any) -> NoReturn:
        """Not offered (see `add_event_notification`)."""
        self.add_event_notification("s3:ObjectCreated:*", dest, *filters)

    def add_object_removed_notification(self, dest: Any, *filters: Any) -> NoReturn:
        """Not offered (see `add_event_notification`)."""
        self.add_event_notification("s3:ObjectRemoved:*", dest, *filters)


def _url_join(*components: str) -> str:
    result = components[0]
    for component in components[1:]:
        if result.endswith("/"):
            result = result[:-1]
        if component.startswith("/"):
            component = component[1:]
        result = f"{result}/{component}"
    return result


class _PolicyValidation:
    def __init__(self, bucket: BucketBase):
        self._bucket = bucket

    def validate(self) -> list[str]:
        policy = self._bucket.policy
        return policy.document.validate_for_resource_policy() if policy is not None else []
