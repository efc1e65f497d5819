"""IP addresses and CIDR blocks as event-ruler reads them (``CIDR.java``).

event-ruler treats a string as an IP address only when it looks like one (``Constants.IPv4_REGEX``:
four dot-separated runs of ASCII digits; ``IPv6_REGEX``: hex digits and colons with at least one
colon) and Java's ``InetAddress`` then parses it. Java reads IPv4 octets as *decimal* even with
leading zeros (``010.0.0.1`` is 10.0.0.1, not octal), refuses literals longer than 15 characters,
and accepts IPv6 groups of any length whose value fits 16 bits; an IPv4-mapped IPv6 address
(``::ffff:a00:1``) becomes its IPv4 address. Python's ``ipaddress`` differs on all of these, so
this module parses them itself.

A CIDR block covers the addresses between the written address with its host bits cleared and
with its host bits set (``CIDR.cidr``: ``computeBottomBytes`` / ``computeTopBytes``), so
``10.0.0.7/24`` is 10.0.0.0-10.0.0.255.
"""

from __future__ import annotations

import re

__all__ = ["CidrError", "IPV4", "IPV6", "parse_cidr", "parse_ip"]

IPV4 = 4
IPV6 = 6
_IPV4_SHAPE = re.compile(r"[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+")
_IPV6_SHAPE = re.compile(r"[0-9a-fA-F:]*:[0-9a-fA-F:]*")
_HEX = frozenset("0123456789abcdefABCDEF")
_JAVA_INT = re.compile(r"[+-]?\d+")
_INT_MAX = 2**31 - 1
_MAPPED_PREFIX = 0xFFFF << 32


class CidrError(ValueError):
    """A CIDR block event-ruler rejects; the message is event-ruler's."""


def _ipv4(text: str) -> int | None:
    if len(text) > 15:  # Java's textToNumericFormatV4 refuses longer literals
        return None
    value = 0
    for part in text.split("."):
        octet = int(part)  # ASCII digits only: checked by the shape
        if octet > 255:
            return None
        value = (value << 8) | octet
    return value


def _ipv6(text: str) -> int | None:
    """The 128-bit value of an IPv6 literal of hex digits and colons, read as Java reads it."""
    if len(text) < 2:
        return None
    if text[0] == ":" and text[1] != ":":
        return None
    groups: list[int] = []
    gap = -1  # index in groups where "::" stands
    i = 1 if text[0] == ":" else 0
    value = 0
    digits = False
    end = len(text)
    while i < end:
        char = text[i]
        i += 1
        if char in _HEX:
            value = (value << 4) | int(char, 16)
            if value > 0xFFFF:
                return None
            digits = True
            continue
        # a colon
        if not digits:
            if gap != -1:
                return None
            gap = len(groups)
            continue
        if i == end:
            return None
        if len(groups) == 8:
            return None
        groups.append(value)
        value = 0
        digits = False
    if digits:
        if len(groups) == 8:
            return None
        groups.append(value)
    if gap != -1:
        if len(groups) == 8:
            return None
        groups[gap:gap] = [0] * (8 - len(groups))
    if len(groups) != 8:
        return None
    number = 0
    for group in groups:
        number = (number << 16) | group
    return number


def parse_ip(text: str) -> tuple[int, int] | None:
    """``(version, value)`` of an IP address literal, or None when event-ruler does not read it as one."""
    if _IPV4_SHAPE.fullmatch(text) is not None:
        v4 = _ipv4(text)
        return None if v4 is None else (IPV4, v4)
    if _IPV6_SHAPE.fullmatch(text) is not None:
        v6 = _ipv6(text)
        if v6 is None:
            return None
        if v6 >> 32 == 0xFFFF:  # IPv4-mapped: Java gives the IPv4 address
            return (IPV4, v6 & 0xFFFFFFFF)
        return (IPV6, v6)
    return None


def _java_split_slash(text: str) -> list[str]:
    parts = text.split("/")
    while len(parts) > 1 and parts[-1] == "":
        parts.pop()
    if parts == [""]:
        return [""]
    return parts


def parse_cidr(text: str) -> tuple[int, int, int]:
    """``(version, low, high)`` of a CIDR block; raises :class:`CidrError` with event-ruler's message."""
    parts = _java_split_slash(text)
    if len(parts) != 2:
        raise CidrError("Malformed CIDR, one '/' required")
    mask = parts[1]
    if len(mask) > 12 or _JAVA_INT.fullmatch(mask) is None or not -_INT_MAX - 1 <= int(mask) <= _INT_MAX:
        raise CidrError("Malformed CIDR, mask bits must be an integer")
    bits = int(mask)
    if bits < 0:
        raise CidrError("Malformed CIDR, mask bits must not be negative")
    address = parts[0]
    looks_like_ip = _IPV4_SHAPE.fullmatch(address) is not None or _IPV6_SHAPE.fullmatch(address) is not None
    if not looks_like_ip:
        raise CidrError(f"Nonstandard IP address: {address}")
    ip = parse_ip(address)
    if ip is None:
        raise CidrError(f"Invalid IP address: {address}")
    version, value = ip
    width = 32 if version == IPV4 else 128
    if bits > width - 1:
        raise CidrError(f"IPv{version} mask bits must be < {width}")
    host = (1 << (width - bits)) - 1
    return version, value & ~host, value | host
