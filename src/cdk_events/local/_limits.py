"""EventBridge's size limits, and the check that an event given as Python data is JSON.

* Event pattern size: a quota of 2,048 characters by default, which can be raised to 4,096,
  the most PutRule's ``EventPattern`` parameter takes (API reference, "Length Constraints").
* Event size: a PutEvents entry is at most 256 KB, counted as AWS documents it ("Calculating
  PutEvents event entry size"): 14 bytes for ``Time``, and the UTF-8 bytes of ``Source``,
  ``DetailType``, ``Detail`` (its JSON text) and each of ``Resources``.
* Event depth: PutEvents processes nested JSON up to 1,100 levels deep (PutEvents API reference).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._errors import InvalidEventError, InvalidEventPatternError, LocalEngineError, short_repr
from ._json import dumps_compact, loads
from ._numbers import NumberText

__all__ = [
    "MAX_EVENT_DEPTH",
    "MAX_EVENT_SIZE",
    "MAX_PATTERN_SIZE",
    "PATTERN_SIZE_QUOTA",
    "check_event",
    "check_pattern_size",
    "event_entry_size",
]

PATTERN_SIZE_QUOTA = 2048
"""EventBridge's default quota on the characters of an event pattern."""
MAX_PATTERN_SIZE = 4096
"""The longest ``EventPattern`` PutRule accepts (the quota can be raised to this)."""
MAX_EVENT_SIZE = 256 * 1024
"""The largest PutEvents entry, in bytes."""
MAX_EVENT_DEPTH = 1100
"""The deepest nesting of JSON in an event that PutEvents processes."""

_SMALL_TEXT = MAX_EVENT_SIZE // 4  # this many characters are never more than 256 KB of UTF-8


def _utf16_length(text: str) -> int:
    """Characters as Java (and so EventBridge) counts them: UTF-16 code units."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _pattern_text(pattern: Any) -> str | None:
    if isinstance(pattern, str):
        return pattern
    if isinstance(pattern, (bytes, bytearray)):
        return bytes(pattern).decode("utf-8", "replace")
    try:
        return dumps_compact(pattern)
    except (TypeError, ValueError):
        return None  # not JSON: the compiler says what is wrong with it


def check_pattern_size(pattern: Any, quota: int = PATTERN_SIZE_QUOTA) -> None:
    """Raise :class:`InvalidEventPatternError` when the pattern is longer than ``quota`` characters.

    A dict pattern is measured as the compact JSON text CloudFormation sends (``JSON.stringify``).
    """
    if type(quota) is not int or not 1 <= quota <= MAX_PATTERN_SIZE:
        raise LocalEngineError(
            f"size_quota must be an integer from 1 to {MAX_PATTERN_SIZE} (the event pattern size quota), "
            f"got {short_repr(quota)}"
        )
    text = _pattern_text(pattern)
    if text is None or len(text) <= quota // 2:
        return
    size = _utf16_length(text)
    if size > MAX_PATTERN_SIZE:
        raise too_long_error()
    if size > quota:
        # AWS's exact wording for the quota is not recorded; this message is ours.
        raise InvalidEventPatternError(
            "event pattern size quota exceeded",
            message=(
                f"Event pattern is not valid. Reason: the event pattern is {size} characters long, more than "
                f"the event pattern size quota of {quota} characters (it can be raised to {MAX_PATTERN_SIZE})"
            ),
        )


def too_long_error() -> InvalidEventPatternError:
    """PutRule's refusal of an ``EventPattern`` over 4,096 characters."""
    # AWS's wording for a request parameter over its length constraint.
    return InvalidEventPatternError(
        "eventPattern too long",
        message=(
            "1 validation error detected: Value at 'eventPattern' failed to satisfy constraint: "
            f"Member must have length less than or equal to {MAX_PATTERN_SIZE}"
        ),
    )


def nesting(value: Any) -> int:
    """How deeply dicts and lists nest in ``value`` (without recursion)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, (list, tuple)):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in children)
    return deepest


def event_entry_size(event: Mapping[str, Any]) -> int:
    """The size of the PutEvents entry that produces ``event``, as AWS counts it (bytes)."""
    size = 14 if "time" in event else 0
    for name in ("source", "detail-type"):
        value = event.get(name)
        if isinstance(value, str):
            size += len(value.encode("utf-8", "surrogatepass"))
    if "detail" in event:
        size += len(dumps_compact(event["detail"]).encode("utf-8", "surrogatepass"))
    resources = event.get("resources")
    if isinstance(resources, list):
        for resource in resources:
            if isinstance(resource, str):
                size += len(resource.encode("utf-8", "surrogatepass"))
    return size


def _not_json(path: str, value: Any) -> InvalidEventError:
    where = path or "the event"
    return InvalidEventError(
        f"{where} is not a JSON value ({type(value).__name__})",
        message=f"Parameter Event is not valid: {where} holds a {type(value).__name__}, which is not JSON",
    )


def check_event(event: Mapping[str, Any], *, size: bool = True) -> int:
    """Check that a parsed event is JSON data within EventBridge's limits; return its nesting depth.

    Raises :class:`InvalidEventError` for values that are not JSON (sets, dates, NaN, non-string
    keys...), nesting deeper than 1,100 levels and (with ``size``) entries over 256 KB.
    """
    deepest = 0
    stack: list[tuple[Any, int, str]] = [(event, 1, "")]
    while stack:
        value, depth, path = stack.pop()
        if isinstance(value, dict):
            if depth > deepest:
                deepest = depth
                if deepest > MAX_EVENT_DEPTH:
                    break
            for key, child in value.items():
                if not isinstance(key, str):
                    raise _not_json(f"{path}[{short_repr(key)}]", key)
                stack.append((child, depth + 1, f"{path}.{key}" if path else key))
        elif isinstance(value, list):
            if depth > deepest:
                deepest = depth
                if deepest > MAX_EVENT_DEPTH:
                    break
            for child in value:
                stack.append((child, depth + 1, f"{path}[]"))
        elif value is None or isinstance(value, (str, bool, int, NumberText)):
            continue
        elif isinstance(value, float):
            if value - value != 0.0:
                raise _not_json(path, value)
        else:
            raise _not_json(path, value)
    if deepest > MAX_EVENT_DEPTH:
        raise InvalidEventError(
            f"nesting deeper than {MAX_EVENT_DEPTH} levels",
            message=f"Parameter Event is not valid: it nests more than {MAX_EVENT_DEPTH} levels deep, "
            f"the most EventBridge processes",
        )
    if size:
        entry = event_entry_size(event)
        if entry > MAX_EVENT_SIZE:
            # AWS's exact wording is not recorded; this message is ours.
            raise InvalidEventError(
                f"entry of {entry} bytes",
                message=f"Parameter Event is not valid: its PutEvents entry is {entry} bytes, more than "
                f"the {MAX_EVENT_SIZE} bytes (256 KB) EventBridge accepts",
            )
    return deepest


def parse_event_text(text: str | bytes | bytearray) -> Any:
    """JSON text of an event, parsed with the event depth limit (raises ``JsonSyntaxError``)."""
    return loads(text, max_depth=MAX_EVENT_DEPTH)


def text_within_size(text: str | bytes | bytearray) -> bool:
    """A cheap test that JSON text is certainly within the event size limit."""
    return len(text) <= _SMALL_TEXT
