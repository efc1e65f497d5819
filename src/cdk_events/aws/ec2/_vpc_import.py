"""Imported VPCs (`Vpc.from_vpc_attributes`): the subnet groups given by id, in zone order."""

from __future__ import annotations

import json
from collections.abc import Sequence

from cdk_events.core import ArnComponents, Construct, ValidationError
from cdk_events.core._arn import format_arn

from ...core._errors import construct_error
from ._ids import check_resource_id
from ._subnet import ISubnet, Subnet, SubnetType
from ._vpc_base import GROUP_NAME_SUFFIX, _VpcBase

_DEFAULT_GROUP_NAMES = {
    SubnetType.PUBLIC: "Public",
    SubnetType.PRIVATE_WITH_EGRESS: "Private",
    SubnetType.PRIVATE_ISOLATED: "Isolated",
}


class _SubnetGroupImport:
    """One kind of subnet (public, private or isolated) of an imported VPC."""

    def __init__(self, vpc: _ImportedVpc, kind: str, subnet_type: SubnetType, ids: Sequence[str] | None,
                 names: Sequence[str] | None, route_table_ids: Sequence[str] | None,
                 cidr_blocks: Sequence[str] | None):
        self.vpc = vpc
        self.kind = kind
        self.ids = list(ids or [])
        self.route_table_ids = list(route_table_ids or [])
        self.cidr_blocks = list(cidr_blocks or [])
        zones = len(vpc.availability_zones)
        if zones == 0 or len(self.ids) % zones:
            raise construct_error(vpc, f"Number of {kind}_subnet_ids ({len(self.ids)}) must be a multiple of "
                                       f"availability zones ({zones}).")
        self.groups = len(self.ids) // zones
        for field, values, given in (("route_table_ids", self.route_table_ids, route_table_ids),
                                     ("ipv4_cidr_blocks", self.cidr_blocks, cidr_blocks)):
            if given is not None and len(values) != len(self.ids):
                raise construct_error(vpc, f"Number of {kind}_subnet_{field} ({len(values)}) must be equal to the "
                                           f"amount of {kind}_subnet_ids ({len(self.ids)}).")
        self.names = self._normalize_names(names, _DEFAULT_GROUP_NAMES[subnet_type])

    def _normalize_names(self, names: Sequence[str] | None, default: str) -> list[str]:
        if not names:
            return [default]
        if len(names) != self.groups:
            raise construct_error(self.vpc, f"{self.kind}_subnet_names must have an entry for every corresponding "
                                            f"subnet group, got: {json.dumps(list(names))}")
        return list(names)

    def import_subnets(self) -> list[ISubnet]:
        zones = self.vpc.availability_zones
        subnets = []
        for i, subnet_id in enumerate(self.ids):
            name = self.names[i // len(zones)]
            check_resource_id(self.vpc, f"{self.kind}_subnet_ids[{i}]", subnet_id, "subnet")
            subnets.append(Subnet.from_subnet_attributes(
                self.vpc, f"{name}{GROUP_NAME_SUFFIX}{i + 1}", subnet_id=subnet_id,
                availability_zone=zones[i % len(zones)],
                route_table_id=self.route_table_ids[i] if i < len(self.route_table_ids) else None,
                ipv4_cidr_block=self.cidr_blocks[i] if i < len(self.cidr_blocks) else None))
        return subnets


class _ImportedVpc(_VpcBase):
    """A VPC defined elsewhere (`Vpc.from_vpc_attributes`)."""

    def __init__(self, scope: Construct, id: str, *, vpc_id: str, availability_zones: Sequence[str],
                 subnets: dict[str, dict[str, Sequence[str] | None]], vpc_cidr_block: str | None,
                 vpn_gateway_id: str | None, region: str | None):
        super().__init__(scope, id, region=region)
        self.vpc_id = check_resource_id(self, "vpc_id", vpc_id, "vpc")
        self.vpc_arn = format_arn(ArnComponents(service="ec2", resource="vpc", resource_name=self.vpc_id),
                                  self.stack)
        if isinstance(availability_zones, str) or not isinstance(availability_zones, Sequence):
            raise construct_error(self, f"'availability_zones' must be a list of zone names, got "
                                        f"{availability_zones!r}")
        self.availability_zones = list(availability_zones)
        self.vpn_gateway_id = vpn_gateway_id
        self._cidr = vpc_cidr_block
        kinds = (("public", SubnetType.PUBLIC), ("private", SubnetType.PRIVATE_WITH_EGRESS),
                 ("isolated", SubnetType.PRIVATE_ISOLATED))
        groups = {kind: _SubnetGroupImport(self, kind, subnet_type, **subnets[kind]) for kind, subnet_type in kinds}
        self.public_subnets = groups["public"].import_subnets()
        self.private_subnets = groups["private"].import_subnets()
        self.isolated_subnets = groups["isolated"].import_subnets()

    @property
    def vpc_cidr_block(self) -> str:
        """The VPC's CIDR block (raises when the import did not give one)."""
        if self._cidr is None:
            raise ValidationError(f"[{self.node.path}] Cannot perform this operation: 'vpc_cidr_block' was not "
                                  "supplied when creating this VPC")
        return self._cidr
