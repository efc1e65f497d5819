"""Security groups: `ISecurityGroup`, the owned `SecurityGroup` (with the CDK's default egress
rules) and imports by id."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from cdk_events.core import Construct, Names, Resource, ResourceEnvironment

from ...core._errors import construct_error
from ...core._prop_checks import check_bool
from ._cfn_generated import CfnSecurityGroup
from ._ids import check_resource_id

if TYPE_CHECKING:
    from ._vpc import IVpc

DISABLE_INLINE_RULES_CONTEXT = "@aws-cdk/aws-ec2.securityGroupDisableInlineRules"

_ALLOW_ALL_RULE = {"CidrIp": "0.0.0.0/0", "Description": "Allow all outbound traffic by default", "IpProtocol": "-1"}
_MATCH_NO_TRAFFIC = {"CidrIp": "255.255.255.255/32", "Description": "Disallow all traffic", "FromPort": 252,
                     "IpProtocol": "icmp", "ToPort": 86}
_ALLOW_ALL_IPV6_RULE = {"CidrIpv6": "::/0", "Description": "Allow all outbound ipv6 traffic by default",
                        "IpProtocol": "-1"}


@runtime_checkable
class ISecurityGroup(Protocol):
    """A security group, owned or imported (mirrors `aws_cdk.aws_ec2.ISecurityGroup`)."""

    @property
    def node(self) -> Any: ...

    @property
    def env(self) -> ResourceEnvironment: ...

    @property
    def security_group_id(self) -> str: ...

    @property
    def allow_all_outbound(self) -> bool: ...


class _SecurityGroupBase(Resource):
    """What owned and imported security groups share."""

    security_group_id: str
    allow_all_outbound: bool
    allow_all_ipv6_outbound: bool

    @property
    def unique_id(self) -> str:
        """The group's app-unique id (used to name rules)."""
        return Names.node_unique_id(self.node)


class _ImportedSecurityGroup(_SecurityGroupBase):
    """A security group defined elsewhere (`SecurityGroup.from_security_group_id`)."""

    def __init__(self, scope: Construct, id: str, security_group_id: str, *, allow_all_outbound: bool,
                 allow_all_ipv6_outbound: bool, mutable: bool):
        super().__init__(scope, id)
        self.security_group_id = check_resource_id(self, "security_group_id", security_group_id, "sg")
        self.allow_all_outbound = allow_all_outbound
        self.allow_all_ipv6_outbound = allow_all_ipv6_outbound
        self.mutable = mutable


class SecurityGroup(_SecurityGroupBase):
    """An EC2 security group in a VPC (mirrors `aws_cdk.aws_ec2.SecurityGroup`).

    `vpc` is required. `description` defaults to the construct path; `security_group_name` to a
    name CloudFormation generates; `allow_all_outbound` defaults to True (one allow-all egress rule,
    else a rule matching no traffic), `allow_all_ipv6_outbound` to False. Ingress and egress rules
    beyond these defaults are not offered yet.
    """

    def __init__(self, scope: Construct, id: str, *, vpc: IVpc, security_group_name: str | None = None,
                 description: str | None = None, allow_all_outbound: bool | None = None,
                 allow_all_ipv6_outbound: bool | None = None):
        super().__init__(scope, id, physical_name=security_group_name)
        check_bool(self, "allow_all_outbound", allow_all_outbound)
        check_bool(self, "allow_all_ipv6_outbound", allow_all_ipv6_outbound)
        if not isinstance(getattr(vpc, "vpc_id", None), str):
            raise construct_error(self, f"'vpc' must be an ec2.IVpc (e.g. ec2.Vpc.from_vpc_attributes(...)), got "
                                        f"{vpc!r}")
        if self.node.try_get_context(DISABLE_INLINE_RULES_CONTEXT):
            raise construct_error(self, f"the context '{DISABLE_INLINE_RULES_CONTEXT}' (separate egress rule "
                                        "resources) is not supported by cdk-events yet; remove it")
        self.vpc = vpc
        self.allow_all_outbound = allow_all_outbound is not False
        self.allow_all_ipv6_outbound = bool(allow_all_ipv6_outbound)
        egress: list[dict[str, Any]] = [dict(_ALLOW_ALL_RULE if self.allow_all_outbound else _MATCH_NO_TRAFFIC)]
        if self.allow_all_ipv6_outbound:
            egress.append(dict(_ALLOW_ALL_IPV6_RULE))
        self._resource = CfnSecurityGroup(self, "Resource", group_name=self.physical_name,
                                          group_description=description or self.node.path,
                                          security_group_egress=egress, vpc_id=vpc.vpc_id)
        self.security_group_id = self._resource.attr_group_id
        self.security_group_vpc_id: str = self._resource.attr_vpc_id
        self.security_group_name: str = self._resource.ref

    @staticmethod
    def from_security_group_id(scope: Construct, id: str, security_group_id: str, *,
                               allow_all_outbound: bool | None = None, allow_all_ipv6_outbound: bool | None = None,
                               mutable: bool | None = None) -> ISecurityGroup:
        """A security group defined elsewhere, by id (`sg-` + 8 or 17 hex digits).

        `allow_all_outbound` defaults to True, `allow_all_ipv6_outbound` to False, `mutable` to True.
        """
        return _ImportedSecurityGroup(scope, id, security_group_id,
                                      allow_all_outbound=allow_all_outbound is not False,
                                      allow_all_ipv6_outbound=bool(allow_all_ipv6_outbound),
                                      mutable=mutable is not False)
