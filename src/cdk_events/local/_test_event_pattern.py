"""The TestEventPattern API: one pattern against one event."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._errors import InvalidEventError
from ._flatten import Leaf, Membership, consistent, flatten, merge
from ._json import JsonSyntaxError, deep_recursion
from ._limits import PATTERN_SIZE_QUOTA, check_event, parse_event_text, text_within_size
from ._operands import ABSENT, Operand
from ._pattern import CompiledPattern, compile_pattern

__all__ = ["REQUIRED_EVENT_FIELDS", "branch_matches", "parse_event", "pattern_matches", "test_event_pattern"]

REQUIRED_EVENT_FIELDS = ("id", "account", "source", "time", "region", "detail-type")
"""Fields TestEventPattern requires in the event (``resources`` is optional)."""


def parse_event(event: str | bytes | Mapping[str, Any]) -> dict[str, Any]:
    """The event as a dict (JSON text is parsed); raises :class:`InvalidEventError` if not an object.

    JSON text nesting deeper than EventBridge's 1,100 levels, or text whose PutEvents entry is
    over 256 KB, is refused too. A dict is returned as it is (see :func:`check_event`).
    """
    if isinstance(event, (str, bytes, bytearray)):
        try:
            value = parse_event_text(event)
        except JsonSyntaxError as error:
            detail = str(error)
            if detail.startswith("Document nesting depth"):
                raise InvalidEventError(detail, message=f"Parameter Event is not valid: {detail}") from None
            raise InvalidEventError(detail) from None
        if isinstance(value, dict) and not text_within_size(event):
            check_event(value)
    else:
        value = event
    if not isinstance(value, Mapping):
        raise InvalidEventError("the event is not a JSON object")
    return value if isinstance(value, dict) else dict(value)


def branch_matches(
    fields: tuple[tuple[str, tuple[Operand, ...]], ...], leaves: dict[str, list[Leaf]]
) -> bool:
    """Whether one AND-ed branch matches: a leaf per field, all from consistent array elements."""
    plan = sorted(fields, key=lambda item: len(leaves.get(item[0], ())))

    def search(index: int, membership: Membership) -> bool:
        if index == len(plan):
            return True
        path, operands = plan[index]
        candidates = leaves.get(path, ())
        if not candidates and any(op.kind == ABSENT for op in operands):
            return search(index + 1, membership)
        for value, leaf_membership in candidates:
            if not consistent(membership, leaf_membership):
                continue
            if any(op.test(value) for op in operands) and search(
                index + 1, merge(membership, leaf_membership)
            ):
                return True
        return False

    return search(0, ())


def pattern_matches(pattern: CompiledPattern, event: Mapping[str, Any], depth: int = 0) -> bool:
    """Whether a compiled pattern matches an event dict (no envelope validation).

    ``depth`` is the event's nesting depth when known (deep events need room to recurse).
    """
    try:
        leaves = flatten(event)
    except RecursionError:
        depth = depth or check_event(event, size=False)
        with deep_recursion(depth):
            leaves = flatten(event)
    return any(branch_matches(branch, leaves) for branch in pattern.branches)


def test_event_pattern(
    pattern: str | bytes | Mapping[str, Any],
    event: str | bytes | Mapping[str, Any],
    *,
    size_quota: int = PATTERN_SIZE_QUOTA,
) -> bool:
    """Whether ``pattern`` matches ``event``, like EventBridge's TestEventPattern API.

    Both may be dicts or JSON text (text is parsed as AWS does: duplicate keys, last wins;
    Jackson-worded syntax errors). Raises :class:`InvalidEventPatternError` for an invalid
    pattern, and its subclass :class:`InvalidEventError` (``Parameter Event is not valid.``)
    when the event is not a JSON object holding ``id``, ``account``, ``source``, ``time``,
    ``region`` and ``detail-type``, holds values that are not JSON, nests deeper than 1,100
    levels or is over 256 KB as a PutEvents entry. ``size_quota`` is the account's event pattern
    size quota (default 2,048 characters, at most 4,096).
    """
    compiled = compile_pattern(pattern, size_quota=size_quota)
    parsed = parse_event(event)
    depth = check_event(parsed)
    missing = [name for name in REQUIRED_EVENT_FIELDS if name not in parsed]
    if missing:
        raise InvalidEventError(f"missing field(s): {', '.join(missing)}")
    return pattern_matches(compiled, parsed, depth)


test_event_pattern.__test__ = False  # type: ignore[attr-defined]
