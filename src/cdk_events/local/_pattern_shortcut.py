"""Whether an event pattern is valid, as PutRule says, with a shortcut for the common shapes.

Every rule's pattern is checked at synthesis. Most are nested objects of value lists and single-key
matchers that are valid by their shape alone: those are only measured against the size quota. Any other
pattern is compiled (`_pattern.compile_pattern`), which gives AWS's reasons.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._limits import PATTERN_SIZE_QUOTA, check_pattern_size

__all__ = ["validate_event_pattern"]


def validate_event_pattern(
    pattern: str | bytes | Mapping[str, Any], *, size_quota: int = PATTERN_SIZE_QUOTA
) -> None:
    """Check an event pattern (JSON text or dict) as PutRule does; return None when it is valid.

    Raises :class:`InvalidEventPatternError` (a ``ValueError``) with AWS's message otherwise.
    ``size_quota`` is the account's event pattern size quota (default 2,048 characters, at most 4,096).
    """
    if type(pattern) is dict:
        try:
            bound = _certainly_valid_size(pattern)
        except RecursionError:
            bound = -1  # nested too deep to be certain of anything: the compiler says why
        if bound >= 0:
            if size_quota != PATTERN_SIZE_QUOTA or bound > size_quota:
                check_pattern_size(pattern, size_quota)  # measures it exactly (and checks the quota)
            return
    # lazy on purpose: the compiler and its operands (numbers, addresses, wildcards) load only for a pattern
    # the shortcut cannot vouch for
    from ._pattern import compile_pattern

    compile_pattern(pattern, size_quota=size_quota)


_NUMERIC_OPERATORS = frozenset(("=", "<", "<=", ">", ">="))
_SAFE_INT = 2**53


def _is_plain_number(value: Any) -> bool:
    kind = type(value)
    if kind is int:
        return bool(-_SAFE_INT <= value <= _SAFE_INT)
    return kind is float and bool(value - value == 0.0)  # finite


def _certainly_valid_numeric(terms: Any) -> bool:
    if type(terms) is not list:
        return False
    if len(terms) == 2:
        return terms[0] in _NUMERIC_OPERATORS and _is_plain_number(terms[1])
    return (len(terms) == 4 and terms[0] in (">", ">=") and terms[2] in ("<", "<=") and _is_plain_number(terms[1])
            and _is_plain_number(terms[3]) and float(terms[1]) < float(terms[3]))


def _certainly_valid_matcher(matcher: dict[str, Any]) -> bool:
    if len(matcher) != 1:
        return False
    name, value = next(iter(matcher.items()))
    kind = type(value)
    if name in ("prefix", "suffix", "equals-ignore-case"):
        return kind is str
    if name == "exists":
        return kind is bool
    if name == "numeric":
        return _certainly_valid_numeric(value)
    if name == "anything-but":
        if kind is str or _is_plain_number(value):
            return True
        return kind is list and bool(value) and (all(type(v) is str for v in value) or
                                                 all(_is_plain_number(v) for v in value))
    return False


def _certainly_valid(pattern: Any) -> bool:
    """True when a pattern (plain dicts and lists) has a common shape that is certainly valid: nested objects
    whose leaves are non-empty lists of plain values and single-key `prefix`, `suffix`, `equals-ignore-case`,
    `exists`, `numeric` or `anything-but` matchers. False means "run the compiler", which gives AWS's
    reasons; this shortcut only spares that work for most patterns (a rule checks its pattern at synth)."""
    return _certainly_valid_size(pattern) >= 0


# Upper bounds of the compact JSON text of pattern parts: a character escapes to at most 6; a string
# adds its quotes and a comma; true, false, null, an integer up to 2**53 or a float's repr, and a comma,
# fit in 25.
_SCALAR_BOUND = 25


def _matcher_bound(matcher: dict[str, Any]) -> int:
    size = 4
    for name, value in matcher.items():
        size += 6 * len(name) + 4
        kind = type(value)
        if kind is str:
            size += 6 * len(value) + 3
        elif kind is list:
            size += 2
            for item in value:
                size += 6 * len(item) + 3 if type(item) is str else _SCALAR_BOUND
        else:
            size += _SCALAR_BOUND
    return size


def _certainly_valid_size(pattern: Any) -> int:
    """An upper bound of the pattern's compact JSON length when `_certainly_valid` holds, else -1."""
    if type(pattern) is not dict or not pattern:
        return -1
    size = 2
    for key, value in pattern.items():
        if type(key) is not str or key == "$or":
            return -1
        size += 6 * len(key) + 4
        kind = type(value)
        if kind is dict:
            inner = _certainly_valid_size(value)
            if inner < 0:
                return -1
            size += inner
        elif kind is list and value:
            size += 2
            for item in value:
                item_kind = type(item)
                if item_kind is str:
                    size += 6 * len(item) + 3
                elif item_kind is bool or item is None or _is_plain_number(item):
                    size += _SCALAR_BOUND
                elif item_kind is dict and _certainly_valid_matcher(item):
                    size += _matcher_bound(item)
                else:
                    return -1
        else:
            return -1
    return size
