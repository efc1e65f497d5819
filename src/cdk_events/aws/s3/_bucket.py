"""`Bucket`: an owned S3 bucket (encryption, public access, lifecycle, CORS, access logs, EventBridge
notifications) and bucket imports."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any

from cdk_events.core import (
    Annotations,
    ArnComponents,
    Construct,
    FeatureFlags,
    Fn,
    Lazy,
    RemovalPolicy,
    Stack,
)

from ...core._errors import construct_error
from ...core._prop_checks import check_bool, check_enum, check_instance, check_number, check_str
from .. import iam
from ._bucket_base import BucketBase, IBucket
from ._cfn_generated import CfnBucket
from ._imported import import_bucket, validate_bucket_name
from ._options import BucketMetrics, TargetObjectKeyFormat, bucket_metrics, render_metrics
from ._rule import (
    CorsRule,
    LifecycleRule,
    cors_rule,
    lifecycle_rule,
    lifecycle_rule_arg,
    render_cors_rule,
    render_lifecycle_rule,
)

if TYPE_CHECKING:
    from ..kms import IKey

SERVER_ACCESS_LOGS_USE_BUCKET_POLICY = "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy"


class BucketEncryption(Enum):
    """The server-side encryption of a bucket's objects."""

    UNENCRYPTED = "UNENCRYPTED"
    """No default encryption setting (S3 applies SSE-S3 anyway)."""
    KMS_MANAGED = "KMS_MANAGED"
    """SSE-KMS with the AWS-managed key `aws/s3`."""
    S3_MANAGED = "S3_MANAGED"
    """SSE-S3 (`AES256`)."""
    KMS = "KMS"
    """SSE-KMS with a customer-managed key (`encryption_key`, or a new one)."""
    DSSE_MANAGED = "DSSE_MANAGED"
    """Dual-layer SSE with the AWS-managed key."""
    DSSE = "DSSE"
    """Dual-layer SSE with a customer-managed key (`encryption_key`, or a new one)."""


class ObjectOwnership(Enum):
    """Who owns the objects written to a bucket (the `OwnershipControls` rule)."""

    BUCKET_OWNER_ENFORCED = "BucketOwnerEnforced"
    BUCKET_OWNER_PREFERRED = "BucketOwnerPreferred"
    OBJECT_WRITER = "ObjectWriter"


class BucketAccessControl(Enum):
    """A canned ACL of a bucket."""

    PRIVATE = "Private"
    PUBLIC_READ = "PublicRead"
    PUBLIC_READ_WRITE = "PublicReadWrite"
    AUTHENTICATED_READ = "AuthenticatedRead"
    LOG_DELIVERY_WRITE = "LogDeliveryWrite"
    BUCKET_OWNER_READ = "BucketOwnerRead"
    BUCKET_OWNER_FULL_CONTROL = "BucketOwnerFullControl"
    AWS_EXEC_READ = "AwsExecRead"


class BlockPublicAccess:
    """Which public access a bucket blocks (mirrors `aws_cdk.aws_s3.BlockPublicAccess`):
    `BLOCK_ALL`, `BLOCK_ACLS`, or the four options given one by one (unset ones are not written)."""

    BLOCK_ALL: BlockPublicAccess
    BLOCK_ACLS: BlockPublicAccess

    def __init__(self, *, block_public_acls: bool | None = None, block_public_policy: bool | None = None,
                 ignore_public_acls: bool | None = None, restrict_public_buckets: bool | None = None):
        self.block_public_acls = block_public_acls
        self.block_public_policy = block_public_policy
        self.ignore_public_acls = ignore_public_acls
        self.restrict_public_buckets = restrict_public_buckets

    def _render(self) -> CfnBucket.PublicAccessBlockConfigurationProperty:
        return CfnBucket.PublicAccessBlockConfigurationProperty(
            block_public_acls=self.block_public_acls, block_public_policy=self.block_public_policy,
            ignore_public_acls=self.ignore_public_acls, restrict_public_buckets=self.restrict_public_buckets)


