"""VPCs: the owned `Vpc` (subnets per availability zone, route tables, internet and NAT gateways, as
aws-cdk-lib lays them out) and its imports (`Vpc.from_vpc_attributes`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any

from cdk_events.core import (
    Annotations,
    ArnComponents,
    Construct,
    FeatureFlags,
    Fn,
    Stack,
    Tags,
    Token,
    ValidationError,
)
from cdk_events.core._arn import format_arn

from ...core._errors import construct_error
from ...core._prop_checks import check_bool, check_str
from ...core._struct import StructError, camel_case_keys, struct_field_names, to_struct
from ._subnet import (
    ISubnet,
    PrivateSubnet,
    PublicSubnet,
    Subnet,
    SubnetConfiguration,
    SubnetSelection,
    SubnetType,
)
from ._vpc_base import GROUP_NAME_SUFFIX, IVpc, _VpcBase
from ._vpc_import import _ImportedVpc

if TYPE_CHECKING:
    from ._ip_addresses import IIpAddresses

__all__ = ["DefaultInstanceTenancy", "IVpc", "Vpc"]

DEFAULT_CIDR_RANGE = "10.0.0.0/16"
DUMMY_AZS = ["dummy1a", "dummy1b", "dummy1c"]
_PRIVATE_TYPES = (SubnetType.PRIVATE_WITH_EGRESS, SubnetType.PRIVATE_WITH_NAT, SubnetType.PRIVATE)
_ISOLATED_TYPES = (SubnetType.PRIVATE_ISOLATED, SubnetType.ISOLATED)
_TYPE_TAG = {SubnetType.PUBLIC: "Public", SubnetType.PRIVATE_WITH_EGRESS: "Private",
             SubnetType.PRIVATE_WITH_NAT: "Private", SubnetType.PRIVATE: "Private",
             SubnetType.PRIVATE_ISOLATED: "Isolated", SubnetType.ISOLATED: "Isolated"}


class DefaultInstanceTenancy(Enum):
    """The default tenancy of instances in a VPC (mirrors `aws_cdk.aws_ec2.DefaultInstanceTenancy`)."""

    DEFAULT = "default"
    """Shared hardware."""
    DEDICATED = "dedicated"
    """Hardware dedicated to one customer."""


def stack_availability_zones(stack: Stack) -> list[str]:
    """The stack's availability zones as the CDK's `Stack.availabilityZones` gives them.

    Environment-agnostic stacks get the first two of `Fn::GetAZs`; a stack with an account and a
    region reads the `availability-zones:account=...:region=...` context key (what `cdk.context.json`
    holds after a lookup); without it, the CDK's dummy zones (with a warning naming the key to set).
    """
    if Token.is_unresolved(stack.account) or Token.is_unresolved(stack.region):
        return [Fn.select(0, Fn.get_azs()), Fn.select(1, Fn.get_azs())]
    key = f"availability-zones:account={stack.account}:region={stack.region}"
    value = stack.node.try_get_context(key)
    if value is None:
        Annotations.of(stack).add_warning_v2(
            "@aws-cdk/aws-ec2:availabilityZonesContextMissing",
            f"The context key '{key}' (the availability zones of the stack's environment) is not set: cdk-events "
            f"does no context lookups, so the VPC uses the CDK's placeholder zones {DUMMY_AZS}. Set the key in "
            "cdk.context.json or with app.node.set_context(...) to the region's zone names.")
        return list(DUMMY_AZS)
    if isinstance(value, str) or not isinstance(value, Sequence):
        raise ValidationError(f"[{stack.node.path}] the context key '{key}' must be a list of availability zone "
                              f"names, got {value!r}")
    return list(value)


def _subnet_configurations(vpc: Vpc, value: Any) -> list[SubnetConfiguration]:
    """`subnet_configuration` as a list of `SubnetConfiguration` (dicts in it have camelCase keys, as jsii
    passes them)."""
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Sequence):
        raise construct_error(vpc, f"'subnet_configuration' must be a list of ec2.SubnetConfiguration, got {value!r}")
    result = []
    for index, item in enumerate(value):
        if isinstance(item, Mapping):
            fields = camel_case_keys(item, SubnetConfiguration)
            missing = [name for name in ("name", "subnet_type") if name not in fields]
            if missing:
                raise StructError(
                    f"[{vpc.node.path}] 'subnet_configuration[{index}]': the dict has no "
                    f"{', '.join(repr(m) for m in missing)} field (inside a list, jsii passes dicts as they are: "
                    f"use the camelCase keys name, subnetType, cidrMask, mapPublicIpOnLaunch, reserved; got "
                    f"{dict(item)!r}); allowed: {', '.join(struct_field_names(SubnetConfiguration))}")
            item = SubnetConfiguration(**fields)
        if not isinstance(item, SubnetConfiguration):
            raise construct_error(vpc, f"'subnet_configuration[{index}]' must be an ec2.SubnetConfiguration, got "
                                       f"{item!r}")
        if not isinstance(item.subnet_type, SubnetType):
            raise construct_error(vpc, f"'subnet_configuration[{index}].subnet_type' must be an ec2.SubnetType, got "
                                       f"{item.subnet_type!r}")
        check_str(vpc, f"subnet_configuration[{index}].name", item.name)
        if item.cidr_mask is not None and (isinstance(item.cidr_mask, bool) or not isinstance(item.cidr_mask, int)):
            raise construct_error(vpc, f"'subnet_configuration[{index}].cidr_mask' must be a whole number from 16 to "
                                       f"28, got {item.cidr_mask!r}")
        result.append(item)
    return result


def _nat_gateway_count(requested: int | None, configs: list[SubnetConfiguration], az_count: int) -> int:
    has_private = any(c.subnet_type in _PRIVATE_TYPES and not c.reserved for c in configs)
    has_public = any(c.subnet_type is SubnetType.PUBLIC for c in configs)
    has_custom_egress = any(c.subnet_type is SubnetType.PRIVATE_WITH_EGRESS for c in configs)
    count = min(requested, az_count) if requested is not None else (az_count if has_private else 0)
    if count == 0 and has_private and not has_custom_egress:
        raise ValidationError("If you do not want NAT gateways (natGateways=0), make sure you don't configure any "
                              "PRIVATE(_WITH_NAT) subnets in 'subnetConfiguration' (make them PUBLIC or ISOLATED "
                              "instead)")
    if count > 0 and not has_public:
        described = [{"name": c.name, "subnetType": c.subnet_type.value} for c in configs]
        raise ValidationError("If you configure PRIVATE subnets in 'subnetConfiguration', you must also configure "
                              f"PUBLIC subnets to put the NAT gateways into (got {described}.")
    return count


class Vpc(_VpcBase):
    """A VPC with subnets in each availability zone (mirrors `aws_cdk.aws_ec2.Vpc`).

    Defaults: `ip_addresses` `IpAddresses.cidr("10.0.0.0/16")` (or the deprecated `cidr`); `max_azs` 3
    (environment-agnostic stacks have 2 zones, `Fn::GetAZs`; a stack with an env reads them from the
    `availability-zones:...` context key); `subnet_configuration` one PUBLIC and one PRIVATE_WITH_EGRESS
    group (PUBLIC and PRIVATE_ISOLATED when `nat_gateways=0`), splitting the space evenly; `nat_gateways`
    one per zone when there are private subnets, in the PUBLIC subnets (`nat_gateway_subnets`); an internet
    gateway unless every group is isolated (`create_internet_gateway`); DNS support and hostnames on;
    `vpc_name` (the `Name` tag) the construct path; `restrict_default_security_group` follows the
    `@aws-cdk/aws-ec2:restrictDefaultSecurityGroup` flag (a custom resource removes the default group's rules).
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        ip_addresses: IIpAddresses | None = None,
        cidr: str | None = None,
        enable_dns_hostnames: bool | None = None,
        enable_dns_support: bool | None = None,
        default_instance_tenancy: DefaultInstanceTenancy | None = None,
        max_azs: int | None = None,
        availability_zones: Sequence[str] | None = None,
        nat_gateways: int | None = None,
        nat_gateway_subnets: SubnetSelection | None = None,
        subnet_configuration: Sequence[SubnetConfiguration] | None = None,
        create_internet_gateway: bool | None = None,
        vpc_name: str | None = None,
        restrict_default_security_group: bool | None = None,
    ):
        # lazy on purpose: the L1s, the address planning and the restricting custom resource load only for an
        # owned VPC (an imported one, `Vpc.from_vpc_attributes`, does without them)
        from ._cfn_generated import CfnVPC
        from ._ip_addresses import IIpAddresses, IpAddresses
        from ._restrict_default_sg import RESTRICT_DEFAULT_SG_FLAG, add_restrict_default_sg

        super().__init__(scope, id)
        stack = self.stack
        for prop, flag in (("enable_dns_hostnames", enable_dns_hostnames), ("enable_dns_support", enable_dns_support),
                           ("create_internet_gateway", create_internet_gateway),
                           ("restrict_default_security_group", restrict_default_security_group)):
            check_bool(self, prop, flag)
        check_str(self, "vpc_name", vpc_name)
        if enable_dns_hostnames and enable_dns_support is False:
            raise construct_error(self, "To use DNS Hostnames, DNS Support must be enabled, however, it was explicitly "
                                        "disabled.")
        if availability_zones is not None and max_azs is not None:
            raise construct_error(self, "Vpc supports 'availabilityZones' or 'maxAzs', but not both.")
        for prop, number in (("max_azs", max_azs), ("nat_gateways", nat_gateways)):
            if number is not None and (isinstance(number, bool) or not isinstance(number, int) or number < 0):
                raise construct_error(self, f"'{prop}' must be a whole number of at least 0, got {number!r}")
        if ip_addresses is not None and cidr is not None:
            raise construct_error(self, "supply at most one of ipAddresses or cidr")
        if ip_addresses is not None and not isinstance(ip_addresses, IIpAddresses):
            raise construct_error(self, f"'ip_addresses' must be an ec2.IpAddresses (e.g. "
                                        f"ec2.IpAddresses.cidr('10.0.0.0/16')), got {ip_addresses!r}")
        if default_instance_tenancy is not None and not isinstance(default_instance_tenancy, DefaultInstanceTenancy):
            raise construct_error(self, f"'default_instance_tenancy' must be an ec2.DefaultInstanceTenancy, got "
                                        f"{default_instance_tenancy!r}")
        try:
            self._ip_addresses = ip_addresses or IpAddresses.cidr(cidr if cidr is not None else DEFAULT_CIDR_RANGE)
            vpc_options = self._ip_addresses.allocate_vpc_cidr()
        except ValidationError as error:
            raise construct_error(self, str(error)) from None
        self.dns_hostnames_enabled = enable_dns_hostnames is not False
        self.dns_support_enabled = enable_dns_support is not False
        self._resource = CfnVPC(self, "Resource", cidr_block=vpc_options.get("cidr_block"),
                                enable_dns_hostnames=self.dns_hostnames_enabled,
                                enable_dns_support=self.dns_support_enabled,
                                instance_tenancy=(default_instance_tenancy or DefaultInstanceTenancy.DEFAULT).value)
        self.vpc_default_network_acl: str = self._resource.attr_default_network_acl
        self.vpc_cidr_block_associations: list[str] = self._resource.attr_cidr_block_associations
        self.vpc_cidr_block: str = self._resource.attr_cidr_block
        self.vpc_default_security_group: str = self._resource.attr_default_security_group
        self.vpc_ipv6_cidr_blocks: list[str] = self._resource.attr_ipv6_cidr_blocks
        Tags.of(self).add("Name", vpc_name or self.node.path)
        self.availability_zones = self._zones(stack, availability_zones, max_azs)
        self.vpc_id: str = self._resource.ref
        self.vpc_arn: str = format_arn(ArnComponents(service="ec2", resource="vpc", resource_name=self.vpc_id), stack)
        self.public_subnets: list[ISubnet] = []
        self.private_subnets: list[ISubnet] = []
        self.isolated_subnets: list[ISubnet] = []
        default_configs = [SubnetConfiguration(name="Public", subnet_type=SubnetType.PUBLIC),
                           SubnetConfiguration(name="Private", subnet_type=SubnetType.PRIVATE_WITH_EGRESS)]
        if nat_gateways == 0:
            default_configs[1] = SubnetConfiguration(name="Isolated", subnet_type=SubnetType.PRIVATE_ISOLATED)
        self.subnet_configuration = (_subnet_configurations(self, subnet_configuration)
                                     if subnet_configuration is not None else default_configs)
        try:
            nat_count = _nat_gateway_count(nat_gateways, self.subnet_configuration, len(self.availability_zones))
        except ValidationError as error:
            raise construct_error(self, str(error)) from None
        self._create_subnets()
        self.internet_gateway_id: str | None = None
        allow_outbound = any(c.subnet_type not in _ISOLATED_TYPES for c in self.subnet_configuration)
        if allow_outbound and create_internet_gateway is not False:
            self._create_internet_gateway(nat_count, nat_gateway_subnets)
        restrict = FeatureFlags.of(self).is_enabled(RESTRICT_DEFAULT_SG_FLAG)
        if (restrict and restrict_default_security_group is not False) or restrict_default_security_group:
            add_restrict_default_sg(self, self.vpc_default_security_group)

    def _zones(self, stack: Stack, given: Sequence[str] | None, max_azs: int | None) -> list[str]:
        if given is None:
            return stack_availability_zones(stack)[:max_azs if max_azs is not None else 3]
        if isinstance(given, str) or not isinstance(given, Sequence):
            raise construct_error(self, f"'availability_zones' must be a list of zone names, got {given!r}")
        known = [az for az in stack_availability_zones(stack) if not Token.is_unresolved(az) and az not in DUMMY_AZS]
        if known and not all(Token.is_unresolved(az) or az in known for az in given):
            raise construct_error(self, f"Given VPC 'availabilityZones' {','.join(given)} must be a subset of the "
                                        f"stack's availability zones {','.join(known)}")
        return list(given)

    def _create_subnets(self) -> None:
        from ._ip_addresses import RequestedSubnet  # lazy on purpose: only an owned VPC plans its subnets

        requested = [RequestedSubnet(availability_zone=az, subnet_construct_id=f"{c.name}{GROUP_NAME_SUFFIX}{i + 1}",
                                     configuration=c)
                     for c in self.subnet_configuration for i, az in enumerate(self.availability_zones)]
        try:
            blocks = self._ip_addresses.allocate_subnets_cidr(self.vpc_cidr_block, requested)
        except ValidationError as error:
            raise construct_error(self, str(error)) from None
        for request, block in zip(requested, blocks, strict=True):
            config = request.configuration
            if config.reserved:
                continue
            if config.subnet_type is SubnetType.PUBLIC:
                map_public = config.map_public_ip_on_launch if config.map_public_ip_on_launch is not None else True
            elif config.map_public_ip_on_launch is not None:
                raise construct_error(self, f"{config.subnet_type.value} subnet cannot include mapPublicIpOnLaunch "
                                            "parameter")
            else:
                map_public = False
            kind = PublicSubnet if config.subnet_type is SubnetType.PUBLIC else PrivateSubnet
            subnet = kind(self, request.subnet_construct_id, availability_zone=request.availability_zone,
                          vpc_id=self.vpc_id, cidr_block=block, map_public_ip_on_launch=map_public)
            if config.subnet_type is SubnetType.PUBLIC:
                self.public_subnets.append(subnet)
            elif config.subnet_type in _PRIVATE_TYPES:
                self.private_subnets.append(subnet)
            else:
                self.isolated_subnets.append(subnet)
            Tags.of(subnet).add("aws-cdk:subnet-name", config.name, include_resource_types=["AWS::EC2::Subnet"])
            Tags.of(subnet).add("aws-cdk:subnet-type", _TYPE_TAG[config.subnet_type],
                                include_resource_types=["AWS::EC2::Subnet"])

    def _create_internet_gateway(self, nat_count: int, nat_gateway_subnets: SubnetSelection | None) -> None:
        # lazy on purpose: the L1s load only for an owned VPC
        from ._cfn_generated import CfnInternetGateway, CfnVPCGatewayAttachment

        gateway = CfnInternetGateway(self, "IGW")
        self.internet_gateway_id = gateway.ref
        attachment = CfnVPCGatewayAttachment(self, "VPCGW", internet_gateway_id=gateway.ref, vpc_id=self._resource.ref)
        for subnet in self.public_subnets:
            assert isinstance(subnet, PublicSubnet)
            subnet.add_default_internet_route(gateway.ref, attachment)
        if nat_count > 0:
            placement = to_struct(SubnetSelection, nat_gateway_subnets, prop="nat_gateway_subnets", scope=self)
            nat_subnets = self._select_subnet_objects(placement or SubnetSelection(subnet_type=SubnetType.PUBLIC))
            for subnet in nat_subnets:
                if not any(subnet is p for p in self.public_subnets):
                    raise construct_error(self, f"natGatewayPlacement {placement} contains non public subnet "
                                                f"{subnet.node.path}")
            self._configure_nat_gateways([s for s in nat_subnets[:nat_count] if isinstance(s, PublicSubnet)])

    def _configure_nat_gateways(self, nat_subnets: list[PublicSubnet]) -> None:
        by_zone: dict[str, str] = {}
        gateways: list[str] = []
        for subnet in nat_subnets:
            gateway_id = subnet.add_nat_gateway().ref
            by_zone[subnet.availability_zone] = gateway_id
            gateways.append(gateway_id)
        next_index = 0
        for private in self.private_subnets:
            assert isinstance(private, Subnet)
            chosen = by_zone.get(private.availability_zone)
            if chosen is None:  # no gateway in this zone: the others in turn, as the CDK's PrefSet picks
                chosen = gateways[next_index % len(gateways)]
                next_index += 1
            private.add_default_nat_route(chosen)

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

    @staticmethod
    def from_lookup(scope: Construct, id: str, **options: Any) -> IVpc:
        """Refused: a lookup needs the CDK CLI's context provider (an AWS call), which cdk-events does not make."""
        node = getattr(scope, "node", None)
        path = f"{node.path}/{id}" if node is not None and node.path else id
        raise ValidationError(
            f"[{path}] Vpc.from_lookup looks the VPC up in your AWS account through the CDK CLI's context "
            "provider, which cdk-events (offline) does not do; use ec2.Vpc.from_vpc_attributes(scope, id, "
            "vpc_id=..., availability_zones=[...], private_subnet_ids=[...], ...) with the VPC's values instead")
