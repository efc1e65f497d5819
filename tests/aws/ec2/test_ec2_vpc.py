"""Imported VPCs and subnets: subnet construct ids, `select_subnets`, id formats and the CDK's errors."""

# ruff: noqa: E501 (long expected messages are kept on one line)

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cdk_events.aws import ec2
from cdk_events.core import RECOMMENDED_FEATURE_FLAGS, App, Environment, Fn, Stack, ValidationError

AZS = ["us-east-1a", "us-east-1b"]
PRIVATE = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"]
PUBLIC = ["subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2"]
ISOLATED = ["subnet-0ccccccccccccccc1", "subnet-0ccccccccccccccc2"]


def stack(tmp_path: Path, env: Environment | None = None) -> Stack:
    return Stack(App(outdir=str(tmp_path), context=dict(RECOMMENDED_FEATURE_FLAGS)), "S", env=env)


def vpc(s: Stack, **kwargs: Any) -> Any:
    return ec2.Vpc.from_vpc_attributes(s, "Vpc", vpc_id="vpc-0a1b2c3d4e5f60718", availability_zones=AZS, **kwargs)


def warnings(s: Stack) -> list[tuple[str, str]]:
    return [(c.node.path, e.data) for c in s.node.find_all() for e in c.node.metadata if e.type == "aws:cdk:warning"]


def test_subnets_get_group_construct_ids_zones_and_a_route_table_warning(tmp_path: Path) -> None:
    s = stack(tmp_path)
    v = vpc(s, private_subnet_ids=PRIVATE, public_subnet_ids=PUBLIC)
    assert isinstance(v, ec2.IVpc)
    assert [x.node.path for x in v.public_subnets] == ["S/Vpc/PublicSubnet1", "S/Vpc/PublicSubnet2"]
    assert [x.node.path for x in v.private_subnets] == ["S/Vpc/PrivateSubnet1", "S/Vpc/PrivateSubnet2"]
    assert v.isolated_subnets == []
    assert [x.availability_zone for x in v.private_subnets] == AZS
    assert v.private_subnets[0].route_table.route_table_id is None
    assert warnings(s)[0] == (
        "S/Vpc/PublicSubnet1",
        "No routeTableId was provided to the subnet 'subnet-0bbbbbbbbbbbbbbb1'. Attempting to read its "
        ".routeTable.routeTableId will return null/undefined. (More info: https://github.com/aws/aws-cdk/pull/3171) "
        "[ack: @aws-cdk/aws-ec2:noSubnetRouteTableId]")
    assert s.resolve(v.vpc_arn) == {"Fn::Join": ["", [
        "arn:", {"Ref": "AWS::Partition"}, ":ec2:", {"Ref": "AWS::Region"}, ":", {"Ref": "AWS::AccountId"},
        ":vpc/vpc-0a1b2c3d4e5f60718"]]}


def test_route_tables_cidrs_and_named_groups(tmp_path: Path) -> None:
    s = stack(tmp_path)
    v = vpc(s, private_subnet_ids=PRIVATE + ISOLATED, private_subnet_names=["App", "Data"],
            private_subnet_route_table_ids=["rtb-1", "rtb-2", "rtb-3", "rtb-4"],
            private_subnet_ipv4_cidr_blocks=["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"])
    assert [x.node.id for x in v.private_subnets] == ["AppSubnet1", "AppSubnet2", "DataSubnet3", "DataSubnet4"]
    assert [x.availability_zone for x in v.private_subnets] == AZS * 2
    assert v.private_subnets[3].route_table.route_table_id == "rtb-4"
    assert v.private_subnets[2].ipv4_cidr_block == "10.0.2.0/24"
    assert warnings(s) == []
    assert v.select_subnets(ec2.SubnetSelection(subnet_group_name="Data")).subnet_ids == ISOLATED
    with pytest.raises(ValidationError) as error:
        v.select_subnets(ec2.SubnetSelection(subnet_group_name="Web"))
    assert str(error.value) == "[S/Vpc] There are no subnet groups with name 'Web' in this VPC. Available names: App,Data"


