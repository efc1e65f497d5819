"""How packages publish their names: loaded on first use, and reporting the package as their module
(`cdk_events.Rule`, not `cdk_events._rule.Rule`: reprs, errors, docs)."""

from __future__ import annotations

import contextlib
import gc
import importlib
from typing import Any


def set_public_module(namespace: dict[str, Any]) -> None:
    """Set `__module__` of each name in the package's `__all__` that was defined in one of its modules."""
    package = namespace["__name__"]
    for name in namespace["__all__"]:
        _claim(namespace.get(name), package)  # a name loaded on first use (lazy_exports) is claimed then


def _claim(value: Any, package: str) -> None:
    """Make a value defined in one of `package`'s private modules report `package` as its module."""
    module = getattr(value, "__module__", None)
    if isinstance(module, str) and module.startswith(package + "."):
        with contextlib.suppress(AttributeError, TypeError):
            value.__module__ = package


def lazy_exports(namespace: dict[str, Any], exports: dict[str, str]) -> None:
    """Load each public name of a package from its private module on first use (PEP 562).

    `exports` maps a name to the relative module defining it. Importing the package stays cheap (an app
    that uses two targets does not import all of them); the loaded name reports the package as its module.
    """
    package = namespace["__name__"]

    def __getattr__(name: str) -> Any:
        module_name = exports.get(name)
        if module_name is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        # importing builds many classes (attrs generates their methods): the cyclic garbage collector
        # would run again and again over young objects that all stay alive; it is paused meanwhile
        collecting = gc.isenabled()
        gc.disable()
        try:
            value = getattr(importlib.import_module(module_name, package), name)
        finally:
            if collecting:
                gc.enable()
        _claim(value, package)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(exports))

    namespace["__getattr__"] = __getattr__
    namespace["__dir__"] = __dir__
