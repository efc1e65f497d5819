"""Matching a pattern that still holds deploy-time values nobody set (a bucket's generated name...).

Such a pattern is decided only when the answer does not depend on the unknown values:

* drop every field whose matcher holds an unknown: the pattern can only match more; if this weaker
  pattern does not match the event, the rule certainly does not fire;
* when every unknown sits where it can only add matches (a value of an exact-match list, or of
  ``prefix``, ``suffix``, ``equals-ignore-case``, ``wildcard``), replace each by a value that matches
  nothing: the pattern can only match less; if it still matches, the rule certainly fires.

Otherwise the verdict is ``None``: undecidable until the caller sets the values.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._assembly_model import Unresolved
from ._test_event_pattern import test_event_pattern

__all__ = ["decide", "has_unresolved"]

_NEVER = "\u0000cdk-events:unset\u0000"
_POSITIVE = frozenset({"prefix", "suffix", "equals-ignore-case", "wildcard"})


def has_unresolved(value: Any) -> bool:
    """Whether ``value`` holds an :class:`Unresolved` anywhere."""
    if isinstance(value, Unresolved):
        return True
    if isinstance(value, Mapping):
        return any(has_unresolved(v) for v in value.values())
    if isinstance(value, list):
        return any(has_unresolved(v) for v in value)
    return False


def _without_unknowns(node: Mapping[str, Any]) -> dict[str, Any]:
    """``node`` minus the fields whose matchers hold an unknown (and the objects left empty)."""
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "$or" and isinstance(value, list):
            alternatives = [_without_unknowns(a) if isinstance(a, Mapping) else a for a in value]
            if all(alternatives):
                out[key] = alternatives
        elif isinstance(value, Mapping):
            inner = _without_unknowns(value)
            if inner:
                out[key] = inner
        elif not has_unresolved(value):
            out[key] = value
    return out


def _only_positive(value: Any, positive: bool = True) -> bool:
    """Whether every unknown in a matcher list sits where it can only add matches."""
    if isinstance(value, Unresolved):
        return positive
    if isinstance(value, list):
        return all(_only_positive(v, positive) for v in value)
    if isinstance(value, Mapping):
        return all(_only_positive(v, positive and (k in _POSITIVE or k == "$or")) for k, v in value.items())
    return True


def _never(value: Any) -> Any:
    if isinstance(value, Unresolved):
        return _NEVER
    if isinstance(value, list):
        return [_never(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _never(v) for k, v in value.items()}
    return value


def _object_fields_positive(node: Any) -> bool:
    """Pattern objects map field names to objects or matcher lists; check each matcher list."""
    if isinstance(node, Mapping):
        for key, value in node.items():
            if key == "$or" and isinstance(value, list):
                if not all(_object_fields_positive(a) for a in value):
                    return False
            elif isinstance(value, Mapping):
                if not _object_fields_positive(value):
                    return False
            elif not _only_positive(value):
                return False
    return True


def decide(pattern: Any, event: Mapping[str, Any]) -> bool | None:
    """True / False when ``pattern`` (JSON text, or a dict that may hold :class:`Unresolved` values)
    certainly does / does not match ``event`` whatever the unknown values are; ``None`` when it depends
    on them."""
    if not has_unresolved(pattern):
        return test_event_pattern(pattern, event)
    weaker = _without_unknowns(pattern)
    if weaker and not test_event_pattern(weaker, event):
        return False
    if _object_fields_positive(pattern) and test_event_pattern(_never(pattern), event):
        return True
    return None
