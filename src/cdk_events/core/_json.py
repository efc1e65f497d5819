"""JSON text exactly as JavaScript's `JSON.stringify` writes it.

The CDK writes templates with `JSON.stringify(template, null, 1)`. Two things differ from Python's
`json`: number formatting (JavaScript prints `1e+21`, `1e-7`, `0.000001`, `1` for `1.0`, `0` for
`-0`, and integers past 2**53 as the nearest double) and key order (integer-like keys such as
`"0"` and `"10"` come first, in ascending numeric order, then the other keys in insertion order).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ._js import js_items, js_number

_encode_str: Callable[[str], str] = json.encoder.encode_basestring  # type: ignore[attr-defined,unused-ignore]


class JsonNull:
    """The JSON `null` literal inside a value that is still to be resolved.

    Python's `None` means "not set" (JavaScript's `undefined`): it is dropped from objects and lists,
    as the CDK drops `undefined`. `JSON_NULL` is kept and written as `null`.
    """

    _instance: JsonNull | None = None

    def __new__(cls) -> JsonNull:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "JSON_NULL"


JSON_NULL = JsonNull()


def compact_encoder(default: Callable[[Any], Any] | None = None, *,
                    ensure_ascii: bool = True) -> Callable[[Any], str]:
    """A reusable C JSON encoder writing `json.dumps(value, separators=(",", ":"), default=default)`
    (no circular-reference check): much cheaper per call than `json.dumps` with options."""
    from json import encoder

    make = getattr(encoder, "c_make_encoder", None)
    if make is None:  # pragma: no cover - CPython always has the C encoder
        python = json.JSONEncoder(separators=(",", ":"), default=default, ensure_ascii=ensure_ascii,
                                  check_circular=False)
        return python.encode
    quote = encoder.encode_basestring_ascii if ensure_ascii else encoder.encode_basestring

    def fail(value: Any) -> Any:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")

    iterate = make(None, default or fail, quote, None, ":", ",", False, False, True)

    def encode(value: Any) -> str:
        if type(value) is str:
            return str(quote(value))
        return "".join(iterate(value, 0))

    return encode


compact_json: Callable[[Any], str] = compact_encoder(ensure_ascii=False)
"""`json.dumps(value, separators=(",", ":"), ensure_ascii=False)`, reused: for regular values (see
`ValueKinds`) exactly what `JSON.stringify` writes; raises `TypeError` for values JSON does not have."""


def _scalar(value: Any) -> str | None:
    if isinstance(value, str):
        return _encode_str(value)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return js_number(value)
    if value is JSON_NULL or value is None:
        return "null"
    return None


_C_WRITER: list[Any] = []  # python-rapidjson's `dumps` (or None), imported on first use


def load_c_writer() -> None:
    """Load python-rapidjson for `identity_text` (its import, with uuid and decimal, costs about as much as
    comparing forty policy statements: worth it for large policies only)."""
    _c_writer()


def _c_writer() -> Any:
    """python-rapidjson's `dumps`, or None where it is not installed (the exact writer is used then)."""
    if not _C_WRITER:
        try:
            import rapidjson
        except ImportError:  # pragma: no cover - a declared dependency; the pure-Python writer is exact too
            _C_WRITER.append(None)
        else:
            _C_WRITER.append(rapidjson.dumps)
    return _C_WRITER[0]


def identity_text(value: Any, default: Callable[[Any], Any] | None = None) -> str | None:
    """A compact JSON text of `value` that is equal for equal values, written by python-rapidjson (C, about
    twice as fast as the `json` module's encoder here) once it is loaded (`load_c_writer`), or None (also
    where it cannot write `value`: a non-string key, a lone surrogate, an object `default` does not
    convert). For comparing values only: its formatting is not JavaScript's (`1.0`, `\u001F`, `NaN`)."""
    dumps = _C_WRITER[0] if _C_WRITER else None
    if dumps is None:
        return None
    try:
        text: str = dumps(value, ensure_ascii=False, default=default)
    except (TypeError, ValueError, OverflowError):
        return None
    return text


def template_text(value: Any, indent: int, *, regular: bool) -> str:
    """`js_stringify(value, indent)`, written by python-rapidjson (C) when `regular`: the value holds no
    float, `null`, integer past 2**53 or integer-like key (its resolution noted none, see `ValueKinds`). The
    C writer formats everything else as JavaScript does, except control characters (`\\u001F` where
    JavaScript writes `\\u001f`) and `None` (JavaScript leaves `undefined` out): text with any `\\u` escape or
    `null` is written again by the exact writer."""
    dumps = _c_writer() if regular else None
    if dumps is not None:
        try:
            text: str = dumps(value, indent=indent or None, ensure_ascii=False)
        except (TypeError, ValueError, OverflowError):
            pass
        else:
            if "\\u" not in text and "null" not in text:
                return text
    return js_stringify(value, indent)


def js_stringify(value: Any, indent: int = 0) -> str:
    """Serialise `value` as `JSON.stringify(value, null, indent)` would.

    `None` members of dicts and lists are dropped (JavaScript `undefined`); `JSON_NULL` writes `null`.
    """
    parts: list[str] = []
    if indent:
        _write_indented(value, parts, "\n", " " * indent)
    else:
        _write_compact(value, parts)
    return "".join(parts)


def _write_compact(value: Any, out: list[str]) -> None:
    out.append(_compact(value))


def _compact(value: Any) -> str:
    kind = type(value)
    if kind is str:
        return _encode_str(value)
    if kind is dict or isinstance(value, dict):
        pairs = js_items(value) if _needs_reorder(value) else value.items()
        return "{" + ",".join(
            _encode_str(key) + ":" + (_encode_str(item) if type(item) is str else _compact(item))
            for key, item in pairs if item is not None) + "}"
    if kind is list or isinstance(value, (list, tuple)):
        return "[" + ",".join(
            _encode_str(item) if type(item) is str else _compact(item) for item in value if item is not None) + "]"
    text = _scalar(value)
    if text is None:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
    return text


def _write_indented(value: Any, out: list[str], newline: str, step: str) -> None:
    out.append(_indented(value, newline, step))


def _needs_reorder(obj: dict[str, Any]) -> bool:
    """True when a key starts with a digit (JavaScript may order the keys differently)."""
    if not obj:
        return False
    try:
        if min(obj)[:1] > "9":  # the smallest key sorts after the digits: no key starts with one
            return False
    except TypeError:
        pass
    return any(key[:1].isdigit() for key in obj)


def _indented(value: Any, newline: str, step: str) -> str:
    """`value` as indented JSON text; `newline` is the line break plus the current indentation."""
    kind = type(value)
    if kind is str:
        return _encode_str(value)
    if kind is dict or isinstance(value, dict):
        inner = newline + step
        parts = []
        pairs = js_items(value) if _needs_reorder(value) else value.items()
        for key, item in pairs:
            item_kind = type(item)
            if item_kind is str:
                parts.append(inner + _encode_str(key) + ": " + _encode_str(item))
            elif item is None:
                continue
            else:
                parts.append(inner + _encode_str(key) + ": " + _indented(item, inner, step))
        if not parts:
            return "{}"
        return "{" + ",".join(parts) + newline + "}"
    if kind is list or isinstance(value, (list, tuple)):
        inner = newline + step
        parts = []
        for item in value:
            item_kind = type(item)
            if item_kind is str:
                parts.append(inner + _encode_str(item))
            elif item is None:
                continue
            else:
                parts.append(inner + _indented(item, inner, step))
        if not parts:
            return "[]"
        return "[" + ",".join(parts) + newline + "]"
    text = _scalar(value)
    if text is None:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
    return text


