"""How a VPC gets its address space: `IpAddresses.cidr(...)` splits a literal CIDR block into the
subnets' blocks locally, in the order and sizes aws-cdk-lib's `NetworkBuilder` uses."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

import attrs

from cdk_events.core import Token, ValidationError

from ...core._struct_methods import struct_methods

_IPV4 = re.compile(r"^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\Z")
MIN_MASK = 16
MAX_MASK = 28


def ip_to_num(address: str) -> int:
    """The number of a dotted IPv4 address (raises when it is not one)."""
    match = _IPV4.match(address)
    if match is None or any(int(octet) > 255 for octet in match.groups()):
        raise ValidationError(f"{address} is not valid")
    result = 0
    for octet in match.groups():
        result = result * 256 + int(octet)
    return result


def num_to_ip(number: int) -> str:
    """The dotted form of an IPv4 address number."""
    return ".".join(str((number >> shift) & 255) for shift in (24, 16, 8, 0))


class CidrBlock:
    """A block of addresses `<first>/<mask>`; a start inside a block moves to the next aligned one."""

    def __init__(self, start: int, mask: int):
        self.mask = mask
        self.size = 2 ** (32 - mask)
        last = start + self.size - 1
        self.min_address = last - last % self.size
        self.max_address = self.min_address + self.size - 1
        self.cidr = f"{num_to_ip(self.min_address)}/{mask}"

    @staticmethod
    def parse(cidr: str) -> CidrBlock:
        """A block from its `a.b.c.d/n` notation."""
        address, sep, mask = cidr.partition("/")
        if not sep or not mask.isdigit():
            raise ValidationError(f"{cidr} is not a valid CIDR block (expected a.b.c.d/n, e.g. 10.0.0.0/16)")
        return CidrBlock(ip_to_num(address), int(mask))


class NetworkBuilder:
    """Hands out consecutive subnet blocks of a network."""

    def __init__(self, cidr: str):
        self.network = CidrBlock.parse(cidr)
        self.next_address = self.network.min_address

    def add_subnet(self, mask: int) -> str:
        """The next block of size `/mask` (raises when the mask or the remaining space does not allow it)."""
        if mask < MIN_MASK or mask > MAX_MASK:
            raise ValidationError(f"x.x.x.x/{mask} is not a valid VPC CIDR range. VPCs must be between /16 and /28 "
                                  "and the minimum subnet size is /28.")
        if self.network.max_address < self.next_address + 2 ** (32 - mask) - 1:
            raise ValidationError(f"1 of /{mask} exceeds remaining space of {self.network.cidr}")
        block = CidrBlock(self.next_address, mask)
        self.next_address = block.max_address + 1
        return block.cidr

    def mask_for_remaining_subnets(self, count: int) -> int:
        """The largest mask that fits `count` equal blocks in the space left."""
        remaining = self.network.max_address - self.next_address + 1
        per_subnet = remaining // count
        if per_subnet < 1:
            raise ValidationError(f"{count} subnets do not fit in the remaining space of {self.network.cidr}")
        return 32 - math.floor(math.log2(per_subnet))


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class RequestedSubnet:
    """One subnet the VPC asks a block for: its zone, construct id and subnet group configuration."""

    availability_zone: str
    subnet_construct_id: str
    configuration: Any


@runtime_checkable
class IIpAddresses(Protocol):
    """Where a VPC's addresses come from (mirrors `aws_cdk.aws_ec2.IIpAddresses`)."""

    def allocate_vpc_cidr(self) -> dict[str, Any]: ...

    def allocate_subnets_cidr(self, vpc_cidr: str, requested_subnets: Sequence[RequestedSubnet]) -> list[str]: ...


class _Cidr:
    """A literal CIDR block, split locally."""

    def __init__(self, cidr_block: str):
        if Token.is_unresolved(cidr_block):
            raise ValidationError("'cidr' property must be a concrete CIDR string, got a Token (we need to parse it "
                                  "for automatic subdivision)")
        if not isinstance(cidr_block, str):
            raise ValidationError(f"IpAddresses.cidr: the CIDR block must be a string such as '10.0.0.0/16', got "
                                  f"{cidr_block!r}")
        self.cidr_block = cidr_block
        self._builder = NetworkBuilder(cidr_block)

    def allocate_vpc_cidr(self) -> dict[str, Any]:
        """`{cidr_block}` for the VPC resource."""
        return {"cidr_block": self._builder.network.cidr}

    def allocate_subnets_cidr(self, vpc_cidr: str, requested_subnets: Sequence[RequestedSubnet]) -> list[str]:
        """One block per requested subnet: fixed `cidr_mask` groups first, then the rest split evenly."""
        allocated: list[str] = []
        without_mask: list[int] = []
        for index, requested in enumerate(requested_subnets):
            mask = requested.configuration.cidr_mask
            if mask is None:
                without_mask.append(index)
            else:
                allocated.append(self._builder.add_subnet(mask))
        if without_mask:
            remaining_mask = self._builder.mask_for_remaining_subnets(len(without_mask))
            for index in without_mask:
                allocated.insert(index, self._builder.add_subnet(remaining_mask))
        return allocated


class IpAddresses:
    """Address providers of a VPC (mirrors `aws_cdk.aws_ec2.IpAddresses`)."""

    @staticmethod
    def cidr(cidr_block: str) -> IIpAddresses:
        """A literal block (e.g. `10.0.0.0/16`) divided into the subnets' blocks at synthesis."""
        return _Cidr(cidr_block)
