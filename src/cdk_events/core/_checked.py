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

import contextlib
import enum
import functools
from collections.abc import Callable, Iterator, Mapping
from sys import _getframe
from types import FunctionType
from typing import Any

from ._checked_types import (
    _compile,
    _Context,
    _is_protocol,
    _Lazy,
    renamed_guard,
)
from ._checked_values import (
    MANUAL,
    MAX_DEPTH,
    MAX_SAFE_INTEGER,
    Checker,
    Name,
    T,
    Text,
    _Bad,
    _got,
    abridged,
    guard_of,
)
from ._errors import (
    ArgumentTypeError,
    CdkEventsError,
    UnscopedArgumentTypeError,
    UnscopedValidationError,
    ValidationError,
)
from ._struct import StructError

__all__ = ["MANUAL", "MAX_DEPTH", "MAX_SAFE_INTEGER", "ArgumentTypeError", "Name", "Text", "UnscopedArgumentTypeError",
           "abridged", "checked", "is_checked", "user_code"]


_NO_CHECK = object()


class _Call:
    """Whether a call from outside the library is running (its arguments were checked on the way in). The
    calls it makes to other checked functions are the library calling itself and go straight through,
    without looking at the caller's module (which costs ten times as much). Code the library runs for the
    user meanwhile is not checked again, except where the library says so (`user_code`). (One flag for the
    process, not one a thread, which would cost as much as the look it saves: a program building constructs
    in several threads at once may have some calls of one thread go unchecked while another's runs.)"""

    __slots__ = ("running",)

    def __init__(self) -> None:
        self.running = False


_CALL = _Call()


@contextlib.contextmanager
def user_code() -> Iterator[None]:
    """A block in which the library calls the user's code (a synthesis, which runs aspects, producers and
    validations; a target of the user's own class being bound): calls it makes into the library are checked."""
    running = _CALL.running
    _CALL.running = False
    try:
        yield
    finally:
        _CALL.running = running


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
    calls = [0, 0]  # calls from outside the library, calls from inside

    def checked_call(*args: Any, **kwargs: Any) -> Any:
        if defer and not is_init and args and "_cdk_argument_error" in getattr(args[0], "__dict__", ()):
            return _deferred_bind(func, args, kwargs)
        if _CALL.running or _getframe(1).f_globals.get("__name__", "")[:11] == "cdk_events.":
            calls[1] += 1  # a call from inside the library: its arguments were checked at the boundary
            if calls[1] == _FAST_AFTER:
                _install(func, owner, attribute, kind, checked_call, state, label, skip_first, is_init, defer)
            return func(*args, **kwargs)
        calls[0] += 1
        if calls[0] == _FAST_AFTER:
            _install(func, owner, attribute, kind, checked_call, state, label, skip_first, is_init, defer)
        _CALL.running = True
        try:
            if not state:
                state.append(_first_call(func, owner, label, skip_first, is_init, defer))
            return state[0](args, kwargs)
        finally:
            _CALL.running = False

    checked_call.__wrapped__ = func  # type: ignore[attr-defined]
    checked_call.__name__ = func.__name__
    checked_call.__qualname__ = func.__qualname__
    checked_call.__doc__ = func.__doc__
    checked_call.__module__ = func.__module__
    checked_call.__annotations__ = func.__annotations__
    checked_call.__cdk_checked__ = True  # type: ignore[attr-defined]
    return checked_call


# A function gets a wrapper generated with its own signature after this many calls from outside the library,
# or as many from inside (counted apart). Compiling one costs 1.5-3 million instructions; the generic wrapper
# costs some 5,000 more a call from outside (the full check) and 1,500 more a call from inside. Measured on
# the synth benchmark (`benchmarks/instructions.py`): 128 keeps a 100-rule app from compiling wrappers it
# would not repay, and still gives a 1,000-rule app nearly all of the saving (32: 3 % more at 100 rules).
_FAST_AFTER = 128


def _install(func: Callable[..., Any], owner: type | None, attribute: str, kind: str, generic: Callable[..., Any],
             state: list[Any], label: str, skip_first: bool, is_init: bool, defer: bool) -> None:
    """Read the signature of `func` (once) and put its generated wrapper in the class."""
    if not state:
        state.append(_first_call(func, owner, label, skip_first, is_init, defer))
    _install_fast(func, owner, attribute, kind, generic, state[0], defer)


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
                                 "_getframe": _getframe, "_call": _CALL, "_Bad": _Bad, "_deferred": _deferred_bind,
                                 "_type_of": type, "_isinstance": isinstance}  # (the guards' builtins)
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
        compiled = spec.checks[name]
        if compiled is _pass:
            continue
        guard = None if isinstance(compiled, _Lazy) else guard_of(compiled)
        if guard is not None and param.kind is not param.VAR_POSITIONAL:
            # the checker's guard inline: the checker is called only for a value the guard cannot vouch for
            expression, names = renamed_guard(guard, f"_{name}")
            namespace.update(names)
            namespace[f"_c_{name}"] = compiled
            test = expression.replace("{v}", name)
            if param.default is None or name not in spec.nonopt:
                checks.append(f"if {name} is not None and not {test}: _c_{name}({name})")
            else:
                checks.append(f"if not {test}: _c_{name}({name})")
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
    call = f"_f({', '.join(passed)})"
    if checks:
        # The caller's module is looked at only when a check fails: a call the library makes outside a checked
        # call (at import, from a property) passes its checks as well, and costs no look at its caller.
        lines.append("    if _call.running:")
        lines.append(f"        return {call}")
        lines.append("    try:")
        lines.extend(f"        {check}" for check in checks)
        lines.append("    except _Bad:")
        lines.append("        if _getframe(1).f_globals.get('__name__', '')[:11] == 'cdk_events.':")
        lines.append(f"            return {call}")
        lines.append(f"        return _slow(({''.join(p + ', ' for p in positional)}), {{{', '.join(keywords)}}})")
        lines.append("    _call.running = True")
        lines.append("    try:")
        lines.append(f"        return {call}")
        lines.append("    finally:")
        lines.append("        _call.running = False")
    else:
        lines.append(f"    return {call}")
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
    "cdk_events.core._cfn_element.CfnReference": frozenset({"__init__", "for_"}),  # (how L1s make references)
    "cdk_events.core._tags.TagManager": frozenset({"__init__"}),
    "cdk_events.core._resolve.DefaultTokenResolver": None,
    "cdk_events.core._arn.ArnComponents": None,
    "cdk_events.core._token_encoding.Intrinsic": None,
    "cdk_events.core._lazy.Lazy": None,  # (checks its producer itself)
    "cdk_events.aws.iam._grant.Grant": frozenset({"__init__", "add_to_principal", "add_to_principal_or_resource",
                                                  "add_statement_to_resource_policy",
                                                  "add_to_principal_and_resource"}),
    "cdk_events.aws.iam._grant.AddToResourcePolicyResult": None,
    # checks its statements itself (every grant adds one)
    "cdk_events.aws.iam._policy_document.PolicyDocument": frozenset({"add_statements"}),
    # private in the CDK (`EventField.from_path` makes fields) and checks its path itself
    "cdk_events._input.EventField": frozenset({"__init__"}),
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
