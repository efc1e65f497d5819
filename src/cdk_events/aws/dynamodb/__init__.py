"""cdk_events.aws.dynamodb: DynamoDB tables and their grants (the `aws_cdk.aws_dynamodb` counterpart).

`Table` renders `AWS::DynamoDB::Table` as the CDK does (keys, billing, streams, TTL, encryption);
`TableV2` renders `AWS::DynamoDB::GlobalTable` with its replica in the stack's region.
"""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._cfn_generated import CfnGlobalTable, CfnTable
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
    from ._table import Table
    from ._table_base import ITable, TableBase
    from ._table_v2 import Billing, Capacity, ReplicaTableProps, TableEncryptionV2, TableV2

__all__ = ["Attribute", "AttributeType", "Billing", "BillingMode", "Capacity", "CfnGlobalTable", "CfnTable",
           "GlobalSecondaryIndexProps", "ITable", "LocalSecondaryIndexProps", "ProjectionType",
           "PointInTimeRecoverySpecification", "ReplicaTableProps", "StreamViewType", "Table", "TableBase",
           "TableClass", "TableEncryption", "TableEncryptionV2", "TableV2"]

lazy_exports(globals(), {
    "CfnGlobalTable": "._cfn_generated",
    "CfnTable": "._cfn_generated",
    "Attribute": "._enums",
    "AttributeType": "._enums",
    "BillingMode": "._enums",
    "PointInTimeRecoverySpecification": "._enums",
    "GlobalSecondaryIndexProps": "._enums",
    "LocalSecondaryIndexProps": "._enums",
    "ProjectionType": "._enums",
    "StreamViewType": "._enums",
    "TableClass": "._enums",
    "TableEncryption": "._enums",
    "Table": "._table",
    "Billing": "._table_v2",
    "Capacity": "._table_v2",
    "ReplicaTableProps": "._table_v2",
    "TableEncryptionV2": "._table_v2",
    "TableV2": "._table_v2",
    "ITable": "._table_base",
    "TableBase": "._table_base",
})
