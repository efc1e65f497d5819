"""JSON text parsing that behaves like the Jackson parser EventBridge uses.

Python's ``json`` module is used for speed; its errors are translated into Jackson's
messages, non-standard tokens (``NaN``, ``Infinity``) are rejected as Jackson does, and
content after the first complete value is ignored (the rule compiler stops reading there).
Objects are built as :class:`PairsDict`, which remembers every key/value pair including
duplicates (the last one wins, as at AWS, but the others are still validated).
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["JsonSyntaxError", "PairsDict", "loads"]

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


_DECODER_PAIRS = json.JSONDecoder(object_pairs_hook=PairsDict, parse_constant=_reject_constant)
_DECODER = json.JSONDecoder(parse_constant=_reject_constant)


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


def loads(text: str | bytes, *, keep_pairs: bool = False) -> Any:
    """Parse JSON text like Jackson: first value only, Jackson-worded :class:`JsonSyntaxError`.

    With ``keep_pairs`` objects are :class:`PairsDict` instances (duplicate keys retained).
    """
    if isinstance(text, (bytes, bytearray)):
        text = text.decode("utf-8")
    decoder = _DECODER_PAIRS if keep_pairs else _DECODER
    start = len(text) - len(text.lstrip(" \t\r\n"))
    try:
        value, _end = decoder.raw_decode(text, start)
    except json.JSONDecodeError as error:
        raise JsonSyntaxError(_translate(error)) from None
    except RecursionError:
        raise JsonSyntaxError("Document nesting depth exceeds the maximum allowed") from None
    return value
