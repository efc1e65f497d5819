"""Value checkers of the checked boundary (`core._checked`): strings, booleans, numbers, JSON-like data,
and the `Text` / `Name` limits a class declares; `abridged` values for messages."""

from __future__ import annotations

import functools
import math
import re
import sys
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

MAX_SAFE_INTEGER = 2**53 - 1  # JavaScript's Number.MAX_SAFE_INTEGER: larger integers are not written exactly
MAX_DEPTH = 64  # nesting of JSON-like values (the resolver and the writers recurse once or more a level)

T = TypeVar("T")
Checker = Callable[[Any], None]




class _Bad(Exception):
    """Raised by a checker: `expected` says what is allowed; `where` the position inside the value."""

    def __init__(self, expected: str, value: Any, *, type_error: bool = True, detail: str = ""):
        super().__init__(expected)
        self.expected = expected
        self.value = value
        self.type_error = type_error
        self.detail = detail
        self.where: list[str] = []
        self.protocol: str | None = None
        self.struct: str | None = None


# --- describing values ---------------------------------------------------------------------------------


@functools.cache
def _abridger() -> Any:
    import reprlib

    class Abridged(reprlib.Repr):
        def repr_int(self, x: int, level: int) -> str:
            bits = x.bit_length()
            if bits > 200:
                return f"<an integer of {bits} bits>"
            return super().repr_int(x, level)

        def repr_str(self, x: str, level: int) -> str:
            if len(x) > 80:
                return repr(x[:60]) + f"... ({len(x):,} characters)"
            return repr(x)

    abridger = Abridged()
    abridger.maxlevel = 3
    abridger.maxdict = 4
    abridger.maxlist = 6
    abridger.maxtuple = 6
    abridger.maxother = 80
    return abridger


def abridged(value: Any) -> str:
    """A short, safe repr of `value` (huge strings, numbers and deep or cyclic containers cut)."""
    try:
        return str(_abridger().repr(value))
    except Exception:  # a repr that fails (a user object): its type is enough
        return f"<a {type(value).__name__}>"


def _got(value: Any) -> str:
    return abridged(value)


def _a(noun: str) -> str:
    """`noun` with its indefinite article."""
    return f"an {noun}" if noun[:1] in "AEIOUaeiou" or noun.startswith(("Http", "Html", "Xml")) else f"a {noun}"


# --- strings and tokens ----------------------------------------------------------------------------------

_MARKER = re.compile(r"[$#]\{Token\[[a-zA-Z0-9:._-]+\]\}")


def _token_map() -> Any:
    from ._token_encoding import TOKEN_MAP

    return TOKEN_MAP


def _is_token_object(value: Any) -> bool:
    return isinstance(value, _token_module().IResolvable)


def _is_number_token(value: float) -> bool:
    return bool(_token_module().is_number_token(value))


@functools.cache
def _token_module() -> Any:
    from . import _token_encoding as _token

    return _token


def _check_text(value: str) -> None:
    """A string UTF-8 can write, whose token markers (if any) are registered tokens."""
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise _Bad("a string without lone surrogate characters (it cannot be written as UTF-8)", value,
                       type_error=False) from None
    if "{Token[" in value:
        strings = _token_module().TOKEN_MAP._strings
        if value in strings:  # (most token strings are one marker)
            return
        for marker in _MARKER.findall(value):
            if marker not in strings:
                raise _Bad(f"a string whose token markers are tokens of this app ({marker} is not one: a marker "
                           "cannot be written by hand)", value, type_error=False)


def _check_str(value: Any) -> None:
    if type(value) is str:
        if value.isascii() and "{Token[" not in value:
            return
        _check_text(value)
    elif isinstance(value, str):
        _check_text(value)
    elif not _is_token_object(value):
        raise _Bad("a string", value)


def _check_bool(value: Any) -> None:
    if type(value) is not bool:
        raise _Bad("True or False", value)


def _check_json_int(value: int) -> None:
    if not -_MAX_DOUBLE <= value <= _MAX_DOUBLE:
        raise _Bad("a number a double can hold (at most about 1.8e308 in size)", value, type_error=False)


_MAX_DOUBLE = int(sys.float_info.max)


def _check_int_value(value: int) -> None:
    if not -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
        raise _Bad(f"a number between -{MAX_SAFE_INTEGER} and {MAX_SAFE_INTEGER} (larger integers are not "
                   "written exactly)", value, type_error=False)


