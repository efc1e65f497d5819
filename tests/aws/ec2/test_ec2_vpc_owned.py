"""Owned VPCs: subnets per zone, CIDR split, route tables, gateways, tags, zones and the
restrict-default-security-group custom resource."""

# ruff: noqa: E501 (long expected messages are kept on one line)

from __future__ import annotations

import json
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from cdk_events.aws import ec2
from cdk_events.aws.ec2._restrict_default_sg import HANDLER_SOURCE
from cdk_events.core import App, Environment, Stack, ValidationError

NO_RESTRICT = {"@aws-cdk/aws-ec2:restrictDefaultSecurityGroup": False}


def make(tmp_path: Path, env: Environment | None = None, **context: Any) -> tuple[App, Stack]:
    app = App(outdir=str(tmp_path), context={**NO_RESTRICT, **context})
    return app, Stack(app, "S", env=env)


def resources(app: App, stack: Stack) -> dict[str, Any]:
    return app.synth().get_stack_artifact(stack.artifact_id).template["Resources"]  # type: ignore[no-any-return]


def of_type(res: dict[str, Any], kind: str) -> dict[str, Any]:
    return {k: v for k, v in res.items() if v["Type"] == kind}


def test_default_vpc_has_two_zones_public_and_private_subnets_and_a_nat_gateway_each(tmp_path: Path) -> None:
    app, stack = make(tmp_path)
    vpc = ec2.Vpc(stack, "Vpc")
    res = resources(app, stack)
    assert res["Vpc8378EB38"]["Properties"] == {"CidrBlock": "10.0.0.0/16", "EnableDnsHostnames": True, "EnableDnsSupport": True,
                                                "InstanceTenancy": "default", "Tags": [{"Key": "Name", "Value": "S/Vpc"}]}
    subnets = of_type(res, "AWS::EC2::Subnet")
    assert [s["Properties"]["CidrBlock"] for s in subnets.values()] == ["10.0.0.0/18", "10.0.64.0/18", "10.0.128.0/18", "10.0.192.0/18"]
    assert subnets["VpcPublicSubnet1Subnet5C2D37C4"]["Properties"]["AvailabilityZone"] == {"Fn::Select": [0, {"Fn::GetAZs": ""}]}
    assert subnets["VpcPrivateSubnet2Subnet3788AAA1"]["Properties"]["Tags"] == [
        {"Key": "aws-cdk:subnet-name", "Value": "Private"}, {"Key": "aws-cdk:subnet-type", "Value": "Private"},
        {"Key": "Name", "Value": "S/Vpc/PrivateSubnet2"}]
    assert len(of_type(res, "AWS::EC2::NatGateway")) == 2 and len(of_type(res, "AWS::EC2::EIP")) == 2
    assert res["VpcPublicSubnet1NATGateway4D7517AA"]["DependsOn"] == ["VpcPublicSubnet1DefaultRoute3DA9E72A", "VpcPublicSubnet1RouteTableAssociation97140677"]
    assert res["VpcPublicSubnet1DefaultRoute3DA9E72A"]["DependsOn"] == ["VpcVPCGWBF912B6E"]
    assert res["VpcPrivateSubnet2DefaultRoute060D2087"]["Properties"]["NatGatewayId"] == {"Ref": "VpcPublicSubnet2NATGateway9182C01D"}
    assert res["VpcIGWD7BA715C"]["Properties"] == {"Tags": [{"Key": "Name", "Value": "S/Vpc"}]}
    assert [s.node.id for s in vpc.private_subnets] == ["PrivateSubnet1", "PrivateSubnet2"]
    assert stack.resolve(vpc.select_subnets().subnet_ids) == [{"Ref": "VpcPrivateSubnet1Subnet536B997A"}, {"Ref": "VpcPrivateSubnet2Subnet3788AAA1"}]


