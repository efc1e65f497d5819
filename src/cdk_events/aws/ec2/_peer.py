"""Connection endpoints and ports of security group rules: `Peer`, `Port` and `Protocol`."""

from __future__ import annotations

import re
from enum import Enum
from typing import Any, runtime_checkable
from typing import Protocol as TypingProtocol

from cdk_events.core import Token, ValidationError

_IPV4_CIDR = re.compile(r"^(\d{1,3}\.){3}\d{1,3}(/\d+)?\Z")
_IPV6_CIDR = re.compile(r"^([\da-f]{0,4}:){2,7}([\da-f]{0,4})?(/\d+)?\Z", re.IGNORECASE)


@runtime_checkable
class IPeer(TypingProtocol):
    """The other end of a security group rule (mirrors `aws_cdk.aws_ec2.IPeer`)."""

    @property
    def can_inline_rule(self) -> bool: ...

    @property
    def unique_id(self) -> str: ...

    def to_ingress_rule_config(self) -> dict[str, Any]: ...

    def to_egress_rule_config(self) -> dict[str, Any]: ...


class _CidrPeer:
    """An IPv4 or IPv6 address range."""

    def __init__(self, cidr: str, key: str):
        self.cidr = cidr
        self._key = key
        self.unique_id = cidr
        self.can_inline_rule = not Token.is_unresolved(cidr)

    def to_ingress_rule_config(self) -> dict[str, Any]:
        """`{CidrIp: ...}` (or `CidrIpv6`)."""
        return {self._key: self.cidr}

    def to_egress_rule_config(self) -> dict[str, Any]:
        """`{CidrIp: ...}` (or `CidrIpv6`)."""
        return {self._key: self.cidr}

    def __repr__(self) -> str:
        return f"Peer({self.cidr!r})"


class _PrefixListPeer:
    """A managed prefix list."""

    def __init__(self, prefix_list_id: str):
        self.prefix_list_id = prefix_list_id
        self.unique_id = prefix_list_id
        self.can_inline_rule = not Token.is_unresolved(prefix_list_id)

    def to_ingress_rule_config(self) -> dict[str, Any]:
        """`{SourcePrefixListId: ...}`."""
        return {"SourcePrefixListId": self.prefix_list_id}

    def to_egress_rule_config(self) -> dict[str, Any]:
        """`{DestinationPrefixListId: ...}`."""
        return {"DestinationPrefixListId": self.prefix_list_id}


class Peer:
    """Factories of rule peers (mirrors `aws_cdk.aws_ec2.Peer`)."""

    @staticmethod
    def ipv4(cidr_ip: str) -> IPeer:
        """An IPv4 range such as `10.0.0.0/16` (the mask is required)."""
        if not Token.is_unresolved(cidr_ip):
            match = _IPV4_CIDR.match(cidr_ip) if isinstance(cidr_ip, str) else None
            if match is None:
                raise ValidationError(f'Invalid IPv4 CIDR: "{cidr_ip}"')
            if not match.group(2):
                raise ValidationError(f'CIDR mask is missing in IPv4: "{cidr_ip}". Did you mean "{cidr_ip}/32"?')
        return _CidrPeer(cidr_ip, "CidrIp")

    @staticmethod
    def any_ipv4() -> IPeer:
        """Every IPv4 address (`0.0.0.0/0`)."""
        return _CidrPeer("0.0.0.0/0", "CidrIp")

    @staticmethod
    def ipv6(cidr_ip: str) -> IPeer:
        """An IPv6 range such as `::/0` (the mask is required)."""
        if not Token.is_unresolved(cidr_ip):
            match = _IPV6_CIDR.match(cidr_ip) if isinstance(cidr_ip, str) else None
            if match is None:
                raise ValidationError(f'Invalid IPv6 CIDR: "{cidr_ip}"')
            if not match.group(3):
                raise ValidationError(f'CIDR mask is missing in IPv6: "{cidr_ip}". Did you mean "{cidr_ip}/128"?')
        return _CidrPeer(cidr_ip, "CidrIpv6")

    @staticmethod
    def any_ipv6() -> IPeer:
        """Every IPv6 address (`::/0`)."""
        return _CidrPeer("::/0", "CidrIpv6")

    @staticmethod
    def prefix_list(prefix_list_id: str) -> IPeer:
        """A managed prefix list, by id (`pl-...`)."""
        return _PrefixListPeer(prefix_list_id)


