"""kinesis.Stream: default encryption condition, KMS, grants and imports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from aws_support import by_path, golden, make_app, synth

from cdk_events.aws import iam, kinesis, kms
from cdk_events.core import Duration, RemovalPolicy, Stack, ValidationError


def test_default_stream_matches_golden(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "KinesisTargetStack")
    kinesis.Stream(stack, "Stream")
    kinesis.Stream(stack, "Second")
    ours = synth(app, "KinesisTargetStack")
    expected = golden("target_kinesis", "KinesisTargetStack")
    assert ours["Resources"]["Stream790BDEE4"] == expected["Resources"]["Stream790BDEE4"]
    assert ours["Conditions"] == expected["Conditions"]


def test_kms_stream_and_grant_write_match_golden(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "OwnedResourceStack")
    key = kms.Key(stack, "Key", description="events compat key", enable_key_rotation=True,
                  removal_policy=RemovalPolicy.DESTROY)
    stream = kinesis.Stream(stack, "Stream", stream_name="owned-stream", shard_count=3,
                            retention_period=Duration.hours(72), encryption=kinesis.StreamEncryption.KMS,
                            encryption_key=key)
    role = iam.Role(stream, "EventsRole", assumed_by=iam.ServicePrincipal("events.amazonaws.com"))
    stream.grant_write(role)
    ours = synth(app, "OwnedResourceStack")["Resources"]
    expected = golden("owned_resources", "OwnedResourceStack")["Resources"]
    for logical_id in ("Stream790BDEE4", "StreamEventsRoleDefaultPolicyC0F247E2"):
        assert ours[logical_id] == expected[logical_id]
    assert "Conditions" not in synth(app, "OwnedResourceStack")


def test_managed_and_unencrypted(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    kinesis.Stream(stack, "Managed", encryption=kinesis.StreamEncryption.MANAGED)
    kinesis.Stream(stack, "Plain", encryption=kinesis.StreamEncryption.UNENCRYPTED,
                   stream_mode=kinesis.StreamMode.ON_DEMAND)
    resources = synth(app, "S")["Resources"]
    assert by_path(resources, "S/Managed/Resource")["Properties"]["StreamEncryption"] == {
        "EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"}
    assert by_path(resources, "S/Plain/Resource")["Properties"] == {
        "RetentionPeriodHours": 24, "StreamModeDetails": {"StreamMode": "ON_DEMAND"}}


def test_from_stream_arn(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    stream = kinesis.Stream.from_stream_arn(stack, "Imported", "arn:aws:kinesis:us-east-1:123456789012:stream/shared")
    assert stream.stream_name == "shared"
    assert (stream.env.account, stream.env.region) == ("123456789012", "us-east-1")


@pytest.mark.parametrize(("props", "message"), [
    ({"retention_period": Duration.hours(12)}, "retentionPeriod must be between 24 and 8760 hours. Received 12"),
    ({"shard_count": 2, "stream_mode": kinesis.StreamMode.ON_DEMAND}, "streamMode must be set to PROVISIONED"),
    ({"encryption": "KMS"}, "[S/St] 'encryption' must be one of StreamEncryption.UNENCRYPTED"),
    ({"stream_name": "bad name"}, "Invalid stream_name 'bad name'"),
])
def test_invalid_props_are_rejected(tmp_path: Path, props: dict[str, Any], message: str) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    with pytest.raises(ValidationError) as error:
        kinesis.Stream(stack, "St", **props)
    assert message in str(error.value)


def test_key_requires_kms_encryption(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    key = kms.Key(stack, "Key")
    with pytest.raises(ValidationError, match="encryptionKey is specified, so 'encryption' must be set to KMS"):
        kinesis.Stream(stack, "St", encryption=kinesis.StreamEncryption.MANAGED, encryption_key=key)
