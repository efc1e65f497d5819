"""`IEventBus`: what other constructs may know of a bus, owned or imported (archives, rules, targets),
so they need not import the event bus module."""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class IEventBus(Protocol):
    """An event bus, owned or imported: its name and ARN."""

    @property
    def event_bus_name(self) -> str:
        """The name of the bus."""
        ...

    @property
    def event_bus_arn(self) -> str:
        """The ARN of the bus."""
        ...
