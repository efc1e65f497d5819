"""Leaf matchers of an event pattern (one entry of a field's matcher array).

Every matcher is an :class:`Operand`: a ``kind`` used by the rule index, a hashable
``key`` that identifies its semantics (two operands with equal kind and key match the same
values), and ``test(value)`` for a single leaf value of the event.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from ._errors import InvalidEventPatternError

__all__ = [
    "Operand",
    "anything_but_numbers",
    "anything_but_strings",
    "cidr",
    "exact",
    "is_number",
    "numeric_range",
    "wildcard",
]

# Kinds the rule index dispatches on; everything else is tested one operand at a time.
EXACT_STR = "exact-str"
EXACT_NUM = "exact-num"
EXACT_LIT = "exact-lit"
PREFIX = "prefix"
SUFFIX = "suffix"
PREFIX_IC = "prefix-ic"
SUFFIX_IC = "suffix-ic"
EQUALS_IC = "equals-ignore-case"
NUMERIC = "numeric"
EXISTS = "exists"
ABSENT = "absent"
OTHER = "other"

# Ruler's per-rule wildcard complexity limit (AWS quota "30 wildcard rules", strategy #2).
MAX_WILDCARD_COMPLEXITY = 10
_COMPLEXITY_SUBSETS_CAP = 4096


@dataclass(frozen=True, slots=True, eq=False)
class Operand:
    """One leaf matcher: ``test(value)`` says whether a single event leaf value matches."""

    kind: str
    key: Hashable
    test: Callable[[Any], bool]


def is_number(value: object) -> bool:
    """True for JSON numbers (``bool`` is not a number here)."""
    return type(value) is int or type(value) is float


def as_float(value: int | float) -> float:
    """The double a JSON number compares as (huge integers saturate to +/-inf)."""
    try:
        return float(value)
    except OverflowError:
        return float("inf") if value > 0 else float("-inf")


def _ip_or_none(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    if not text or text[0] not in "0123456789abcdefABCDEF:":
        return None
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def exact(value: object) -> list[Operand]:
    """Operands for an exact value: string, number (compared numerically), true/false/null."""
    if isinstance(value, str):
        text = value

        def same_string(v: Any) -> bool:
            return v == text and type(v) is str

        ops = [Operand(EXACT_STR, value, same_string)]
        ip = _ip_or_none(value)
        if ip is not None:
            # The rule compiler turns an IP literal into an address range: other spellings match.
            def same_ip(v: Any, ip: Any = ip) -> bool:
                return type(v) is str and _ip_or_none(v) == ip

            ops.append(Operand(OTHER, ("ip", ip), same_ip))
        return ops
    if is_number(value):
        number = as_float(value)  # type: ignore[arg-type]

        def same_number(v: Any) -> bool:
            return is_number(v) and as_float(v) == number

        return [Operand(EXACT_NUM, number, same_number)]
    literal = value

    def same_literal(v: Any) -> bool:
        return v is literal

    return [Operand(EXACT_LIT, repr(value), same_literal)]


def prefix(text: str, *, ignore_case: bool = False) -> Operand:
    """``{"prefix": text}`` or its ``equals-ignore-case`` variant."""
    if ignore_case:
        low = text.lower()
        return Operand(PREFIX_IC, low, lambda v: type(v) is str and v.lower().startswith(low))
    return Operand(PREFIX, text, lambda v: type(v) is str and v.startswith(text))


def suffix(text: str, *, ignore_case: bool = False) -> Operand:
    """``{"suffix": text}`` or its ``equals-ignore-case`` variant."""
    if ignore_case:
        low = text.lower()
        return Operand(SUFFIX_IC, low, lambda v: type(v) is str and v.lower().endswith(low))
    return Operand(SUFFIX, text, lambda v: type(v) is str and v.endswith(text))


def equals_ignore_case(text: str) -> Operand:
    """``{"equals-ignore-case": text}``."""
    low = text.lower()
    return Operand(EQUALS_IC, low, lambda v: type(v) is str and v.lower() == low)


def exists(flag: bool) -> Operand:
    """``{"exists": true}`` (any leaf value) or ``{"exists": false}`` (no leaf at the path)."""
    if flag:
        return Operand(EXISTS, True, lambda v: True)
    return Operand(ABSENT, False, lambda v: False)


def numeric_range(low: float, low_open: bool, high: float, high_open: bool) -> Operand:
    """A numeric range; ``-inf``/``inf`` for unbounded sides, ``=`` is ``[x, x]``."""

    def test(v: Any) -> bool:
        if not is_number(v):
            return False
        x = as_float(v)
        if x < low or (low_open and x == low):
            return False
        return not (x > high or (high_open and x == high))

    return Operand(NUMERIC, (low, low_open, high, high_open), test)


def anything_but_strings(values: frozenset[str], *, ignore_case: bool = False) -> Operand:
    """``anything-but`` a set of strings: any leaf that is not one of them (other types match)."""
    if ignore_case:
        lowered = frozenset(s.lower() for s in values)
        return Operand(OTHER, ("ab-ic", lowered), lambda v: type(v) is not str or v.lower() not in lowered)
    return Operand(OTHER, ("ab-str", values), lambda v: type(v) is not str or v not in values)


def anything_but_numbers(values: frozenset[float]) -> Operand:
    """``anything-but`` a set of numbers (compared numerically; other types match)."""
    return Operand(OTHER, ("ab-num", values), lambda v: not is_number(v) or as_float(v) not in values)


def anything_but_affix(kind: str, values: tuple[str, ...]) -> Operand:
    """``anything-but`` ``{"prefix"|"suffix": ...}``: strings without any of the affixes match."""
    if kind == "prefix":
        return Operand(OTHER, ("ab-prefix", values), lambda v: type(v) is not str or not v.startswith(values))
    return Operand(OTHER, ("ab-suffix", values), lambda v: type(v) is not str or not v.endswith(values))


def anything_but_wildcard(patterns: tuple[str, ...]) -> Operand:
    """``anything-but`` ``{"wildcard": ...}``: strings matching none of the wildcards match."""
    regexes = [_wildcard_regex(p) for p in patterns]
    return Operand(
        OTHER,
        ("ab-wildcard", patterns),
        lambda v: type(v) is not str or not any(r.fullmatch(v) for r in regexes),
    )


# --- wildcard -------------------------------------------------------------------------------


def _wildcard_tokens(text: str) -> list[str | None]:
    """Characters of a wildcard pattern, ``None`` for ``*``; validates escapes like the ruler."""
    tokens: list[str | None] = []
    pos = 0  # the ruler reports UTF-8 byte offsets
    i = 0
    while i < len(text):
        char = text[i]
        if char == "*":
            if i + 1 < len(text) and text[i + 1] == "*":
                # AWS reports the offset of the second star.
                raise InvalidEventPatternError(f"Consecutive wildcard characters at pos {pos + 1}")
            tokens.append(None)
        elif char == "\\":
            if i + 1 < len(text) and text[i + 1] in "*\\":
                tokens.append(text[i + 1])
                i += 1
                pos += 1
            else:
                raise InvalidEventPatternError(f"Invalid escape character at pos {pos}")
        else:
            tokens.append(char)
        pos += len(char.encode("utf-8", "surrogatepass"))
        i += 1
    return tokens


def _wildcard_regex(text: str) -> re.Pattern[str]:
    tokens = _wildcard_tokens(text)
    parts = [".*" if t is None else re.escape(t) for t in tokens]
    return re.compile("".join(parts), re.DOTALL)


def wildcard_complexity(tokens: list[str | None]) -> int:
    """Most wildcard-pattern positions a single input can keep alive at once.

    An approximation of event-ruler's ``MachineComplexityEvaluator``: explore the subsets of
    the pattern's NFA reachable by some input (alphabet = the pattern's characters plus one
    other) and return the largest.
    """
    n = len(tokens)

    def closure(states: frozenset[int]) -> frozenset[int]:
        out = set(states)
        for s in states:
            while s < n and tokens[s] is None:
                s += 1
                out.add(s)
        return frozenset(out)

    alphabet = {t for t in tokens if t is not None} | {"\x00"}
    start = closure(frozenset({0}))
    seen = {start}
    queue = [start]
    best = 0
    while queue and len(seen) < _COMPLEXITY_SUBSETS_CAP:
        current = queue.pop()
        alive = sum(1 for s in current if s < n)
        best = max(best, alive)
        for char in alphabet:
            nxt: set[int] = set()
            for s in current:
                if s < n:
                    if tokens[s] is None:
                        nxt.add(s)
                    elif tokens[s] == char:
                        nxt.add(s + 1)
            state = closure(frozenset(nxt))
            if state and state not in seen:
                seen.add(state)
                queue.append(state)
    return best


def wildcard(text: str) -> Operand:
    """``{"wildcard": text}``: ``*`` matches any run of characters, ``\\*`` and ``\\\\`` escape."""
    tokens = _wildcard_tokens(text)
    if wildcard_complexity(tokens) > MAX_WILDCARD_COMPLEXITY:
        raise InvalidEventPatternError(
            "Rule is too complex - try using fewer wildcard characters or fewer repeating character "
            "sequences after a wildcard character"
        )
    regex = _wildcard_regex(text)
    if None not in tokens:
        literal = "".join(t for t in tokens if t is not None)
        return Operand(EXACT_STR, literal, lambda v: v == literal and type(v) is str)
    return Operand(OTHER, ("wildcard", text), lambda v: type(v) is str and regex.fullmatch(v) is not None)


# --- cidr -----------------------------------------------------------------------------------


def _java_split_slash(text: str) -> list[str]:
    parts = text.split("/")
    while len(parts) > 1 and parts[-1] == "":
        parts.pop()
    return parts


def cidr(text: str) -> Operand:
    """``{"cidr": "a.b.c.d/n"}`` (IPv4 or IPv6); string values that are addresses in range match."""
    parts = _java_split_slash(text)
    if len(parts) != 2:
        raise InvalidEventPatternError("Malformed CIDR, one '/' required")
    if re.fullmatch(r"[+-]?[0-9]+", parts[1]) is None:
        raise InvalidEventPatternError("Malformed CIDR, mask bits must be an integer")
    bits = int(parts[1])
    if bits < 0:
        raise InvalidEventPatternError("Malformed CIDR, mask bits must not be negative")
    address = _ip_or_none(parts[0])
    if address is None:
        raise InvalidEventPatternError(f"Nonstandard IP address: {parts[0]}")
    width = address.max_prefixlen
    if bits >= width:
        raise InvalidEventPatternError(f"IPv{address.version} mask bits must be < {width}")
    # Like the ruler, the range starts at the address as written (not masked).
    low = int(address)
    high = low | ((1 << (width - bits)) - 1)
    version = address.version

    def test(v: Any) -> bool:
        if type(v) is not str:
            return False
        ip = _ip_or_none(v)
        return ip is not None and ip.version == version and low <= int(ip) <= high

    return Operand(OTHER, ("cidr", version, low, high), test)
