"""Boundary checks shared by the service modules: each error names the construct path, the
property, the value received and what is allowed."""

from __future__ import annotations

from enum import Enum
from typing import Any, TypeVar

from ._construct import Construct
from ._duration import Duration
from ._errors import construct_error
from ._resource import Resource
from ._token_public import Token

E = TypeVar("E", bound=Enum)


def _describe(value: Any) -> str:
    return f"{value!r} (a {type(value).__name__})"


def check_enum(scope: Construct, prop: str, value: Any, enum: type[E]) -> E | None:
    """`value` if it is a member of `enum` (or None); else a clear error listing the members."""
    if value is None or isinstance(value, enum):
        return value
    allowed = ", ".join(f"{enum.__name__}.{m.name}" for m in enum)
    raise construct_error(scope, f"'{prop}' must be one of {allowed}, got {_describe(value)}")


def check_bool(scope: Construct, prop: str, value: Any) -> bool | None:
    """`value` if it is a bool (or None)."""
    if value is None or isinstance(value, bool):
        return value
    raise construct_error(scope, f"'{prop}' must be True or False, got {_describe(value)}")


def check_str(scope: Construct, prop: str, value: Any) -> str | None:
    """`value` if it is a string (or None)."""
    if value is None or isinstance(value, str):
        return value
    raise construct_error(scope, f"'{prop}' must be a string, got {_describe(value)}")


def check_number(scope: Construct, prop: str, value: Any) -> int | float | None:
    """`value` if it is a number or a number token (or None); bools are refused."""
    if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        return value
    raise construct_error(scope, f"'{prop}' must be a number, got {_describe(value)}")


def check_duration(scope: Construct, prop: str, value: Any) -> Duration | None:
    """`value` if it is a `Duration` (or None)."""
    if value is None or isinstance(value, Duration):
        return value
    raise construct_error(
        scope, f"'{prop}' must be a Duration (e.g. Duration.seconds(30)), got {_describe(value)}")


def check_instance(scope: Construct, prop: str, value: Any, kind: type, what: str) -> Any:
    """`value` if it is an instance of `kind` (or None); `what` says what is expected."""
    if value is None or isinstance(value, kind):
        return value
    raise construct_error(scope, f"'{prop}' must be {what}, got {_describe(value)}")


def check_range(scope: Construct, label: str, value: float | None, min_value: float, max_value: float,
                unit: str = "") -> None:
    """Raise if a resolved `value` is outside `min_value..max_value` (the CDK's wording)."""
    if value is None or Token.is_unresolved(value):
        return
    suffix = f" {unit}" if unit else ""
    if value < min_value:
        raise construct_error(
            scope, f"{label} must be {_num(min_value)}{suffix} or more, but {_num(value)} was provided")
    if value > max_value:
        raise construct_error(
            scope, f"{label} must be {_num(max_value)}{suffix} or less, but {_num(value)} was provided")


def _num(value: float) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def is_owned(construct: Any) -> bool:
    """True if `construct` is a construct defined in this app (it has a `CfnResource` child)."""
    return isinstance(construct, Construct) and Resource.is_owned_resource(construct)
