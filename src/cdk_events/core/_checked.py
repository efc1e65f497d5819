"""The checked public boundary: argument checks derived from the type annotations.

`checked(cls)` wraps the constructor and the public methods of a class. On the first call of a method its
signature is read once and each parameter gets a checker compiled from its annotation (`str`, `bool`,
`int`, `float`, classes, enums, protocols, structs, `Sequence[...]`, `Mapping[...]`, unions, `Any`);
later calls only run the compiled checkers on the arguments actually given (a `None` given for an
optional parameter costs nothing). A value that does not fit raises `ArgumentTypeError` (a
`ValidationError` and a `TypeError`, as jsii raises) or `ValidationError` (a value of the right type out
of range), naming the construct path, the call, the property, the value (abridged) and what is allowed.

Rules shared by every checker:

* tokens are allowed wherever a string, a number, a list, a map or a struct is expected (an
  `IResolvable`, a string with a token marker, a number token); a string with a marker that no token
  was registered for is refused;
* a bool is only a bool (never a number), a number is finite and, if an integer, one JavaScript
  represents exactly (at most 2^53 - 1 in size), a string is one UTF-8 can write (no lone surrogate);
* a list is a list or a tuple (never a string), a map is a mapping with string keys;
* a struct is an instance of its class or a dict whose keys are its fields (snake_case, or the
  CloudFormation names of an L1 property type); the dict's values are checked by the fields' types;
* a protocol (`IEventBus`, `IQueue`, ...) is an object with the attributes the protocol declares;
* `Any` is JSON-like data: the walk refuses NaN, infinities, inexact integers, non-string keys and
  nesting deeper than `MAX_DEPTH`, and lets other objects (tokens, constructs) through.

A class may declare value constraints once, in a `_CHECKS` class attribute mapping a parameter name to
a `Text` (length, characters) or `Name` (length, pattern) constraint; they apply to every checked
method of the class that has that parameter.
"""

from __future__ import annotations

import builtins
import collections.abc as abc
import enum
import functools
import importlib
import math
import re
import sys
import types
import typing
from collections.abc import Callable, Mapping
from sys import _getframe
from types import FunctionType
from typing import Any, TypeVar

from ._errors import (
    ArgumentTypeError,
    CdkEventsError,
    UnscopedArgumentTypeError,
    UnscopedValidationError,
    ValidationError,
)
from ._struct import StructError

__all__ = ["MANUAL", "MAX_DEPTH", "MAX_SAFE_INTEGER", "ArgumentTypeError", "Name", "Text", "UnscopedArgumentTypeError",
           "abridged", "checked", "is_checked"]

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
    from ._token import TOKEN_MAP

    return TOKEN_MAP


def _is_token_object(value: Any) -> bool:
    return isinstance(value, _token_module().IResolvable)


def _is_number_token(value: float) -> bool:
    return bool(_token_module().is_number_token(value))


@functools.cache
def _token_module() -> Any:
    from . import _token

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
    from ._token import is_unresolved

    return is_unresolved(value)


# --- compiling a checker from an annotation --------------------------------------------------------------


class _Unknown:
    """An annotation that could not be evaluated: no check."""


def _describe(tp: Any) -> str:
    origin = typing.get_origin(tp)
    if tp is str:
        return "a string"
    if tp is bool:
        return "True or False"
    if tp in (int, float):
        return "a number"
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_describe(a) for a in typing.get_args(tp) if a is not type(None))
    if origin in _SEQUENCES:
        args = typing.get_args(tp)
        return f"a list of {_plural(args[0])}" if args else "a list"
    if origin in _MAPPINGS:
        args = typing.get_args(tp)
        return f"a dict of {_plural(args[1])}" if len(args) == 2 else "a dict"
    if tp is Any or tp is object:
        return "a value"
    if isinstance(tp, type):
        if issubclass(tp, enum.Enum):
            members = list(tp)
            if len(members) <= 4:
                return "one of " + ", ".join(f"{tp.__name__}.{m.name}" for m in members)
            return f"{_a(tp.__name__)} (e.g. {tp.__name__}.{members[0].name})"
        if _is_struct(tp):
            return f"{_a(tp.__name__)} or a dict of its fields"
        example = tp.__dict__.get("_EXAMPLE")
        return _a(tp.__name__) + (f" ({example})" if isinstance(example, str) else "")
    return str(tp)


def _plural(tp: Any) -> str:
    text = _describe(tp)
    for article in ("a ", "an "):
        if text.startswith(article) and " " not in text[len(article):]:
            return text[len(article):] + "s"
    return f"values each {text}"


_SEQUENCES = (list, tuple, set, frozenset, abc.Sequence, abc.MutableSequence, abc.Iterable, abc.Collection,
              abc.Set)
_MAPPINGS = (dict, abc.Mapping, abc.MutableMapping)


