"""Security groups: `ISecurityGroup`, the owned `SecurityGroup` (the CDK's default egress rules, inline
rules for address ranges and prefix lists, separate rule resources for group peers) and imports by id."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from cdk_events.core import Annotations, Construct, Lazy, Names, Resource, ResourceEnvironment, Token

from ...core._errors import construct_error
from ...core._prop_checks import check_bool
from ._ids import check_resource_id

if TYPE_CHECKING:
    from ._peer import IPeer, Port
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

    def add_ingress_rule(self, peer: IPeer, connection: Port, description: str | None = None,
                         remote_rule: bool | None = None) -> None: ...

    def add_egress_rule(self, peer: IPeer, connection: Port, description: str | None = None,
                        remote_rule: bool | None = None) -> None: ...


def _sorted(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rules with their keys in CloudFormation's (alphabetical) order."""
    return [dict(sorted(rule.items())) for rule in rules]


def _same_rule(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Rules are the same when everything but the description is (as CloudFormation compares them)."""
    return {k: v for k, v in a.items() if k != "Description"} == {k: v for k, v in b.items() if k != "Description"}


def _snake(config: dict[str, Any]) -> dict[str, Any]:
    """`{"CidrIp": ...}` -> `{"cidr_ip": ...}` (the L1 keywords)."""
    return {re.sub(r"(?<!^)(?=[A-Z])", "_", key).lower(): value for key, value in config.items()}


def _check_rule(group: Construct, method: str, peer: Any, connection: Any) -> None:
    # lazy on purpose: peers and ports load only for an app that adds a rule (an EcsTask target on an
    # imported group, or any imported group, does without them)
    from ._peer import IPeer, Port

    if not isinstance(peer, IPeer):
        raise construct_error(group, f"{method}: 'peer' must be an ec2.IPeer (ec2.Peer.ipv4(...), ec2.Peer.any_ipv4(), "
                                     f"ec2.Peer.prefix_list(...), a security group), got {peer!r}")
    if not isinstance(connection, Port):
        raise construct_error(group, f"{method}: 'connection' must be an ec2.Port (ec2.Port.tcp(443), "
                                     f"ec2.Port.all_traffic(), ...), got {connection!r}")


class _SecurityGroupBase(Resource):
    """What owned and imported security groups share: rules as separate resources, and being a peer."""

    security_group_id: str
    allow_all_outbound: bool
    allow_all_ipv6_outbound: bool
    _peer_as_token_count = 0

    @property
    def unique_id(self) -> str:
        """The group's app-unique id (names its rules)."""
        return Names.node_unique_id(self.node)

    @property
    def can_inline_rule(self) -> bool:
        """False: a group as a peer makes a separate rule resource."""
        return False

    def to_ingress_rule_config(self) -> dict[str, Any]:
        """`{SourceSecurityGroupId: ...}`."""
        return {"SourceSecurityGroupId": self.security_group_id}

    def to_egress_rule_config(self) -> dict[str, Any]:
        """`{DestinationSecurityGroupId: ...}`."""
        return {"DestinationSecurityGroupId": self.security_group_id}

    def add_ingress_rule(self, peer: IPeer, connection: Port, description: str | None = None,
                         remote_rule: bool | None = None) -> None:
        """Allow traffic from `peer` on `connection`, as an `AWS::EC2::SecurityGroupIngress` resource
        (description default `from <peer>:<port>`)."""
        _check_rule(self, "add_ingress_rule", peer, connection)
        scope, id = self._rule_scope(peer, connection, "from", remote_rule)
        if scope.node.try_find_child(id) is None:
            from ._cfn_generated import CfnSecurityGroupIngress  # lazy on purpose: the L1s load only for a rule

            CfnSecurityGroupIngress(scope, id, group_id=self.security_group_id,
                                    **_snake({**peer.to_ingress_rule_config(), **connection.to_rule_json()}),
                                    description=description if description is not None
                                    else f"from {peer.unique_id}:{connection}")

    def add_egress_rule(self, peer: IPeer, connection: Port, description: str | None = None,
                        remote_rule: bool | None = None) -> None:
        """Allow traffic to `peer` on `connection`, as an `AWS::EC2::SecurityGroupEgress` resource
        (description default `to <peer>:<port>`)."""
        _check_rule(self, "add_egress_rule", peer, connection)
        scope, id = self._rule_scope(peer, connection, "to", remote_rule)
        if scope.node.try_find_child(id) is None:
            from ._cfn_generated import CfnSecurityGroupEgress  # lazy on purpose: the L1s load only for a rule

            CfnSecurityGroupEgress(scope, id, group_id=self.security_group_id,
                                   **_snake({**peer.to_egress_rule_config(), **connection.to_rule_json()}),
                                   description=description if description is not None
                                   else f"to {peer.unique_id}:{connection}")

    def _rule_scope(self, peer: IPeer, connection: Port, from_to: str, remote_rule: bool | None) -> tuple[Any, str]:
        """Where a rule resource goes: under this group, or under a peer group of another stack (`remote_rule`)."""
        if remote_rule and isinstance(peer, _SecurityGroupBase) and peer.stack is not self.stack:
            reversed_from_to = "to" if from_to == "from" else "from"
            return peer, f"{self.unique_id}:{connection} {reversed_from_to}"
        return self, f"{from_to} {self._render_peer(peer)}:{connection}".replace("/", "_", 1)

    def _render_peer(self, peer: IPeer) -> str:
        if not Token.is_unresolved(peer.unique_id):
            return peer.unique_id
        count = self._peer_as_token_count
        self._peer_as_token_count = count + 1
        return f"'{{IndirectPeer{count + 1}}}'" if count else "{IndirectPeer}"


class _ImportedSecurityGroup(_SecurityGroupBase):
    """A security group defined elsewhere (`SecurityGroup.from_security_group_id`): rules become
    separate resources; egress rules only when imported with `allow_all_outbound=False`; none when
    immutable."""

    def __init__(self, scope: Construct, id: str, security_group_id: str, *, allow_all_outbound: bool | None,
                 allow_all_ipv6_outbound: bool, mutable: bool):
        super().__init__(scope, id)
        self.security_group_id = check_resource_id(self, "security_group_id", security_group_id, "sg")
        self._allow_egress_rules = allow_all_outbound is False
        self.allow_all_outbound = allow_all_outbound is not False
        self.allow_all_ipv6_outbound = allow_all_ipv6_outbound
        self.mutable = mutable

    def add_ingress_rule(self, peer: IPeer, connection: Port, description: str | None = None,
                         remote_rule: bool | None = None) -> None:
        """Add an ingress rule resource (nothing when the import is immutable)."""
        if self.mutable:
            super().add_ingress_rule(peer, connection, description, remote_rule)

    def add_egress_rule(self, peer: IPeer, connection: Port, description: str | None = None,
                        remote_rule: bool | None = None) -> None:
        """Add an egress rule resource (only when imported with `allow_all_outbound=False` and mutable)."""
        if self.mutable and self._allow_egress_rules:
            super().add_egress_rule(peer, connection, description, remote_rule)


def _no_traffic() -> tuple[IPeer, Port]:
    """The peer and port of the rule matching no traffic (the egress rule of a group allowing none)."""
    from ._peer import Peer, Port  # lazy on purpose: peers and ports load only for an owned group

    return Peer.ipv4("255.255.255.255/32"), Port.icmp_type_and_code(252, 86)


class SecurityGroup(_SecurityGroupBase):
    """An EC2 security group in a VPC (mirrors `aws_cdk.aws_ec2.SecurityGroup`).

    `vpc` is required. `description` defaults to the construct path; `security_group_name` to a
    name CloudFormation generates; `allow_all_outbound` to True (one allow-all egress rule, else a rule
    matching no traffic until an egress rule is added); `allow_all_ipv6_outbound` to False;
    `disable_inline_rules` to the `@aws-cdk/aws-ec2.securityGroupDisableInlineRules` context (False):
    rules with address ranges and prefix lists are inline, rules with group peers separate resources.
    """

    def __init__(self, scope: Construct, id: str, *, vpc: IVpc, security_group_name: str | None = None,
                 description: str | None = None, allow_all_outbound: bool | None = None,
                 allow_all_ipv6_outbound: bool | None = None, disable_inline_rules: bool | None = None):
        # lazy on purpose: the L1s load only for an owned group (an imported one does without them)
        from ._cfn_generated import CfnSecurityGroup

        super().__init__(scope, id, physical_name=security_group_name)
        check_bool(self, "allow_all_outbound", allow_all_outbound)
        check_bool(self, "allow_all_ipv6_outbound", allow_all_ipv6_outbound)
        check_bool(self, "disable_inline_rules", disable_inline_rules)
        if not isinstance(getattr(vpc, "vpc_id", None), str):
            raise construct_error(self, "'vpc' must be an ec2.IVpc (e.g. ec2.Vpc(...) or "
                                        f"ec2.Vpc.from_vpc_attributes(...)), got {vpc!r}")
        self.vpc = vpc
        self.allow_all_outbound = allow_all_outbound is not False
        self.allow_all_ipv6_outbound = bool(allow_all_ipv6_outbound)
        self.disable_inline_rules = (bool(disable_inline_rules) if disable_inline_rules is not None
                                     else bool(self.node.try_get_context(DISABLE_INLINE_RULES_CONTEXT)))
        self._ingress: list[dict[str, Any]] = []
        self._egress: list[dict[str, Any]] = []
        self._resource = CfnSecurityGroup(
            self, "Resource", group_name=self.physical_name, group_description=description or self.node.path,
            security_group_ingress=Lazy.any(lambda: _sorted(self._ingress), omit_empty_array=True),
            security_group_egress=Lazy.any(lambda: _sorted(self._egress), omit_empty_array=True), vpc_id=vpc.vpc_id)
        self.security_group_id = self._resource.attr_group_id
        self.security_group_vpc_id: str = self._resource.attr_vpc_id
        self.security_group_name: str = self._resource.ref
        self._add_default_egress_rules()

    def _add_default_egress_rules(self) -> None:
        if self.disable_inline_rules:
            from ._peer import Peer, Port  # lazy on purpose: peers and ports load only for a group that needs them

            if self.allow_all_outbound:
                super().add_egress_rule(Peer.any_ipv4(), Port.all_traffic(), str(_ALLOW_ALL_RULE["Description"]),
                                        False)
            else:
                super().add_egress_rule(*_no_traffic(), str(_MATCH_NO_TRAFFIC["Description"]), False)
            if self.allow_all_ipv6_outbound:
                super().add_egress_rule(Peer.any_ipv6(), Port.all_traffic(), str(_ALLOW_ALL_IPV6_RULE["Description"]),
                                        False)
            return
        self._egress.append(dict(_ALLOW_ALL_RULE if self.allow_all_outbound else _MATCH_NO_TRAFFIC))
        if self.allow_all_ipv6_outbound:
            self._egress.append(dict(_ALLOW_ALL_IPV6_RULE))

    def add_ingress_rule(self, peer: IPeer, connection: Port, description: str | None = None,
                         remote_rule: bool | None = None) -> None:
        """Allow traffic from `peer` on `connection` (description default `from <peer>:<port>`); inline
        unless the peer is a group or a token, or inline rules are disabled."""
        _check_rule(self, "add_ingress_rule", peer, connection)
        if not peer.can_inline_rule or not connection.can_inline_rule or self.disable_inline_rules:
            super().add_ingress_rule(peer, connection, description, remote_rule)
            return
        rule = {**peer.to_ingress_rule_config(), **connection.to_rule_json(),
                "Description": description if description is not None else f"from {peer.unique_id}:{connection}"}
        if not any(_same_rule(r, rule) for r in self._ingress):
            self._ingress.append(rule)

    def add_egress_rule(self, peer: IPeer, connection: Port, description: str | None = None,
                        remote_rule: bool | None = None) -> None:
        """Allow traffic to `peer` on `connection` (inline description default `from <peer>:<port>`, as in
        the CDK). Ignored (with a warning) when the group allows all outbound traffic of that IP version."""
        _check_rule(self, "add_egress_rule", peer, connection)
        is_ipv6 = "CidrIpv6" in peer.to_egress_rule_config()
        if not is_ipv6 and self.allow_all_outbound:
            if not remote_rule:
                Annotations.of(self).add_warning_v2(
                    "@aws-cdk/aws-ec2:ipv4IgnoreEgressRule",
                    "Ignoring Egress rule since 'allowAllOutbound' is set to true; To add customized rules, set "
                    "allowAllOutbound=false on the SecurityGroup")
            return
        if not is_ipv6:
            self._remove_no_traffic_rule()
        if is_ipv6 and self.allow_all_ipv6_outbound:
            if not remote_rule:
                Annotations.of(self).add_warning_v2(
                    "@aws-cdk/aws-ec2:ipv6IgnoreEgressRule",
                    "Ignoring Egress rule since 'allowAllIpv6Outbound' is set to true; To add customized rules, set "
                    "allowAllIpv6Outbound=false on the SecurityGroup")
            return
        if not peer.can_inline_rule or not connection.can_inline_rule or self.disable_inline_rules:
            super().add_egress_rule(peer, connection, description, remote_rule)
            return
        rule = {**peer.to_egress_rule_config(), **connection.to_rule_json(),
                "Description": description if description is not None else f"from {peer.unique_id}:{connection}"}
        if rule.get("IpProtocol") == "-1" and (rule.get("CidrIp") == "0.0.0.0/0" or rule.get("CidrIpv6") == "::/0"):
            raise construct_error(self, 'Cannot add an "all traffic" egress rule in this way; set '
                                        "allowAllOutbound=true (for ipv4) or allowAllIpv6Outbound=true (for ipv6) "
                                        "on the SecurityGroup instead.")
        if not any(_same_rule(r, rule) for r in self._egress):
            self._egress.append(rule)

    def _remove_no_traffic_rule(self) -> None:
        if self.disable_inline_rules:
            _scope, id = self._rule_scope(*_no_traffic(), "to", False)
            self.node.try_remove_child(id)
        else:
            self._egress = [r for r in self._egress if not _same_rule(r, _MATCH_NO_TRAFFIC)]

    @staticmethod
    def from_security_group_id(scope: Construct, id: str, security_group_id: str, *,
                               allow_all_outbound: bool | None = None, allow_all_ipv6_outbound: bool | None = None,
                               mutable: bool | None = None) -> ISecurityGroup:
        """A security group defined elsewhere, by id (`sg-` + 8 or 17 hex digits).

        `allow_all_outbound` defaults to True (egress rules are then not added), `allow_all_ipv6_outbound`
        to False, `mutable` to True (False: rules are not added at all).
        """
        return _ImportedSecurityGroup(scope, id, security_group_id, allow_all_outbound=allow_all_outbound,
                                      allow_all_ipv6_outbound=bool(allow_all_ipv6_outbound),
                                      mutable=mutable is not False)
