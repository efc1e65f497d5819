"""Subnets: `SubnetType`, `SubnetSelection`, `SelectedSubnets`, `SubnetConfiguration`, the subnets a
`Vpc` creates (`PublicSubnet`, `PrivateSubnet`) and imported subnets (`Subnet.from_subnet_id`, ...)."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from cdk_events.core import (
    Annotations,
    CfnResource,
    Construct,
    Resource,
    ResourceEnvironment,
    Tags,
    Token,
    ValidationError,
)

from ...core._struct_methods import struct_methods
from ._ids import check_resource_id

if TYPE_CHECKING:
    from ._cfn_generated import CfnNatGateway

NO_ROUTE_TABLE_ACK = "@aws-cdk/aws-ec2:noSubnetRouteTableId"


class SubnetType(Enum):
    """The kind of a subnet group (mirrors `aws_cdk.aws_ec2.SubnetType`)."""

    PRIVATE_ISOLATED = "Isolated"
    """No route to the internet (no NAT needed)."""
    ISOLATED = "Deprecated_Isolated"
    """Deprecated: use `PRIVATE_ISOLATED`."""
    PRIVATE_WITH_EGRESS = "Private"
    """Outbound internet access (e.g. through a NAT gateway), no inbound."""
    PRIVATE_WITH_NAT = "Deprecated_Private_NAT"
    """Deprecated: use `PRIVATE_WITH_EGRESS`."""
    PRIVATE = "Deprecated_Private"
    """Deprecated: use `PRIVATE_WITH_EGRESS`."""
    PUBLIC = "Public"
    """Routed through an internet gateway."""


def _tuple_or_none(value: Sequence[Any] | None) -> tuple[Any, ...] | None:
    return tuple(value) if value is not None else None


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class SubnetSelection:
    """Which subnets of a VPC to use (mirrors `aws_cdk.aws_ec2.SubnetSelection`).

    At most one of `subnet_type`, `subnet_group_name` and `subnets`. Default: the private subnets
    (or the isolated ones, or the public ones, whichever kind the VPC has first). `availability_zones`
    and `one_per_az` filter the chosen group (default: no filtering).
    """

    subnet_type: SubnetType | None = None
    availability_zones: tuple[str, ...] | None = attrs.field(default=None, converter=_tuple_or_none)
    subnet_group_name: str | None = None
    subnet_name: str | None = None
    """Deprecated alias of `subnet_group_name`."""
    one_per_az: bool | None = None
    subnets: tuple[ISubnet, ...] | None = attrs.field(default=None, converter=_tuple_or_none)


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class SelectedSubnets:
    """The result of `IVpc.select_subnets`: the subnets, their ids and availability zones."""

    subnets: tuple[ISubnet, ...]
    has_public: bool = False
    is_pending_lookup: bool = False

    @property
    def subnet_ids(self) -> list[str]:
        """The ids of the selected subnets, in selection order."""
        return [s.subnet_id for s in self.subnets]

    @property
    def availability_zones(self) -> list[str]:
        """The availability zone of each selected subnet (raises if one is unknown)."""
        return [s.availability_zone for s in self.subnets]


@struct_methods
@attrs.frozen(slots=False, repr=False, eq=False)
class RouteTable:
    """A route table reference; `route_table_id` is None when the import did not give one."""

    route_table_id: str | None


class ISubnet(Protocol):
    """A subnet, owned or imported (mirrors `aws_cdk.aws_ec2.ISubnet`).

    A typing protocol only (no `isinstance`): reading `availability_zone` or `ipv4_cidr_block` of an
    import that did not give them raises, as in the CDK.
    """

    @property
    def node(self) -> Any: ...

    @property
    def env(self) -> ResourceEnvironment: ...

    @property
    def subnet_id(self) -> str: ...

    @property
    def availability_zone(self) -> str: ...

    @property
    def ipv4_cidr_block(self) -> str: ...

    @property
    def route_table(self) -> RouteTable: ...


class _ImportedSubnet(Resource):
    """A subnet defined elsewhere."""

    def __init__(self, scope: Construct, id: str, *, subnet_id: str, availability_zone: str | None = None,
                 ipv4_cidr_block: str | None = None, route_table_id: str | None = None):
        super().__init__(scope, id)
        self.subnet_id: str = check_resource_id(self, "subnet_id", subnet_id, "subnet")
        self._availability_zone = availability_zone
        self._ipv4_cidr_block = ipv4_cidr_block
        self.route_table = RouteTable(route_table_id)
        if not route_table_id:
            where = (f"at '{self.node.path}'" if Token.is_unresolved(subnet_id) else f"'{subnet_id}'")
            Annotations.of(self).add_warning_v2(
                NO_ROUTE_TABLE_ACK,
                f"No routeTableId was provided to the subnet {where}. Attempting to read its "
                ".routeTable.routeTableId will return null/undefined. (More info: "
                "https://github.com/aws/aws-cdk/pull/3171)")

    @property
    def availability_zone(self) -> str:
        """The subnet's availability zone (raises when the import did not give one)."""
        if not self._availability_zone:
            raise ValidationError(
                f"[{self.node.path}] You cannot reference a Subnet's availability zone if it was not supplied. "
                "Add the availability_zone when importing using Subnet.from_subnet_attributes()")
        return self._availability_zone

    @property
    def ipv4_cidr_block(self) -> str:
        """The subnet's IPv4 CIDR block (raises when the import did not give one)."""
        if not self._ipv4_cidr_block:
            raise ValidationError(
                f"[{self.node.path}] You cannot reference an imported Subnet's IPv4 CIDR if it was not supplied. "
                "Add the ipv4_cidr_block when importing using Subnet.from_subnet_attributes()")
        return self._ipv4_cidr_block


