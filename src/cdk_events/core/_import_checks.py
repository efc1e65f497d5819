"""Checks shared by the `from_*_arn` / `from_*_name` imports of the service modules: each error
names the construct path, the property, the value and the ARN shape that is expected."""

from __future__ import annotations

from typing import Any

from ._arn import ArnComponents, ArnFormat
from ._construct import Construct
from ._errors import ValidationError, construct_error
from ._stack import Stack
from ._token_encoding import is_unresolved


def require_str(scope: Construct, prop: str, value: Any, what: str) -> str:
    """`value` if it is a non-empty string (or a string token); else an error saying `what` is expected."""
    if isinstance(value, str) and value:
        return value
    raise construct_error(scope, f"'{prop}' must be {what}, got {value!r}")


def split_import_arn(scope: Construct, prop: str, arn: Any, arn_format: ArnFormat, shape: str,
                     *, service: str | None = None, need_name: bool = True) -> ArnComponents:
    """The parts of an imported resource's ARN; a concrete ARN must have the `shape` given (e.g.
    `arn:<partition>:codebuild:<region>:<account>:project/<name>`)."""
    value = require_str(scope, prop, arn, f"an ARN like {shape}")
    try:
        parts = Stack.of(scope).split_arn(value, arn_format)
    except ValidationError:
        raise construct_error(scope, f"'{prop}' must be an ARN like {shape}, got {value!r}") from None
    if is_unresolved(value):
        return parts
    if (service is not None and parts.service != service) or (need_name and not parts.resource_name):
        raise construct_error(scope, f"'{prop}' must be an ARN like {shape}, got {value!r}")
    return parts
