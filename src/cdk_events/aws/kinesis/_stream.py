"""`Stream`: a Kinesis data stream, its encryption, and stream imports."""

from __future__ import annotations

import re
from enum import Enum
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from cdk_events.core import (
    ArnComponents,
    ArnFormat,
    Aws,
    CfnCondition,
    CfnResource,
    Construct,
    Duration,
    Fn,
    IResolvable,
    Node,
    RemovalPolicy,
    Resource,
    ResourceEnvironment,
    Stack,
    Token,
    ValidationError,
)

from ...core._errors import construct_error
from ...core._prop_checks import check_duration, check_enum, check_number, check_str
from .. import iam
from ._cfn_generated import CfnStream

if TYPE_CHECKING:
    from ..kms import IKey

READ_OPERATIONS: tuple[str, ...] = (
    "kinesis:DescribeStreamSummary",
    "kinesis:GetRecords",
    "kinesis:GetShardIterator",
    "kinesis:ListShards",
    "kinesis:SubscribeToShard",
    "kinesis:DescribeStream",
    "kinesis:ListStreams",
    "kinesis:DescribeStreamConsumer",
)
WRITE_OPERATIONS: tuple[str, ...] = ("kinesis:ListShards", "kinesis:PutRecord", "kinesis:PutRecords")

UNSUPPORTED_REGIONS_CONDITION = "AwsCdkKinesisEncryptedStreamsUnsupportedRegions"
_STREAM_NAME = re.compile(r"^[a-zA-Z0-9_.-]{1,128}$")


class StreamEncryption(Enum):
    """How the records of a stream are encrypted at rest."""

    UNENCRYPTED = "NONE"
    """Not encrypted."""
    KMS = "KMS"
    """With a customer-managed KMS key (`encryption_key`, or a new one)."""
    MANAGED = "MANAGED"
    """With the Kinesis-managed key `alias/aws/kinesis`."""


class StreamMode(Enum):
    """The capacity mode of a stream."""

    PROVISIONED = "PROVISIONED"
    ON_DEMAND = "ON_DEMAND"


@runtime_checkable
class IStream(Protocol):
    """A Kinesis stream, defined here or imported (mirrors `aws_cdk.aws_kinesis.IStream`)."""

    @property
    def stream_arn(self) -> str: ...

    @property
    def stream_name(self) -> str: ...

    @property
    def encryption_key(self) -> IKey | None: ...

    @property
    def node(self) -> Node: ...

    @property
    def env(self) -> ResourceEnvironment: ...

    def grant_write(self, grantee: iam.IGrantable) -> iam.Grant: ...

    def grant_read(self, grantee: iam.IGrantable) -> iam.Grant: ...

    def grant(self, grantee: iam.IGrantable, *actions: str) -> iam.Grant: ...