def test_default_selection_prefers_private_then_isolated_then_public(tmp_path: Path) -> None:
    s = stack(tmp_path)
    assert vpc(s, private_subnet_ids=PRIVATE, public_subnet_ids=PUBLIC,
               isolated_subnet_ids=ISOLATED).select_subnets().subnet_ids == PRIVATE
    v2 = ec2.Vpc.from_vpc_attributes(s, "V2", vpc_id="vpc-0a1b2c3d", availability_zones=AZS,
                                     public_subnet_ids=PUBLIC, isolated_subnet_ids=ISOLATED)
    assert v2.select_subnets().subnet_ids == ISOLATED
    v3 = ec2.Vpc.from_vpc_attributes(s, "V3", vpc_id="vpc-0a1b2c3d", availability_zones=AZS, public_subnet_ids=PUBLIC)
    selected = v3.select_subnets()
    assert selected.subnet_ids == PUBLIC and selected.has_public
    assert selected.availability_zones == AZS


def test_select_by_type_filters_and_explicit_subnets(tmp_path: Path) -> None:
    s = stack(tmp_path)
    v = vpc(s, private_subnet_ids=PRIVATE, public_subnet_ids=PUBLIC)
    select = v.select_subnets
    assert select(ec2.SubnetSelection(subnet_type=ec2.SubnetType.PUBLIC)).subnet_ids == PUBLIC
    assert select(ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_WITH_NAT)).subnet_ids == PRIVATE
    assert select(ec2.SubnetSelection(availability_zones=["us-east-1b"])).subnet_ids == PRIVATE[1:]
    assert select(ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS, one_per_az=True)).subnet_ids == PRIVATE
    explicit = ec2.Subnet.from_subnet_id(s, "Extra", "subnet-0d0d0d0d")
    chosen = select(ec2.SubnetSelection(subnets=[explicit]))
    assert chosen.subnet_ids == ["subnet-0d0d0d0d"] and not chosen.has_public
    with pytest.raises(ValidationError) as error:
        select(ec2.SubnetSelection(subnets=[explicit], subnet_type=ec2.SubnetType.PUBLIC))
    assert str(error.value) == "[S/Vpc] Only one of 'subnets,subnet_type' can be supplied to subnet selection."
    with pytest.raises(ValidationError) as error:
        select(ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_ISOLATED))
    assert str(error.value) == ("[S/Vpc] There are no 'Isolated' subnet groups in this VPC. Available types: "
                                "Deprecated_Private_NAT,Private,Deprecated_Private,Public")


def test_deprecated_subnet_name_warns(tmp_path: Path) -> None:
    s = stack(tmp_path)
    v = vpc(s, private_subnet_ids=PRIVATE)
    assert v.select_subnets(ec2.SubnetSelection(subnet_name="Private")).subnet_ids == PRIVATE
    assert ("S/Vpc", "Usage of 'subnetName' in SubnetSelection is deprecated, use 'subnetGroupName' instead "
                     "[ack: @aws-cdk/aws-ec2:subnetNameDeprecated]") in warnings(s)
    with pytest.raises(ValidationError, match=r"Please use only 'subnet_group_name'"):
        v.select_subnets(ec2.SubnetSelection(subnet_name="Private", subnet_group_name="Private"))


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"private_subnet_ids": PRIVATE[:1]}, "Number of private_subnet_ids (1) must be a multiple of availability zones (2)."),
    ({"public_subnet_ids": PUBLIC, "public_subnet_route_table_ids": ["rtb-1"]},
     "Number of public_subnet_route_table_ids (1) must be equal to the amount of public_subnet_ids (2)."),
    ({"isolated_subnet_ids": ISOLATED, "isolated_subnet_ipv4_cidr_blocks": []},
     "Number of isolated_subnet_ipv4_cidr_blocks (0) must be equal to the amount of isolated_subnet_ids (2)."),
    ({"private_subnet_ids": PRIVATE, "private_subnet_names": ["A", "B"]},
     'private_subnet_names must have an entry for every corresponding subnet group, got: ["A", "B"]'),
    ({"private_subnet_ids": ["subnet-123", PRIVATE[1]]},
     "'private_subnet_ids[0]' must be a subnet id: 'subnet-' followed by 8 or 17 hexadecimal digits "
     "(e.g. 'subnet-0123456789abcdef0'), got 'subnet-123'"),
])
def test_attribute_errors(tmp_path: Path, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError) as error:
        vpc(stack(tmp_path), **kwargs)
    assert str(error.value) == f"[S/Vpc] {message}"