def _is_struct(tp: type) -> bool:
    """An attrs struct, or an L1 property type (a `CfnStruct`: it names its CloudFormation fields)."""
    return getattr(tp, "__attrs_attrs__", None) is not None or isinstance(getattr(tp, "_CFN_NAMES", None), dict)


def _is_protocol(tp: type) -> bool:
    return bool(getattr(tp, "_is_protocol", False)) and tp is not typing.Protocol


def _protocol_members(tp: type) -> tuple[str, ...]:
    names: dict[str, None] = {}
    for base in tp.__mro__:
        if base in (object, typing.Protocol, typing.Generic) or not _is_protocol(base):
            continue
        for name in (*base.__dict__, *getattr(base, "__annotations__", {})):
            if not name.startswith("_"):
                names[name] = None
    return tuple(names)


def _compile(tp: Any, ctx: _Context) -> tuple[Checker | None, bool]:
    """The checker of annotation `tp` (None: anything goes) and whether it allows None."""
    if tp is None or tp is type(None):
        return None, True
    if tp is Any or tp is object or isinstance(tp, (TypeVar, _Unknown)):
        return _check_json, True
    if tp is str:
        return _check_str, False
    if tp is bool:
        return _check_bool, False
    if tp is float:
        return _check_float, False
    if tp is int:
        return _check_int, False
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _compile(typing.get_args(tp)[0], ctx)
    if origin in (typing.Union, types.UnionType):
        return _compile_union(tp, ctx)
    if origin is typing.Literal:
        allowed = typing.get_args(tp)

        def check_literal(value: Any) -> None:
            if value not in allowed:
                raise _Bad("one of " + ", ".join(map(repr, allowed)), value)
        return check_literal, None in allowed
    if origin in _SEQUENCES or tp in _SEQUENCES:
        args = typing.get_args(tp)
        item = args[0] if (args and args[-1] is not Ellipsis) or len(args) == 2 else Any
        return _compile_sequence(tp, item, ctx), False
    if origin in _MAPPINGS or tp in _MAPPINGS:
        args = typing.get_args(tp)
        return _compile_mapping(tp, args[1] if len(args) == 2 else Any, ctx), False
    if origin in (abc.Callable, typing.Callable) or tp in (abc.Callable, typing.Callable):
        def check_callable(value: Any) -> None:
            if not callable(value):
                raise _Bad("a callable (a function)", value)
        return check_callable, False
    if origin is type:
        def check_class(value: Any) -> None:
            if not isinstance(value, type):
                raise _Bad("a class", value)
        return check_class, False
    if isinstance(tp, type):
        return _compile_class(tp, ctx), False
    return None, True


def _compile_union(tp: Any, ctx: _Context) -> tuple[Checker | None, bool]:
    members = [a for a in typing.get_args(tp) if a is not type(None)]
    optional = len(members) != len(typing.get_args(tp))
    if any(isinstance(m, type) and _is_struct(m) for m in members):  # a struct's dict is checked as the struct
        members = [m for m in members if typing.get_origin(m) not in _MAPPINGS]
    checkers = []
    for member in members:
        checker, member_optional = _compile(member, ctx)
        if checker is None:
            return None, True
        optional = optional or member_optional
        checkers.append(checker)
    if len(checkers) == 1:
        return checkers[0], optional
    expected = " or ".join(_describe(m) for m in members)

    def check_union(value: Any) -> None:
        first: _Bad | None = None
        for checker in checkers:
            try:
                checker(value)
                return
            except _Bad as bad:
                if first is None or (first.type_error and not bad.type_error):
                    first = bad  # the right type with a wrong value says more than a type mismatch
        assert first is not None
        if first.type_error and not first.where:
            raise _Bad(expected, value)
        raise first

    return check_union, optional


def _compile_sequence(tp: Any, item: Any, ctx: _Context) -> Checker:
    item_check, item_optional = _compile(item, ctx)
    expected = _describe(tp)
    if item_check is _check_str or item_check is _check_json:
        return _plain_sequence_checker(expected, item_check, _describe(item))

    def check_sequence(value: Any) -> None:
        if _not_a_list(value):
            if _is_token_object(value):
                return
            raise _Bad(expected, value)
        if item_check is None:
            return
        for index, element in enumerate(value):
            if element is None:
                if item_optional:
                    continue
                bad = _Bad(_describe(item), element)
                bad.where.append(f"[{index}]")
                raise bad
            try:
                item_check(element)
            except _Bad as bad:
                bad.where.insert(0, f"[{index}]")
                raise

    return check_sequence


def _not_a_list(value: Any) -> bool:
    kind = type(value)
    if kind is list or kind is tuple:
        return False
    return isinstance(value, (str, bytes, bytearray, Mapping)) or not isinstance(value, (abc.Sequence, abc.Set))


