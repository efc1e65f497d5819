"""JavaScript value semantics that the CDK's assertion messages depend on.

The AWS CDK writes its failure texts with JavaScript's string conversion, ``typeof``,
``JSON.stringify`` and ``localeCompare``. Reproducing those here keeps our messages
identical to the CDK's for the JSON values a template can hold.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any, Final

__all__ = [
    "UNDEFINED",
    "get_type",
    "is_array",
    "is_object",
    "js_keys",
    "js_string",
    "js_typeof",
    "json_stringify",
    "locale_sort_key",
    "number_to_string",
]


class _Undefined:
    """JavaScript's ``undefined``: the value read from a key that is not there."""

    _instance: _Undefined | None = None

    def __new__(cls) -> _Undefined:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "undefined"

    def __bool__(self) -> bool:
        return False


UNDEFINED: Final = _Undefined()

_INDEX_KEY = re.compile(r"0|[1-9][0-9]*")
_MAX_INDEX = 2**32 - 2


def is_array(value: object) -> bool:
    """True for the Python types that stand for a JSON array."""
    return isinstance(value, (list, tuple))


def is_object(value: object) -> bool:
    """True for the Python types that stand for a JSON object."""
    return isinstance(value, Mapping)


def _is_index_key(key: str) -> bool:
    return _INDEX_KEY.fullmatch(key) is not None and int(key) <= _MAX_INDEX


def js_keys(obj: Mapping[str, Any]) -> list[str]:
    """``Object.keys`` order: integer-like keys ascending first, then insertion order."""
    keys = [str(k) for k in obj]
    index_keys = sorted((k for k in keys if _is_index_key(k)), key=int)
    return index_keys + [k for k in keys if not _is_index_key(k)]


def js_typeof(value: object) -> str:
    """JavaScript ``typeof`` (``null`` and arrays are ``object``)."""
    if value is UNDEFINED:
        return "undefined"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    return "object"


def get_type(value: object) -> str:
    """Type name used in the CDK's messages: ``null``, ``array``, else ``typeof``."""
    if value is None:
        return "null"
    if is_array(value):
        return "array"
    return js_typeof(value)


def number_to_string(value: float) -> str:
    """JavaScript ``Number.prototype.toString()`` for an int or float."""
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
    elif abs(value) < 10**21:
        return str(value)
    number = float(value)
    if number == 0:
        return "0"
    sign = "-" if number < 0 else ""
    mantissa, _, exp_text = repr(abs(number)).partition("e")
    whole, _, frac = mantissa.partition(".")
    digits = (whole + frac).lstrip("0")
    # exponent n such that the value is 0.<digits> * 10**n
    shift = int(exp_text) if exp_text else 0
    leading_zeros = len(frac) - len(frac.lstrip("0"))
    point = shift - leading_zeros if whole == "0" else shift + len(whole)
    digits = digits.rstrip("0") or "0"
    k = len(digits)
    if k <= point <= 21:
        text = digits + "0" * (point - k)
    elif 0 < point <= 21:
        text = digits[:point] + "." + digits[point:]
    elif -6 < point <= 0:
        text = "0." + "0" * (-point) + digits
    else:
        exponent = point - 1
        exp_sign = "+" if exponent >= 0 else "-"
        rest = "." + digits[1:] if k > 1 else ""
        text = f"{digits[0]}{rest}e{exp_sign}{abs(exponent)}"
    return sign + text


def js_string(value: object) -> str:
    """JavaScript ``String(value)`` / template-literal conversion."""
    if value is UNDEFINED:
        return "undefined"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return number_to_string(value)
    if isinstance(value, str):
        return value[:]
    if isinstance(value, (list, tuple)):
        return ",".join("" if v is None or v is UNDEFINED else js_string(v) for v in value)
    if is_object(value):
        return "[object Object]"
    return str(value)


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def json_stringify(value: object, indent: int | None = None) -> str | None:
    """``JSON.stringify(value, undefined, indent)``; None where JS returns ``undefined``."""
    if value is UNDEFINED:
        return None
    return _stringify(value, "", " " * indent if indent else "")


def _stringify(value: object, current: str, gap: str) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            return "null"
        return number_to_string(value)
    if isinstance(value, str):
        return _quote(value)
    inner = current + gap
    if isinstance(value, (list, tuple)):
        items = ["null" if v is UNDEFINED else _stringify(v, inner, gap) for v in value]
        return _wrap("[", "]", items, current, inner, gap)
    if isinstance(value, Mapping):
        mapping: Mapping[str, Any] = value
        sep = ": " if gap else ":"
        members = [
            f"{_quote(k)}{sep}{_stringify(mapping[k], inner, gap)}"
            for k in js_keys(mapping)
            if mapping[k] is not UNDEFINED
        ]
        return _wrap("{", "}", members, current, inner, gap)
    return _quote(str(value))


def _wrap(open_: str, close: str, items: list[str], current: str, inner: str, gap: str) -> str:
    if not items:
        return open_ + close
    if not gap:
        return open_ + ",".join(items) + close
    return f"{open_}\n{inner}" + f",\n{inner}".join(items) + f"\n{current}{close}"


def _char_rank(char: str) -> tuple[int, str]:
    if char.isspace():
        return (0, char)
    if char.isdigit():
        return (3, char)
    if char.isalpha():
        return (4, char.lower())
    if char.isascii():
        return (1, char)
    return (5, char)


def locale_sort_key(text: str) -> tuple[tuple[tuple[int, str], ...], tuple[bool, ...]]:
    """Approximates ``String.prototype.localeCompare`` (ICU root collation) as a sort key.

    Letters compare case-insensitively first, then lower case sorts before upper case;
    spaces < punctuation < digits < letters.
    """
    return (tuple(_char_rank(c) for c in text), tuple(c.isupper() for c in text))
