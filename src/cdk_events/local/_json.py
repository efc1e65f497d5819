"""JSON text parsing that behaves like the Jackson parser EventBridge uses.

Python's ``json`` module is used for speed; its errors are translated into Jackson's
messages, non-standard tokens (``NaN``, ``Infinity``) are rejected as Jackson does, and
content after the first complete value is ignored (the rule compiler stops reading there).
Objects are built as :class:`PairsDict`, which remembers every key/value pair including
duplicates (the last one wins, as at AWS, but the others are still validated).

Numbers that event-ruler cannot compare as doubles (see ``_numbers``) are kept as
:class:`~cdk_events.local._numbers.NumberText`, and so are integers too long for ``int()``.
Nesting deeper than Python's recursion limit is parsed with a raised limit, up to ``max_depth``;
invalid UTF-8 in bytes is a syntax error worded as Jackson words it.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ._numbers import NumberText, number_text, parse_float, parse_int

__all__ = ["JsonSyntaxError", "PairsDict", "deep_recursion", "dumps_compact", "loads", "nesting_depth"]

_VALUE_EXPECTED = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')"
_TOKEN = re.compile(r"[\w$]+")


class JsonSyntaxError(ValueError):
    """Malformed JSON text; the message is Jackson's wording for the problem."""


class PairsDict(dict[str, Any]):
    """A dict that also keeps the ordered list of (key, value) pairs it was parsed from."""

    __slots__ = ("pairs",)

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        self.pairs = pairs


def _reject_constant(name: str) -> Any:
    raise JsonSyntaxError(
        f"Non-standard token '{name}': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"
    )


_DECODER_PAIRS = json.JSONDecoder(
    object_pairs_hook=PairsDict, parse_constant=_reject_constant, parse_float=parse_float
)
_DECODER = json.JSONDecoder(parse_constant=_reject_constant, parse_float=parse_float)
_DECODER_PAIRS_BIG = json.JSONDecoder(
    object_pairs_hook=PairsDict, parse_constant=_reject_constant, parse_float=parse_float, parse_int=parse_int
)
_DECODER_BIG = json.JSONDecoder(parse_constant=_reject_constant, parse_float=parse_float, parse_int=parse_int)
MAX_NESTING = 4096
"""Deepest nesting parsed when the caller sets no limit (a 4,096-character pattern nests at most this deep)."""
_STRUCTURE = re.compile(r'[\[\]{}"\\]')


def _describe(char: str) -> str:
    return f"'{char}' (code {ord(char)})"


def _translate(error: json.JSONDecodeError) -> str:
    text, pos, msg = error.doc, error.pos, error.msg
    if pos >= len(text):
        return "Unexpected end-of-input: expected close marker"
    char = text[pos]
    if msg.startswith("Expecting value"):
        token = _TOKEN.match(text, pos)
        if token is not None and not char.isdigit():
            return f"Unrecognized token '{token.group()}': was expecting {_VALUE_EXPECTED}"
        return f"Unexpected character ({_describe(char)}): expected a valid value {_VALUE_EXPECTED}"
    if msg.startswith("Expecting property name"):
        return f"Unexpected character ({_describe(char)}): was expecting double-quote to start field name"
    if msg.startswith("Expecting ':'"):
        return (
            f"Unexpected character ({_describe(char)}): "
            "was expecting a colon to separate field name and value"
        )
    if msg.startswith("Expecting ','"):
        return f"Unexpected character ({_describe(char)}): was expecting comma to separate entries"
    if msg.startswith("Unterminated string"):
        return "Unexpected end-of-input: was expecting closing quote for a string value"
    if msg.startswith("Invalid control character"):
        return (
            f"Illegal unquoted character ((CTRL-CHAR, code {ord(char)})): has to be escaped using "
            "backslash to be included in string value"
        )
    if msg.startswith("Invalid \\escape") or msg.startswith("Invalid \\u"):
        return f"Unrecognized character escape {_describe(text[pos + 1] if pos + 1 < len(text) else char)}"
    return msg


@contextmanager
def deep_recursion(depth: int) -> Iterator[None]:
    """Let recursive code (the JSON decoder, the compiler, the flattener) go ``depth`` levels deeper."""
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(old + 4 * depth + 100)
    try:
        yield
    finally:
        sys.setrecursionlimit(old)


def nesting_depth(text: str) -> int:
    """How deeply arrays and objects nest in JSON text (strings skipped; no validation)."""
    depth = deepest = 0
    in_string = False
    escaped_at = -1
    for match in _STRUCTURE.finditer(text):
        position = match.start()
        char = text[position]
        if in_string:
            if position == escaped_at:
                continue
            if char == "\\":
                escaped_at = position + 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char == "[" or char == "{":
            depth += 1
            if depth > deepest:
                deepest = depth
        elif char == "]" or char == "}":
            depth -= 1
    return deepest


