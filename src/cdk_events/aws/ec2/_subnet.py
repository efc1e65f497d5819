"""Subnets: `SubnetType`, `SubnetSelection`, `SelectedSubnets` and imported subnets
(`Subnet.from_subnet_id`, `Subnet.from_subnet_attributes`)."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Any, Protocol

import attrs

from cdk_events.core import Annotations, Construct, Resource, ResourceEnvironment, Token, ValidationError

from ...core._import_only import ImportOnly
from ._ids import check_resource_id

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


@attrs.frozen(kw_only=True)
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


@attrs.frozen(kw_only=True)
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


@attrs.frozen
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


class Subnet(ImportOnly):
    """Subnet imports (mirrors the static methods of `aws_cdk.aws_ec2.Subnet`)."""

    _IMPORT_HINT = "import one with ec2.Subnet.from_subnet_id(...) or from_subnet_attributes(...)"

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
