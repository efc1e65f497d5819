"""Structs given as plain dicts, converted as jsii converts them for aws-cdk-lib's Python users.

Wherever a parameter (or a field of a struct) is typed as a struct, a dict with the struct's
snake_case field names is accepted and becomes the struct; a key that is not a field is an error
that names it and lists the allowed keys (jsii: "unexpected keyword argument"). A dict *inside a list
or a map* is not converted by jsii: it reaches the CDK as it is, with camelCase keys, so callers that
take lists of structs read such dicts by their JavaScript names (see `camel_case_keys`).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ._errors import ValidationError

if TYPE_CHECKING:
    from ._construct import Construct

S = TypeVar("S")


class StructError(ValidationError, TypeError):
    """A dict given for a struct has a key that is not one of the struct's fields (a `TypeError` too,
    as jsii raises for an unexpected keyword argument)."""


def struct_field_names(cls: type) -> tuple[str, ...]:
    """The snake_case field names of a struct class: its attrs fields, or its constructor's keywords."""
    if attrs.has(cls):
        return tuple(f.alias or f.name for f in attrs.fields(cls) if f.init)
    params = inspect.signature(cls).parameters.values()
    return tuple(p.name for p in params if p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD) and p.name != "self")


def to_struct(cls: type[S], value: S | Mapping[str, Any] | None, *, prop: str,
              scope: Construct | None = None) -> S | None:
    """`value` as an instance of the struct `cls`: an instance (or None) passes unchanged, a dict with
    snake_case field names becomes `cls(**value)`; anything else is left for the caller's type check.

    An unknown key raises `StructError` naming the construct path (when `scope` is given), the
    property, the key and the allowed keys.
    """
    if value is None or isinstance(value, cls) or not isinstance(value, Mapping):
        return value
    allowed = struct_field_names(cls)
    unknown = [key for key in value if key not in allowed]
    if unknown:
        where = f"[{scope.node.path}] " if scope is not None else ""
        raise StructError(
            f"{where}'{prop}': the dict given for {cls.__name__} has the key(s) {', '.join(map(repr, unknown))}, "
            f"which {cls.__name__} does not have; allowed keys: {', '.join(allowed)}")
    return cls(**value)


def struct_converter(cls: type[S], prop: str) -> Callable[[Any], S | None]:
    """An attrs converter for a struct-typed field of another struct: a nested dict becomes `cls`."""

    def convert(value: Any) -> S | None:
        return to_struct(cls, value, prop=prop)

    return convert


def camel_case_keys(value: Mapping[str, Any], cls: type) -> dict[str, Any]:
    """A dict found inside a list or a map, read by the struct's JavaScript (camelCase) field names as
    jsii passes it, returned with the snake_case names `cls` takes; keys that are not fields of `cls` in
    camelCase are dropped, as the CDK ignores them (a snake_case spelling of a multi-word field is one)."""
    by_camel = {_camel(name): name for name in struct_field_names(cls)}
    return {by_camel[key]: item for key, item in value.items() if key in by_camel}


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)