def test_no_availability_zones_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"must be a multiple of availability zones \(0\)"):
        ec2.Vpc.from_vpc_attributes(stack(tmp_path), "Vpc", vpc_id="vpc-0a1b2c3d", availability_zones=[])


@pytest.mark.parametrize("vpc_id", ["vpc-123", "vpc-0a1b2c3d4e5f6071", "vpc-0A1B2C3G", "subnet-0a1b2c3d", "0a1b2c3d"])
def test_malformed_vpc_id_is_rejected(tmp_path: Path, vpc_id: str) -> None:
    with pytest.raises(ValidationError) as error:
        ec2.Vpc.from_vpc_attributes(stack(tmp_path), "Vpc", vpc_id=vpc_id, availability_zones=AZS)
    assert str(error.value) == ("[S/Vpc] 'vpc_id' must be a VPC id: 'vpc-' followed by 8 or 17 hexadecimal digits "
                                f"(e.g. 'vpc-0123456789abcdef0'), got {vpc_id!r}")


def test_token_ids_are_accepted(tmp_path: Path) -> None:
    s = stack(tmp_path)
    v = ec2.Vpc.from_vpc_attributes(s, "Vpc", vpc_id=Fn.import_value("VpcId"), availability_zones=["a"],
                                    private_subnet_ids=[Fn.import_value("SubnetId")])
    assert s.resolve(v.select_subnets().subnet_ids) == [{"Fn::ImportValue": "SubnetId"}]
    assert warnings(s)[0][1].startswith("No routeTableId was provided to the subnet at 'S/Vpc/PrivateSubnet1'.")


def test_subnet_from_id_and_attributes(tmp_path: Path) -> None:
    s = stack(tmp_path)
    bare = ec2.Subnet.from_subnet_id(s, "Bare", "subnet-0b0b0b0b0b0b0b0b1")
    assert bare.subnet_id == "subnet-0b0b0b0b0b0b0b0b1"
    with pytest.raises(ValidationError, match=r"^\[S/Bare\] You cannot reference a Subnet's availability zone"):
        _ = bare.availability_zone
    with pytest.raises(ValidationError, match=r"^\[S/Bare\] You cannot reference an imported Subnet's IPv4 CIDR"):
        _ = bare.ipv4_cidr_block
    full = ec2.Subnet.from_subnet_attributes(s, "Full", subnet_id="subnet-0b0b0b0b", availability_zone="eu-west-1a",
                                             ipv4_cidr_block="10.0.0.0/24", route_table_id="rtb-0b0b0b0b")
    assert (full.availability_zone, full.ipv4_cidr_block, full.route_table.route_table_id) == (
        "eu-west-1a", "10.0.0.0/24", "rtb-0b0b0b0b")
    assert [p for p, _ in warnings(s)] == ["S/Bare"]
    with pytest.raises(ValidationError) as error:
        ec2.Subnet.from_subnet_id(s, "Bad", "subnet-xyz")
    assert str(error.value).startswith("[S/Bad] 'subnet_id' must be a subnet id: 'subnet-' followed by 8 or 17")


def test_region_attribute_sets_the_environment(tmp_path: Path) -> None:
    s = stack(tmp_path, Environment(account="123456789012", region="us-east-1"))
    v = ec2.Vpc.from_vpc_attributes(s, "Vpc", vpc_id="vpc-0a1b2c3d", availability_zones=AZS, region="eu-west-1")
    assert v.env.region == "eu-west-1"
    assert v.vpc_arn == "arn:aws:ec2:us-east-1:123456789012:vpc/vpc-0a1b2c3d"
    with pytest.raises(ValidationError, match=r"'vpc_cidr_block' was not supplied"):
        _ = v.vpc_cidr_block  # type: ignore[attr-defined]
