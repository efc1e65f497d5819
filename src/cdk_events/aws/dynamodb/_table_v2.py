"""`TableV2`: a DynamoDB global table (`AWS::DynamoDB::GlobalTable`) with `Billing`, `Capacity`
and `TableEncryptionV2`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from cdk_events.core import (
    ArnComponents,
    Construct,
    Lazy,
    PhysicalName,
    RemovalPolicy,
    Stack,
    Token,
    UnscopedValidationError,
)

from ...core._errors import construct_error
from ...core._prop_checks import check_bool, check_enum, check_str
from ...core._struct import to_struct
from ...core._struct_methods import struct_methods
from ._cfn_generated import CfnGlobalTable
from ._enums import Attribute, BillingMode, PointInTimeRecoverySpecification, StreamViewType, TableClass
from ._table import HASH_KEY_TYPE, RANGE_KEY_TYPE, attribute
from ._table_base import TableBase

if TYPE_CHECKING:
    from ..kms import IKey


class Capacity:
    """The read or write capacity of a provisioned `TableV2` (mirrors
    `aws_cdk.aws_dynamodb.Capacity`): `Capacity.fixed(units)` (reads only) or
    `Capacity.autoscaled(max_capacity=..., min_capacity=1, target_utilization_percent=70)`."""

    def __init__(self, mode: str, settings: dict[str, Any]):
        self.mode = mode
        self._settings = settings

    @staticmethod
    def fixed(iops: int) -> Capacity:
        """A fixed number of capacity units (not allowed for write capacity)."""
        return Capacity("FIXED", {"read_capacity_units": iops})

    @staticmethod
    def autoscaled(*, max_capacity: int, min_capacity: int | None = None,
                   target_utilization_percent: int | None = None, seed_capacity: int | None = None) -> Capacity:
        """Capacity that Application Auto Scaling keeps between `min_capacity` (default 1) and
        `max_capacity`, aiming at `target_utilization_percent` (20..90, default 70)."""
        if (min_capacity if min_capacity is not None else 1) > max_capacity:
            raise UnscopedValidationError("`minCapacity` must be less than or equal to `maxCapacity`")
        if target_utilization_percent is not None and not 20 <= target_utilization_percent <= 90:
            raise UnscopedValidationError("`targetUtilizationPercent` cannot be less than 20 or greater than 90")
        if seed_capacity is not None and seed_capacity < 1:
            raise UnscopedValidationError(f"'seedCapacity' cannot be less than 1 - received {seed_capacity}")
        return Capacity("AUTOSCALED", {"autoscaling": CfnGlobalTable.CapacityAutoScalingSettingsProperty(
            min_capacity=min_capacity if min_capacity is not None else 1, max_capacity=max_capacity,
            seed_capacity=seed_capacity,
            target_tracking_scaling_policy_configuration=CfnGlobalTable.TargetTrackingScalingPolicyConfigurationProperty(
                target_value=target_utilization_percent if target_utilization_percent is not None else 70))})

    def _render_read_capacity(self) -> CfnGlobalTable.ReadProvisionedThroughputSettingsProperty:
        if self.mode == "FIXED":
            return CfnGlobalTable.ReadProvisionedThroughputSettingsProperty(
                read_capacity_units=self._settings["read_capacity_units"])
        return CfnGlobalTable.ReadProvisionedThroughputSettingsProperty(
            read_capacity_auto_scaling_settings=self._settings["autoscaling"])

    def _render_write_capacity(self) -> CfnGlobalTable.WriteProvisionedThroughputSettingsProperty:
        if self.mode == "FIXED":
            raise UnscopedValidationError("You cannot configure 'writeCapacity' with FIXED capacity mode")
        return CfnGlobalTable.WriteProvisionedThroughputSettingsProperty(
            write_capacity_auto_scaling_settings=self._settings["autoscaling"])


class Billing:
    """How a `TableV2` is billed (mirrors `aws_cdk.aws_dynamodb.Billing`): `Billing.on_demand()`
    (the default) or `Billing.provisioned(read_capacity=..., write_capacity=...)`."""

    def __init__(self, mode: BillingMode, read: Any = None, write: Any = None):
        self.mode = mode
        self._read = read
        self._write = write

    @staticmethod
    def on_demand(*, max_read_request_units: int | None = None, max_write_request_units: int | None = None) -> Billing:
        """Pay per request, optionally with maximum request units."""
        return Billing(BillingMode.PAY_PER_REQUEST, max_read_request_units, max_write_request_units)

    @staticmethod
    def provisioned(*, read_capacity: Capacity, write_capacity: Capacity) -> Billing:
        """Provisioned read and write capacity (write capacity must be autoscaled)."""
        if not isinstance(read_capacity, Capacity) or not isinstance(write_capacity, Capacity):
            raise UnscopedValidationError("Billing.provisioned: 'read_capacity' and 'write_capacity' must be "
                                          "dynamodb.Capacity values (Capacity.fixed(...), Capacity.autoscaled(...))")
        return Billing(BillingMode.PROVISIONED, read_capacity, write_capacity)


class TableEncryptionV2:
    """The server-side encryption of a `TableV2` (mirrors `aws_cdk.aws_dynamodb.TableEncryptionV2`)."""

    def __init__(self, kind: str, table_key: IKey | None = None, replica_key_arns: Mapping[str, str] | None = None):
        self.type = kind
        self.table_key = table_key
        self.replica_key_arns = dict(replica_key_arns or {})

    @staticmethod
    def dynamo_owned_key() -> TableEncryptionV2:
        """A key owned by DynamoDB (`SSEEnabled: false`)."""
        return TableEncryptionV2("AWS_OWNED")

    @staticmethod
    def aws_managed_key() -> TableEncryptionV2:
        """The AWS-managed key `aws/dynamodb`."""
        return TableEncryptionV2("AWS_MANAGED")

    @staticmethod
    def customer_managed_key(table_key: IKey, replica_key_arns: Mapping[str, str] | None = None) -> TableEncryptionV2:
        """A customer-managed key in the stack's region, and the key ARN of each replica region."""
        return TableEncryptionV2("CUSTOMER_MANAGED", table_key, replica_key_arns)

    def _render_sse_specification(self) -> CfnGlobalTable.SSESpecificationProperty:
        if self.type == "AWS_OWNED":
            return CfnGlobalTable.SSESpecificationProperty(sse_enabled=False)
        return CfnGlobalTable.SSESpecificationProperty(sse_enabled=True, sse_type="KMS")

    def _render_replica_sse_specification(self, scope: Construct,
                                          region: str) -> CfnGlobalTable.ReplicaSSESpecificationProperty | None:
        if self.type != "CUSTOMER_MANAGED":
            return None
        assert self.table_key is not None
        stack_region = Stack.of(scope).region
        if not Token.is_unresolved(stack_region) and stack_region in self.replica_key_arns:
            raise construct_error(scope, f"KMS key for deployment region {stack_region} cannot be defined in "
                                         "'replicaKeyArns'")
        if region == stack_region:
            return CfnGlobalTable.ReplicaSSESpecificationProperty(kms_master_key_id=self.table_key.key_arn)
        if region not in self.replica_key_arns:
            raise construct_error(scope, f"KMS key for {region} was not found in 'replicaKeyArns'")
        return CfnGlobalTable.ReplicaSSESpecificationProperty(kms_master_key_id=self.replica_key_arns[region])


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class ReplicaTableProps:
    """A replica of a `TableV2` in another region (settings default to the table's)."""

    region: str
    deletion_protection: bool | None = None
    table_class: TableClass | None = None
    point_in_time_recovery: bool | None = None
    read_capacity: Capacity | None = None


