"""dynamodb.TableV2: the global table, its replicas, billing, encryption and grants."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from aws_support import make_app, synth

from cdk_events.aws import dynamodb, iam, kms
from cdk_events.core import Stack, UnscopedValidationError, ValidationError

PK = dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING)


def _table(resources: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = next(r for r in resources.values() if r["Type"] == "AWS::DynamoDB::GlobalTable")
    return found


def test_defaults_on_demand_one_replica_in_the_stack_region(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    dynamodb.TableV2(stack, "T", partition_key=PK)
    table = _table(synth(app, "S")["Resources"])
    assert table["Properties"] == {
        "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
        "BillingMode": "PAY_PER_REQUEST",
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
        "Replicas": [{"Region": {"Ref": "AWS::Region"}}],
    }
    assert table["DeletionPolicy"] == "Retain"


def test_provisioned_replicas_and_customer_managed_keys(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S", env={"account": "123456789012", "region": "us-east-1"})
    key = kms.Key(stack, "Key")
    table = dynamodb.TableV2(
        stack, "T", partition_key=PK, sort_key={"name": "sk", "type": dynamodb.AttributeType.NUMBER},
        billing=dynamodb.Billing.provisioned(read_capacity=dynamodb.Capacity.fixed(10),
                                             write_capacity=dynamodb.Capacity.autoscaled(max_capacity=15)),
        encryption=dynamodb.TableEncryptionV2.customer_managed_key(
            key, {"us-west-2": "arn:aws:kms:us-west-2:123456789012:key/abc"}),
        replicas=[dynamodb.ReplicaTableProps(region="us-west-2")], point_in_time_recovery=True)
    role = iam.Role(stack, "R", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
    table.grant_read_data(role)
    props = _table(synth(app, "S")["Resources"])["Properties"]
    assert [r["Region"] for r in props["Replicas"]] == ["us-west-2", "us-east-1"]
    assert props["Replicas"][0]["SSESpecification"] == {"KMSMasterKeyId": "arn:aws:kms:us-west-2:123456789012:key/abc"}
    assert props["Replicas"][1]["ReadProvisionedThroughputSettings"] == {"ReadCapacityUnits": 10}
    assert props["WriteProvisionedThroughputSettings"]["WriteCapacityAutoScalingSettings"] == {
        "MaxCapacity": 15, "MinCapacity": 1, "TargetTrackingScalingPolicyConfiguration": {"TargetValue": 70}}
    assert props["StreamSpecification"] == {"StreamViewType": "NEW_AND_OLD_IMAGES"}
    assert props["SSESpecification"] == {"SSEEnabled": True, "SSEType": "KMS"}


def test_cdk_checks(tmp_path: Path) -> None:
    stack = Stack(make_app(tmp_path), "S")
    with pytest.raises(UnscopedValidationError, match="You cannot configure 'writeCapacity' with FIXED"):
        dynamodb.TableV2(stack, "A", partition_key=PK, billing=dynamodb.Billing.provisioned(
            read_capacity=dynamodb.Capacity.fixed(1), write_capacity=dynamodb.Capacity.fixed(1)))
    with pytest.raises(ValidationError, match="Replica tables are not supported in a region agnostic stack"):
        dynamodb.TableV2(stack, "B", partition_key=PK, replicas=[dynamodb.ReplicaTableProps(region="us-west-2")])
    with pytest.raises(UnscopedValidationError, match="`minCapacity` must be less than or equal"):
        dynamodb.Capacity.autoscaled(max_capacity=1, min_capacity=2)
