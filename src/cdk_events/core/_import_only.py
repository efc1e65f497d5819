"""The base of service classes cdk-events offers only as imports (`Vpc.from_vpc_attributes`, ...)."""

from __future__ import annotations

from typing import Any, ClassVar

from ._errors import ValidationError


class ImportOnly:
    """Creating one raises a `ValidationError` that says how to import an existing resource instead."""

    _IMPORT_HINT: ClassVar[str] = ""

    def __init__(self, scope: Any, id: str, *args: Any, **props: Any) -> None:
        raise not_offered(type(self).__name__, scope, id, self._IMPORT_HINT)


def not_offered(kind: str, scope: Any, id: str, hint: str) -> ValidationError:
    """The error for defining a resource that cdk-events only imports."""
    node = getattr(scope, "node", None)
    base = node.path if node is not None else ""
    path = f"{base}/{id}" if base else id
    return ValidationError(f"[{path}] cdk-events does not define {kind} resources (it only imports them); {hint}")
