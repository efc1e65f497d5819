"""The key attributes and the settings of DynamoDB tables: `Attribute`, `AttributeType`,
`BillingMode`, `StreamViewType`, `TableEncryption`, `TableClass`, `PointInTimeRecoverySpecification`."""

from __future__ import annotations

from enum import Enum

import attrs

from ...core._struct_methods import struct_methods


class AttributeType(Enum):
    """The type of a key attribute."""

    BINARY = "B"
    NUMBER = "N"
    STRING = "S"


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Attribute:
    """A key attribute: its `name` and `type` (mirrors `aws_cdk.aws_dynamodb.Attribute`)."""

    name: str
    type: AttributeType


class BillingMode(Enum):
    """How a table's reads and writes are billed (`Table` defaults to PROVISIONED)."""

    PAY_PER_REQUEST = "PAY_PER_REQUEST"
    PROVISIONED = "PROVISIONED"


class StreamViewType(Enum):
    """What a table's stream records carry."""

    NEW_IMAGE = "NEW_IMAGE"
    OLD_IMAGE = "OLD_IMAGE"
    NEW_AND_OLD_IMAGES = "NEW_AND_OLD_IMAGES"
    KEYS_ONLY = "KEYS_ONLY"


class TableEncryption(Enum):
    """How a table is encrypted at rest (unset: DynamoDB's default, an AWS-owned key)."""

    DEFAULT = "AWS_OWNED"
    """An AWS-owned key (`SSEEnabled: false`)."""
    CUSTOMER_MANAGED = "CUSTOMER_MANAGED"
    """A customer-managed KMS key (`encryption_key`, or a new one)."""
    AWS_MANAGED = "AWS_MANAGED"
    """The AWS-managed key `aws/dynamodb` (`SSEEnabled: true`)."""


class TableClass(Enum):
    """The storage class of a table."""

    STANDARD = "STANDARD"
    STANDARD_INFREQUENT_ACCESS = "STANDARD_INFREQUENT_ACCESS"


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class PointInTimeRecoverySpecification:
    """Point-in-time recovery: on or off, and how many days back (1..35, default 35)."""

    point_in_time_recovery_enabled: bool
    recovery_period_in_days: int | None = None


class ProjectionType(Enum):
    """Which attributes a secondary index holds (default ALL)."""

    KEYS_ONLY = "KEYS_ONLY"
    INCLUDE = "INCLUDE"
    ALL = "ALL"


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class GlobalSecondaryIndexProps:
    """A global secondary index of a `Table`: `index_name` and `partition_key` are required;
    capacities default to 5 (PROVISIONED tables); projection ALL."""

    index_name: str
    partition_key: Attribute
    sort_key: Attribute | None = None
    projection_type: ProjectionType | None = None
    non_key_attributes: list[str] | None = None
    read_capacity: int | None = None
    write_capacity: int | None = None
    contributor_insights_enabled: bool | None = None


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class LocalSecondaryIndexProps:
    """A local secondary index of a `Table` (the table needs a sort key): projection ALL by default."""

    index_name: str
    sort_key: Attribute
    projection_type: ProjectionType | None = None
    non_key_attributes: list[str] | None = None