def _plain_sequence_checker(expected: str, item_check: Checker, item_expected: str) -> Checker:
    """A list of strings (or of JSON-like values): plain ASCII strings without markers pass on a fast path."""

    def check_plain_sequence(value: Any) -> None:
        kind = type(value)
        if kind is not list and kind is not tuple and _not_a_list(value):
            if _is_token_object(value):
                return
            raise _Bad(expected, value)
        for index, element in enumerate(value):
            if type(element) is str and element.isascii() and "{Token[" not in element:
                continue
            if element is None:
                if item_check is _check_json:
                    continue
                bad = _Bad(item_expected, element)
                bad.where.append(f"[{index}]")
                raise bad
            try:
                item_check(element)
            except _Bad as bad:
                bad.where.insert(0, f"[{index}]")
                raise

    return check_plain_sequence


def _compile_mapping(tp: Any, item: Any, ctx: _Context) -> Checker:
    if item is Any or item is object:
        def check_json_mapping(value: Any) -> None:
            if not isinstance(value, Mapping):
                if _is_token_object(value):
                    return
                raise _Bad("a dict", value)
            _check_json(value)
        return check_json_mapping
    item_check, item_optional = _compile(item, ctx)
    expected = _describe(tp)

    def check_mapping(value: Any) -> None:
        if not isinstance(value, Mapping):
            if _is_token_object(value):
                return
            raise _Bad(expected, value)
        for key, element in value.items():
            if not isinstance(key, str):
                raise _Bad("a dict with string keys", key)
            if element is None:
                if item_optional:
                    continue
                bad = _Bad(_describe(item), element)
                bad.where.append(f"[{key!r}]")
                raise bad
            if item_check is not None:
                try:
                    item_check(element)
                except _Bad as bad:
                    bad.where.insert(0, f"[{key!r}]")
                    raise

    return check_mapping


def _compile_class(tp: type, ctx: _Context) -> Checker:
    expected = _describe(tp)
    if issubclass(tp, enum.Enum):
        def check_enum(value: Any) -> None:
            if not isinstance(value, tp):
                raise _Bad(expected, value)
        return check_enum
    if _is_protocol(tp):
        return _protocol_checker(tp)
    if _is_struct(tp):
        return _struct_checker(tp)
    from ._token import IResolvable

    token_ok = tp is IResolvable

    def check_instance(value: Any) -> None:
        if not isinstance(value, tp) and not (token_ok and _is_token_object(value)):
            raise _Bad(expected, value)

    return check_instance


_PRIMITIVES = (str, int, float, bool, bytes, list, tuple, dict, set)


def _protocol_checker(tp: type) -> Checker:
    """An object with the protocol's own members (those it declares itself, not those of the protocols it
    extends, such as `node` or `env`): one of them is enough, as objects are checked while they are being
    built (a project binding its source before its ARN is set)."""
    members = _protocol_members(tp)
    own_members = tuple(n for n in (*tp.__dict__, *getattr(tp, "__annotations__", {})) if not n.startswith("_"))
    distinctive = own_members or members
    conforming: set[type] = set()
    shown = ", ".join(members[:4]) + (", ..." if len(members) > 4 else "")
    expected = f"{_a(tp.__name__)} (an object with {shown})" if members else _a(tp.__name__)

    def check_protocol(value: Any) -> None:
        kind = type(value)
        if kind in conforming:
            return
        if not isinstance(value, _PRIMITIVES) and value is not None:
            if any(hasattr(kind, name) for name in distinctive):
                conforming.add(kind)
                return
            own = getattr(value, "__dict__", None) or {}
            if not distinctive or any(name in own for name in distinctive):
                return
        bad = _Bad(expected, value)
        bad.protocol = tp.__name__
        raise bad

    return check_protocol


@functools.cache
def _struct_fields(cls: type) -> tuple[dict[str, str], dict[str, tuple[Checker | None, bool]], tuple[str, ...]]:
    """A struct class's accepted dict keys (snake_case and CloudFormation names -> field) and field checkers."""
    keys: dict[str, str] = {}
    annotations: dict[str, Any] = {}
    required: list[str] = []
    import inspect

    init = inspect.getattr_static(cls, "__init__")
    init = getattr(init, "__wrapped__", init)
    try:
        parameters = inspect.signature(init).parameters
    except (TypeError, ValueError):
        parameters = {}  # type: ignore[assignment]
    for name, parameter in parameters.items():
        if name == "self" or parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        keys[name] = name
        annotations[name] = parameter.annotation
        if parameter.default is parameter.empty:
            required.append(name)
    for field, cfn_name in getattr(cls, "_CFN_NAMES", {}).items():
        keys.setdefault(cfn_name, field)
    for field in list(keys.values()):  # a dict inside a list or a map comes with camelCase keys (jsii)
        head, *rest = field.split("_")
        camel = head + "".join(part[:1].upper() + part[1:] for part in rest)
        keys.setdefault(camel, field)
        keys.setdefault(camel[:1].upper() + camel[1:], field)  # (CloudFormation's spelling: `CfnTag`'s Key)
    ctx = _Context(init, cls)
    checkers = {name: _compile(ctx.evaluate(ann), ctx) for name, ann in annotations.items()}
    return keys, checkers, tuple(required)


