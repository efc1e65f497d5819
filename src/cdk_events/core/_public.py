"""How packages publish their names: loaded on first use, and reporting the package as their module
(`cdk_events.Rule`, not `cdk_events._rule.Rule`: reprs, errors, docs)."""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
from types import ModuleType
from typing import Any

from ._checked import checked


def set_public_module(namespace: dict[str, Any]) -> None:
    """Set `__module__` of each name in the package's `__all__` that was defined in one of its modules."""
    package = namespace["__name__"]
    for name in namespace["__all__"]:
        _claim(namespace.get(name), package)  # a name loaded on first use (lazy_exports) is claimed then


# The packages whose public classes check their arguments (`_checked.checked`): the events modules, the
# core, the services and the targets (which check their props when a rule binds them: the checks' errors
# wait for that, `defer_to_bind`).
_CHECKED_PACKAGES = ("cdk_events", "cdk_events.core", "cdk_events.targets")


# `CDK_EVENTS_UNCHECKED=1` leaves the arguments unchecked (to measure what the checks cost)
_CHECKING = os.environ.get("CDK_EVENTS_UNCHECKED", "") in ("", "0")


def _checks_arguments(package: str) -> bool:
    return _CHECKING and (package in _CHECKED_PACKAGES or package.startswith("cdk_events.aws."))


def _claim(value: Any, package: str) -> None:
    """Make a value defined in one of `package`'s private modules report `package` as its module (and, in
    the checked packages, check the arguments of its public methods)."""
    module = getattr(value, "__module__", None)
    if isinstance(module, str) and module.startswith(package + "."):
        if isinstance(value, type) and _checks_arguments(package):
            checked(value, defer_to_bind=package == "cdk_events.targets")
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
        return public_names(namespace)

    namespace["__getattr__"] = __getattr__
    namespace["__dir__"] = __dir__


def public_names(namespace: dict[str, Any]) -> list[str]:
    """What `dir()` of a public package lists: its `__all__`, its dunder names and its public subpackages
    (`cdk_events.targets`) once imported; not the helpers its `__init__` uses (`TYPE_CHECKING`,
    `lazy_exports`, `annotations`) nor its private modules."""
    package = namespace["__name__"]
    names = set(namespace.get("__all__", ()))
    names.update(name for name in namespace if name.startswith("__") and name.endswith("__"))
    names.update(name for name, value in namespace.items() if not name.startswith("_")
                 and isinstance(value, ModuleType) and value.__name__ == f"{package}.{name}")
    return sorted(names)
