"""`Table`: an owned DynamoDB table (`AWS::DynamoDB::Table`) and table imports."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from cdk_events.core import (
    ArnComponents,
    ArnFormat,
    Construct,
    Lazy,
    RemovalPolicy,
    Stack,
    Token,
    ValidationError,
)

from ...core._errors import construct_error
from ...core._prop_checks import check_bool, check_enum, check_number, check_str
from ...core._struct import to_struct
from .. import iam
from ._cfn_generated import CfnTable
from ._enums import (
    Attribute,
    AttributeType,
    BillingMode,
    GlobalSecondaryIndexProps,
    LocalSecondaryIndexProps,
    PointInTimeRecoverySpecification,
    ProjectionType,
    StreamViewType,
    TableClass,
    TableEncryption,
)
from ._table_base import ITable, TableBase

if TYPE_CHECKING:
    from ..kinesis import IStream
    from ..kms import IKey

HASH_KEY_TYPE = "HASH"
RANGE_KEY_TYPE = "RANGE"


def attribute(scope: Construct, prop: str, value: Any) -> Attribute:
    """A key attribute given as an `Attribute` or a dict (`{"name": ..., "type": ...}`)."""
    attr = to_struct(Attribute, value, prop=prop, scope=scope)
    if not isinstance(attr, Attribute):
        raise construct_error(scope, f"'{prop}' must be a dynamodb.Attribute(name=..., type=...), got {value!r}")
    if not isinstance(attr.name, str) or not attr.name:
        raise construct_error(scope, f"'{prop}': the attribute name must be a non-empty string, got {attr.name!r}")
    check_enum(scope, f"{prop}.type", attr.type, AttributeType)
    return attr


class Table(TableBase):
    """A DynamoDB table (mirrors `aws_cdk.aws_dynamodb.Table`).

    `partition_key` is required. Defaults: a CloudFormation-generated name; billing PROVISIONED
    with 5 read and 5 write capacity units; no stream; no TTL; DynamoDB's default encryption (an
    AWS-owned key); `removal_policy` RETAIN. PAY_PER_REQUEST with a capacity is rejected, as by the
    CDK. Replica regions are not offered.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        partition_key: Attribute | Mapping[str, Any],
        sort_key: Attribute | Mapping[str, Any] | None = None,
        table_name: str | None = None,
        billing_mode: BillingMode | None = None,
        read_capacity: int | None = None,
        write_capacity: int | None = None,
        stream: StreamViewType | None = None,
        time_to_live_attribute: str | None = None,
        point_in_time_recovery: bool | None = None,
        point_in_time_recovery_specification: PointInTimeRecoverySpecification | Mapping[str, Any] | None = None,
        encryption: TableEncryption | None = None,
        encryption_key: IKey | None = None,
        table_class: TableClass | None = None,
        deletion_protection: bool | None = None,
        contributor_insights_enabled: bool | None = None,
        kinesis_stream: IStream | None = None,
        resource_policy: iam.PolicyDocument | None = None,
        replication_regions: Sequence[str] | None = None,
        removal_policy: RemovalPolicy | None = None,
    ):
        super().__init__(scope, id, physical_name=table_name)
        check_str(self, "table_name", table_name)
        check_str(self, "time_to_live_attribute", time_to_live_attribute)
        check_enum(self, "billing_mode", billing_mode, BillingMode)
        check_enum(self, "stream", stream, StreamViewType)
        check_enum(self, "encryption", encryption, TableEncryption)
        check_enum(self, "table_class", table_class, TableClass)
        check_enum(self, "removal_policy", removal_policy, RemovalPolicy)
        for prop, value in (("point_in_time_recovery", point_in_time_recovery),
                            ("deletion_protection", deletion_protection),
                            ("contributor_insights_enabled", contributor_insights_enabled)):
            check_bool(self, prop, value)
        check_number(self, "read_capacity", read_capacity)
        check_number(self, "write_capacity", write_capacity)
        if replication_regions:
            raise construct_error(
                self, "'replication_regions' is not offered by cdk-events: the CDK replicates a Table through a "
                      "custom resource whose Lambda code is bundled in aws-cdk-lib. Use dynamodb.TableV2 with "
                      "replicas=[ReplicaTableProps(region=...)] (AWS::DynamoDB::GlobalTable) instead")
        if kinesis_stream is not None and not hasattr(kinesis_stream, "stream_arn"):
            raise construct_error(self, f"'kinesis_stream' must be a kinesis.IStream, got {kinesis_stream!r}")
        if resource_policy is not None and not isinstance(resource_policy, iam.PolicyDocument):
            raise construct_error(self, f"'resource_policy' must be an iam.PolicyDocument, got {resource_policy!r}")
        self._resource_policy = resource_policy
        partition = attribute(self, "partition_key", partition_key)
        sort = attribute(self, "sort_key", sort_key) if sort_key is not None else None
        sse, key = self._parse_encryption(encryption, encryption_key)
        pitr = self._pitr(point_in_time_recovery, point_in_time_recovery_specification)
        self.billing_mode = billing_mode or BillingMode.PROVISIONED
        if billing_mode is BillingMode.PAY_PER_REQUEST and (read_capacity is not None or write_capacity is not None):
            raise construct_error(
                self, "you cannot provision read and write capacity for a table with PAY_PER_REQUEST billing mode")
        self._key_schema: list[CfnTable.KeySchemaProperty] = []
        self._attribute_definitions: list[CfnTable.AttributeDefinitionProperty] = []
        self._global_indexes: list[CfnTable.GlobalSecondaryIndexProperty] = []
        self._local_indexes: list[CfnTable.LocalSecondaryIndexProperty] = []
        self._index_names: set[str] = set()
        self._non_key_attributes: set[str] = set()
        stream_spec = CfnTable.StreamSpecificationProperty(stream_view_type=stream.value) if stream else None
        pay_per_request = self.billing_mode is BillingMode.PAY_PER_REQUEST
        self._table = CfnTable(
            self, "Resource",
            table_name=self.physical_name,
            key_schema=Lazy.any(lambda: list(self._key_schema)),
            attribute_definitions=Lazy.any(lambda: list(self._attribute_definitions)),
            global_secondary_indexes=Lazy.any(lambda: list(self._global_indexes), omit_empty_array=True),
            local_secondary_indexes=Lazy.any(lambda: list(self._local_indexes), omit_empty_array=True),
            point_in_time_recovery_specification=pitr,
            billing_mode=self.billing_mode.value if pay_per_request else None,
            provisioned_throughput=None if pay_per_request else CfnTable.ProvisionedThroughputProperty(
                read_capacity_units=read_capacity or 5, write_capacity_units=write_capacity or 5),
            sse_specification=sse,
            stream_specification=stream_spec,
            table_class=table_class.value if table_class is not None else None,
            time_to_live_specification=(CfnTable.TimeToLiveSpecificationProperty(
                attribute_name=time_to_live_attribute, enabled=True) if time_to_live_attribute else None),
            contributor_insights_specification=(CfnTable.ContributorInsightsSpecificationProperty(
                enabled=contributor_insights_enabled) if contributor_insights_enabled is not None else None),
            deletion_protection_enabled=deletion_protection,
            kinesis_stream_specification=(CfnTable.KinesisStreamSpecificationProperty(
                stream_arn=kinesis_stream.stream_arn) if kinesis_stream is not None else None),
            resource_policy=Lazy.any(self._render_resource_policy),
        )
        self._table.apply_removal_policy(removal_policy or RemovalPolicy.RETAIN)
        self.encryption_key = key
        self.table_arn = self._get_resource_arn_attribute(
            self._table.attr_arn,
            ArnComponents(service="dynamodb", resource="table", resource_name=self.physical_name or ""))
        self.table_name = self._get_resource_name_attribute(self._table.ref)
        self.table_stream_arn = self._table.attr_stream_arn if stream_spec is not None else None
        self._add_key(partition, HASH_KEY_TYPE)
        self.table_partition_key = partition
        self.table_sort_key = sort
        if sort is not None:
            self._add_key(sort, RANGE_KEY_TYPE)
        self.node.add_validation(_TableValidation(self))

    # --- secondary indexes ---------------------------------------------------------------------
    @property
    def _has_index(self) -> bool:  # type: ignore[override]
        return bool(self._global_indexes or self._local_indexes)

    def add_global_secondary_index(self, props: GlobalSecondaryIndexProps | Mapping[str, Any] | None = None,
                                   **kwargs: Any) -> None:
        """Add a global secondary index (a `GlobalSecondaryIndexProps`, a dict, or its fields as
        keywords, as the CDK's Python API takes them)."""
        index = to_struct(GlobalSecondaryIndexProps, props if props is not None else kwargs, prop="index",
                          scope=self)
        if not isinstance(index, GlobalSecondaryIndexProps):
            raise construct_error(
                self, f"add_global_secondary_index: expected GlobalSecondaryIndexProps, got {props!r}")
        if self.billing_mode is BillingMode.PAY_PER_REQUEST and (
                index.read_capacity is not None or index.write_capacity is not None):
            raise construct_error(
                self, "you cannot provision read and write capacity for a table with PAY_PER_REQUEST billing mode")
        self._check_index_name(index.index_name)
        key_schema = self._index_key_schema(attribute(self, "partition_key", index.partition_key),
                                            attribute(self, "sort_key", index.sort_key) if index.sort_key else None)
        pay_per_request = self.billing_mode is BillingMode.PAY_PER_REQUEST
        insights = index.contributor_insights_enabled
        self._global_indexes.append(CfnTable.GlobalSecondaryIndexProperty(
            index_name=index.index_name, key_schema=key_schema, projection=self._projection(index),
            provisioned_throughput=None if pay_per_request else CfnTable.ProvisionedThroughputProperty(
                read_capacity_units=index.read_capacity or 5, write_capacity_units=index.write_capacity or 5),
            contributor_insights_specification=(CfnTable.ContributorInsightsSpecificationProperty(enabled=insights)
                                                if insights is not None else None)))

    def add_local_secondary_index(self, props: LocalSecondaryIndexProps | Mapping[str, Any] | None = None,
                                  **kwargs: Any) -> None:
        """Add a local secondary index (at most 5; the table needs a sort key)."""
        index = to_struct(LocalSecondaryIndexProps, props if props is not None else kwargs, prop="index", scope=self)
        if not isinstance(index, LocalSecondaryIndexProps):
            raise construct_error(self, f"add_local_secondary_index: expected LocalSecondaryIndexProps, got {props!r}")
        if len(self._local_indexes) >= 5:
            raise construct_error(self, "a maximum number of local secondary index per table is 5")
        self._check_index_name(index.index_name)
        key_schema = self._index_key_schema(self.table_partition_key, attribute(self, "sort_key", index.sort_key))
        self._local_indexes.append(CfnTable.LocalSecondaryIndexProperty(
            index_name=index.index_name, key_schema=key_schema, projection=self._projection(index)))

    def _check_index_name(self, name: str) -> None:
        check_str(self, "index_name", name)
        if name in self._index_names:
            raise construct_error(self, f"a duplicate index name, {name}, is not allowed")
        self._index_names.add(name)

    def _index_key_schema(self, partition: Attribute, sort: Attribute | None) -> list[CfnTable.KeySchemaProperty]:
        self._register_attribute(partition)
        schema = [CfnTable.KeySchemaProperty(attribute_name=partition.name, key_type=HASH_KEY_TYPE)]
        if sort is not None:
            self._register_attribute(sort)
            schema.append(CfnTable.KeySchemaProperty(attribute_name=sort.name, key_type=RANGE_KEY_TYPE))
        return schema

    def _projection(self, index: GlobalSecondaryIndexProps | LocalSecondaryIndexProps) -> CfnTable.ProjectionProperty:
        check_enum(self, "projection_type", index.projection_type, ProjectionType)
        if index.projection_type is ProjectionType.INCLUDE and not index.non_key_attributes:
            raise construct_error(self, "non-key attributes should be specified when using INCLUDE projection type")
        if index.projection_type is not ProjectionType.INCLUDE and index.non_key_attributes:
            raise construct_error(self, "non-key attributes should not be specified when not using INCLUDE "
                                        "projection type")
        if index.non_key_attributes:
            self._non_key_attributes.update(index.non_key_attributes)
            if len(self._non_key_attributes) > 100:
                raise construct_error(self, "a maximum number of nonKeyAttributes across all of secondary indexes is "
                                            "100")
        return CfnTable.ProjectionProperty(
            projection_type=(index.projection_type or ProjectionType.ALL).value,
            non_key_attributes=list(index.non_key_attributes) if index.non_key_attributes else None)

    # --- props -------------------------------------------------------------------------------
    def _parse_encryption(self, encryption: TableEncryption | None,
                          key: IKey | None) -> tuple[CfnTable.SSESpecificationProperty | None, IKey | None]:
        if encryption is None:
            encryption = TableEncryption.CUSTOMER_MANAGED if key is not None else None
        if encryption is not TableEncryption.CUSTOMER_MANAGED and key is not None:
            shown = encryption.name if encryption is not None else "undefined"
            raise construct_error(
                self, "encryptionKey cannot be specified unless encryption is set to TableEncryption.CUSTOMER_MANAGED "
                      f"(it was set to {shown})")
        if encryption is TableEncryption.CUSTOMER_MANAGED:
            if key is None:
                from ..kms import Key  # kms loads only when encryption asks for a key

                key = Key(self, "Key", enable_key_rotation=True, description=(
                    f"Customer-managed key auto-created for encrypting DynamoDB table at {self.node.path}"))
            elif not hasattr(key, "key_arn"):
                raise construct_error(self, f"'encryption_key' must be a kms.IKey, got {key!r}")
            return CfnTable.SSESpecificationProperty(sse_enabled=True, kms_master_key_id=key.key_arn,
                                                     sse_type="KMS"), key
        if encryption is TableEncryption.AWS_MANAGED:
            return CfnTable.SSESpecificationProperty(sse_enabled=True), None
        if encryption is TableEncryption.DEFAULT:
            return CfnTable.SSESpecificationProperty(sse_enabled=False), None
        return None, None

    def _pitr(self, enabled: bool | None,
              spec: Any) -> CfnTable.PointInTimeRecoverySpecificationProperty | None:
        spec = to_struct(PointInTimeRecoverySpecification, spec, prop="point_in_time_recovery_specification",
                         scope=self)
        if spec is not None and enabled is not None:
            raise construct_error(self, "`pointInTimeRecoverySpecification` and `pointInTimeRecovery` are set. Use "
                                        "`pointInTimeRecoverySpecification` only.")
        if spec is not None:
            days = spec.recovery_period_in_days
            if not spec.point_in_time_recovery_enabled and days:
                raise construct_error(self, "Cannot set 'recoveryPeriodInDays' while "
                                            "'pointInTimeRecoveryEnabled' is set to false.")
            if days is not None and not Token.is_unresolved(days) and not 1 <= days <= 35:
                raise construct_error(self, "'recoveryPeriodInDays' must be a value between 1 and 35.")
            return CfnTable.PointInTimeRecoverySpecificationProperty(
                point_in_time_recovery_enabled=spec.point_in_time_recovery_enabled, recovery_period_in_days=days)
        if enabled is not None:
            return CfnTable.PointInTimeRecoverySpecificationProperty(point_in_time_recovery_enabled=enabled)
        return None

    def _add_key(self, attr: Attribute, key_type: str) -> None:
        existing = next((k for k in self._key_schema if k.key_type == key_type), None)
        if existing is not None:
            raise construct_error(self, f"Unable to set {attr.name} as a {key_type} key, because "
                                        f"{existing.attribute_name} is a {key_type} key")
        self._register_attribute(attr)
        self._key_schema.append(CfnTable.KeySchemaProperty(attribute_name=attr.name, key_type=key_type))

    def _register_attribute(self, attr: Attribute) -> None:
        existing = next((d for d in self._attribute_definitions if d.attribute_name == attr.name), None)
        if existing is not None and existing.attribute_type != attr.type.value:
            raise construct_error(self, f"Unable to specify {attr.name} as {attr.type.value} because it was already "
                                        f"defined as {existing.attribute_type}")
        if existing is None:
            self._attribute_definitions.append(
                CfnTable.AttributeDefinitionProperty(attribute_name=attr.name, attribute_type=attr.type.value))

    # --- the resource policy -----------------------------------------------------------------------
    def add_to_resource_policy(self, statement: iam.PolicyStatement) -> iam.AddToResourcePolicyResult:
        """Add a statement to the table's resource policy (`ResourcePolicy.PolicyDocument`)."""
        if self._resource_policy is None:
            self._resource_policy = iam.PolicyDocument()
        self._resource_policy.add_statements(statement)
        return iam.AddToResourcePolicyResult(statement_added=True, policy_dependable=self)

    def _render_resource_policy(self) -> CfnTable.ResourcePolicyProperty | None:
        if self._resource_policy is None:
            return None
        return CfnTable.ResourcePolicyProperty(policy_document=self._resource_policy)

    # --- imports -------------------------------------------------------------------------------
    @staticmethod
    def from_table_name(scope: Construct, id: str, table_name: str) -> ITable:
        """A table of this stack's account and region, by name."""
        return Table.from_table_attributes(scope, id, table_name=table_name)

    @staticmethod
    def from_table_arn(scope: Construct, id: str, table_arn: str) -> ITable:
        """A table defined elsewhere, by ARN (`arn:<partition>:dynamodb:<region>:<account>:table/<name>`)."""
        return Table.from_table_attributes(scope, id, table_arn=table_arn)

    @staticmethod
    def from_table_attributes(scope: Construct, id: str, *, table_arn: str | None = None,
                              table_name: str | None = None, table_stream_arn: str | None = None,
                              encryption_key: IKey | None = None, global_indexes: list[str] | None = None,
                              local_indexes: list[str] | None = None,
                              grant_index_permissions: bool | None = None) -> ITable:
        """A table defined elsewhere: exactly one of `table_arn` / `table_name`; `table_stream_arn`
        enables the stream grants; `encryption_key` makes grants cover the key; index names (or
        `grant_index_permissions`) make grants cover `<table ARN>/index/*`."""
        where = f"Table.from_table_attributes ({scope.node.path}/{id})"
        if (table_arn is None) == (table_name is None):
            raise ValidationError(f"{where}: Exactly one of 'tableArn' and 'tableName' can be provided")
        for prop, value in (("table_arn", table_arn), ("table_name", table_name)):
            if value is not None and (not isinstance(value, str) or not value):
                raise ValidationError(f"{where}: '{prop}' must be a non-empty string, got {value!r}")
        stack = Stack.of(scope)
        if table_name is not None:
            name = table_name
            arn = stack.format_arn(service="dynamodb", resource="table", resource_name=table_name)
        else:
            assert table_arn is not None
            parsed = stack.split_arn(table_arn, ArnFormat.SLASH_RESOURCE_NAME)
            if not parsed.resource_name:
                raise ValidationError(f"{where}: ARN should be of the format: "
                                      f"arn:<partition>:dynamodb:<region>:<account>:table/<table-name>, got "
                                      f"{table_arn!r}")
            name, arn = parsed.resource_name, table_arn
        has_index = bool(global_indexes or local_indexes or grant_index_permissions)
        return _ImportedTable(scope, id, arn, name, table_stream_arn, encryption_key, has_index)


class _ImportedTable(TableBase):
    def __init__(self, scope: Construct, id: str, arn: str, name: str, stream_arn: str | None,
                 key: IKey | None, has_index: bool):
        super().__init__(scope, id, environment_from_arn=arn)
        self.table_arn = arn
        self.table_name = name
        self.table_stream_arn = stream_arn
        self.encryption_key = key
        self._has_index = has_index


class _TableValidation:
    def __init__(self, table: Table):
        self._table = table

    def validate(self) -> list[str]:
        if self._table._local_indexes and self._table.table_sort_key is None:
            return ["a sort key of the table must be specified to add local secondary indexes"]
        return []