def test_one_nat_gateway_serves_every_private_subnet(tmp_path: Path) -> None:
    app, stack = make(tmp_path)
    ec2.Vpc(stack, "Vpc", nat_gateways=1, ip_addresses=ec2.IpAddresses.cidr("10.20.0.0/16"))
    res = resources(app, stack)
    assert list(of_type(res, "AWS::EC2::NatGateway")) == ["VpcPublicSubnet1NATGateway4D7517AA"]
    routes = [r["Properties"].get("NatGatewayId") for r in of_type(res, "AWS::EC2::Route").values()]
    assert routes == [None, None, {"Ref": "VpcPublicSubnet1NATGateway4D7517AA"}, {"Ref": "VpcPublicSubnet1NATGateway4D7517AA"}]
    assert res["Vpc8378EB38"]["Properties"]["CidrBlock"] == "10.20.0.0/16"


def test_subnet_configuration_as_objects_and_camel_case_dicts(tmp_path: Path) -> None:
    app, stack = make(tmp_path)
    ec2.Vpc(stack, "Vpc", nat_gateways=0, max_azs=2, subnet_configuration=[
        ec2.SubnetConfiguration(name="edge", subnet_type=ec2.SubnetType.PUBLIC, cidr_mask=24),
        {"name": "data", "subnetType": ec2.SubnetType.PRIVATE_ISOLATED, "cidrMask": 26}])  # type: ignore[list-item]
    res = resources(app, stack)
    cidrs = {k: v["Properties"]["CidrBlock"] for k, v in of_type(res, "AWS::EC2::Subnet").items()}
    assert list(cidrs.values()) == ["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/26", "10.0.2.64/26"]
    assert len(of_type(res, "AWS::EC2::NatGateway")) == 0
    isolated_routes = [k for k in of_type(res, "AWS::EC2::Route") if "data" in k]
    assert isolated_routes == []


def test_snake_case_dict_in_subnet_configuration_names_the_missing_field(tmp_path: Path) -> None:
    _app, stack = make(tmp_path)
    with pytest.raises(ValidationError, match=r"^\[S/Vpc\] 'subnet_configuration\[0\]': the dict has no 'subnet_type' field"):
        ec2.Vpc(stack, "Vpc", subnet_configuration=[{"name": "x", "subnet_type": ec2.SubnetType.PUBLIC}])  # type: ignore[list-item]


def test_nat_gateway_rules(tmp_path: Path) -> None:
    _app, stack = make(tmp_path)
    with pytest.raises(ValidationError, match=r"you must also configure PUBLIC subnets"):
        ec2.Vpc(stack, "A", subnet_configuration=[ec2.SubnetConfiguration(name="p", subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS)], nat_gateways=1)
    with pytest.raises(ValidationError, match=r"^\[S/B\] Vpc supports 'availabilityZones' or 'maxAzs', but not both."):
        ec2.Vpc(stack, "B", max_azs=2, availability_zones=["us-east-1a"])
    with pytest.raises(ValidationError, match=r"^\[S/C\] supply at most one of ipAddresses or cidr"):
        ec2.Vpc(stack, "C", cidr="10.0.0.0/16", ip_addresses=ec2.IpAddresses.cidr("10.1.0.0/16"))
    with pytest.raises(ValidationError, match=r"x.x.x.x/30 is not a valid VPC CIDR range"):
        ec2.Vpc(stack, "D", subnet_configuration=[ec2.SubnetConfiguration(name="p", subnet_type=ec2.SubnetType.PUBLIC, cidr_mask=30)])


def test_env_stack_reads_zones_from_context_else_dummy_zones_with_a_warning(tmp_path: Path) -> None:
    key = "availability-zones:account=123456789012:region=eu-west-1"
    env = Environment(account="123456789012", region="eu-west-1")
    _app, stack = make(tmp_path, env, **{key: ["eu-west-1a", "eu-west-1b", "eu-west-1c"]})
    assert ec2.Vpc(stack, "Vpc").availability_zones == ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
    _app2, stack2 = make(tmp_path / "2", env)
    assert ec2.Vpc(stack2, "Vpc", max_azs=2).availability_zones == ["dummy1a", "dummy1b"]
    messages = [e.data for e in stack2.node.metadata if e.type == "aws:cdk:warning"]
    assert messages and f"The context key '{key}'" in messages[0]


