"""Security group rules: `add_ingress_rule` / `add_egress_rule` with `Peer` and `Port`."""

# ruff: noqa: E501 (long expected messages are kept on one line)

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cdk_events.aws import ec2
from cdk_events.core import App, Stack, ValidationError


def make(tmp_path: Path) -> tuple[App, Stack, Any]:
    app = App(outdir=str(tmp_path))
    stack = Stack(app, "S")
    vpc = ec2.Vpc.from_vpc_attributes(stack, "Vpc", vpc_id="vpc-0a1b2c3d", availability_zones=["us-east-1a"])
    return app, stack, vpc


def props(app: App, stack: Stack, logical_id: str) -> dict[str, Any]:
    template = app.synth().get_stack_artifact(stack.artifact_id).template
    return template["Resources"][logical_id]["Properties"]  # type: ignore[no-any-return]


def test_rules_replace_the_no_traffic_rule_and_get_default_descriptions(tmp_path: Path) -> None:
    app, stack, vpc = make(tmp_path)
    group = ec2.SecurityGroup(stack, "Group", vpc=vpc, allow_all_outbound=False)
    group.add_ingress_rule(ec2.Peer.ipv4("10.0.0.0/16"), ec2.Port.tcp(443), "https")
    group.add_ingress_rule(ec2.Peer.ipv4("10.0.0.0/16"), ec2.Port.tcp(443), "duplicate, ignored")
    group.add_ingress_rule(ec2.Peer.any_ipv6(), ec2.Port.tcp_range(8000, 8080))
    group.add_egress_rule(ec2.Peer.any_ipv4(), ec2.Port.tcp(443))
    group.add_egress_rule(ec2.Peer.prefix_list("pl-12345678"), ec2.Port.all_udp())
    rendered = props(app, stack, "GroupC77FDACD")
    assert rendered["SecurityGroupIngress"] == [
        {"CidrIp": "10.0.0.0/16", "Description": "https", "FromPort": 443, "IpProtocol": "tcp", "ToPort": 443},
        {"CidrIpv6": "::/0", "Description": "from ::/0:8000-8080", "FromPort": 8000, "IpProtocol": "tcp", "ToPort": 8080}]
    assert rendered["SecurityGroupEgress"] == [
        {"CidrIp": "0.0.0.0/0", "Description": "from 0.0.0.0/0:443", "FromPort": 443, "IpProtocol": "tcp", "ToPort": 443},
        {"Description": "from pl-12345678:UDP ALL PORTS", "DestinationPrefixListId": "pl-12345678", "FromPort": 0, "IpProtocol": "udp", "ToPort": 65535}]


def test_egress_rule_on_an_open_group_is_ignored_with_a_warning(tmp_path: Path) -> None:
    app, stack, vpc = make(tmp_path)
    group = ec2.SecurityGroup(stack, "Group", vpc=vpc)
    group.add_egress_rule(ec2.Peer.any_ipv4(), ec2.Port.tcp(443))
    assert len(props(app, stack, "GroupC77FDACD")["SecurityGroupEgress"]) == 1
    assert any("Ignoring Egress rule since 'allowAllOutbound' is set to true" in e.data for e in group.node.metadata)


def test_bad_peers_and_unsupported_rules_are_refused(tmp_path: Path) -> None:
    _app, stack, vpc = make(tmp_path)
    group = ec2.SecurityGroup(stack, "Group", vpc=vpc, allow_all_outbound=False)
    with pytest.raises(ValidationError, match=r'^CIDR mask is missing in IPv4: "10.0.0.1". Did you mean "10.0.0.1/32"\?$'):
        ec2.Peer.ipv4("10.0.0.1")
    with pytest.raises(ValidationError, match=r'^Invalid IPv4 CIDR: "ten"$'):
        ec2.Peer.ipv4("ten")
    with pytest.raises(ValidationError, match=r'Cannot add an "all traffic" egress rule in this way'):
        group.add_egress_rule(ec2.Peer.any_ipv4(), ec2.Port.all_traffic())
    with pytest.raises(ValidationError, match=r"'connection' must be an ec2.Port"):
        group.add_ingress_rule(ec2.Peer.any_ipv4(), 22)  # type: ignore[arg-type]


def test_group_peers_make_rule_resources_and_imports_follow_their_options(tmp_path: Path) -> None:
    app, stack, vpc = make(tmp_path)
    group = ec2.SecurityGroup(stack, "Group", vpc=vpc)
    other = ec2.SecurityGroup(stack, "Other", vpc=vpc)
    group.add_ingress_rule(other, ec2.Port.tcp(22))
    group.add_ingress_rule(other, ec2.Port.tcp(22), "duplicate, skipped")
    imported = ec2.SecurityGroup.from_security_group_id(stack, "Imported", "sg-12345678")
    imported.add_ingress_rule(group, ec2.Port.tcp(5432))
    imported.add_egress_rule(group, ec2.Port.tcp(5432))  # allow_all_outbound (default): ignored
    frozen = ec2.SecurityGroup.from_security_group_id(stack, "Frozen", "sg-87654321", mutable=False)
    frozen.add_ingress_rule(group, ec2.Port.tcp(1))
    template = app.synth().get_stack_artifact(stack.artifact_id).template["Resources"]
    rules = {k: v for k, v in template.items() if v["Type"].startswith("AWS::EC2::SecurityGroupIngress")}
    assert rules == {
        "GroupfromSOtherEC3ABC2222858A3D0A": {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {
            "Description": "from SOtherEC3ABC22:22", "FromPort": 22, "GroupId": {"Fn::GetAtt": ["GroupC77FDACD", "GroupId"]},
            "IpProtocol": "tcp", "SourceSecurityGroupId": {"Fn::GetAtt": ["Other34654A52", "GroupId"]}, "ToPort": 22}},
        "ImportedfromSGroup7316D6A15432DEB241A5": {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {
            "Description": "from SGroup7316D6A1:5432", "FromPort": 5432, "GroupId": "sg-12345678", "IpProtocol": "tcp",
            "SourceSecurityGroupId": {"Fn::GetAtt": ["GroupC77FDACD", "GroupId"]}, "ToPort": 5432}}}
    assert not [v for v in template.values() if v["Type"] == "AWS::EC2::SecurityGroupEgress"]
