"""s3.Bucket: props, the bucket policy, grants and imports, against the porting suite's goldens."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from aws_support import COMPAT, make_app, synth

from cdk_events.aws import iam, kms, s3
from cdk_events.core import Duration, RemovalPolicy, Stack, ValidationError


def porting_golden(app: str, stack: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(
        (COMPAT / "porting" / "goldens" / app / f"{stack}.template.json").read_text())
    return result


def _props_stack(tmp_path: Path) -> tuple[Any, Stack, dict[str, Any]]:
    app = make_app(tmp_path)
    stack = Stack(app, "BucketPropsGrants")
    key = kms.Key(stack, "Key", enable_key_rotation=True)
    logs_bucket = s3.Bucket(stack, "AccessLogs", encryption=s3.BucketEncryption.S3_MANAGED,
                            object_ownership=s3.ObjectOwnership.BUCKET_OWNER_PREFERRED)
    data = s3.Bucket(
        stack, "Data", bucket_name="porting-data-123456789012", versioned=True,
        encryption=s3.BucketEncryption.KMS, encryption_key=key, bucket_key_enabled=True,
        block_public_access=s3.BlockPublicAccess.BLOCK_ALL, enforce_ssl=True, removal_policy=RemovalPolicy.RETAIN,
        server_access_logs_bucket=logs_bucket, server_access_logs_prefix="data/",
        lifecycle_rules=[s3.LifecycleRule(id="expire-tmp", prefix="tmp/", expiration=Duration.days(7)),
                         s3.LifecycleRule(noncurrent_version_expiration=Duration.days(30),
                                          abort_incomplete_multipart_upload_after=Duration.days(1))],
        cors=[s3.CorsRule(allowed_methods=[s3.HttpMethods.GET, s3.HttpMethods.PUT],
                          allowed_origins=["https://app.example.com"], max_age=300)])
    s3.Bucket(stack, "OwnKey", encryption=s3.BucketEncryption.KMS)
    managed = s3.Bucket(stack, "KmsManaged", encryption=s3.BucketEncryption.KMS_MANAGED,
                        removal_policy=RemovalPolicy.DESTROY)
    return app, stack, {"data": data, "managed": managed}


def test_bucket_props_match_golden(tmp_path: Path) -> None:
    app, _stack, _ = _props_stack(tmp_path)
    ours = synth(app, "BucketPropsGrants")["Resources"]
    expected = porting_golden("s3_bucket_props_grants", "BucketPropsGrants")["Resources"]
    for logical_id in ("Key961B73FD", "AccessLogs8B620ECA", "AccessLogsPolicyABDC4D2D", "Data666C94C7",
                       "DataPolicyB80589C3", "OwnKeyAF4E5517", "OwnKeyFF146825", "KmsManaged1364C47C"):
        assert json.dumps(ours[logical_id]) == json.dumps(expected[logical_id]), logical_id


def test_grants_with_key_patterns_and_imports_match_golden(tmp_path: Path) -> None:
    app, stack, buckets = _props_stack(tmp_path)
    role = iam.Role(stack, "Writer", assumed_by=iam.ServicePrincipal("ecs-tasks.amazonaws.com"))
    buckets["data"].grant_write(role)
    buckets["managed"].grant_put(role, "uploads/*")
    buckets["managed"].grant_delete(role)
    s3.Bucket.from_bucket_arn(stack, "ByArn", "arn:aws:s3:::partner-drop").grant_read_write(role)
    ours = synth(app, "BucketPropsGrants")["Resources"]
    expected = porting_golden("s3_bucket_props_grants", "BucketPropsGrants")["Resources"]
    assert ours["WriterDefaultPolicyDC585BCE"] == expected["WriterDefaultPolicyDC585BCE"]


def test_defaults_retain_and_no_properties(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    bucket = s3.Bucket(stack, "Bucket")
    resource = synth(app, "S")["Resources"]["Bucket83908E77"]
    assert resource["DeletionPolicy"] == "Retain"
    assert "Properties" not in resource
    assert stack.resolve(bucket.bucket_arn) == {"Fn::GetAtt": ["Bucket83908E77", "Arn"]}
    assert stack.resolve(bucket.arn_for_objects("a/*")) == {
        "Fn::Join": ["", [{"Fn::GetAtt": ["Bucket83908E77", "Arn"]}, "/a/*"]]}


def test_event_bridge_enabled_is_written_on_the_bucket(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    s3.Bucket(stack, "On", event_bridge_enabled=True)
    later = s3.Bucket(stack, "Later")
    later.enable_event_bridge_notification()
    resources = synth(app, "S")["Resources"]
    config = {"EventBridgeConfiguration": {"EventBridgeEnabled": True}}
    assert [r["Properties"]["NotificationConfiguration"] for r in resources.values()] == [config, config]
    assert all(r["Type"] == "AWS::S3::Bucket" for r in resources.values())


def test_lifecycle_and_cors_rules_added_later_and_as_dicts(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    bucket = s3.Bucket(stack, "Bucket", lifecycle_rules=[
        {"prefix": "tmp/", "expiration": Duration.days(7), "noncurrent_version_expiration": Duration.days(3)}])
    bucket.add_lifecycle_rule({"enabled": False, "transitions": [
        s3.Transition(storage_class=s3.StorageClass.GLACIER, transition_after=Duration.days(30))]})
    bucket.add_cors_rule(s3.CorsRule(allowed_methods=[s3.HttpMethods.HEAD], allowed_origins=["*"]))
    props = synth(app, "S")["Resources"]["Bucket83908E77"]["Properties"]
    assert props["LifecycleConfiguration"] == {"Rules": [
        {"ExpirationInDays": 7, "Prefix": "tmp/", "Status": "Enabled"},
        {"Status": "Disabled", "Transitions": [{"StorageClass": "GLACIER", "TransitionInDays": 30}]}]}
    assert props["CorsConfiguration"] == {"CorsRules": [{"AllowedMethods": ["HEAD"], "AllowedOrigins": ["*"]}]}


def test_add_lifecycle_rule_dict_with_unknown_key_is_rejected(tmp_path: Path) -> None:
    stack = Stack(make_app(tmp_path), "S")
    bucket = s3.Bucket(stack, "Bucket")
    with pytest.raises(ValidationError, match="expires_in"):
        bucket.add_lifecycle_rule({"expires_in": Duration.days(1)})


def test_invalid_props_are_rejected_with_the_cdk_messages(tmp_path: Path) -> None:
    stack = Stack(make_app(tmp_path), "S")
    with pytest.raises(ValidationError, match=r"Invalid S3 bucket name \(value: Bad_Name\)"):
        s3.Bucket(stack, "BadName", bucket_name="Bad_Name")
    key = kms.Key(stack, "Key")
    with pytest.raises(ValidationError, match="encryptionKey is specified, so 'encryption' must be set to KMS"):
        s3.Bucket(stack, "WrongKey", encryption=s3.BucketEncryption.S3_MANAGED, encryption_key=key)
    with pytest.raises(ValidationError, match="'versioned' must be"):
        s3.Bucket(stack, "NotBool", versioned="yes")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="blockPublicPolicy"):
        s3.Bucket(stack, "Blocked", block_public_access=s3.BlockPublicAccess.BLOCK_ALL).grant_public_access()


def test_custom_resource_features_are_refused_with_an_alternative(tmp_path: Path) -> None:
    stack = Stack(make_app(tmp_path), "S")
    with pytest.raises(ValidationError, match=r"auto_delete_objects=True is not offered.*custom resource"):
        s3.Bucket(stack, "AutoDelete", auto_delete_objects=True, removal_policy=RemovalPolicy.DESTROY)
    bucket = s3.Bucket(stack, "Bucket")
    with pytest.raises(ValidationError, match=r"add_event_notification is not offered.*event_bridge_enabled=True"):
        bucket.add_event_notification("s3:ObjectCreated:*", object())
    imported = s3.Bucket.from_bucket_name(stack, "Imported", "some-bucket")
    with pytest.raises(ValidationError, match="imported bucket"):
        imported.enable_event_bridge_notification()


def test_imports_by_name_arn_and_attributes(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S", env={"account": "123456789012", "region": "eu-west-1"})
    by_name = s3.Bucket.from_bucket_name(stack, "ByName", "legacy-reports")
    by_arn = s3.Bucket.from_bucket_arn(stack, "ByArn", "arn:aws:s3:::partner-drop")
    attrs = s3.Bucket.from_bucket_attributes(stack, "Attrs", bucket_name="cn-bucket", region="cn-north-1")
    assert stack.resolve(by_name.bucket_arn) == "arn:aws:s3:::legacy-reports"
    assert by_arn.bucket_name == "partner-drop"
    assert by_name.bucket_regional_domain_name == "legacy-reports.s3.eu-west-1.amazonaws.com"
    assert attrs.bucket_regional_domain_name == "cn-bucket.s3.cn-north-1.amazonaws.com.cn"
    with pytest.raises(ValidationError, match="Bucket name is required"):
        s3.Bucket.from_bucket_attributes(stack, "Nothing")


def test_cloud_trail_helpers_match_golden(tmp_path: Path) -> None:
    from cdk_events import EventPattern, targets
    from cdk_events.aws import sns, sqs

    app = make_app(tmp_path)
    stack = Stack(app, "BucketCloudTrail")
    queue = sqs.Queue(stack, "Audit")
    topic = sns.Topic(stack, "Writes")
    bucket = s3.Bucket(stack, "Uploads")
    bucket.on_cloud_trail_event("AnyApiCall", target=targets.SqsQueue(queue))
    bucket.on_cloud_trail_put_object("PutIncoming", paths=["incoming/"], description="new uploads",
                                     target=targets.SnsTopic(topic))
    bucket.on_cloud_trail_write_object("AnyWrite", rule_name="porting-any-write", target=targets.SqsQueue(queue))
    imported = s3.Bucket.from_bucket_name(stack, "Imported", "partner-drop")
    imported.on_cloud_trail_put_object("PartnerPut", paths=["a/", "b/c.json"], target=targets.SqsQueue(queue))
    by_arn = s3.Bucket.from_bucket_arn(stack, "ByArn", "arn:aws:s3:::audit-archive")
    by_arn.on_cloud_trail_event("ArchiveCalls", event_pattern=EventPattern(detail={"eventName": ["DeleteObject"]}),
                                target=targets.SnsTopic(topic))
    ours = synth(app, "BucketCloudTrail")["Resources"]
    expected = porting_golden("s3_cloudtrail_helpers", "BucketCloudTrail")["Resources"]
    assert json.dumps(ours) == json.dumps(expected)


def test_write_object_with_paths_matches_keys(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    bucket = s3.Bucket.from_bucket_name(stack, "B", "some-bucket")
    rule = bucket.on_cloud_trail_write_object("W", paths=["in/"])
    pattern = stack.resolve(rule.node.default_child._render_properties()["EventPattern"])  # type: ignore[union-attr]
    assert pattern["detail"]["requestParameters"] == {"bucketName": ["some-bucket"], "key": ["in/"]}
    with pytest.raises(ValidationError, match="'paths' must be a list"):
        bucket.on_cloud_trail_event("X", paths="in/")


def test_metrics_and_access_log_key_format(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    bucket = s3.Bucket(stack, "Bucket", server_access_logs_prefix="logs/",
                       target_object_key_format=s3.TargetObjectKeyFormat.partitioned_prefix(
                           s3.PartitionDateSource.DELIVERY_TIME),
                       metrics=[{"id": "all"}])
    bucket.add_metric(s3.BucketMetrics(id="tmp", prefix="tmp/", tag_filters={"team": "a"}))
    props = synth(app, "S")["Resources"]["Bucket83908E77"]["Properties"]
    assert props["LoggingConfiguration"] == {
        "LogFilePrefix": "logs/",
        "TargetObjectKeyFormat": {"PartitionedPrefix": {"PartitionDateSource": "DeliveryTime"}}}
    assert props["MetricsConfigurations"] == [
        {"Id": "all"}, {"Id": "tmp", "Prefix": "tmp/", "TagFilters": [{"Key": "team", "Value": "a"}]}]