class Protocol(Enum):
    """IP protocols of rules (mirrors `aws_cdk.aws_ec2.Protocol`, the common members)."""

    ALL = "-1"
    """Every protocol."""
    TCP = "tcp"
    """TCP."""
    UDP = "udp"
    """UDP."""
    ICMP = "icmp"
    """ICMP."""
    ICMPV6 = "58"
    """ICMPv6."""


def _render(port: int) -> str:
    return "{IndirectPort}" if Token.is_unresolved(port) else str(port)


class Port:
    """A protocol and port range of a rule (mirrors `aws_cdk.aws_ec2.Port`)."""

    def __init__(self, *, protocol: Protocol, string_representation: str, from_port: int | None = None,
                 to_port: int | None = None):
        self.protocol = protocol
        self.from_port = from_port
        self.to_port = to_port
        self._text = string_representation
        self.can_inline_rule = not Token.is_unresolved(from_port) and not Token.is_unresolved(to_port)

    def to_rule_json(self) -> dict[str, Any]:
        """`{IpProtocol, FromPort, ToPort}` (ports left out when not set)."""
        rule: dict[str, Any] = {"IpProtocol": self.protocol.value}
        if self.from_port is not None:
            rule["FromPort"] = self.from_port
        if self.to_port is not None:
            rule["ToPort"] = self.to_port
        return rule

    def __str__(self) -> str:
        return self._text

    def to_string(self) -> str:
        """How the port appears in generated descriptions (`443`, `ALL TRAFFIC`, ...)."""
        return self._text

    @staticmethod
    def tcp(port: int) -> Port:
        """One TCP port."""
        return Port(protocol=Protocol.TCP, from_port=port, to_port=port, string_representation=_render(port))

    @staticmethod
    def tcp_range(start_port: int, end_port: int) -> Port:
        """A range of TCP ports."""
        return Port(protocol=Protocol.TCP, from_port=start_port, to_port=end_port,
                    string_representation=f"{_render(start_port)}-{_render(end_port)}")

    @staticmethod
    def all_tcp() -> Port:
        """Every TCP port."""
        return Port(protocol=Protocol.TCP, from_port=0, to_port=65535, string_representation="ALL PORTS")

    @staticmethod
    def udp(port: int) -> Port:
        """One UDP port."""
        return Port(protocol=Protocol.UDP, from_port=port, to_port=port, string_representation=f"UDP {_render(port)}")

    @staticmethod
    def udp_range(start_port: int, end_port: int) -> Port:
        """A range of UDP ports."""
        return Port(protocol=Protocol.UDP, from_port=start_port, to_port=end_port,
                    string_representation=f"UDP {_render(start_port)}-{_render(end_port)}")

    @staticmethod
    def all_udp() -> Port:
        """Every UDP port."""
        return Port(protocol=Protocol.UDP, from_port=0, to_port=65535, string_representation="UDP ALL PORTS")

    @staticmethod
    def icmp_type(icmp_type: int) -> Port:
        """Every code of one ICMP type."""
        return Port(protocol=Protocol.ICMP, from_port=icmp_type, to_port=-1,
                    string_representation=f"ICMP Type {icmp_type}")

    @staticmethod
    def icmp_type_and_code(icmp_type: int, icmp_code: int) -> Port:
        """One ICMP type and code."""
        return Port(protocol=Protocol.ICMP, from_port=icmp_type, to_port=icmp_code,
                    string_representation=f"ICMP Type {icmp_type} Code {icmp_code}")

    @staticmethod
    def icmp_ping() -> Port:
        """ICMP echo requests (type 8)."""
        return Port(protocol=Protocol.ICMP, from_port=8, to_port=-1, string_representation="ICMP PING")

    @staticmethod
    def all_icmp() -> Port:
        """Every ICMP type."""
        return Port(protocol=Protocol.ICMP, from_port=-1, to_port=-1, string_representation="ALL ICMP")

    @staticmethod
    def all_traffic() -> Port:
        """Every protocol and port."""
        return Port(protocol=Protocol.ALL, string_representation="ALL TRAFFIC")