BlockPublicAccess.BLOCK_ALL = BlockPublicAccess(block_public_acls=True, block_public_policy=True,
                                                ignore_public_acls=True, restrict_public_buckets=True)
BlockPublicAccess.BLOCK_ACLS = BlockPublicAccess(block_public_acls=True, ignore_public_acls=True)

_KMS_KINDS = (BucketEncryption.KMS, BucketEncryption.KMS_MANAGED, BucketEncryption.DSSE, BucketEncryption.DSSE_MANAGED)


class Bucket(BucketBase):
    """An S3 bucket (mirrors `aws_cdk.aws_s3.Bucket`).

    Defaults: a CloudFormation-generated name; no default-encryption setting (S3 applies SSE-S3);
    not versioned; no public-access block setting; `removal_policy` RETAIN. `encryption=KMS` (or
    DSSE) without `encryption_key` creates a key (child `Key`, rotation on). `enforce_ssl` adds a
    statement denying non-TLS requests to the bucket policy. `event_bridge_enabled` (and
    `enable_event_bridge_notification()`) write the bucket's own
    `NotificationConfiguration.EventBridgeConfiguration` (the CDK uses a custom resource, see
    docs/differences.md; `notifications_handler_role` has no use there). `auto_delete_objects` and
    `add_event_notification` are not offered.
    """

    _auto_create_policy = True

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        bucket_name: str | None = None,
        versioned: bool | None = None,
        encryption: BucketEncryption | None = None,
        encryption_key: IKey | None = None,
        bucket_key_enabled: bool | None = None,
        block_public_access: BlockPublicAccess | None = None,
        enforce_ssl: bool | None = None,
        minimum_tls_version: int | float | None = None,
        removal_policy: RemovalPolicy | None = None,
        auto_delete_objects: bool | None = None,
        object_ownership: ObjectOwnership | None = None,
        access_control: BucketAccessControl | None = None,
        lifecycle_rules: Sequence[LifecycleRule | Mapping[str, Any]] | None = None,
        cors: Sequence[CorsRule | Mapping[str, Any]] | None = None,
        server_access_logs_bucket: IBucket | None = None,
        server_access_logs_prefix: str | None = None,
        target_object_key_format: TargetObjectKeyFormat | None = None,
        metrics: Sequence[BucketMetrics | Mapping[str, Any]] | None = None,
        event_bridge_enabled: bool | None = None,
        notifications_handler_role: iam.IRole | None = None,
        public_read_access: bool | None = None,
        transfer_acceleration: bool | None = None,
        object_lock_enabled: bool | None = None,
        website_index_document: str | None = None,
        website_error_document: str | None = None,
    ):
        super().__init__(scope, id, physical_name=bucket_name)
        self._check_props(bucket_name, versioned, encryption, bucket_key_enabled, block_public_access, enforce_ssl,
                          minimum_tls_version, removal_policy, auto_delete_objects, object_ownership, access_control,
                          lifecycle_rules, cors, server_access_logs_prefix, event_bridge_enabled, public_read_access,
                          website_index_document, website_error_document)
        if auto_delete_objects:
            raise construct_error(
                self, "auto_delete_objects=True is not offered by cdk-events: the CDK empties the bucket through a "
                      "custom resource whose Lambda code is bundled in aws-cdk-lib. Keep the default removal policy "
                      "(RETAIN), or empty the bucket before deleting the stack (e.g. with an S3 lifecycle rule: "
                      "lifecycle_rules=[s3.LifecycleRule(expiration=Duration.days(1))])")
        bucket_encryption, key = self._parse_encryption(encryption, encryption_key, bucket_key_enabled)
        validate_bucket_name(self.physical_name)
        self.versioned = bool(versioned)
        self._object_ownership = object_ownership
        self._access_control = access_control
        self._lifecycle_rules: list[LifecycleRule] = []
        self._cors: list[CorsRule] = []
        self._metrics: list[BucketMetrics] = []
        self._event_bridge = False
        website = self._website(website_index_document, website_error_document)
        self.is_website = website is not None
        resource = CfnBucket(
            self, "Resource",
            bucket_name=self.physical_name,
            bucket_encryption=bucket_encryption,
            versioning_configuration=CfnBucket.VersioningConfigurationProperty(status="Enabled") if versioned else None,
            lifecycle_configuration=Lazy.any(self._render_lifecycle),
            website_configuration=website,
            public_access_block_configuration=(block_public_access._render()
                                               if block_public_access is not None else None),
            cors_configuration=Lazy.any(self._render_cors),
            access_control=Lazy.string(lambda: self._access_control.value if self._access_control else None),
            logging_configuration=self._parse_server_access_logs(server_access_logs_bucket, server_access_logs_prefix,
                                                                 encryption, target_object_key_format),
            metrics_configurations=Lazy.any(
                lambda: [render_metrics(m) for m in self._metrics] or None),
            ownership_controls=Lazy.any(self._render_ownership),
            accelerate_configuration=(CfnBucket.AccelerateConfigurationProperty(acceleration_status="Enabled")
                                      if transfer_acceleration else None),
            object_lock_enabled=object_lock_enabled,
            notification_configuration=Lazy.any(self._render_notifications),
        )
        self._resource = resource
        resource.apply_removal_policy(removal_policy or RemovalPolicy.RETAIN)
        self.encryption_key = key
        self.bucket_name = self._get_resource_name_attribute(resource.ref)
        self.bucket_arn = self._get_resource_arn_attribute(
            resource.attr_arn, ArnComponents(region="", account="", service="s3", resource=self.physical_name or ""))
        self.bucket_domain_name = resource.attr_domain_name
        self.bucket_website_url = resource.attr_website_url
        self.bucket_website_domain_name = Fn.select(2, Fn.split("/", self.bucket_website_url))
        self.bucket_dual_stack_domain_name = resource.attr_dual_stack_domain_name
        self.bucket_regional_domain_name = resource.attr_regional_domain_name
        self._disallow_public_access = bool(block_public_access and block_public_access.block_public_policy)
        if enforce_ssl:
            self._deny_statement({"Bool": {"aws:SecureTransport": "false"}})
            if minimum_tls_version:
                self._deny_statement({"NumericLessThan": {"s3:TlsVersion": minimum_tls_version}})
        elif minimum_tls_version:
            raise construct_error(self, "'enforceSSL' must be enabled for 'minimumTLSVersion' to be applied")
        if isinstance(server_access_logs_bucket, Bucket):
            server_access_logs_bucket._allow_log_delivery(self, server_access_logs_prefix)
        elif server_access_logs_bucket is None and server_access_logs_prefix:
            self._allow_log_delivery(self, server_access_logs_prefix)
        elif server_access_logs_bucket is not None:
            Annotations.of(self).add_warning_v2(
                "@aws-cdk/aws-s3:accessLogsPolicyNotAdded",
                f"Unable to add necessary logging permissions to imported target bucket: {server_access_logs_bucket}")
        for metric in metrics or ():
            self._metrics.append(bucket_metrics(self, metric, in_list=True))
        for cors_item in cors or ():
            self._cors.append(cors_rule(self, cors_item, in_list=True))
        for rule in lifecycle_rules or ():
            self._lifecycle_rules.append(lifecycle_rule(self, rule))
        if public_read_access:
            if block_public_access is None:
                raise construct_error(
                    self, "Cannot use 'publicReadAccess' property on a bucket without allowing bucket-level public "
                          "access through 'blockPublicAceess' property.")
            self.grant_public_access()
        if event_bridge_enabled:
            self.enable_event_bridge_notification()

    # --- props -------------------------------------------------------------------------------
    def _check_props(self, bucket_name: Any, versioned: Any, encryption: Any, bucket_key_enabled: Any,
                     block_public_access: Any, enforce_ssl: Any, minimum_tls_version: Any, removal_policy: Any,
                     auto_delete_objects: Any, object_ownership: Any, access_control: Any, lifecycle_rules: Any,
                     cors: Any, server_access_logs_prefix: Any, event_bridge_enabled: Any, public_read_access: Any,
                     website_index_document: Any, website_error_document: Any) -> None:
        check_str(self, "bucket_name", bucket_name)
        check_str(self, "server_access_logs_prefix", server_access_logs_prefix)
        check_str(self, "website_index_document", website_index_document)
        check_str(self, "website_error_document", website_error_document)
        for prop, value in (("versioned", versioned), ("bucket_key_enabled", bucket_key_enabled),
                            ("enforce_ssl", enforce_ssl), ("auto_delete_objects", auto_delete_objects),
                            ("event_bridge_enabled", event_bridge_enabled),
                            ("public_read_access", public_read_access)):
            check_bool(self, prop, value)
        check_number(self, "minimum_tls_version", minimum_tls_version)
        check_enum(self, "encryption", encryption, BucketEncryption)
        check_enum(self, "removal_policy", removal_policy, RemovalPolicy)
        check_enum(self, "object_ownership", object_ownership, ObjectOwnership)
        check_enum(self, "access_control", access_control, BucketAccessControl)
        check_instance(self, "block_public_access", block_public_access, BlockPublicAccess,
                       "an s3.BlockPublicAccess (BlockPublicAccess.BLOCK_ALL, ...)")
        for prop, value in (("lifecycle_rules", lifecycle_rules), ("cors", cors)):
            if value is not None and (isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple))):
                raise construct_error(self, f"'{prop}' must be a list, got {value!r}")

    def _parse_encryption(self, encryption: BucketEncryption | None, key: IKey | None,
                          bucket_key_enabled: bool | None) -> tuple[CfnBucket.BucketEncryptionProperty | None,
                                                                    IKey | None]:
        kind = encryption or (BucketEncryption.KMS if key is not None else BucketEncryption.UNENCRYPTED)
        if kind not in (BucketEncryption.KMS, BucketEncryption.DSSE) and key is not None:
            raise construct_error(
                self, f"encryptionKey is specified, so 'encryption' must be set to KMS or DSSE (value: {kind.value})")
        if bucket_key_enabled and kind not in _KMS_KINDS:
            raise construct_error(
                self,
                f"bucketKeyEnabled is specified, so 'encryption' must be set to KMS or DSSE (value: {kind.value})")
        if key is not None and not hasattr(key, "key_arn"):
            raise construct_error(self, f"'encryption_key' must be a kms.IKey, got {key!r}")
        if kind is BucketEncryption.UNENCRYPTED:
            return None, None
        if kind is BucketEncryption.S3_MANAGED:
            return _encryption(CfnBucket.ServerSideEncryptionByDefaultProperty(sse_algorithm="AES256")), None
        algorithm = "aws:kms:dsse" if kind in (BucketEncryption.DSSE, BucketEncryption.DSSE_MANAGED) else "aws:kms"
        if kind in (BucketEncryption.KMS_MANAGED, BucketEncryption.DSSE_MANAGED):
            return _encryption(CfnBucket.ServerSideEncryptionByDefaultProperty(sse_algorithm=algorithm),
                               bucket_key_enabled), None
        if key is None:
            from ..kms import Key  # kms loads only when encryption asks for a key

            key = Key(self, "Key", description=f"Created by {self.node.path}", enable_key_rotation=True)
        return _encryption(CfnBucket.ServerSideEncryptionByDefaultProperty(
            sse_algorithm=algorithm, kms_master_key_id=key.key_arn), bucket_key_enabled), key

    def _parse_server_access_logs(self, logs_bucket: IBucket | None, prefix: str | None,
                                  encryption: BucketEncryption | None,
                                  key_format: TargetObjectKeyFormat | None,
                                  ) -> CfnBucket.LoggingConfigurationProperty | None:
        if logs_bucket is None and not prefix:
            return None
        if key_format is not None and not isinstance(key_format, TargetObjectKeyFormat):
            raise construct_error(self, f"'target_object_key_format' must be an s3.TargetObjectKeyFormat, got "
                                        f"{key_format!r}")
        if logs_bucket is None and encryption in (BucketEncryption.KMS_MANAGED, BucketEncryption.DSSE_MANAGED):
            raise construct_error(
                self, "Default bucket encryption with KMS managed or DSSE managed key is not supported for Server "
                      "Access Logging target buckets")
        if logs_bucket is not None and not hasattr(logs_bucket, "bucket_name"):
            raise construct_error(self, f"'server_access_logs_bucket' must be an s3.IBucket, got {logs_bucket!r}")
        if logs_bucket is not None and logs_bucket.encryption_key is not None:
            logs_bucket.encryption_key.grant_encrypt_decrypt(iam.ServicePrincipal("logging.s3.amazonaws.com"))
        return CfnBucket.LoggingConfigurationProperty(
            destination_bucket_name=logs_bucket.bucket_name if logs_bucket is not None else None,
            log_file_prefix=prefix, target_object_key_format=key_format._render() if key_format is not None else None)

    def _website(self, index: str | None, error: str | None) -> CfnBucket.WebsiteConfigurationProperty | None:
        if index is None and error is None:
            return None
        if error is not None and index is None:
            raise construct_error(self, '"websiteIndexDocument" is required if "websiteErrorDocument" is set')
        return CfnBucket.WebsiteConfigurationProperty(index_document=index, error_document=error)

    # --- the bucket policy statements ----------------------------------------------------------
    def _deny_statement(self, conditions: dict[str, Any]) -> None:
        self.add_to_resource_policy(iam.PolicyStatement(
            actions=["s3:*"], conditions=conditions, effect=iam.Effect.DENY,
            resources=[self.bucket_arn, self.arn_for_objects("*")], principals=[iam.AnyPrincipal()]))

    def _allow_log_delivery(self, source: IBucket, prefix: str | None) -> None:
        if FeatureFlags.of(self).is_enabled(SERVER_ACCESS_LOGS_USE_BUCKET_POLICY):
            conditions = None
            if isinstance(source, Bucket) and Stack.of(self) is Stack.of(source):
                conditions = {"ArnLike": {"aws:SourceArn": source.bucket_arn},
                              "StringEquals": {"aws:SourceAccount": source.env.account}}
            self.add_to_resource_policy(iam.PolicyStatement(
                effect=iam.Effect.ALLOW, principals=[iam.ServicePrincipal("logging.s3.amazonaws.com")],
                actions=["s3:PutObject"], resources=[self.arn_for_objects(f"{prefix}*" if prefix else "*")],
                conditions=conditions))
        elif self._access_control and self._access_control is not BucketAccessControl.LOG_DELIVERY_WRITE:
            raise construct_error(
                self, "Cannot enable log delivery to this bucket because the bucket's ACL has been set and can't be "
                      "changed")
        else:
            self._access_control = BucketAccessControl.LOG_DELIVERY_WRITE

    # --- rules added later ---------------------------------------------------------------------
    def add_lifecycle_rule(self, rule: LifecycleRule | Mapping[str, Any]) -> None:
        """Add a lifecycle rule (a `LifecycleRule`, or a dict with its snake_case fields)."""
        self._lifecycle_rules.append(lifecycle_rule_arg(self, rule))

    def add_metric(self, metric: BucketMetrics | Mapping[str, Any]) -> None:
        """Add a request-metrics configuration (a `BucketMetrics`, or a dict with its snake_case fields)."""
        self._metrics.append(bucket_metrics(self, metric, in_list=False))

    def add_cors_rule(self, rule: CorsRule | Mapping[str, Any]) -> None:
        """Add a CORS rule (a `CorsRule`, or a dict with its snake_case fields)."""
        self._cors.append(cors_rule(self, rule, in_list=False))

    def enable_event_bridge_notification(self) -> None:
        """Send this bucket's object events (Object Created, Object Deleted, ...) to the account's
        default event bus: `NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled`
        on the bucket itself (the CDK sets the same through a custom resource)."""
        self._event_bridge = True

    # --- rendering -----------------------------------------------------------------------------
    def _render_lifecycle(self) -> CfnBucket.LifecycleConfigurationProperty | None:
        if not self._lifecycle_rules:
            return None
        return CfnBucket.LifecycleConfigurationProperty(
            rules=[render_lifecycle_rule(self, rule) for rule in self._lifecycle_rules])

    def _render_cors(self) -> CfnBucket.CorsConfigurationProperty | None:
        if not self._cors:
            return None
        return CfnBucket.CorsConfigurationProperty(cors_rules=[render_cors_rule(rule) for rule in self._cors])

    def _render_ownership(self) -> CfnBucket.OwnershipControlsProperty | None:
        free_acls = (BucketAccessControl.PRIVATE, BucketAccessControl.BUCKET_OWNER_READ,
                     BucketAccessControl.BUCKET_OWNER_FULL_CONTROL)
        acl_needs_ownership = self._access_control is not None and self._access_control not in free_acls
        if self._object_ownership is None and not acl_needs_ownership:
            return None
        if acl_needs_ownership and self._object_ownership is ObjectOwnership.BUCKET_OWNER_ENFORCED:
            assert self._access_control is not None
            raise construct_error(
                self, f'objectOwnership must be set to "ObjectWriter" when accessControl is '
                      f'"{self._access_control.value}"')
        ownership = self._object_ownership or ObjectOwnership.OBJECT_WRITER
        return CfnBucket.OwnershipControlsProperty(
            rules=[CfnBucket.OwnershipControlsRuleProperty(object_ownership=ownership.value)])

    def _render_notifications(self) -> CfnBucket.NotificationConfigurationProperty | None:
        if not self._event_bridge:
            return None
        return CfnBucket.NotificationConfigurationProperty(
            event_bridge_configuration=CfnBucket.EventBridgeConfigurationProperty(event_bridge_enabled=True))

    # --- imports -------------------------------------------------------------------------------
    @staticmethod
    def from_bucket_name(scope: Construct, id: str, bucket_name: str) -> IBucket:
        """A bucket defined elsewhere, by name; its ARN is `arn:<partition>:s3:::<name>`."""
        return import_bucket(scope, id, bucket_name=bucket_name)

    @staticmethod
    def from_bucket_arn(scope: Construct, id: str, bucket_arn: str) -> IBucket:
        """A bucket defined elsewhere, by ARN (`arn:<partition>:s3:::<name>`)."""
        return import_bucket(scope, id, bucket_arn=bucket_arn)

    @staticmethod
    def from_bucket_attributes(scope: Construct, id: str, *, bucket_arn: str | None = None,
                               bucket_name: str | None = None, bucket_domain_name: str | None = None,
                               bucket_regional_domain_name: str | None = None,
                               bucket_dual_stack_domain_name: str | None = None,
                               bucket_website_url: str | None = None, encryption_key: IKey | None = None,
                               is_website: bool | None = None, account: str | None = None,
                               region: str | None = None) -> IBucket:
        """A bucket defined elsewhere: at least `bucket_arn` or `bucket_name`; the other attributes
        default to the S3 naming scheme (`<name>.s3.<region>.<url suffix>`, ...); `encryption_key`
        makes grants cover the key; `account` / `region` default to the stack's."""
        return import_bucket(scope, id, bucket_arn=bucket_arn, bucket_name=bucket_name,
                             bucket_domain_name=bucket_domain_name,
                             bucket_regional_domain_name=bucket_regional_domain_name,
                             bucket_dual_stack_domain_name=bucket_dual_stack_domain_name,
                             bucket_website_url=bucket_website_url, encryption_key=encryption_key,
                             is_website=is_website, account=account, region=region)

    @staticmethod
    def validate_bucket_name(physical_name: str) -> None:
        """Raise if `physical_name` is not a valid bucket name (tokens are not checked)."""
        validate_bucket_name(physical_name)


def _encryption(default: CfnBucket.ServerSideEncryptionByDefaultProperty,
                bucket_key_enabled: bool | None = None) -> CfnBucket.BucketEncryptionProperty:
    return CfnBucket.BucketEncryptionProperty(server_side_encryption_configuration=[
        CfnBucket.ServerSideEncryptionRuleProperty(bucket_key_enabled=bucket_key_enabled,
                                                   server_side_encryption_by_default=default)])
