"""Security groups: the owned group's CloudFormation (the CDK's default egress rules) and imports by id."""

# ruff: noqa: E501 (long expected messages are kept on one line)

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cdk_events.aws import ec2
from cdk_events.core import App, Fn, Stack, ValidationError


def make(tmp_path: Path, **context: Any) -> tuple[App, Stack, Any]:
    app = App(outdir=str(tmp_path), context=context)
    stack = Stack(app, "S")
    vpc = ec2.Vpc.from_vpc_attributes(stack, "Vpc", vpc_id="vpc-0a1b2c3d", availability_zones=["us-east-1a"])
    return app, stack, vpc


def resources(app: App, stack: Stack) -> dict[str, Any]:
    return app.synth().get_stack_artifact(stack.artifact_id).template["Resources"]  # type: ignore[no-any-return]


def test_owned_group_allows_all_outbound_by_default(tmp_path: Path) -> None:
    app, stack, vpc = make(tmp_path)
    group = ec2.SecurityGroup(stack, "Group", vpc=vpc)
    assert isinstance(group, ec2.ISecurityGroup) and group.allow_all_outbound
    assert stack.resolve(group.security_group_id) == {"Fn::GetAtt": ["GroupC77FDACD", "GroupId"]}
    assert stack.resolve(group.security_group_vpc_id) == {"Fn::GetAtt": ["GroupC77FDACD", "VpcId"]}
    assert resources(app, stack)["GroupC77FDACD"] == {
        "Type": "AWS::EC2::SecurityGroup",
        "Properties": {
            "GroupDescription": "S/Group",
            "SecurityGroupEgress": [
                {"CidrIp": "0.0.0.0/0", "Description": "Allow all outbound traffic by default", "IpProtocol": "-1"}],
            "VpcId": "vpc-0a1b2c3d",
        },
    }


def test_owned_group_without_outbound_and_with_ipv6(tmp_path: Path) -> None:
    app, stack, vpc = make(tmp_path)
    ec2.SecurityGroup(stack, "Group", vpc=vpc, allow_all_outbound=False, allow_all_ipv6_outbound=True,
                      description="locked", security_group_name="locked-sg")
    assert resources(app, stack)["GroupC77FDACD"]["Properties"] == {
        "GroupDescription": "locked",
        "GroupName": "locked-sg",
        "SecurityGroupEgress": [
            {"CidrIp": "255.255.255.255/32", "Description": "Disallow all traffic", "FromPort": 252,
             "IpProtocol": "icmp", "ToPort": 86},
            {"CidrIpv6": "::/0", "Description": "Allow all outbound ipv6 traffic by default", "IpProtocol": "-1"},
        ],
        "VpcId": "vpc-0a1b2c3d",
    }


def test_owned_group_checks_its_props(tmp_path: Path) -> None:
    _app, stack, vpc = make(tmp_path)
    with pytest.raises(ValidationError, match=r"^\[S/A\] 'vpc' must be an ec2.IVpc"):
        ec2.SecurityGroup(stack, "A", vpc="vpc-0a1b2c3d")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"^\[S/B\] 'allow_all_outbound' must be True or False, got 'no'"):
        ec2.SecurityGroup(stack, "B", vpc=vpc, allow_all_outbound="no")  # type: ignore[arg-type]


def test_inline_rules_context_makes_separate_rule_resources(tmp_path: Path) -> None:
    app, stack, vpc = make(tmp_path, **{"@aws-cdk/aws-ec2.securityGroupDisableInlineRules": True})
    group = ec2.SecurityGroup(stack, "Group", vpc=vpc, allow_all_outbound=False)
    group.add_egress_rule(ec2.Peer.any_ipv4(), ec2.Port.tcp(443))
    res = resources(app, stack)
    assert res["GroupC77FDACD"]["Properties"] == {"GroupDescription": "S/Group", "VpcId": "vpc-0a1b2c3d"}
    assert res["Groupto000004430E50A6A8"] == {"Type": "AWS::EC2::SecurityGroupEgress", "Properties": {
        "CidrIp": "0.0.0.0/0", "Description": "to 0.0.0.0/0:443", "FromPort": 443,
        "GroupId": {"Fn::GetAtt": ["GroupC77FDACD", "GroupId"]}, "IpProtocol": "tcp", "ToPort": 443}}
    assert len(res) == 2  # the rule matching no traffic was removed by the first egress rule


def test_import_by_id(tmp_path: Path) -> None:
    app, stack, _ = make(tmp_path)
    group = ec2.SecurityGroup.from_security_group_id(stack, "Imported", "sg-0123456789abcdef0")
    assert group.security_group_id == "sg-0123456789abcdef0"
    assert group.allow_all_outbound
    locked = ec2.SecurityGroup.from_security_group_id(stack, "Locked", "sg-01234567", allow_all_outbound=False,
                                                       mutable=False)
    assert not locked.allow_all_outbound and locked.mutable is False  # type: ignore[attr-defined]
    token = ec2.SecurityGroup.from_security_group_id(stack, "Token", Fn.import_value("SgId"))
    assert stack.resolve(token.security_group_id) == {"Fn::ImportValue": "SgId"}
    assert "Resources" not in app.synth().get_stack_artifact(stack.artifact_id).template


@pytest.mark.parametrize("group_id", ["sg-123", "sg-0123456789abcdef", "sg-0123456789abcdeg0", "0123456789abcdef0",
                                      "subnet-01234567", ""])
def test_malformed_group_id_is_rejected(tmp_path: Path, group_id: str) -> None:
    _app, stack, _ = make(tmp_path)
    with pytest.raises(ValidationError) as error:
        ec2.SecurityGroup.from_security_group_id(stack, "Imported", group_id)
    assert str(error.value) == ("[S/Imported] 'security_group_id' must be a security group id: 'sg-' followed by 8 or "
                                f"17 hexadecimal digits (e.g. 'sg-0123456789abcdef0'), got {group_id!r}")


def test_non_string_group_id_is_rejected(tmp_path: Path) -> None:
    _app, stack, _ = make(tmp_path)
    with pytest.raises(ValidationError) as error:
        ec2.SecurityGroup.from_security_group_id(stack, "Imported", 123)  # type: ignore[arg-type]
    assert str(error.value) == "[S/Imported] 'security_group_id' must be a security group id (a string), got 123 (a int)"