def _struct_checker(cls: type) -> Checker:
    expected = f"{_a(cls.__name__)} or a dict of its fields"

    def check_struct(value: Any) -> None:
        if isinstance(value, cls):
            return
        if not isinstance(value, Mapping):
            if _is_token_object(value):
                return
            raise _Bad(expected, value)
        keys, checkers, required = _struct_fields(cls)
        if required:
            given = {keys.get(key) for key in value if isinstance(key, str)}
            missing = [name for name in required if name not in given]
            if missing:
                raise _Bad(f"{_a(cls.__name__)} or a dict of its fields with {', '.join(missing)} (required)", value)
        for key, element in value.items():
            field = keys.get(key) if isinstance(key, str) else None
            if field is None:
                allowed = ", ".join(k for k, f in keys.items() if k == f)
                unknown = ", ".join(abridged(k) for k in value if not isinstance(k, str) or k not in keys)
                bad = _Bad(f"{_a(cls.__name__)} or a dict of its fields ({allowed})", value)
                bad.struct = (f"the dict given for {cls.__name__} has the key(s) {unknown}, which {cls.__name__} "
                              f"does not have; allowed keys: {allowed}")
                raise bad
            if element is None:
                continue
            checker, _ = checkers[field]
            if checker is not None:
                try:
                    checker(element)
                except _Bad as bad:
                    bad.where.insert(0, f"[{key!r}]")
                    raise

    return check_struct


# --- evaluating annotations ------------------------------------------------------------------------------

_TYPE_CHECKING_BLOCK = re.compile(r"^if TYPE_CHECKING:\n((?:[ \t]+.*\n|[ \t]*\n)+)", re.MULTILINE)


@functools.cache
def _type_checking_imports(module_name: str) -> dict[str, tuple[str, str]]:
    """The names a module imports under `if TYPE_CHECKING:`: name -> (module, attribute)."""
    import ast
    import importlib.util
    import inspect
    import textwrap

    module = sys.modules.get(module_name)
    found: dict[str, tuple[str, str]] = {}
    if module is None:
        return found
    try:
        source = inspect.getsource(module)
    except (OSError, TypeError):
        return found
    for block in _TYPE_CHECKING_BLOCK.findall(source):
        try:
            tree = ast.parse(textwrap.dedent(block))
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                base = importlib.util.resolve_name("." * node.level + (node.module or ""), module.__package__ or "")
                for alias in node.names:
                    found[alias.asname or alias.name] = (base, alias.name)
    return found


class _Namespace(dict[str, Any]):
    """Names for `eval` of an annotation: the owner class's names (nested classes), then the module's
    `TYPE_CHECKING` imports (imported now: at call time every module is loaded)."""

    def __init__(self, module_name: str, owner: type | None, module_globals: dict[str, Any]):
        super().__init__()
        self.module_name = module_name
        self.owner = owner
        self.module_globals = module_globals

    def __missing__(self, name: str) -> Any:
        owner = self.owner
        while owner is not None:
            if name in owner.__dict__:
                return owner.__dict__[name]
            outer = owner.__qualname__.rpartition(".")[0]
            owner = self.module_globals.get(outer) if outer and "<" not in outer else None
        if name in self.module_globals or hasattr(builtins, name):
            raise KeyError(name)
        target = _type_checking_imports(self.module_name).get(name)
        if target is None:
            raise KeyError(name)
        module = importlib.import_module(target[0])
        try:
            return getattr(module, target[1])
        except AttributeError:
            raise KeyError(name) from None


@functools.cache
def _empty() -> Any:
    import inspect

    return inspect.Parameter.empty


class _Context:
    def __init__(self, func: Callable[..., Any], owner: type | None):
        self.func = func
        self.owner = owner
        module_name = getattr(owner, "__cdk_module__", None) or getattr(func, "__module__", None) or ""
        func_globals: dict[str, Any] = getattr(func, "__globals__", {})
        if func_globals.get("__name__") != module_name and module_name in sys.modules:
            func_globals = vars(sys.modules[module_name])
        self.globals = func_globals
        self.module_name = module_name

    def evaluate(self, annotation: Any) -> Any:
        if annotation is _empty():
            return _Unknown()
        if not isinstance(annotation, str):
            return annotation
        namespace = _Namespace(self.module_name, self.owner, self.globals)
        try:
            return eval(annotation, self.globals, namespace)  # an annotation string of this library
        except Exception:
            return _Unknown()


# --- wrapping functions ----------------------------------------------------------------------------------


