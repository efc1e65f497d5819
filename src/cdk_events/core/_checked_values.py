"""Value checkers of the checked boundary (`core._checked`): strings, booleans, numbers, JSON-like data,
and the `Text` / `Name` limits a class declares; `abridged` values for messages."""

from __future__ import annotations

import functools
import math
import re
import sys
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from ._token_encoding import TOKEN_MAP, IResolvable, is_number_token

MAX_SAFE_INTEGER = 2**53 - 1  # JavaScript's Number.MAX_SAFE_INTEGER: larger integers are not written exactly
MAX_DEPTH = 64  # nesting of JSON-like values (the resolver and the writers recurse once or more a level)

T = TypeVar("T")
Checker = Callable[[Any], None]

# A checker's guard: a Python expression over the value (`{v}`; `_type_of` is `type`, `_isinstance` is
# `isinstance`, as a parameter may be called `type`) that is True only for values the checker
# certainly accepts, and the names it uses. A generated wrapper (`_checked._fast_wrapper`) writes the guard
# inline and calls the checker only when it is False: the common argument costs no call.
Guard = tuple[str, dict[str, Any]]
_GUARDS: dict[Checker, Guard] = {}


def guard_of(checker: Checker) -> Guard | None:
    """The guard of `checker` (None when it has none)."""
    return _GUARDS.get(checker)


def with_guard(checker: Checker, expression: str, **names: Any) -> Checker:
    """Record `expression` (over `{v}`, using `names`) as `checker`'s guard; return `checker`."""
    _GUARDS[checker] = (expression, names)
    return checker


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


def _is_token_object(value: Any) -> bool:
    return isinstance(value, IResolvable)


def _is_number_token(value: float) -> bool:
    return is_number_token(value)


def _check_text(value: str) -> None:
    """A string UTF-8 can write, whose token markers (if any) are registered tokens."""
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise _Bad("a string without lone surrogate characters (it cannot be written as UTF-8)", value,
                       type_error=False) from None
    if "{Token[" in value:
        strings = TOKEN_MAP._strings
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


with_guard(_check_str, "(_type_of({v}) is str and {v}.isascii() and '{Token[' not in {v})")
with_guard(_check_bool, "(_type_of({v}) is bool)")


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


_SAFE_INT_GUARD = f"(_type_of({{v}}) is int and -{MAX_SAFE_INTEGER} <= {{v}} <= {MAX_SAFE_INTEGER})"
with_guard(_check_float, f"((_type_of({{v}}) is float and {{v}} - {{v}} == 0.0) or {_SAFE_INT_GUARD})")
with_guard(_check_int, _SAFE_INT_GUARD)


_MAPPING_TYPES: dict[type, bool] = {dict: True, list: False, tuple: False, str: False, int: False, float: False,
                                    bool: False, type(None): False}


def _is_mapping_type(kind: type) -> bool:
    """`issubclass(kind, Mapping)`, remembered (an ABC check runs Python code each time)."""
    known = _MAPPING_TYPES.get(kind)
    if known is None:
        known = _MAPPING_TYPES[kind] = issubclass(kind, Mapping)
    return known


def _check_json(value: Any, depth: int = 0) -> None:
    """JSON-like data: finite numbers, exact integers, writable strings, string keys, bounded nesting.
    Other objects (tokens, constructs) pass. Plain data is walked in one loop (`_plain_json`); anything that
    loop cannot vouch for is walked again, recursively, to say where and what is wrong."""
    kind = type(value)
    if (kind is dict or kind is list) and _plain_json(value):
        return
    _walk_json(value, kind, depth)


def _plain_json(value: dict[Any, Any] | list[Any], depth: int = 0) -> bool:
    """True for plain dicts and lists nested less than `MAX_DEPTH` deep whose keys are strings and whose
    leaves are ASCII strings without markers (or that are one registered token), bools, None, safe integers,
    finite floats and objects that are no data (tokens, constructs); False means "walk it to see"."""
    if depth >= MAX_DEPTH:
        return False
    if type(value) is dict:
        for key in value:
            if type(key) is not str:
                return False
        items: Any = value.values()
    else:
        items = value
    strings = TOKEN_MAP._strings
    for item in items:
        kind = type(item)
        if kind is str:
            if item.isascii() and ("{Token[" not in item or item in strings):
                continue
            return False
        if kind is list and depth + 1 < MAX_DEPTH:  # (a list of plain strings, the common leaf, without a call)
            for element in item:
                if type(element) is not str or not element.isascii() or (
                        "{Token[" in element and element not in strings):
                    if not _plain_json(item, depth + 1):
                        return False
                    break
        elif kind is dict or kind is list:
            if not _plain_json(item, depth + 1):
                return False
        elif not (item is None or kind is bool or (kind is int and -MAX_SAFE_INTEGER <= item <= MAX_SAFE_INTEGER)
                  or (kind is float and item - item == 0.0)) and (
                kind is tuple or _is_mapping_type(kind) or isinstance(item, (str, int, float, list, tuple))):
            return False
    return True


with_guard(_check_json, "((_type_of({v}) is dict or _type_of({v}) is list) and _plain({v}))", _plain=_plain_json)


def _walk_json(value: Any, kind: type, depth: int) -> None:
    is_list = kind is list or kind is tuple
    if is_list or _is_mapping_type(kind):
        if depth >= MAX_DEPTH:
            raise _Bad(f"data nested at most {MAX_DEPTH} levels deep", value, type_error=False)
        for key, item in (enumerate(value) if is_list else value.items()):
            if not is_list and type(key) is not str and not isinstance(key, str):
                raise _Bad("a map with string keys", key)
            item_kind = type(item)
            if item_kind is str:
                if item.isascii() and "{Token[" not in item:
                    continue
            elif (item is None or item_kind is bool or (item_kind is float and item - item == 0.0)
                  or (item_kind is int and -MAX_SAFE_INTEGER <= item <= MAX_SAFE_INTEGER)):
                continue
            try:
                _walk_json(item, type(item), depth + 1)
            except _Bad as bad:
                bad.where.insert(0, f"[{_position(key, is_list)}]")
                raise
    elif kind is str:
        if not value.isascii() or "{Token[" in value:
            _check_text(value)
    elif kind is int:
        if not -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
            _check_json_int(value)
    elif kind is float:
        if not math.isfinite(value):
            raise _Bad("a finite number", value, type_error=False)
    elif kind is bool or value is None:
        return
    elif isinstance(value, str):
        _check_text(value)
    elif isinstance(value, int):
        _walk_json(int(value), int, depth)
    elif isinstance(value, float):
        _walk_json(float(value), float, depth)
    elif isinstance(value, (list, tuple)):
        _walk_json(list(value), list, depth)


def _position(key: Any, is_index: bool) -> str:
    """How a position inside a value is shown: an index, or a key's repr (a long key abridged)."""
    if is_index:
        return str(key)
    return repr(key) if len(key) < 60 else "..."


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


