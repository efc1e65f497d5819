"""Leaf matchers of an event pattern (one entry of a field's matcher array).

Every matcher is an :class:`Operand`: a ``kind`` used by the rule index, a hashable
``key`` that identifies its semantics (two operands with equal kind and key match the same
values), and ``test(value)`` for a single leaf value of the event.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ._errors import InvalidEventPatternError
from ._ip import CidrError, parse_cidr, parse_ip
from ._numbers import is_json_number, number_key
from ._text_match import IgnoreCase, wildcard_matcher, wildcard_segments

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
WILDCARD = "wildcard"
EXISTS = "exists"
ABSENT = "absent"
OTHER = "other"

# Ruler's per-rule wildcard complexity limit (AWS quota "30 wildcard rules", strategy #2).
MAX_WILDCARD_COMPLEXITY = 10
_COMPLEXITY_SUBSETS_CAP = 4096


@dataclass(frozen=True, slots=True, eq=False)
class Operand:
    """One leaf matcher: ``test(value)`` says whether a single event leaf value matches.

    ``data`` carries what the rule index needs beyond ``key`` (the :class:`IgnoreCase` of an
    ignore-case operand).
    """

    kind: str
    key: Hashable
    test: Callable[[Any], bool]
    data: Any = None


def is_number(value: object) -> bool:
    """True for JSON numbers (``bool`` is not a number here; :class:`NumberText` is)."""
    return is_json_number(value)


def exact(value: object) -> list[Operand]:
    """Operands for an exact value: string, number (compared numerically), true/false/null."""
    if isinstance(value, str):
        text = value

        def same_string(v: Any) -> bool:
            return v == text and type(v) is str

        ops = [Operand(EXACT_STR, value, same_string)]
        ip = parse_ip(value)
        if ip is not None:
            # The rule compiler turns an IP literal into an address range: other spellings match.
            def same_ip(v: Any, ip: Any = ip) -> bool:
                return type(v) is str and parse_ip(v) == ip

            ops.append(Operand(OTHER, ("ip", ip), same_ip))
        return ops
    if is_json_number(value):
        key = number_key(value)  # type: ignore[arg-type]

        def same_number(v: Any) -> bool:
            return is_json_number(v) and number_key(v) == key

        return [Operand(EXACT_NUM, key, same_number)]
    literal = value

    def same_literal(v: Any) -> bool:
        return v is literal

    return [Operand(EXACT_LIT, repr(value), same_literal)]


def prefix(text: str, *, ignore_case: bool = False) -> Operand:
    """``{"prefix": text}`` or its ``equals-ignore-case`` variant."""
    if ignore_case:
        folded = IgnoreCase(text)
        return Operand(PREFIX_IC, folded.steps, lambda v: type(v) is str and folded.prefix_of(v), folded)
    return Operand(PREFIX, text, lambda v: type(v) is str and v.startswith(text))


def suffix(text: str, *, ignore_case: bool = False) -> Operand:
    """``{"suffix": text}`` or its ``equals-ignore-case`` variant."""
    if ignore_case:
        folded = IgnoreCase(text)
        return Operand(SUFFIX_IC, folded.steps, lambda v: type(v) is str and folded.suffix_of(v), folded)
    return Operand(SUFFIX, text, lambda v: type(v) is str and v.endswith(text))


def equals_ignore_case(text: str) -> Operand:
    """``{"equals-ignore-case": text}`` (event-ruler's per-character comparison, see ``_text_match``)."""
    folded = IgnoreCase(text)
    return Operand(EQUALS_IC, folded.steps, lambda v: type(v) is str and folded.equals(v), folded)


def exists(flag: bool) -> Operand:
    """``{"exists": true}`` (any leaf value) or ``{"exists": false}`` (no leaf at the path)."""
    if flag:
        return Operand(EXISTS, True, lambda v: True)
    return Operand(ABSENT, False, lambda v: False)


def numeric_range(low: float, low_open: bool, high: float, high_open: bool) -> Operand:
    """A numeric range; ``-inf``/``inf`` for unbounded sides, ``=`` is ``[x, x]``.

    Only comparable numbers (see ``_numbers``) can be in a range.
    """

    def test(v: Any) -> bool:
        if not is_json_number(v):
            return False
        x = number_key(v)
        if type(x) is not float:
            return False
        if x < low or (low_open and x == low):
            return False
        return not (x > high or (high_open and x == high))

    return Operand(NUMERIC, (low, low_open, high, high_open), test)


def anything_but_strings(values: frozenset[str], *, ignore_case: bool = False) -> Operand:
    """``anything-but`` a set of strings: any leaf that is not one of them (other types match)."""
    if ignore_case:
        folded = tuple(IgnoreCase(s) for s in sorted(values))
        return Operand(
            OTHER,
            ("ab-ic", frozenset(f.steps for f in folded)),
            lambda v: type(v) is not str or not any(f.equals(v) for f in folded),
        )
    return Operand(OTHER, ("ab-str", values), lambda v: type(v) is not str or v not in values)


def anything_but_numbers(values: frozenset[float]) -> Operand:
    """``anything-but`` a set of (comparable) numbers, compared numerically; other types match."""
    return Operand(OTHER, ("ab-num", values), lambda v: not is_json_number(v) or number_key(v) not in values)


def anything_but_affix(kind: str, values: tuple[str, ...]) -> Operand:
    """``anything-but`` ``{"prefix"|"suffix": ...}``: strings without any of the affixes match."""
    if kind == "prefix":
        return Operand(OTHER, ("ab-prefix", values), lambda v: type(v) is not str or not v.startswith(values))
    return Operand(OTHER, ("ab-suffix", values), lambda v: type(v) is not str or not v.endswith(values))


def anything_but_wildcard(patterns: tuple[str, ...]) -> Operand:
    """``anything-but`` ``{"wildcard": ...}``: strings matching none of the wildcards match."""
    tests = [_compiled_wildcard(p)[1] for p in patterns]
    return Operand(
        OTHER,
        ("ab-wildcard", patterns),
        lambda v: type(v) is not str or not any(test(v) for test in tests),
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


_OTHER_CHAR = object()


def wildcard_complexity(tokens: list[str | None]) -> int:
    """Most wildcard-pattern positions a single input can keep alive at once (see :func:`union_complexity`)."""
    return union_complexity([tokens])


def union_complexity(patterns: list[list[str | None]]) -> int:
    """Most positions of several wildcard patterns (on one field) a single input keeps alive at once.

    An approximation of event-ruler's ``MachineComplexityEvaluator``, which sums, over the states a
    worst-case input reaches, the wildcard patterns still reachable: explore the subsets of the
    patterns' NFAs reachable by some input and return the largest (stopping as soon as it passes
    the limit). From a subset only the characters its positions expect, plus one other character,
    lead to different subsets, so each subset costs time in its own size only.
    """

    def closure(states: set[tuple[int, int]]) -> frozenset[tuple[int, int]]:
        out = set(states)
        for k, s in states:
            tokens = patterns[k]
            while s < len(tokens) and tokens[s] is None:
                s += 1
                out.add((k, s))
        return frozenset(out)

    start = closure({(k, 0) for k in range(len(patterns))})
    seen = {start}
    queue = [start]
    best = 0
    while queue and len(seen) < _COMPLEXITY_SUBSETS_CAP:
        current = queue.pop()
        live = [(k, s) for k, s in current if s < len(patterns[k])]
        if len(live) > best:
            best = len(live)
            if best > MAX_WILDCARD_COMPLEXITY:
                return best
        chars: set[object] = {patterns[k][s] for k, s in live if patterns[k][s] is not None}
        chars.add(_OTHER_CHAR)
        for char in chars:
            nxt: set[tuple[int, int]] = set()
            for k, s in live:
                token = patterns[k][s]
                if token is None:
                    nxt.add((k, s))
                elif token == char:
                    nxt.add((k, s + 1))
            if nxt:
                state = closure(nxt)
                if state not in seen:
                    seen.add(state)
                    queue.append(state)
    return best


def check_field_wildcards(operands: tuple[Operand, ...]) -> None:
    """Refuse a field whose wildcards together are too complex (event-ruler evaluates one machine per
    rule, in which the wildcards of one field share a byte machine: its README, "Validate")."""
    texts: set[str] = set()
    for operand in operands:
        key = operand.key
        if operand.kind == WILDCARD:
            texts.add(key[1])  # type: ignore[index]
        elif operand.kind == OTHER and isinstance(key, tuple) and key[0] == "ab-wildcard":
            texts.update(key[1])
    if len(texts) > 1:
        patterns = [_compiled_wildcard(text)[0] for text in sorted(texts)]
        if union_complexity(patterns) > MAX_WILDCARD_COMPLEXITY:
            raise InvalidEventPatternError(_TOO_COMPLEX)


_TOO_COMPLEX = (
    "Rule is too complex - try using fewer wildcard characters or fewer repeating character "
    "sequences after a wildcard character"
)


@lru_cache(maxsize=4096)
def _compiled_wildcard(text: str) -> tuple[list[str | None], Callable[[str], bool], tuple[str, str]]:
    tokens = _wildcard_tokens(text)
    if wildcard_complexity(tokens) > MAX_WILDCARD_COMPLEXITY:
        raise InvalidEventPatternError(_TOO_COMPLEX)
    segments = wildcard_segments(tokens)
    return tokens, wildcard_matcher(segments), (segments[0], segments[-1])


def wildcard(text: str) -> Operand:
    """``{"wildcard": text}``: ``*`` matches any run of characters, ``\\*`` and ``\\\\`` escape.

    Matching is linear in the value (``_text_match.wildcard_matcher``).
    """
    tokens, matcher, head_and_tail = _compiled_wildcard(text)
    if None not in tokens:
        literal = "".join(t for t in tokens if t is not None)
        return Operand(EXACT_STR, literal, lambda v: v == literal and type(v) is str)
    return Operand(WILDCARD, ("wildcard", text), lambda v: type(v) is str and matcher(v), head_and_tail)


# --- cidr -----------------------------------------------------------------------------------


def cidr(text: str) -> Operand:
    """``{"cidr": "a.b.c.d/n"}`` (IPv4 or IPv6); string values that are addresses in the block match."""
    try:
        version, low, high = parse_cidr(text)
    except CidrError as error:
        raise InvalidEventPatternError(str(error)) from None

    def test(v: Any) -> bool:
        if type(v) is not str:
            return False
        ip = parse_ip(v)
        return ip is not None and ip[0] == version and low <= ip[1] <= high

    return Operand(OTHER, ("cidr", version, low, high), test)
