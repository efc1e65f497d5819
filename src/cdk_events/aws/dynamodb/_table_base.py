"""`ITable` and `TableBase`: what owned and imported tables share (the grants)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from cdk_events.core import Construct, Node, Resource, ResourceEnvironment, Stack

from ...core._errors import construct_error
from .. import iam

if TYPE_CHECKING:
    from ..kms import IKey

RESOURCE_READ_DATA_ACTIONS = ("dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:GetItem", "dynamodb:Scan",
                              "dynamodb:ConditionCheckItem")
PRINCIPAL_ONLY_READ_DATA_ACTIONS = ("dynamodb:GetRecords", "dynamodb:GetShardIterator")
WRITE_DATA_ACTIONS = ("dynamodb:BatchWriteItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem")
READ_STREAM_DATA_ACTIONS = ("dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator")
DESCRIBE_TABLE = "dynamodb:DescribeTable"
KEY_READ_ACTIONS = ("kms:Decrypt", "kms:DescribeKey")
KEY_WRITE_ACTIONS = ("kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*")


@runtime_checkable
class ITable(Protocol):
    """A DynamoDB table, defined here or imported (mirrors `aws_cdk.aws_dynamodb.ITable`)."""

    @property
    def table_arn(self) -> str: ...

    @property
    def table_name(self) -> str: ...

    @property
    def table_stream_arn(self) -> str | None: ...

    @property
    def encryption_key(self) -> IKey | None: ...

    @property
    def node(self) -> Node: ...

    @property
    def env(self) -> ResourceEnvironment: ...

    def grant(self, grantee: iam.IGrantable, *actions: str) -> iam.Grant: ...

    def grant_read_data(self, grantee: iam.IGrantable) -> iam.Grant: ...

    def grant_write_data(self, grantee: iam.IGrantable) -> iam.Grant: ...

    def grant_read_write_data(self, grantee: iam.IGrantable) -> iam.Grant: ...

    def grant_full_access(self, grantee: iam.IGrantable) -> iam.Grant: ...

    def grant_stream_read(self, grantee: iam.IGrantable) -> iam.Grant: ...


class TableBase(Resource):
    """What owned and imported tables share (mirrors `aws_cdk.aws_dynamodb.TableBase`): grants on
    the table (and its indexes, when it has any), its stream, and its customer-managed key."""

    table_arn: str
    table_name: str
    table_stream_arn: str | None = None
    encryption_key: IKey | None = None
    _has_index: bool = False
    _regions: Sequence[str] = ()

    def __init__(self, scope: Construct, id: str, **kwargs: Any):
        super().__init__(scope, id, **kwargs)
        self._resource_policy: iam.PolicyDocument | None = None

    def add_to_resource_policy(self, statement: iam.PolicyStatement) -> iam.AddToResourcePolicyResult:
        """Add a statement to the table's resource policy (an imported table's cannot change)."""
        return iam.AddToResourcePolicyResult(statement_added=False)

    def _arns(self) -> list[str]:
        stack = Stack.of(self)
        arns = [self.table_arn, *(stack.format_arn(region=region, service="dynamodb", resource="table",
                                                   resource_name=self.table_name) for region in self._regions)]
        if self._has_index:
            arns += [f"{arn}/index/*" for arn in arns]
        return arns

    def _grant_on_key(self, grantee: iam.IGrantable, *actions: str) -> None:
        if self.encryption_key is not None:
            self.encryption_key.grant(grantee, *actions)

    def grant(self, grantee: iam.IGrantable, *actions: str) -> iam.Grant:
        """Grant `actions` on this table (and its indexes): on the principal's policy, or the
        table's resource policy for a principal of another account."""
        return iam.Grant.add_to_principal_or_resource(grantee=grantee, actions=list(actions),
                                                      resource_arns=self._arns(), resource=self,
                                                      resource_self_arns=["*"])

    def grant_read_data(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant the data-read actions (`BatchGetItem`, `Query`, `GetItem`, `Scan`,
        `ConditionCheckItem`, `GetRecords`, `GetShardIterator`, `DescribeTable`), and decrypt on the
        table's customer-managed key."""
        self._grant_on_key(grantee, *KEY_READ_ACTIONS)
        result = self.grant(grantee, *RESOURCE_READ_DATA_ACTIONS, DESCRIBE_TABLE)
        return result.combine(iam.Grant.add_to_principal(
            grantee=grantee, actions=list(PRINCIPAL_ONLY_READ_DATA_ACTIONS), resource_arns=self._arns()))

    def grant_write_data(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant the data-write actions (`BatchWriteItem`, `PutItem`, `UpdateItem`, `DeleteItem`,
        `DescribeTable`), and encrypt/decrypt on the table's customer-managed key."""
        result = self.grant(grantee, *WRITE_DATA_ACTIONS, DESCRIBE_TABLE)
        self._grant_on_key(grantee, *KEY_READ_ACTIONS, *KEY_WRITE_ACTIONS)
        return result

    def grant_read_write_data(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant the data-read and data-write actions, and encrypt/decrypt on the key."""
        result = self.grant(grantee, *RESOURCE_READ_DATA_ACTIONS, *WRITE_DATA_ACTIONS, DESCRIBE_TABLE)
        self._grant_on_key(grantee, *KEY_READ_ACTIONS, *KEY_WRITE_ACTIONS)
        return result.combine(iam.Grant.add_to_principal(
            grantee=grantee, actions=list(PRINCIPAL_ONLY_READ_DATA_ACTIONS), resource_arns=self._arns()))

    def grant_full_access(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant `dynamodb:*` on the table, and encrypt/decrypt on the key."""
        result = self.grant(grantee, "dynamodb:*")
        self._grant_on_key(grantee, *KEY_READ_ACTIONS, *KEY_WRITE_ACTIONS)
        return result

    # --- the stream ----------------------------------------------------------------------------
    def _stream_arn(self) -> str:
        if not self.table_stream_arn:
            raise construct_error(self, f"DynamoDB Streams must be enabled on the table {self.node.path}")
        return self.table_stream_arn

    def grant_table_list_streams(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant `dynamodb:ListStreams` (on `*`); the table must have a stream."""
        self._stream_arn()
        return iam.Grant.add_to_principal(grantee=grantee, actions=["dynamodb:ListStreams"], resource_arns=["*"])

    def grant_stream(self, grantee: iam.IGrantable, *actions: str) -> iam.Grant:
        """Grant `actions` on the table's stream."""
        arn = self._stream_arn()
        return iam.Grant.add_to_principal(grantee=grantee, actions=list(actions), resource_arns=[arn], scope=self)

    def grant_stream_read(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant `dynamodb:ListStreams` and reading the stream (`DescribeStream`, `GetRecords`,
        `GetShardIterator`), and decrypt on the table's customer-managed key."""
        self.grant_table_list_streams(grantee)
        self._grant_on_key(grantee, "kms:Decrypt")
        return self.grant_stream(grantee, *READ_STREAM_DATA_ACTIONS)