class TableV2(TableBase):
    """A DynamoDB global table (mirrors `aws_cdk.aws_dynamodb.TableV2`): `AWS::DynamoDB::GlobalTable`
    with one replica in the stack's region plus `replicas`.

    `partition_key` is required. Defaults: on-demand billing; a name generated by CloudFormation
    (or by cdk-events when used across environments); no stream (NEW_AND_OLD_IMAGES once a replica is
    added); DynamoDB-owned encryption; `removal_policy` RETAIN. Secondary indexes are not offered.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        partition_key: Attribute | Mapping[str, Any],
        sort_key: Attribute | Mapping[str, Any] | None = None,
        table_name: str | None = None,
        billing: Billing | None = None,
        dynamo_stream: StreamViewType | None = None,
        time_to_live_attribute: str | None = None,
        encryption: TableEncryptionV2 | None = None,
        point_in_time_recovery: bool | None = None,
        point_in_time_recovery_specification: PointInTimeRecoverySpecification | Mapping[str, Any] | None = None,
        deletion_protection: bool | None = None,
        table_class: TableClass | None = None,
        contributor_insights: bool | None = None,
        replicas: Sequence[ReplicaTableProps | Mapping[str, Any]] | None = None,
        removal_policy: RemovalPolicy | None = None,
    ):
        super().__init__(scope, id, physical_name=table_name or PhysicalName.GENERATE_IF_NEEDED)
        check_str(self, "table_name", table_name)
        check_str(self, "time_to_live_attribute", time_to_live_attribute)
        check_enum(self, "dynamo_stream", dynamo_stream, StreamViewType)
        check_enum(self, "table_class", table_class, TableClass)
        check_enum(self, "removal_policy", removal_policy, RemovalPolicy)
        for prop, value in (("point_in_time_recovery", point_in_time_recovery),
                            ("deletion_protection", deletion_protection),
                            ("contributor_insights", contributor_insights)):
            check_bool(self, prop, value)
        if billing is not None and not isinstance(billing, Billing):
            raise construct_error(self, f"'billing' must be a dynamodb.Billing, got {billing!r}")
        if encryption is not None and not isinstance(encryption, TableEncryptionV2):
            raise construct_error(self, f"'encryption' must be a dynamodb.TableEncryptionV2, got {encryption!r}")
        self._deletion_protection = deletion_protection
        self._table_class = table_class
        self._point_in_time_recovery = point_in_time_recovery
        self._contributor_insights = contributor_insights
        self._pitr_spec = self._validate_pitr(point_in_time_recovery, point_in_time_recovery_specification)
        self._encryption = encryption
        self.encryption_key = encryption.table_key if encryption is not None else None
        self._key_schema: list[CfnGlobalTable.KeySchemaProperty] = []
        self._attribute_definitions: list[CfnGlobalTable.AttributeDefinitionProperty] = []
        self._replicas: dict[str, ReplicaTableProps] = {}
        self._add_key(attribute(self, "partition_key", partition_key), HASH_KEY_TYPE)
        if sort_key is not None:
            self._add_key(attribute(self, "sort_key", sort_key), RANGE_KEY_TYPE)
        billing = billing or Billing.on_demand()
        self.billing_mode = billing.mode
        on_demand = billing.mode is BillingMode.PAY_PER_REQUEST
        self._read_provisioning = None if on_demand else billing._read._render_read_capacity()
        self._max_read_units = billing._read if on_demand else None
        write_provisioning = None if on_demand else billing._write._render_write_capacity()
        max_write_units = billing._write if on_demand else None
        resource = CfnGlobalTable(
            self, "Resource",
            table_name=self.physical_name,
            key_schema=self._key_schema,
            attribute_definitions=Lazy.any(lambda: list(self._attribute_definitions)),
            replicas=Lazy.any(self._render_replicas),
            billing_mode=billing.mode.value,
            write_provisioned_throughput_settings=write_provisioning,
            write_on_demand_throughput_settings=(CfnGlobalTable.WriteOnDemandThroughputSettingsProperty(
                max_write_request_units=max_write_units) if max_write_units else None),
            stream_specification=Lazy.any(lambda: self._render_stream(dynamo_stream)),
            sse_specification=encryption._render_sse_specification() if encryption is not None else None,
            time_to_live_specification=(CfnGlobalTable.TimeToLiveSpecificationProperty(
                attribute_name=time_to_live_attribute, enabled=True) if time_to_live_attribute else None),
        )
        resource.apply_removal_policy(removal_policy or RemovalPolicy.RETAIN)
        self.table_arn = self._get_resource_arn_attribute(
            resource.attr_arn, ArnComponents(service="dynamodb", resource="table", resource_name=self.physical_name))
        self.table_name = self._get_resource_name_attribute(resource.ref)
        self.table_id = resource.attr_table_id
        self.table_stream_arn = resource.attr_stream_arn
        for replica in replicas or ():
            self.add_replica(replica)

    def _validate_pitr(self, enabled: bool | None, given: Any) -> PointInTimeRecoverySpecification | None:
        spec = to_struct(PointInTimeRecoverySpecification, given, prop="point_in_time_recovery_specification",
                         scope=self)
        if enabled is not None and spec is not None:
            raise construct_error(self, "`pointInTimeRecoverySpecification` and `pointInTimeRecovery` are set. Use "
                                        "`pointInTimeRecoverySpecification` only.")
        days = spec.recovery_period_in_days if spec is not None else None
        if spec is not None and not spec.point_in_time_recovery_enabled and days:
            raise construct_error(self, "Cannot set `recoveryPeriodInDays` while `pointInTimeRecoveryEnabled` is set "
                                        "to false.")
        if days is not None and not 1 <= days <= 35:
            raise construct_error(self, "`recoveryPeriodInDays` must be a value between `1` and `35`.")
        return spec

    def _add_key(self, attr: Attribute, key_type: str) -> None:
        existing = next((d for d in self._attribute_definitions if d.attribute_name == attr.name), None)
        if existing is not None and existing.attribute_type != attr.type.value:
            raise construct_error(self, f"Unable to specify {attr.name} as {attr.type.value} because it was already "
                                        f"defined as {existing.attribute_type}")
        if existing is None:
            self._attribute_definitions.append(
                CfnGlobalTable.AttributeDefinitionProperty(attribute_name=attr.name, attribute_type=attr.type.value))
        self._key_schema.append(CfnGlobalTable.KeySchemaProperty(attribute_name=attr.name, key_type=key_type))

    def add_replica(self, props: ReplicaTableProps | Mapping[str, Any]) -> None:
        """Add a replica in another region (the stack must have a concrete region)."""
        replica = to_struct(ReplicaTableProps, props, prop="replica", scope=self)
        if not isinstance(replica, ReplicaTableProps):
            raise construct_error(self, f"a replica must be a dynamodb.ReplicaTableProps(region=...), got {props!r}")
        stack_region = Stack.of(self).region
        if Token.is_unresolved(stack_region):
            raise construct_error(self, "Replica tables are not supported in a region agnostic stack")
        if Token.is_unresolved(replica.region):
            raise construct_error(self, "Replica table region must not be a token")
        if replica.region == stack_region:
            raise construct_error(self, "You cannot add a replica table in the same region as the primary table - the "
                                        f"primary table region is {stack_region}")
        if replica.region in self._replicas:
            raise construct_error(self, f"Duplicate replica table region, {replica.region}, is not allowed")
        if self.billing_mode is BillingMode.PAY_PER_REQUEST and replica.read_capacity is not None:
            raise construct_error(self, "You cannot provide 'readCapacity' on a replica table when the billing mode is "
                                        "PAY_PER_REQUEST")
        self._replicas[replica.region] = replica
        self._regions = tuple(self._replicas)

    def _render_replica(self, replica: ReplicaTableProps) -> CfnGlobalTable.ReplicaSpecificationProperty:
        pitr_enabled = (replica.point_in_time_recovery if replica.point_in_time_recovery is not None
                        else self._point_in_time_recovery)
        pitr = None
        if self._pitr_spec is not None:
            pitr = CfnGlobalTable.PointInTimeRecoverySpecificationProperty(
                point_in_time_recovery_enabled=self._pitr_spec.point_in_time_recovery_enabled,
                recovery_period_in_days=self._pitr_spec.recovery_period_in_days)
        elif pitr_enabled is not None:
            pitr = CfnGlobalTable.PointInTimeRecoverySpecificationProperty(point_in_time_recovery_enabled=pitr_enabled)
        insights = self._contributor_insights
        table_class = replica.table_class or self._table_class
        protection = (replica.deletion_protection if replica.deletion_protection is not None
                      else self._deletion_protection)
        return CfnGlobalTable.ReplicaSpecificationProperty(
            region=replica.region,
            deletion_protection_enabled=protection,
            table_class=table_class.value if table_class is not None else None,
            sse_specification=(self._encryption._render_replica_sse_specification(self, replica.region)
                               if self._encryption is not None else None),
            contributor_insights_specification=(CfnGlobalTable.ContributorInsightsSpecificationProperty(
                enabled=insights) if insights is not None else None),
            point_in_time_recovery_specification=pitr,
            read_provisioned_throughput_settings=(replica.read_capacity._render_read_capacity()
                                                  if replica.read_capacity is not None else self._read_provisioning),
            read_on_demand_throughput_settings=(CfnGlobalTable.ReadOnDemandThroughputSettingsProperty(
                max_read_request_units=self._max_read_units) if self._max_read_units else None),
        )

    def _render_replicas(self) -> list[CfnGlobalTable.ReplicaSpecificationProperty]:
        replicas = [self._render_replica(r) for r in self._replicas.values()]
        replicas.append(self._render_replica(ReplicaTableProps(region=Stack.of(self).region)))
        return replicas

    def _render_stream(self, stream: StreamViewType | None) -> CfnGlobalTable.StreamSpecificationProperty | None:
        if stream is not None:
            return CfnGlobalTable.StreamSpecificationProperty(stream_view_type=stream.value)
        if self._replicas:
            return CfnGlobalTable.StreamSpecificationProperty(stream_view_type=StreamViewType.NEW_AND_OLD_IMAGES.value)
        return None
