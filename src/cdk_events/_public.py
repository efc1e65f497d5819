"""Public names report their package: `cdk_events.Rule`, not `cdk_events._rule.Rule` (reprs, errors, docs)."""

from __future__ import annotations

import contextlib
from typing import Any


def set_public_module(namespace: dict[str, Any]) -> None:
    """Set `__module__` of each name in the package's `__all__` that was defined in one of its modules."""
    package = namespace["__name__"]
    for name in namespace["__all__"]:
        value = namespace[name]
        module = getattr(value, "__module__", None)
        if isinstance(module, str) and module.startswith(package + "."):
            with contextlib.suppress(AttributeError, TypeError):
                value.__module__ = package
