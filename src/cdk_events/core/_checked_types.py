"""Checkers compiled from annotations for the checked boundary (`core._checked`): unions, sequences,
mappings, classes, protocols, structs, and the names a module imports under `TYPE_CHECKING`."""

from __future__ import annotations

import builtins
import collections.abc as abc
import enum
import functools
import importlib
import re
import sys
import types
import typing
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from ._checked import _Spec

from ._checked_values import (
    Checker,
    _a,
    _Bad,
    _check_bool,
    _check_float,
    _check_int,
    _check_json,
    _check_str,
    _is_token_object,
    _plain_json,
    abridged,
    guard_of,
    with_guard,
)


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

    guards = [guard for guard in map(guard_of, checkers) if guard is not None]
    if guards:  # a value one member's guard passes is one the union accepts
        expression, names = renamed_guard(guards[0], "0")
        for index, guard in enumerate(guards[1:], 1):
            more, more_names = renamed_guard(guard, str(index))
            expression = f"({expression} or {more})"
            names.update(more_names)
        with_guard(check_union, expression, **names)
    return check_union, optional


def renamed_guard(guard: tuple[str, dict[str, Any]], suffix: str) -> tuple[str, dict[str, Any]]:
    """`guard` with `suffix` added to each of its names (to combine guards in one expression)."""
    expression, names = guard
    for name in names:
        expression = re.sub(rf"\b{name}\b", name + suffix, expression)
    return expression, {name + suffix: value for name, value in names.items()}


def _compile_sequence(tp: Any, item: Any, ctx: _Context) -> Checker:
    item_check, item_optional = _compile(item, ctx)
    expected = _describe(tp)
    if item_check is _check_str or item_check is _check_json:
        return _one_item_guard(_plain_sequence_checker(expected, item_check, _describe(item)), guard_of(_check_str))

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

    return _one_item_guard(check_sequence, guard_of(item_check) if item_check is not None else None)


def _one_item_guard(checker: Checker, item_guard: tuple[str, dict[str, Any]] | None) -> Checker:
    """`checker` of a list, with a guard for the common list of one item the item's guard vouches for."""
    if item_guard is not None:
        expression, names = renamed_guard(item_guard, "_item")
        first = expression.replace("{v}", "{v}[0]")
        with_guard(checker, f"(_type_of({{v}}) is list and len({{v}}) == 1 and {first})", **names)
    return checker


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
        return with_guard(check_json_mapping, "(_type_of({v}) is dict and _plain({v}))", _plain=_plain_json)
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
        return with_guard(check_enum, "_isinstance({v}, _T)", _T=tp)
    if _is_protocol(tp):
        return _protocol_checker(tp)
    if _is_struct(tp):
        return _struct_checker(tp)
    from ._token_encoding import IResolvable

    token_ok = tp is IResolvable

    def check_instance(value: Any) -> None:
        if not isinstance(value, tp) and not (token_ok and _is_token_object(value)):
            raise _Bad(expected, value)

    return with_guard(check_instance, "_isinstance({v}, _T)", _T=tp)


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

    return with_guard(check_protocol, "(_type_of({v}) in _K)", _K=conforming)


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

    return with_guard(check_struct, "_isinstance({v}, _T)", _T=cls)


# --- evaluating annotations ------------------------------------------------------------------------------

_TYPE_CHECKING_BLOCK = re.compile(r"^if TYPE_CHECKING:\n((?:[ \t]+.*\n|[ \t]*\n)+)", re.MULTILINE)


@functools.cache
def _type_checking_imports(module_name: str) -> dict[str, tuple[str, str]]:
    """The names a module imports under `if TYPE_CHECKING:`: name -> (module, attribute)."""
    import ast

    module = sys.modules.get(module_name)
    found: dict[str, tuple[str, str]] = {}
    path = getattr(module, "__file__", None)
    if module is None or not isinstance(path, str):
        return found
    try:
        with open(path, encoding="utf-8") as file:
            source = file.read()
    except (OSError, UnicodeDecodeError):
        return found
    package = module.__package__ or ""
    for block in _TYPE_CHECKING_BLOCK.findall(source):
        try:
            tree = ast.parse("if True:\n" + block)  # (the block as it is indented)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                base = _absolute_module(node.module or "", node.level, package)
                for alias in node.names:
                    found[alias.asname or alias.name] = (base, alias.name)
    return found


def _absolute_module(name: str, level: int, package: str) -> str:
    """The absolute name of `from {"." * level}{name} import ...` in `package`."""
    if not level:
        return name
    parts = package.split(".")
    base = ".".join(parts[:len(parts) - level + 1])
    return f"{base}.{name}" if name else base


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
            return eval(_annotation_code(annotation), self.globals, namespace)  # an annotation of this library
        except Exception:
            return _Unknown()


@functools.cache
def _annotation_code(text: str) -> types.CodeType:
    """An annotation string compiled once (the same few strings annotate many parameters)."""
    return compile(text, "<annotation>", "eval")


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


