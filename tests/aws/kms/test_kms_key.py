"""kms.Key: the default key policy, grants, removal policy and imports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from aws_support import by_path, golden, make_app, synth

from cdk_events.aws import iam, kms
from cdk_events.core import Duration, RemovalPolicy, Stack, ValidationError


def test_owned_key_matches_golden(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "OwnedResourceStack")
    key = kms.Key(stack, "Key", description="events compat key", enable_key_rotation=True,
                  removal_policy=RemovalPolicy.DESTROY)
    key.grant(iam.ServicePrincipal("events.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey*")
    ours = synth(app, "OwnedResourceStack")["Resources"]
    assert ours["Key961B73FD"] == golden("owned_resources", "OwnedResourceStack")["Resources"]["Key961B73FD"]


def test_defaults_retain_and_root_statement(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    kms.Key(stack, "Key")
    resource = synth(app, "S")["Resources"]["Key961B73FD"]
    assert (resource["DeletionPolicy"], resource["UpdateReplacePolicy"]) == ("Retain", "Retain")
    assert [s["Action"] for s in resource["Properties"]["KeyPolicy"]["Statement"]] == ["kms:*"]


def test_grant_to_role_uses_identity_policy(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    key = kms.Key(stack, "Key")
    role = iam.Role(stack, "Role", assumed_by=iam.ServicePrincipal("events.amazonaws.com"))
    key.grant_encrypt(role)
    resources = synth(app, "S")["Resources"]
    assert len(resources["Key961B73FD"]["Properties"]["KeyPolicy"]["Statement"]) == 1
    statement = by_path(resources, "S/Role/DefaultPolicy/Resource")["Properties"]["PolicyDocument"]["Statement"][0]
    assert statement == {"Action": ["kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"], "Effect": "Allow",
                         "Resource": {"Fn::GetAtt": ["Key961B73FD", "Arn"]}}


def test_alias_and_pending_window(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    kms.Key(stack, "Key", alias="my-key", pending_window=Duration.days(7))
    resources = synth(app, "S")["Resources"]
    assert resources["Key961B73FD"]["Properties"]["PendingWindowInDays"] == 7
    assert by_path(resources, "S/Key/Alias/Resource")["Properties"] == {
        "AliasName": "alias/my-key", "TargetKeyId": {"Fn::GetAtt": ["Key961B73FD", "Arn"]}}


def test_from_key_arn(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    key = kms.Key.from_key_arn(stack, "Imported", "arn:aws:kms:us-east-1:123456789012:key/1234abcd")
    assert key.key_id == "1234abcd"
    assert key.env.account == "123456789012"
    assert key.add_to_resource_policy(iam.PolicyStatement(actions=["kms:*"], resources=["*"])).statement_added \
        is False
    with pytest.raises(ValidationError, match="KMS key ARN must be in the format"):
        kms.Key.from_key_arn(stack, "Bad", "arn:aws:kms:us-east-1:123456789012:alias")


@pytest.mark.parametrize(("props", "message"), [
    ({"key_spec": kms.KeySpec.HMAC_256}, "key spec 'HMAC_256' is not valid with usage 'ENCRYPT_DECRYPT'"),
    ({"key_spec": kms.KeySpec.RSA_2048, "enable_key_rotation": True},
     "key rotation cannot be enabled on asymmetric keys"),
    ({"pending_window": Duration.days(3)}, "'pending_window' value must between 7 and 30 days. Received: 3"),
    ({"enable_key_rotation": 1}, "[S/K] 'enable_key_rotation' must be True or False"),
    ({"removal_policy": "destroy"}, "'removal_policy' must be one of RemovalPolicy.DESTROY"),
])
def test_invalid_props_are_rejected(tmp_path: Path, props: dict[str, Any], message: str) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    with pytest.raises(ValidationError) as error:
        kms.Key(stack, "K", **props)
    assert message in str(error.value)
