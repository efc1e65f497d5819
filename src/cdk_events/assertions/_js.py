"""JavaScript value semantics that the CDK's assertion messages depend on.

The AWS CDK writes its failure texts with JavaScript's string conversion, ``typeof`` and
``JSON.stringify`` of values read from a template (where ``None`` is ``null`` and a missing key is
``undefined``). Number text, key order and collation come from ``cdk_events.core._js``, the one
module of JavaScript semantics that the template writer uses too.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any, Final

from ..core._js import js_keys, locale_sort_key, number_to_string

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



def is_array(value: object) -> bool:
    """True for the Python types that stand for a JSON array."""
    return isinstance(value, (list, tuple))


def is_object(value: object) -> bool:
    """True for the Python types that stand for a JSON object."""
    return isinstance(value, Mapping)


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