class Subnet(Resource):
    """A subnet of a VPC (mirrors `aws_cdk.aws_ec2.Subnet`); `Vpc` creates them, or import one with
    `Subnet.from_subnet_id` / `from_subnet_attributes`.

    `availability_zone`, `vpc_id` and `cidr_block` are required; `map_public_ip_on_launch` defaults to
    unset (False). Each subnet has its own route table and association, and a `Name` tag of its path.
    """

    def __init__(self, scope: Construct, id: str, *, availability_zone: str, vpc_id: str, cidr_block: str,
                 map_public_ip_on_launch: bool | None = None):
        # lazy on purpose: the L1s load only for an owned subnet (imported VPCs and subnets do without them)
        from ._cfn_generated import CfnRouteTable, CfnSubnet, CfnSubnetRouteTableAssociation

        super().__init__(scope, id)
        Tags.of(self).add("Name", self.node.path)
        self.availability_zone = availability_zone
        self.ipv4_cidr_block = cidr_block
        subnet = CfnSubnet(self, "Subnet", vpc_id=vpc_id, cidr_block=cidr_block, availability_zone=availability_zone,
                           map_public_ip_on_launch=map_public_ip_on_launch)
        self.node.default_child = subnet
        self.subnet_id: str = subnet.ref
        self.subnet_vpc_id: str = Token.as_string(subnet.get_att("VpcId"))
        self.subnet_availability_zone: str = Token.as_string(subnet.get_att("AvailabilityZone"))
        self.subnet_network_acl_association_id: str = subnet.attr_network_acl_association_id
        table = CfnRouteTable(self, "RouteTable", vpc_id=vpc_id)
        self.route_table = RouteTable(table.ref)
        association = CfnSubnetRouteTableAssociation(self, "RouteTableAssociation", subnet_id=self.subnet_id,
                                                     route_table_id=table.ref)
        self.internet_connectivity_established: list[CfnResource] = [association]

    def add_default_internet_route(self, gateway_id: str, gateway_attachment: Any) -> None:
        """A `0.0.0.0/0` route to an internet gateway, after its attachment to the VPC."""
        from ._cfn_generated import CfnRoute  # lazy on purpose: the L1s load only for an owned subnet

        route = CfnRoute(self, "DefaultRoute", route_table_id=self.route_table.route_table_id,
                         destination_cidr_block="0.0.0.0/0", gateway_id=gateway_id)
        route.node.add_dependency(gateway_attachment)
        self.internet_connectivity_established.append(route)

    def add_default_nat_route(self, nat_gateway_id: str) -> None:
        """A `0.0.0.0/0` route to a NAT gateway."""
        from ._cfn_generated import CfnRoute  # lazy on purpose: the L1s load only for an owned subnet

        route = CfnRoute(self, "DefaultRoute", route_table_id=self.route_table.route_table_id,
                         destination_cidr_block="0.0.0.0/0", nat_gateway_id=nat_gateway_id)
        self.internet_connectivity_established.append(route)

    @staticmethod
    def from_subnet_id(scope: Construct, id: str, subnet_id: str) -> ISubnet:
        """A subnet defined elsewhere, by id (`subnet-` + 8 or 17 hex digits); no AZ, CIDR or route table."""
        return _ImportedSubnet(scope, id, subnet_id=subnet_id)

    @staticmethod
    def from_subnet_attributes(scope: Construct, id: str, *, subnet_id: str, availability_zone: str | None = None,
                               ipv4_cidr_block: str | None = None, route_table_id: str | None = None) -> ISubnet:
        """A subnet defined elsewhere, with whichever attributes are known (default: only the id)."""
        return _ImportedSubnet(scope, id, subnet_id=subnet_id, availability_zone=availability_zone,
                               ipv4_cidr_block=ipv4_cidr_block, route_table_id=route_table_id)


class PublicSubnet(Subnet):
    """A subnet routed to the internet gateway (mirrors `aws_cdk.aws_ec2.PublicSubnet`)."""

    def add_nat_gateway(self, eip_allocation_id: str | None = None) -> CfnNatGateway:
        """A NAT gateway in this subnet, with a new Elastic IP unless `eip_allocation_id` is given."""
        from ._cfn_generated import CfnEIP, CfnNatGateway  # lazy on purpose: the L1s load only for an owned subnet

        allocation_id = eip_allocation_id
        if allocation_id is None:
            allocation_id = CfnEIP(self, "EIP", domain="vpc").attr_allocation_id
        gateway = CfnNatGateway(self, "NATGateway", subnet_id=self.subnet_id, allocation_id=allocation_id)
        gateway.node.add_dependency(*self.internet_connectivity_established)
        return gateway


class PrivateSubnet(Subnet):
    """A subnet without a route from the internet (mirrors `aws_cdk.aws_ec2.PrivateSubnet`)."""


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class SubnetConfiguration:
    """One subnet group of a VPC: a subnet of `subnet_type` named `name` in every availability zone
    (mirrors `aws_cdk.aws_ec2.SubnetConfiguration`).

    `cidr_mask` defaults to an even share of the space left; `map_public_ip_on_launch` to True for
    PUBLIC subnets (it may only be set on those); `reserved` (keep the addresses, create nothing) to False.
    """

    name: str
    subnet_type: SubnetType
    cidr_mask: int | None = None
    map_public_ip_on_launch: bool | None = None
    reserved: bool | None = None
