"""VPCs: `IVpc` and imported VPCs (`Vpc.from_vpc_attributes`) with `select_subnets`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

from cdk_events.core import Annotations, ArnComponents, Construct, Resource, ResourceEnvironment, ValidationError
from cdk_events.core._arn import format_arn

from ...core._errors import construct_error
from ...core._import_only import ImportOnly
from ._ids import check_resource_id
from ._subnet import ISubnet, SelectedSubnets, Subnet, SubnetSelection, SubnetType

_DEFAULT_GROUP_NAMES = {
    SubnetType.PUBLIC: "Public",
    SubnetType.PRIVATE_WITH_EGRESS: "Private",
    SubnetType.PRIVATE_ISOLATED: "Isolated",
}
_GROUP_NAME_SUFFIX = "Subnet"


@runtime_checkable
class IVpc(Protocol):
    """A VPC, owned or imported (mirrors `aws_cdk.aws_ec2.IVpc`)."""

    @property
    def node(self) -> Any: ...

    @property
    def env(self) -> ResourceEnvironment: ...

    @property
    def vpc_id(self) -> str: ...

    @property
    def vpc_arn(self) -> str: ...

    @property
    def availability_zones(self) -> list[str]: ...

    @property
    def public_subnets(self) -> list[ISubnet]: ...

    @property
    def private_subnets(self) -> list[ISubnet]: ...

    @property
    def isolated_subnets(self) -> list[ISubnet]: ...

    def select_subnets(self, selection: SubnetSelection | None = None) -> SelectedSubnets: ...


def subnet_group_name(subnet: ISubnet) -> str:
    """The group name of a VPC subnet, from its construct id (`<group>Subnet<n>`)."""
    node_id: str = subnet.node.id
    head, sep, tail = node_id.rpartition(_GROUP_NAME_SUFFIX)
    return head if sep and tail.isdigit() else node_id


class _VpcBase(Resource):
    """Subnet selection, shared by every VPC."""

    vpc_id: str
    availability_zones: list[str]
    public_subnets: list[ISubnet]
    private_subnets: list[ISubnet]
    isolated_subnets: list[ISubnet]
    _incomplete_subnet_definition = False

    def select_subnets(self, selection: SubnetSelection | None = None) -> SelectedSubnets:
        """The subnets chosen by `selection` (default: the private subnets, else isolated, else public).

        Raises when the selection is ambiguous or names a group the VPC does not have.
        """
        if selection is not None and not isinstance(selection, SubnetSelection):
            raise construct_error(self, f"'subnet_selection' must be an ec2.SubnetSelection, got {selection!r} "
                                        f"(a {type(selection).__name__})")
        subnets = self._select_subnet_objects(selection or SubnetSelection())
        publics = {id(s) for s in self.public_subnets}
        return SelectedSubnets(subnets=tuple(subnets), has_public=any(id(s) in publics for s in subnets),
                               is_pending_lookup=self._incomplete_subnet_definition)

    def _select_subnet_objects(self, selection: SubnetSelection) -> list[ISubnet]:
        group_name = self._group_name_of(selection)
        chosen = [k for k, v in (("subnets", selection.subnets), ("subnet_type", selection.subnet_type),
                                 ("subnet_group_name", group_name)) if v is not None]
        if len(chosen) > 1:
            raise construct_error(self, f"Only one of '{','.join(chosen)}' can be supplied to subnet selection.")
        if selection.subnets is not None:
            return list(selection.subnets)
        if group_name is not None:
            subnets = self._select_by_name(group_name)
        else:
            subnets = self._select_by_type(selection.subnet_type or self._default_subnet_type())
        if selection.availability_zones is not None:
            zones = set(selection.availability_zones)
            subnets = [s for s in subnets if s.availability_zone in zones]
        if selection.one_per_az:
            seen: set[str] = set()
            unique = []
            for subnet in subnets:
                if subnet.availability_zone not in seen:
                    seen.add(subnet.availability_zone)
                    unique.append(subnet)
            subnets = unique
        return subnets

    def _group_name_of(self, selection: SubnetSelection) -> str | None:
        if selection.subnet_name is None:
            return selection.subnet_group_name
        if selection.subnet_group_name is not None:
            raise construct_error(self, "Please use only 'subnet_group_name' ('subnet_name' is deprecated and has "
                                        "the same behavior)")
        Annotations.of(self).add_warning_v2(
            "@aws-cdk/aws-ec2:subnetNameDeprecated",
            "Usage of 'subnetName' in SubnetSelection is deprecated, use 'subnetGroupName' instead")
        return selection.subnet_name

    def _default_subnet_type(self) -> SubnetType:
        if self.private_subnets:
            return SubnetType.PRIVATE_WITH_EGRESS
        if self.isolated_subnets:
            return SubnetType.PRIVATE_ISOLATED
        return SubnetType.PUBLIC

    def _subnets_by_type(self) -> dict[SubnetType, list[ISubnet]]:
        return {
            SubnetType.PRIVATE_ISOLATED: self.isolated_subnets,
            SubnetType.ISOLATED: self.isolated_subnets,
            SubnetType.PRIVATE_WITH_NAT: self.private_subnets,
            SubnetType.PRIVATE_WITH_EGRESS: self.private_subnets,
            SubnetType.PRIVATE: self.private_subnets,
            SubnetType.PUBLIC: self.public_subnets,
        }

    def _select_by_type(self, subnet_type: SubnetType) -> list[ISubnet]:
        if not isinstance(subnet_type, SubnetType):
            raise construct_error(self, f"'subnet_type' must be an ec2.SubnetType, got {subnet_type!r}")
        by_type = self._subnets_by_type()
        subnets = by_type[subnet_type]
        if not subnets and not self._incomplete_subnet_definition:
            available = ",".join(t.value for t, subs in by_type.items() if subs)
            raise construct_error(self, f"There are no '{subnet_type.value}' subnet groups in this VPC. Available "
                                        f"types: {available}")
        return list(subnets)

    def _select_by_name(self, group_name: str) -> list[ISubnet]:
        every = [*self.public_subnets, *self.private_subnets, *self.isolated_subnets]
        subnets = [s for s in every if subnet_group_name(s) == group_name]
        if not subnets and not self._incomplete_subnet_definition:
            names = ",".join(dict.fromkeys(subnet_group_name(s) for s in every))
            raise construct_error(self, f"There are no subnet groups with name '{group_name}' in this VPC. "
                                        f"Available names: {names}")
        return subnets


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
                self.vpc, f"{name}{_GROUP_NAME_SUFFIX}{i + 1}", subnet_id=subnet_id,
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


class Vpc(ImportOnly):
    """VPC imports (mirrors the static methods of `aws_cdk.aws_ec2.Vpc`)."""

    _IMPORT_HINT = "import one with ec2.Vpc.from_vpc_attributes(...)"

    @staticmethod
    def from_vpc_attributes(
        scope: Construct,
        id: str,
        *,
        vpc_id: str,
        availability_zones: Sequence[str],
        vpc_cidr_block: str | None = None,
        public_subnet_ids: Sequence[str] | None = None,
        public_subnet_names: Sequence[str] | None = None,
        public_subnet_route_table_ids: Sequence[str] | None = None,
        public_subnet_ipv4_cidr_blocks: Sequence[str] | None = None,
        private_subnet_ids: Sequence[str] | None = None,
        private_subnet_names: Sequence[str] | None = None,
        private_subnet_route_table_ids: Sequence[str] | None = None,
        private_subnet_ipv4_cidr_blocks: Sequence[str] | None = None,
        isolated_subnet_ids: Sequence[str] | None = None,
        isolated_subnet_names: Sequence[str] | None = None,
        isolated_subnet_route_table_ids: Sequence[str] | None = None,
        isolated_subnet_ipv4_cidr_blocks: Sequence[str] | None = None,
        vpn_gateway_id: str | None = None,
        region: str | None = None,
    ) -> IVpc:
        """A VPC defined elsewhere.

        Each `<kind>_subnet_ids` list (default: none of that kind) holds one subnet per availability
        zone for every subnet group, in zone order; `<kind>_subnet_names` names the groups (default
        `Public`, `Private`, `Isolated`). Ids must be well-formed (`vpc-`/`subnet-` + 8 or 17 hex digits).
        """
        subnets: dict[str, dict[str, Sequence[str] | None]] = {
            "public": {"ids": public_subnet_ids, "names": public_subnet_names,
                       "route_table_ids": public_subnet_route_table_ids,
                       "cidr_blocks": public_subnet_ipv4_cidr_blocks},
            "private": {"ids": private_subnet_ids, "names": private_subnet_names,
                        "route_table_ids": private_subnet_route_table_ids,
                        "cidr_blocks": private_subnet_ipv4_cidr_blocks},
            "isolated": {"ids": isolated_subnet_ids, "names": isolated_subnet_names,
                         "route_table_ids": isolated_subnet_route_table_ids,
                         "cidr_blocks": isolated_subnet_ipv4_cidr_blocks},
        }
        return _ImportedVpc(scope, id, vpc_id=vpc_id, availability_zones=availability_zones, subnets=subnets,
                            vpc_cidr_block=vpc_cidr_block, vpn_gateway_id=vpn_gateway_id, region=region)
