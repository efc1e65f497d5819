"""dynamodb.Table: keys, billing, streams, encryption, grants and imports (porting goldens)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from aws_support import COMPAT, make_app, synth

from cdk_events.aws import dynamodb, iam, kms
from cdk_events.core import RemovalPolicy, Stack, ValidationError
from cdk_events.core._struct import StructError


def porting_golden(app: str, stack: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(
        (COMPAT / "porting" / "goldens" / app / f"{stack}.template.json").read_text())
    return result


def _tables(stack: Stack) -> tuple[dynamodb.Table, dynamodb.Table]:
    orders = dynamodb.Table(
        stack, "Orders", table_name="porting-orders",
        partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
        sort_key=dynamodb.Attribute(name="created", type=dynamodb.AttributeType.NUMBER),
        billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST, stream=dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
        time_to_live_attribute="expires", removal_policy=RemovalPolicy.DESTROY,
        encryption=dynamodb.TableEncryption.AWS_MANAGED)
    counters = dynamodb.Table(
        stack, "Counters", partition_key=dynamodb.Attribute(name="id", type=dynamodb.AttributeType.BINARY),
        billing_mode=dynamodb.BillingMode.PROVISIONED, read_capacity=3, write_capacity=2,
        stream=dynamodb.StreamViewType.KEYS_ONLY)
    return orders, counters


def test_tables_and_full_access_grant_match_golden(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "DynamoTables")
    _orders, counters = _tables(stack)
    admin = iam.Role(stack, "Admin", assumed_by=iam.AccountPrincipal("123456789012"))
    counters.grant_full_access(admin)
    ours = synth(app, "DynamoTables")["Resources"]
    expected = porting_golden("dynamodb_table", "DynamoTables")["Resources"]
    for logical_id in ("OrdersA9B65338", "CountersFDB211E7", "AdminC75D2A91", "AdminDefaultPolicyB99EA115"):
        assert json.dumps(ours[logical_id]) == json.dumps(expected[logical_id]), logical_id


def test_read_and_stream_grants(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    orders, _counters = _tables(stack)
    role = iam.Role(stack, "Reader", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
    orders.grant_read_data(role)
    orders.grant_stream_read(role)
    policy = next(r for r in synth(app, "S")["Resources"].values() if r["Type"] == "AWS::IAM::Policy")
    statements = policy["Properties"]["PolicyDocument"]["Statement"]
    assert statements == [
        {"Action": ["dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable",
                    "dynamodb:GetItem", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:Query",
                    "dynamodb:Scan"],
         "Effect": "Allow", "Resource": {"Fn::GetAtt": ["OrdersA9B65338", "Arn"]}},
        {"Action": "dynamodb:ListStreams", "Effect": "Allow", "Resource": "*"},
        {"Action": ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"],
         "Effect": "Allow", "Resource": {"Fn::GetAtt": ["OrdersA9B65338", "StreamArn"]}},
    ]


def test_defaults_provisioned_five_and_retain(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    table = dynamodb.Table(stack, "T", partition_key={"name": "pk", "type": dynamodb.AttributeType.STRING})
    resource = synth(app, "S")["Resources"]["TD925BC7E"]
    assert resource["Properties"]["ProvisionedThroughput"] == {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}
    assert resource["DeletionPolicy"] == "Retain"
    assert table.table_stream_arn is None


def test_customer_managed_key_is_created_and_granted(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    table = dynamodb.Table(stack, "T", partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
                           encryption=dynamodb.TableEncryption.CUSTOMER_MANAGED)
    role = iam.Role(stack, "R", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
    table.grant_write_data(role)
    resources = synth(app, "S")["Resources"]
    keys = [r for r in resources.values() if r["Type"] == "AWS::KMS::Key"]
    assert keys[0]["Properties"]["Description"] == \
        "Customer-managed key auto-created for encrypting DynamoDB table at S/T"
    sse = next(r for r in resources.values() if r["Type"] == "AWS::DynamoDB::Table")["Properties"]["SSESpecification"]
    assert sse["SSEEnabled"] is True and sse["SSEType"] == "KMS"
    policy = next(r for r in resources.values() if r["Type"] == "AWS::IAM::Policy")
    actions = [s["Action"] for s in policy["Properties"]["PolicyDocument"]["Statement"]]
    assert ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"] in actions


def test_cdk_checks(tmp_path: Path) -> None:
    stack = Stack(make_app(tmp_path), "S")
    key = dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING)
    with pytest.raises(ValidationError, match="you cannot provision read and write capacity for a table with "
                                              "PAY_PER_REQUEST billing mode"):
        dynamodb.Table(stack, "A", partition_key=key, billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
                       read_capacity=5)
    with pytest.raises(ValidationError, match="encryptionKey cannot be specified unless encryption is set to"):
        dynamodb.Table(stack, "B", partition_key=key, encryption=dynamodb.TableEncryption.AWS_MANAGED,
                       encryption_key=kms.Key(stack, "K"))
    with pytest.raises(StructError, match="kind"):
        dynamodb.Table(stack, "C", partition_key={"name": "pk", "kind": "S"})
    no_stream = dynamodb.Table(stack, "D", partition_key=key)
    role = iam.Role(stack, "R", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
    with pytest.raises(ValidationError, match="DynamoDB Streams must be enabled on the table S/D"):
        no_stream.grant_stream_read(role)


def test_imports(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S", env={"account": "123456789012", "region": "eu-west-1"})
    by_name = dynamodb.Table.from_table_name(stack, "ByName", "orders")
    by_arn = dynamodb.Table.from_table_arn(stack, "ByArn", "arn:aws:dynamodb:eu-west-1:123456789012:table/audit")
    assert stack.resolve(by_name.table_arn) == "arn:aws:dynamodb:eu-west-1:123456789012:table/orders"
    assert by_arn.table_name == "audit"
    role = iam.Role(stack, "R", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
    by_name.grant_read_write_data(role)
    with pytest.raises(ValidationError, match="Exactly one of"):
        dynamodb.Table.from_table_attributes(stack, "Neither")
    synth(app, "S")


def test_secondary_indexes_and_index_grants(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    table = dynamodb.Table(stack, "T", partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
                           sort_key=dynamodb.Attribute(name="sk", type=dynamodb.AttributeType.STRING))
    status = dynamodb.Attribute(name="status", type=dynamodb.AttributeType.STRING)
    table.add_global_secondary_index(index_name="byStatus", partition_key=status,
                                     projection_type=dynamodb.ProjectionType.INCLUDE, non_key_attributes=["total"])
    table.add_local_secondary_index({"index_name": "byDate",
                                     "sort_key": {"name": "date", "type": dynamodb.AttributeType.NUMBER}})
    role = iam.Role(stack, "R", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
    table.grant(role, "dynamodb:Query")
    resources = synth(app, "S")["Resources"]
    props = resources["TD925BC7E"]["Properties"]
    assert [d["AttributeName"] for d in props["AttributeDefinitions"]] == ["pk", "sk", "status", "date"]
    assert props["GlobalSecondaryIndexes"] == [{
        "IndexName": "byStatus", "KeySchema": [{"AttributeName": "status", "KeyType": "HASH"}],
        "Projection": {"NonKeyAttributes": ["total"], "ProjectionType": "INCLUDE"},
        "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}}]
    assert props["LocalSecondaryIndexes"][0]["KeySchema"] == [
        {"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "date", "KeyType": "RANGE"}]
    policy = next(r for r in resources.values() if r["Type"] == "AWS::IAM::Policy")
    assert policy["Properties"]["PolicyDocument"]["Statement"][0]["Resource"] == [
        {"Fn::GetAtt": ["TD925BC7E", "Arn"]},
        {"Fn::Join": ["", [{"Fn::GetAtt": ["TD925BC7E", "Arn"]}, "/index/*"]]}]
    with pytest.raises(ValidationError, match="a duplicate index name, byStatus, is not allowed"):
        table.add_global_secondary_index(index_name="byStatus", partition_key=dynamodb.Attribute(
            name="x", type=dynamodb.AttributeType.STRING))


def test_kinesis_stream_resource_policy_and_refused_replication(tmp_path: Path) -> None:
    from cdk_events.aws import kinesis

    app = make_app(tmp_path)
    stack = Stack(app, "S")
    stream = kinesis.Stream.from_stream_arn(stack, "Stream", "arn:aws:kinesis:us-east-1:123456789012:stream/s")
    policy = iam.PolicyDocument(statements=[iam.PolicyStatement(
        actions=["dynamodb:GetItem"], resources=["*"], principals=[iam.AccountRootPrincipal()])])
    key = dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING)
    dynamodb.Table(stack, "T", partition_key=key, kinesis_stream=stream, resource_policy=policy)
    props = synth(app, "S")["Resources"]["TD925BC7E"]["Properties"]
    assert props["KinesisStreamSpecification"] == {"StreamArn": "arn:aws:kinesis:us-east-1:123456789012:stream/s"}
    assert props["ResourcePolicy"]["PolicyDocument"]["Statement"][0]["Action"] == "dynamodb:GetItem"
    with pytest.raises(ValidationError, match=r"'replication_regions' is not offered.*TableV2"):
        dynamodb.Table(stack, "R", partition_key=key, replication_regions=["us-west-2"])
