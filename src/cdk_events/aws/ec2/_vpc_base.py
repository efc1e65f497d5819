"""What every VPC has, owned or imported: `IVpc` and subnet selection (`select_subnets`)."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from cdk_events.core import Annotations, Resource, ResourceEnvironment

from ...core._errors import construct_error
from ...core._struct import to_struct
from ._subnet import ISubnet, SelectedSubnets, SubnetSelection, SubnetType

GROUP_NAME_SUFFIX = "Subnet"
_PRIVATE_TYPES = (SubnetType.PRIVATE_WITH_EGRESS, SubnetType.PRIVATE_WITH_NAT, SubnetType.PRIVATE)
# the CDK ends these messages with an empty list when the VPC has no subnets at all
_NO_SUBNETS = "none (this VPC has no subnets; an imported VPC needs its <kind>_subnet_ids)"


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
    head, sep, tail = node_id.rpartition(GROUP_NAME_SUFFIX)
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
        selection = to_struct(SubnetSelection, selection, prop="subnet_selection", scope=self)
        if selection is not None and not isinstance(selection, SubnetSelection):
            raise construct_error(self, f"'subnet_selection' must be an ec2.SubnetSelection, got {selection!r} "
                                        f"(a {type(selection).__name__})")
        subnets = self._select_subnet_objects(selection or SubnetSelection())
        has_public = False
        if self.public_subnets:
            publics = {id(s) for s in self.public_subnets}
            has_public = any(id(s) in publics for s in subnets)
        return SelectedSubnets(subnets=tuple(subnets), has_public=has_public,
                               is_pending_lookup=self._incomplete_subnet_definition)

    def _select_subnet_objects(self, selection: SubnetSelection) -> list[ISubnet]:
        group_name = self._group_name_of(selection)
        if (selection.subnets is not None) + (selection.subnet_type is not None) + (group_name is not None) > 1:
            chosen = [k for k, v in (("subnets", selection.subnets), ("subnet_type", selection.subnet_type),
                                     ("subnet_group_name", group_name)) if v is not None]
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

    def _subnets_of_type(self, subnet_type: SubnetType) -> list[ISubnet]:
        """The subnets of one type (as `_subnets_by_type` maps them, without building the map)."""
        if subnet_type is SubnetType.PUBLIC:
            return self.public_subnets
        if subnet_type in _PRIVATE_TYPES:
            return self.private_subnets
        return self.isolated_subnets

    def _select_by_type(self, subnet_type: SubnetType) -> list[ISubnet]:
        if not isinstance(subnet_type, SubnetType):
            raise construct_error(self, f"'subnet_type' must be an ec2.SubnetType, got {subnet_type!r}")
        subnets = self._subnets_of_type(subnet_type)
        if not subnets and not self._incomplete_subnet_definition:
            by_type = self._subnets_by_type()
            available = ",".join(t.value for t, subs in by_type.items() if subs) or _NO_SUBNETS
            raise construct_error(self, f"There are no '{subnet_type.value}' subnet groups in this VPC. Available "
                                        f"types: {available}")
        return list(subnets)

    def _select_by_name(self, group_name: str) -> list[ISubnet]:
        every = [*self.public_subnets, *self.private_subnets, *self.isolated_subnets]
        subnets = [s for s in every if subnet_group_name(s) == group_name]
        if not subnets and not self._incomplete_subnet_definition:
            names = ",".join(dict.fromkeys(subnet_group_name(s) for s in every)) or _NO_SUBNETS
            raise construct_error(self, f"There are no subnet groups with name '{group_name}' in this VPC. "
                                        f"Available names: {names}")
        return subnets