def _decode_bytes(data: bytes | bytearray) -> str:
    try:
        text = bytes(data).decode("utf-8")
    except UnicodeDecodeError as error:
        byte = data[error.start]
        if "start byte" in error.reason:
            raise JsonSyntaxError(f"Invalid UTF-8 start byte 0x{byte:x}") from None
        if "end of data" in error.reason:
            raise JsonSyntaxError("Unexpected end-of-input in a UTF-8 character") from None
        middle = data[error.end] if error.end < len(data) else byte
        raise JsonSyntaxError(f"Invalid UTF-8 middle byte 0x{middle:x}") from None
    return text[1:] if text.startswith("\ufeff") else text


def loads(text: str | bytes | bytearray, *, keep_pairs: bool = False, max_depth: int | None = None) -> Any:
    """Parse JSON text like Jackson: first value only, Jackson-worded :class:`JsonSyntaxError`.

    With ``keep_pairs`` objects are :class:`PairsDict` instances (duplicate keys retained).
    Documents nesting deeper than ``max_depth`` (default :data:`MAX_NESTING`) are a :class:`JsonSyntaxError`.
    """
    if isinstance(text, (bytes, bytearray)):
        text = _decode_bytes(text)
    decoder = _DECODER_PAIRS if keep_pairs else _DECODER
    start = len(text) - len(text.lstrip(" \t\r\n"))
    try:
        return _decode(decoder, text, start)
    except RecursionError:
        pass
    depth = nesting_depth(text)
    if max_depth is None:
        max_depth = MAX_NESTING
    if depth > max_depth:
        raise JsonSyntaxError(
            f"Document nesting depth ({depth}) exceeds the maximum allowed ({max_depth})"
        ) from None
    with deep_recursion(depth):
        return _decode(decoder, text, start)


def _decode(decoder: json.JSONDecoder, text: str, start: int) -> Any:
    try:
        value, _end = decoder.raw_decode(text, start)
    except json.JSONDecodeError as error:
        raise JsonSyntaxError(_translate(error)) from None
    except ValueError:
        # an integer too long for int(): parse again keeping such integers as text
        big = _DECODER_PAIRS_BIG if decoder is _DECODER_PAIRS else _DECODER_BIG
        try:
            value, _end = big.raw_decode(text, start)
        except json.JSONDecodeError as error:
            raise JsonSyntaxError(_translate(error)) from None
    return value


_encode_string = getattr(json.encoder, "c_encode_basestring", None) or json.encoder.py_encode_basestring


_encode = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode


def dumps_compact(value: Any) -> str:
    """Compact JSON text of a JSON value, like ``JSON.stringify``: no spaces, non-ASCII kept.

    Unlike ``json.dumps`` it also writes :class:`NumberText` numbers as their text, integers of
    any length, and values nested deeper than Python's recursion limit. Raises ``TypeError`` for
    a value that is not JSON (a non-string key, a set, a date...) and ``ValueError`` for NaN or
    infinity.
    """
    try:
        return _encode(value)
    except (TypeError, ValueError, RecursionError):
        pass
    out: list[str] = []
    stack: list[tuple[bool, Any]] = [(False, value)]
    while stack:
        raw, item = stack.pop()
        if raw:
            out.append(item)
            continue
        kind = type(item)
        if item is None:
            out.append("null")
        elif item is True or item is False:
            out.append("true" if item else "false")
        elif isinstance(item, str):
            out.append(_encode_string(item))
        elif kind is int or kind is NumberText:
            out.append(number_text(item))
        elif kind is float:
            if item - item != 0.0:
                raise ValueError(f"{item!r} is not a JSON number")
            out.append(repr(item))
        elif isinstance(item, dict):
            out.append("{")
            stack.append((True, "}"))
            pairs = list(item.items())
            for index in range(len(pairs) - 1, -1, -1):
                key, child = pairs[index]
                if not isinstance(key, str):
                    raise TypeError(f"keys must be strings, not {type(key).__name__}")
                stack.append((False, child))
                stack.append((True, ("," if index else "") + _encode_string(key) + ":"))
        elif isinstance(item, (list, tuple)):
            out.append("[")
            stack.append((True, "]"))
            for index in range(len(item) - 1, -1, -1):
                stack.append((False, item[index]))
                if index:
                    stack.append((True, ","))
        else:
            raise TypeError(f"Object of type {kind.__name__} is not JSON serializable")
    return "".join(out)