class _Lazy:
    """A parameter's checker before its first use: compiles it, installs it, checks."""

    __slots__ = ("name", "spec")

    def __init__(self, spec: _Spec, name: str):
        self.spec = spec
        self.name = name

    def __call__(self, value: Any) -> None:
        checker = self.spec.compile(self.name)
        if checker is not None:
            checker(value)


_NO_CHECK = object()


class _Spec:
    """What the wrapper of one function needs: parameter names in order, checkers by name (compiled on
    first use), the names for which None is checked too (not optional), and how to name the call."""

    def __init__(self, func: Callable[..., Any], owner: type | None, label: str, skip_first: bool, is_init: bool):
        import inspect

        self.func = func
        self.is_init = is_init
        self.owner = owner
        self.label = label
        self.signature = inspect.signature(func)
        params = list(self.signature.parameters.values())
        self.skip_first = skip_first
        self.positional: tuple[str, ...] = tuple(
            p.name for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD))
        self.var_positional = next((p.name for p in params if p.kind is p.VAR_POSITIONAL), None)
        self.var_keyword = any(p.kind is p.VAR_KEYWORD for p in params)
        self.annotations = {p.name: p.annotation for p in params if p.kind is not p.VAR_KEYWORD}
        if skip_first and self.positional:
            self.annotations.pop(self.positional[0], None)
        self.checks: dict[str, Any] = {name: _Lazy(self, name) for name in self.annotations}
        # until a parameter's annotation is read, None is checked (the checker lets it pass if optional)
        self.nonopt: set[str] = set(self.annotations)
        self.constraints: Mapping[str, Checker] = getattr(owner, "_CHECKS", {}) if owner is not None else {}
        self.context = _Context(func, owner)

    def compile(self, name: str) -> Checker | None:
        if self.constraints.get(name) is MANUAL:
            self.nonopt.discard(name)
            self.checks[name] = _pass
            return _pass
        annotation = self.context.evaluate(self.annotations[name])
        checker, optional = _compile(annotation, self.context)
        constraint = self.constraints.get(name)
        if constraint is not None:
            checker = _chain(checker, constraint)
        if optional or checker is None:
            self.nonopt.discard(name)
        final = checker if checker is not None else _pass
        self.checks[name] = final
        if optional:
            return _none_passes(final)
        return final

    def error(self, bad: _Bad, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> ValidationError:
        where = self._path(args, kwargs)
        prefix = f"[{where}] " if where else ""
        where_in = bad.where if len(bad.where) <= 8 else [*bad.where[:4], "...", *bad.where[-2:]]
        prop = name + "".join(where_in)
        detail = f"; {bad.detail}" if bad.detail else ""
        label = "" if prefix and self.is_init else f"{self.label}: "
        if bad.struct is not None:
            return StructError(f"{prefix}{label}'{prop}': {bad.struct}")
        kind: type[ValidationError]
        if bad.type_error:
            kind = ArgumentTypeError if prefix else UnscopedArgumentTypeError
        else:
            kind = ValidationError if prefix else UnscopedValidationError
        if bad.protocol is not None:
            message = (f"{prefix}{label}'{prop}' instance should implement {bad.protocol}, but doesn't: "
                       f"{type(bad.value).__name__}")
        else:
            message = f"{prefix}{label}'{prop}' must be {bad.expected}, got {_got(bad.value)}{detail}"
        return kind(message)

    def _path(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
        try:
            bound = self.signature.bind_partial(*args, **kwargs).arguments
        except TypeError:
            return ""
        scope, id_ = bound.get("scope"), bound.get("id")
        node = getattr(scope, "node", None)
        if node is not None and isinstance(id_, str):
            path = getattr(node, "path", "")
            return f"{path}/{id_}" if path else id_
        if self.skip_first and not self.is_init and self.positional:
            node = getattr(bound.get(self.positional[0]), "node", None)
            path = getattr(node, "path", None) if node is not None else None
            if isinstance(path, str):
                return path
        return ""


def _pass(value: Any) -> None:
    return None


def _none_passes(checker: Checker) -> Checker:
    def check(value: Any) -> None:
        if value is not None:
            checker(value)
    return check


def _chain(first: Checker | None, second: Checker) -> Checker:
    if first is None:
        return second

    def check(value: Any) -> None:
        first(value)
        second(value)
    return check


def _wrap(func: Callable[..., Any], owner: type | None, label: str, skip_first: bool,
          is_init: bool, defer: bool = False, attribute: str = "", kind: str = "") -> Callable[..., Any]:
    """The checking wrapper of `func`. It starts generic (arguments as `*args, **kwargs`); its first call
    reads the signature and writes a wrapper with `func`'s own signature (`_fast_wrapper`) into the class,
    for later calls. (Wrapping costs a closure: classes are wrapped when their package publishes them.)"""
    state: list[Any] = []
    calls = [0]

    def checked_call(*args: Any, **kwargs: Any) -> Any:
        if _getframe(1).f_globals.get("__name__", "")[:11] == "cdk_events." and not defer:
            return func(*args, **kwargs)  # a call from inside the library: its arguments were checked at the boundary
        if defer and not is_init and args and "_cdk_argument_error" in getattr(args[0], "__dict__", ()):
            return _deferred_bind(func, args, kwargs)
        if _getframe(1).f_globals.get("__name__", "")[:11] == "cdk_events.":
            return func(*args, **kwargs)
        if not state:
            state.append(_first_call(func, owner, label, skip_first, is_init, defer))
        calls[0] += 1
        if calls[0] == _FAST_AFTER:  # a function called often gets a wrapper with its own signature
            _install_fast(func, owner, attribute, kind, checked_call, state[0], defer)
        return state[0](args, kwargs)

    checked_call.__wrapped__ = func  # type: ignore[attr-defined]
    checked_call.__name__ = func.__name__
    checked_call.__qualname__ = func.__qualname__
    checked_call.__doc__ = func.__doc__
    checked_call.__module__ = func.__module__
    checked_call.__annotations__ = func.__annotations__
    checked_call.__cdk_checked__ = True  # type: ignore[attr-defined]
    return checked_call


_FAST_AFTER = 16  # calls from outside before a function gets its generated wrapper (generating it costs)


def _install_fast(func: Callable[..., Any], owner: type | None, attribute: str, kind: str,
                  generic: Callable[..., Any], slow: Any, defer: bool) -> None:
    """Put the wrapper with `func`'s own signature in the class, in place of the generic one."""
    if owner is not None and attribute and owner.__dict__.get(attribute) is not None:
        current = owner.__dict__[attribute]
        if getattr(current, "__func__", current) is generic:
            fast = _fast_wrapper(func, slow.spec, slow, defer)
            if fast is not None:
                installed = staticmethod(fast) if kind == "static" else (
                    classmethod(fast) if kind == "class" else fast)
                type.__setattr__(owner, attribute, installed)


def _first_call(func: Callable[..., Any], owner: type | None, label: str, skip_first: bool, is_init: bool,
                defer: bool) -> Callable[..., Any]:
    """The generic check of a call (`slow`), made from the first call from outside the library."""
    spec = _Spec(func, owner, label, skip_first, is_init)

    def slow(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        checks = spec.checks
        nonopt = spec.nonopt
        name = ""
        try:
            positional = spec.positional
            count = len(positional)
            for index, value in enumerate(args):
                if index < count:
                    name = positional[index]
                    if index == 0 and spec.skip_first:
                        continue
                else:
                    name = spec.var_positional or ""
                    if not name:
                        break
                if value is not None or name in nonopt:
                    checks[name](value)
            for name, value in kwargs.items():
                if value is not None or name in nonopt:
                    checker = checks.get(name, _NO_CHECK)
                    if checker is not _NO_CHECK:
                        checker(value)
        except _Bad as bad:
            error = spec.error(bad, name, args, kwargs)
        else:
            return func(*args, **kwargs)
        # A value of a type the annotation refuses. Where the function checks that argument itself, its error
        # (often in the CDK's wording) is the one raised; otherwise (it accepts the value, or fails with a raw
        # Python error) the checker's error is. A value of the right type out of range (NaN, 2**63, a name too
        # long) is refused at once: the function could loop on it (`range(2**63)`).
        if not isinstance(error, TypeError):
            raise error from None
        try:
            func(*args, **kwargs)
        except CdkEventsError:
            raise
        except Exception:
            pass
        else:
            if defer and is_init:  # a target: its own checks run when it is bound, the checker's error then
                args[0].__dict__["_cdk_argument_error"] = error
                return None
        raise error from None

    slow.spec = spec  # type: ignore[attr-defined]
    return slow


def _fast_wrapper(func: Callable[..., Any], spec: _Spec, slow: Callable[..., Any],
                  defer: bool) -> Callable[..., Any] | None:
    """A wrapper with `func`'s signature (no packing of the arguments): calls from inside the library go
    straight through; calls from outside run the parameters' checkers (None skipped where it is the
    default) and, when one refuses its value, the generic path (`slow`) says why."""
    params = list(spec.signature.parameters.values())
    namespace: dict[str, Any] = {"__name__": "cdk_events.core._checked.<fast>", "_f": func, "_slow": slow,
                                 "_getframe": _getframe, "_Bad": _Bad, "_deferred": _deferred_bind}
    head: list[str] = []
    passed: list[str] = []
    positional: list[str] = []
    keywords: list[str] = []
    checks: list[str] = []
    slash = star = False
    for index, param in enumerate(params):
        name = param.name
        if not name.isidentifier() or name.startswith("_c_") or name in namespace:
            return None
        default = ""
        if param.default is not param.empty:
            namespace[f"_d_{name}"] = param.default
            default = f"=_d_{name}"
        if param.kind is param.POSITIONAL_ONLY:
            slash = True
        elif slash:
            head.append("/")
            slash = False
        if param.kind is param.KEYWORD_ONLY and not star:
            head.append("*")
            star = True
        if param.kind is param.VAR_POSITIONAL:
            head.append(f"*{name}")
            star = True
            passed.append(f"*{name}")
            positional.append(f"*{name}")
        elif param.kind is param.VAR_KEYWORD:
            head.append(f"**{name}")
            passed.append(f"**{name}")
            keywords.append(f"**{name}")
        else:
            head.append(name + default)
            if param.kind is param.KEYWORD_ONLY:
                passed.append(f"{name}={name}")
                keywords.append(f"{name!r}: {name}")
            else:
                passed.append(name)
                positional.append(name)
        if (index == 0 and spec.skip_first) or param.kind is param.VAR_KEYWORD or name not in spec.checks:
            continue
        namespace[f"_c_{name}"] = _LazyFast(spec, name, namespace, param.default is None)
        if param.kind is param.VAR_POSITIONAL:
            checks.append(f"for _v in {name}: _c_{name}(_v)")
        elif param.default is None:
            checks.append(f"if {name} is not None: _c_{name}({name})")
        else:
            checks.append(f"_c_{name}({name})")
    if slash:
        head.append("/")
    first = params[0].name if params else ""
    lines = [f"def {func.__name__}({', '.join(head)}):"]
    if defer and spec.skip_first and not spec.is_init:
        lines.append(f"    if '_cdk_argument_error' in getattr({first}, '__dict__', ()):")
        lines.append(f"        return _deferred(_f, ({', '.join(positional)},), {{{', '.join(keywords)}}})")
    if checks:
        lines.append("    if _getframe(1).f_globals.get('__name__', '')[:11] != 'cdk_events.':")
        lines.append("        try:")
        lines.extend(f"            {check}" for check in checks)
        lines.append("        except _Bad:")
        lines.append(f"            return _slow(({''.join(p + ', ' for p in positional)}), "
                     f"{{{', '.join(keywords)}}})")
    lines.append(f"    return _f({', '.join(passed)})")
    try:
        exec(compile("\n".join(lines), f"<checked {spec.label}>", "exec"), namespace)
    except SyntaxError:
        return None
    fast: Callable[..., Any] = namespace[func.__name__]
    functools.update_wrapper(fast, func)
    fast.__module__ = func.__module__
    fast.__cdk_checked__ = True  # type: ignore[attr-defined]
    return fast


class _LazyFast:
    """A parameter's checker in a fast wrapper, before its first use: compiles it and puts it in place."""

    __slots__ = ("name", "namespace", "none_skipped", "spec")

    def __init__(self, spec: _Spec, name: str, namespace: dict[str, Any], none_skipped: bool):
        self.spec = spec
        self.name = name
        self.namespace = namespace
        self.none_skipped = none_skipped

    def __call__(self, value: Any) -> None:
        checker = self.spec.checks[self.name]
        if isinstance(checker, _Lazy):
            checker = self.spec.compile(self.name)
            checker = self.spec.checks[self.name] if self.none_skipped else checker
        elif self.name not in self.spec.nonopt and not self.none_skipped:
            checker = _none_passes(checker)
        self.namespace[f"_c_{self.name}"] = checker
        if checker is not None:
            checker(value)


def _deferred_bind(func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """`bind` of a target built with an argument the checks refused: the target's own check of it (made
    when it is bound, with the rule's path) wins; else the checker's error, with the rule's path."""
    error: ValidationError = args[0].__dict__["_cdk_argument_error"]
    try:
        func(*args, **kwargs)
    except CdkEventsError:
        raise
    except Exception:
        pass
    rule = args[1] if len(args) > 1 else kwargs.get("rule", kwargs.get("scope"))
    path = getattr(getattr(rule, "node", None), "path", None)
    if isinstance(path, str) and path:
        raise type(error)(f"[{path}] {error}") from None
    raise error from None


# --- classes ---------------------------------------------------------------------------------------------

# Methods the checks leave alone: called by the resolver on every token (hot), or utilities that take any value
# and render it as JavaScript would (`to_json_string(float("inf"))` is `null`, as in the CDK).
_SKIPPED_METHODS = frozenset({"resolve", "produce", "to_string", "to_json", "post_process", "visit",
                              "is_unresolved"})

# The plumbing every resource goes through (base classes of constructs, the tree, token machinery, the grant
# helpers of every target): built or called many times for each resource with arguments that come from checked
# calls, so checking them would cost without finding anything. A class name alone: none of its methods; with
# names: those methods. (`Construct(scope, id)` is checked by `Node`, which refuses a wrong scope or id.)
_UNCHECKED: dict[str, frozenset[str] | None] = {
    "cdk_events.core._construct.Construct": None,
    "cdk_events.core._construct.Node": frozenset({"__init__", "add_validation", "try_get_context", "add_child",
                                                   "try_find_child", "find_child"}),
    "cdk_events.core._resource.Resource": frozenset({"__init__"}),
    "cdk_events.core._stack.Stack": frozenset({"of", "add_template_validation", "allocate_logical_id",
                                               "to_json_string"}),
    "cdk_events.core._resource.ResourceEnvironment": None,
    "cdk_events.core._cfn_element.CfnElement": frozenset({"__init__"}),
    "cdk_events.core._cfn_element.CfnRefElement": frozenset({"__init__"}),
    "cdk_events.core._cfn_element.CfnResourceOptions": None,
    "cdk_events.core._cfn_element.CfnReference": frozenset({"__init__"}),
    "cdk_events.core._tags.TagManager": frozenset({"__init__"}),
    "cdk_events.core._resolve.DefaultTokenResolver": None,
    "cdk_events.core._arn.ArnComponents": None,
    "cdk_events.core._token.Intrinsic": None,
    "cdk_events.core._lazy.Lazy": None,  # (checks its producer itself)
    "cdk_events.aws.iam._grant.Grant": frozenset({"__init__", "add_to_principal", "add_to_principal_or_resource",
                                                  "add_statement_to_resource_policy",
                                                  "add_to_principal_and_resource"}),
    "cdk_events.aws.iam._grant.AddToResourcePolicyResult": None,
}


def is_checked(func: Any) -> bool:
    """True if `func` (a function or method) has its arguments checked."""
    return bool(getattr(func, "__cdk_checked__", False))


def _takes_no_arguments(member: Any) -> bool:
    """True for a function (or static/class method) with no parameter but `self`/`cls`."""
    func = member.__func__ if isinstance(member, (staticmethod, classmethod)) else member
    if not isinstance(func, FunctionType):
        return False
    code = func.__code__
    own = 0 if isinstance(member, staticmethod) else 1
    return (code.co_argcount + code.co_kwonlyargcount) <= own and not code.co_flags & (
        0x04 | 0x08)  # CO_VARARGS, CO_VARKEYWORDS


def checked(cls: type[T], *, defer_to_bind: bool = False) -> type[T]:
    """Check the arguments of `cls`'s constructor and public methods (and of its public nested classes)
    against their annotations; idempotent. Enums, protocols and exceptions are left as they are.

    `defer_to_bind` (targets, which check their props when a rule binds them, naming the rule): an argument
    the checks refuse in the constructor is reported when the object is bound, unless its own check does."""
    if not isinstance(cls, type) or "__cdk_checked_class__" in cls.__dict__:
        return cls
    left_out = _UNCHECKED.get(f"{cls.__module__}.{cls.__qualname__}", frozenset())
    if issubclass(cls, (enum.Enum, BaseException)) or _is_protocol(cls) or left_out is None:
        return cls  # (no marker set: an attribute added to a protocol would become one of its members)
    type.__setattr__(cls, "__cdk_checked_class__", True)
    if "__cdk_module__" not in cls.__dict__:
        type.__setattr__(cls, "__cdk_module__", cls.__module__)
    for name, member in list(cls.__dict__.items()):
        if name.startswith("_") and name != "__init__":
            continue
        if name in _SKIPPED_METHODS or name in left_out:
            continue
        if _takes_no_arguments(member):
            continue  # nothing to check: a wrapper would only cost every call (many are the library's own)
        label = f"{cls.__name__}" if name == "__init__" else f"{cls.__name__}.{name}"
        if isinstance(member, staticmethod):
            func = member.__func__
            if is_checked(func) or not isinstance(func, FunctionType):
                continue
            type.__setattr__(cls, name, staticmethod(_wrap(func, cls, label, False, False, False, name, "static")))
        elif isinstance(member, classmethod):
            func = member.__func__
            if is_checked(func) or not isinstance(func, FunctionType):
                continue
            type.__setattr__(cls, name, classmethod(_wrap(func, cls, label, True, False, False, name, "class")))
        elif isinstance(member, FunctionType):
            if is_checked(member):
                continue
            defer = defer_to_bind and name in ("__init__", "bind") and callable(getattr(cls, "bind", None))
            type.__setattr__(cls, name, _wrap(member, cls, label, True, name == "__init__", defer, name, "method"))
        elif isinstance(member, type) and member.__qualname__ == f"{cls.__qualname__}.{name}":
            if "__cdk_module__" not in member.__dict__ and not _is_protocol(member):
                type.__setattr__(member, "__cdk_module__", cls.__dict__["__cdk_module__"])
            checked(member, defer_to_bind=defer_to_bind)
    return cls