def test_from_lookup_is_refused_with_the_alternative(tmp_path: Path) -> None:
    _app, stack = make(tmp_path)
    with pytest.raises(ValidationError, match=r"^\[S/Vpc\] Vpc.from_lookup .* use ec2.Vpc.from_vpc_attributes"):
        ec2.Vpc.from_lookup(stack, "Vpc", is_default=True)


def test_selection_errors_list_what_exists(tmp_path: Path) -> None:
    _app, stack = make(tmp_path)
    vpc = ec2.Vpc(stack, "Vpc", nat_gateways=0)
    with pytest.raises(ValidationError, match=r"^\[S/Vpc\] There are no 'Private' subnet groups in this VPC. Available types: Isolated,Deprecated_Isolated,Public$"):
        vpc.select_subnets(ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS))
    empty = ec2.Vpc.from_vpc_attributes(stack, "Empty", vpc_id="vpc-0a1b2c3d", availability_zones=["us-east-1a"])
    with pytest.raises(ValidationError, match=r"Available types: none \(this VPC has no subnets"):
        empty.select_subnets()
    with pytest.raises(ValidationError, match=r"Available names: Public,Isolated$"):
        vpc.select_subnets({"subnet_group_name": "nope"})  # type: ignore[arg-type]


def test_restrict_flag_adds_the_custom_resource_and_one_provider(tmp_path: Path) -> None:
    app, stack = make(tmp_path, None, **{"@aws-cdk/aws-ec2:restrictDefaultSecurityGroup": True})
    ec2.Vpc(stack, "A")
    ec2.Vpc(stack, "B")
    ec2.Vpc(stack, "C", restrict_default_security_group=False)
    res = resources(app, stack)
    custom = of_type(res, "Custom::VpcRestrictDefaultSG")
    assert list(custom) == ["ARestrictDefaultSecurityGroupCustomResource47EECA61", "BRestrictDefaultSecurityGroupCustomResource3A70ED39"]
    first = custom["ARestrictDefaultSecurityGroupCustomResource47EECA61"]
    assert first["Properties"] == {"ServiceToken": {"Fn::GetAtt": ["CustomVpcRestrictDefaultSGCustomResourceProviderHandlerDC833E5E", "Arn"]},
                                   "DefaultSecurityGroupId": {"Fn::GetAtt": ["ACCC8ACD5", "DefaultSecurityGroup"]},
                                   "Account": {"Ref": "AWS::AccountId"}}
    assert first["DeletionPolicy"] == "Delete"
    role = res["CustomVpcRestrictDefaultSGCustomResourceProviderRole26592FE0"]["Properties"]
    assert len(role["Policies"][0]["PolicyDocument"]["Statement"]) == 2
    handler = res["CustomVpcRestrictDefaultSGCustomResourceProviderHandlerDC833E5E"]
    assert handler["Properties"]["Runtime"] == "python3.12" and "DependsOn" not in handler
    assert len(handler["Properties"]["Code"]["ZipFile"]) <= 4096


class _FakeClientError(Exception):
    def __init__(self, code: str):
        super().__init__(code)
        self.response = {"Error": {"Code": code}}