class StreamBase(Resource):
    """What owned and imported streams share: the resource policy and the grants."""

    stream_arn: str
    stream_name: str
    encryption_key: IKey | None = None
    _auto_create_policy: bool = False

    def __init__(self, scope: Construct, id: str, **kwargs: Any):
        super().__init__(scope, id, **kwargs)
        self._policy: _StreamPolicy | None = None
        self.node.add_validation(_PolicyValidation(self))

    def add_to_resource_policy(self, statement: iam.PolicyStatement) -> iam.AddToResourcePolicyResult:
        """Add a statement to the stream's resource policy (child `Policy`, created on first use);
        an imported stream's policy cannot be changed (not added)."""
        if self._policy is None and self._auto_create_policy:
            self._policy = _StreamPolicy(self, "Policy", stream_arn=self.stream_arn)
        if self._policy is None:
            return iam.AddToResourcePolicyResult(statement_added=False)
        self._policy.document.add_statements(statement)
        return iam.AddToResourcePolicyResult(statement_added=True, policy_dependable=self._policy)

    def grant(self, grantee: iam.IGrantable, *actions: str) -> iam.Grant:
        """Grant `actions` on this stream to the principal's policy."""
        return iam.Grant.add_to_principal(grantee=grantee, actions=actions, resource_arns=[self.stream_arn],
                                          scope=self)

    def grant_read(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant reading records (and decrypt on the stream's key, if any)."""
        grant = self.grant(grantee, *READ_OPERATIONS)
        if self.encryption_key is not None:
            self.encryption_key.grant_decrypt(grantee)
        return grant

    def grant_write(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant `kinesis:ListShards`, `kinesis:PutRecord`, `kinesis:PutRecords` (and encrypt on the
        stream's key, if any)."""
        grant = self.grant(grantee, *WRITE_OPERATIONS)
        if self.encryption_key is not None:
            self.encryption_key.grant_encrypt(grantee)
        return grant

    def grant_read_write(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant the read and the write actions (and encrypt/decrypt on the key, if any)."""
        actions = list(dict.fromkeys([*READ_OPERATIONS, *WRITE_OPERATIONS]))
        grant = self.grant(grantee, *actions)
        if self.encryption_key is not None:
            self.encryption_key.grant_encrypt_decrypt(grantee)
        return grant


class _StreamPolicy(Resource):
    """The `AWS::Kinesis::ResourcePolicy` of a stream."""

    def __init__(self, scope: Construct, id: str, *, stream_arn: str):
        super().__init__(scope, id)
        self.document = iam.PolicyDocument()
        CfnResource(self, "Resource", type="AWS::Kinesis::ResourcePolicy",
                    properties={"ResourceArn": stream_arn, "ResourcePolicy": self.document})


class _PolicyValidation:
    def __init__(self, stream: StreamBase):
        self._stream = stream

    def validate(self) -> list[str]:
        policy = self._stream._policy
        return policy.document.validate_for_resource_policy() if policy is not None else []


class Stream(StreamBase):
    """A Kinesis data stream (mirrors `aws_cdk.aws_kinesis.Stream`).

    Defaults: a CloudFormation-generated name; `shard_count` 1 (provisioned mode); a retention
    of 24 hours (24..8760); encryption with `alias/aws/kinesis` where the region supports it (a
    stack-wide `AwsCdkKinesisEncryptedStreamsUnsupportedRegions` condition decides), KMS when an
    `encryption_key` is given; `removal_policy` RETAIN.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        stream_name: str | None = None,
        shard_count: int | None = None,
        retention_period: Duration | None = None,
        encryption: StreamEncryption | None = None,
        encryption_key: IKey | None = None,
        stream_mode: StreamMode | None = None,
        removal_policy: RemovalPolicy | None = None,
    ):
        super().__init__(scope, id, physical_name=stream_name)
        self._check_props(stream_name, shard_count, retention_period, encryption, encryption_key, stream_mode,
                          removal_policy)
        if stream_mode is StreamMode.ON_DEMAND and shard_count is not None:
            raise construct_error(
                self, f"streamMode must be set to {StreamMode.PROVISIONED.value} (default) when specifying shardCount")
        if stream_mode in (StreamMode.PROVISIONED, None) and shard_count is None:
            shard_count = 1
        retention_hours = retention_period.to_hours() if retention_period is not None else 24
        if not Token.is_unresolved(retention_hours) and not 24 <= retention_hours <= 8760:
            raise construct_error(
                self, f"retentionPeriod must be between 24 and 8760 hours. Received {retention_hours}")
        stream_encryption, key = self._encryption(encryption, encryption_key)
        resource = CfnStream(
            self, "Resource",
            name=self.physical_name,
            retention_period_hours=retention_hours,
            shard_count=shard_count,
            stream_encryption=stream_encryption,
            stream_mode_details={"StreamMode": stream_mode.value} if stream_mode is not None else None,
        )
        resource.apply_removal_policy(removal_policy)
        self.stream_arn = self._get_resource_arn_attribute(resource.attr_arn, ArnComponents(
            service="kinesis", resource="stream", resource_name=self.physical_name))
        self.stream_name = self._get_resource_name_attribute(resource.ref)
        self.encryption_key = key

    def _check_props(self, stream_name: Any, shard_count: Any, retention_period: Any, encryption: Any,
                     encryption_key: Any, stream_mode: Any, removal_policy: Any) -> None:
        check_str(self, "stream_name", stream_name)
        check_number(self, "shard_count", shard_count)
        check_duration(self, "retention_period", retention_period)
        check_enum(self, "encryption", encryption, StreamEncryption)
        check_enum(self, "stream_mode", stream_mode, StreamMode)
        check_enum(self, "removal_policy", removal_policy, RemovalPolicy)
        if encryption_key is not None and not hasattr(encryption_key, "key_arn"):
            raise construct_error(self, f"'encryption_key' must be a kms.IKey (a kms.Key or an imported key), "
                                        f"got {encryption_key!r}")
        if stream_name is not None and not Token.is_unresolved(stream_name) and not _STREAM_NAME.match(stream_name):
            raise construct_error(
                self, f"Invalid stream_name '{stream_name}': a stream name has 1 to 128 characters out of a-z, A-Z, "
                      "0-9, '_', '.' and '-'")

    def _encryption(self, encryption: StreamEncryption | None,
                    key: IKey | None) -> tuple[dict[str, Any] | IResolvable | None, IKey | None]:
        if encryption is None and key is None:
            stack = Stack.of(self)
            if stack.node.try_find_child(UNSUPPORTED_REGIONS_CONDITION) is None:
                CfnCondition(stack, UNSUPPORTED_REGIONS_CONDITION, expression=Fn.condition_or(
                    Fn.condition_equals(Aws.REGION, "cn-north-1"),
                    Fn.condition_equals(Aws.REGION, "cn-northwest-1")))
            return Fn.condition_if(UNSUPPORTED_REGIONS_CONDITION, Aws.NO_VALUE,
                                   {"EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"}), None
        encryption_type = encryption or (StreamEncryption.KMS if key is not None else StreamEncryption.UNENCRYPTED)
        if encryption_type is not StreamEncryption.KMS and key is not None:
            raise construct_error(
                self,
                f"encryptionKey is specified, so 'encryption' must be set to KMS (value: {encryption_type.value})")
        if encryption_type is StreamEncryption.UNENCRYPTED:
            return None, None
        if encryption_type is StreamEncryption.MANAGED:
            return {"EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"}, None
        if key is None:
            from ..kms import Key  # kms loads only when encryption asks for a key

            key = Key(self, "Key", description=f"Created by {self.node.path}")
        return {"EncryptionType": "KMS", "KeyId": key.key_arn}, key

    @staticmethod
    def from_stream_arn(scope: Construct, id: str, stream_arn: str) -> IStream:
        """A stream defined elsewhere, by ARN (`arn:aws:kinesis:<region>:<account>:stream/<name>`)."""
        return Stream.from_stream_attributes(scope, id, stream_arn=stream_arn)

    @staticmethod
    def from_stream_attributes(scope: Construct, id: str, *, stream_arn: str,
                               encryption_key: IKey | None = None) -> IStream:
        """A stream defined elsewhere; `encryption_key` is its KMS key, if any."""
        if not isinstance(stream_arn, str):
            raise ValidationError(f"Stream.from_stream_attributes ({scope.node.path}/{id}): 'stream_arn' must be "
                                  f"a string, got {stream_arn!r}")
        return _ImportedStream(scope, id, stream_arn, encryption_key)


class _ImportedStream(StreamBase):
    def __init__(self, scope: Construct, id: str, stream_arn: str, encryption_key: IKey | None):
        super().__init__(scope, id, environment_from_arn=stream_arn)
        self.stream_arn = stream_arn
        self.stream_name = Stack.of(scope).split_arn(stream_arn, ArnFormat.SLASH_RESOURCE_NAME).resource_name or ""
        self.encryption_key = encryption_key