def _check_float(value: Any) -> None:
    kind = type(value)
    if kind is float:
        if not math.isfinite(value):
            raise _Bad("a finite number", value, type_error=False)
    elif kind is int:
        _check_int_value(value)
    elif kind is bool or not isinstance(value, (int, float)):
        if not _is_token_object(value):
            raise _Bad("a number", value)
    elif isinstance(value, int):
        _check_int_value(value)
    elif not math.isfinite(value):
        raise _Bad("a finite number", value, type_error=False)


def _check_int(value: Any) -> None:
    """An `int` parameter takes a JavaScript number, as jsii does (whole-number checks are the CDK's own,
    with its wording): a finite number within the safe integers, or a number token."""
    kind = type(value)
    if kind is int:
        _check_int_value(value)
    elif kind is float:
        if not math.isfinite(value):
            raise _Bad("a finite number", value, type_error=False)
        if not -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER and not _is_number_token(value):
            _check_int_value(int(value))
    else:
        _check_float(value)


def _check_json(value: Any, depth: int = 0) -> None:
    """JSON-like data: finite numbers, exact integers, writable strings, string keys, bounded nesting."""
    kind = type(value)
    if kind is str:
        if not value.isascii() or "{Token[" in value:
            _check_text(value)
    elif kind is int:
        if not -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
            _check_json_int(value)
    elif kind is float:
        if not math.isfinite(value):
            raise _Bad("a finite number", value, type_error=False)
    elif kind is dict or isinstance(value, Mapping):
        if depth >= MAX_DEPTH:
            raise _Bad(f"data nested at most {MAX_DEPTH} levels deep", value, type_error=False)
        for key, item in value.items():
            if type(key) is not str and not isinstance(key, str):
                raise _Bad("a map with string keys", key)
            if type(item) is str and item.isascii() and "{Token[" not in item:
                continue  # (the common leaf, without a call)
            try:
                _check_json(item, depth + 1)
            except _Bad as bad:
                bad.where.insert(0, f"[{key!r}]" if len(key) < 60 else "[...]")
                raise
    elif kind is list or kind is tuple:
        if depth >= MAX_DEPTH:
            raise _Bad(f"data nested at most {MAX_DEPTH} levels deep", value, type_error=False)
        for index, item in enumerate(value):
            if type(item) is str and item.isascii() and "{Token[" not in item:
                continue
            try:
                _check_json(item, depth + 1)
            except _Bad as bad:
                bad.where.insert(0, f"[{index}]")
                raise
    elif kind is bool or value is None:
        return
    elif isinstance(value, str):
        _check_text(value)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        _check_json(int(value) if isinstance(value, int) else float(value), depth)
    elif isinstance(value, (list, tuple)):
        _check_json(list(value), depth)


# --- value constraints declared by a class ---------------------------------------------------------------


class Text:
    """A string property's limits: `max_length` (and `min_length`), and optionally characters refused."""

    def __init__(self, max_length: int, *, min_length: int = 0, refused: str = "", what: str = ""):
        self.max_length = max_length
        self.min_length = min_length
        self.refused = refused
        self.what = what

    def __call__(self, value: Any) -> None:
        if not isinstance(value, str) or _is_unresolved(value):
            return
        if not self.min_length <= len(value) <= self.max_length:
            raise _Bad(f"{self.min_length} to {self.max_length} characters long{self.what}", value,
                       type_error=False, detail=f"{len(value):,} characters")
        if self.refused and any(char in value for char in self.refused):
            shown = ", ".join(repr(c) for c in self.refused)
            raise _Bad(f"a string without the characters {shown}{self.what}", value, type_error=False)


class Name(Text):
    """A resource name: 1 to `max_length` characters, the whole of it matching `pattern`."""

    def __init__(self, max_length: int, pattern: str, *, min_length: int = 1, what: str = ""):
        super().__init__(max_length, min_length=min_length, what=what)
        self.pattern = re.compile(pattern)

    def __call__(self, value: Any) -> None:
        if not isinstance(value, str) or _is_unresolved(value):
            return
        super().__call__(value)
        if self.pattern.fullmatch(value) is None:
            raise _Bad(f"a name matching /^{self.pattern.pattern}$/{self.what}", value, type_error=False)


def MANUAL(value: Any) -> None:
    """In `_CHECKS`: the class checks this parameter itself (with a more specific message)."""


def _is_unresolved(value: Any) -> bool:
    from ._token_encoding import is_unresolved

    return is_unresolved(value)


# --- compiling a checker from an annotation --------------------------------------------------------------