def _run_handler(event: dict[str, Any], monkeypatch: pytest.MonkeyPatch, fail_with: str | None = None) -> tuple[list[tuple[str, str]], dict[str, Any]]:
    calls: list[tuple[str, str]] = []

    class Client:
        def __getattr__(self, name: str) -> Any:
            def call(GroupId: str, IpPermissions: list[Any]) -> None:
                calls.append((name, GroupId))
                if fail_with:
                    raise _FakeClientError(fail_with)
            return call

    boto3 = types.ModuleType("boto3")
    boto3.client = lambda service: Client()  # type: ignore[attr-defined]
    exceptions = types.ModuleType("botocore.exceptions")
    exceptions.ClientError = _FakeClientError  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "boto3", boto3)
    monkeypatch.setitem(sys.modules, "botocore", types.ModuleType("botocore"))
    monkeypatch.setitem(sys.modules, "botocore.exceptions", exceptions)
    sent: dict[str, Any] = {}

    class Response:
        def read(self) -> bytes:
            return b""

    def urlopen(request: Any, timeout: int) -> Response:
        sent.update(json.loads(request.data))
        return Response()

    namespace: dict[str, Any] = {}
    exec(compile(HANDLER_SOURCE, "index.py", "exec"), namespace)
    monkeypatch.setattr(namespace["urllib"].request, "urlopen", urlopen)
    namespace["handler"](event, None)
    return calls, sent


def _event(kind: str, **extra: Any) -> dict[str, Any]:
    return {"RequestType": kind, "ResourceProperties": {"DefaultSecurityGroupId": "sg-new", "Account": "123456789012"},
            "StackId": "s", "RequestId": "r", "LogicalResourceId": "l", "ResponseURL": "https://example.com/x", **extra}


def test_handler_revokes_on_create_and_restores_on_delete(monkeypatch: pytest.MonkeyPatch) -> None:
    calls, sent = _run_handler(_event("Create"), monkeypatch)
    assert calls == [("revoke_security_group_ingress", "sg-new"), ("revoke_security_group_egress", "sg-new")]
    assert sent["Status"] == "SUCCESS" and sent["PhysicalResourceId"] == "sg-new"
    calls, sent = _run_handler(_event("Update", OldResourceProperties={"DefaultSecurityGroupId": "sg-old"},
                                      PhysicalResourceId="sg-old"), monkeypatch)
    assert calls[:2] == [("authorize_security_group_ingress", "sg-old"), ("authorize_security_group_egress", "sg-old")]
    assert sent["PhysicalResourceId"] == "sg-old"
    calls, sent = _run_handler(_event("Delete", PhysicalResourceId="sg-new"), monkeypatch, fail_with="InvalidPermission.Duplicate")
    assert [c[0] for c in calls] == ["authorize_security_group_ingress", "authorize_security_group_egress"]
    assert sent["Status"] == "SUCCESS"
    _calls, sent = _run_handler(_event("Create"), monkeypatch, fail_with="UnauthorizedOperation")
    assert sent["Status"] == "FAILED" and "UnauthorizedOperation" in sent["Reason"]


def test_name_cidr_no_internet_gateway_and_nat_placement_by_group(tmp_path: Path) -> None:
    app, stack = make(tmp_path)
    ec2.Vpc(stack, "Closed", cidr="10.1.0.0/16", vpc_name="closed", create_internet_gateway=False, max_azs=1)
    ec2.Vpc(stack, "Open", max_azs=1, nat_gateway_subnets={"subnet_group_name": "ingress"},  # type: ignore[arg-type]
            subnet_configuration=[
        ec2.SubnetConfiguration(name="ingress", subnet_type=ec2.SubnetType.PUBLIC),
        ec2.SubnetConfiguration(name="app", subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS)])
    res = resources(app, stack)
    closed = {k: v for k, v in res.items() if k.startswith("Closed")}
    assert res["ClosedBAF26A78"]["Properties"]["Tags"] == [
        {"Key": "Name", "Value": "closed"}]
    assert not [k for k, v in closed.items() if v["Type"] in ("AWS::EC2::InternetGateway", "AWS::EC2::NatGateway",
                                                             "AWS::EC2::Route")]
    assert [v["Properties"]["CidrBlock"] for v in closed.values() if v["Type"] == "AWS::EC2::Subnet"] == [
        "10.1.0.0/17", "10.1.128.0/17"]
    assert [k for k, v in res.items() if v["Type"] == "AWS::EC2::NatGateway"] == ["OpeningressSubnet1NATGatewayBC1B95D7"]
