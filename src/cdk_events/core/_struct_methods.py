"""The methods the struct classes share: `__repr__`, `__eq__` and `__hash__`, as attrs writes them for a frozen
class, but written once.

attrs generates these methods for each class it builds by compiling their source, which costs about as much
as everything else it does for the class; dozens of structs load in every app. So structs are declared with
`@struct_methods` over `@attrs.frozen(..., slots=False, repr=False, eq=False)`: attrs writes only `__init__`
(with `slots=False` a frozen instance's fields go straight into its `__dict__`, not through
`object.__setattr__`: a third cheaper to build) and these functions read the fields from `__attrs_attrs__`.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T", bound=type)

_VALUES: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


def _values_of(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    """The function giving an instance's field values as a tuple (the fields attrs compares)."""
    values = _VALUES.get(cls)
    if values is None:
        names = [a.name for a in cls.__attrs_attrs__ if a.eq]  # type: ignore[attr-defined]
        if len(names) == 1:
            single = operator.attrgetter(names[0])
            values = _VALUES[cls] = lambda instance: (single(instance),)
        elif names:
            values = _VALUES[cls] = operator.attrgetter(*names)
        else:
            values = _VALUES[cls] = lambda instance: ()
    return values


def _struct_repr(self: Any) -> str:
    cls = type(self)
    parts = []
    for field in cls.__attrs_attrs__:
        if field.repr is False:
            continue
        value = getattr(self, field.name)
        parts.append(f"{field.name}={field.repr(value) if callable(field.repr) else repr(value)}")
    return f"{cls.__qualname__.rsplit('>.', 1)[-1]}({', '.join(parts)})"


def _struct_eq(self: Any, other: Any) -> object:
    if other.__class__ is not self.__class__:
        return NotImplemented
    values = _values_of(self.__class__)
    equal: bool = values(self) == values(other)
    return equal


def _struct_hash(self: Any) -> int:
    return hash((self.__class__, *_values_of(self.__class__)(self)))


def struct_methods(cls: T) -> T:
    """Give the attrs class `cls` (built with `repr=False, eq=False`) attrs' `__repr__`, `__eq__` and
    `__hash__` of a frozen class, unless it defines its own."""
    own = cls.__dict__
    if "__repr__" not in own:
        cls.__repr__ = _struct_repr  # type: ignore[assignment]
    if "__eq__" not in own:
        cls.__eq__ = _struct_eq  # type: ignore[assignment]
        cls.__hash__ = _struct_hash  # type: ignore[assignment]
    return cls
