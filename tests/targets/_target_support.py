"""Helpers of the target tests."""

from __future__ import annotations

from typing import Any


def unchecked(cls: type, *args: Any, **kwargs: Any) -> Any:
    """A target made by its own constructor only, not through the argument checks a public class may be
    wrapped in (`cdk_events.core._checked`), so that a wrong argument reaches the target's own checks when
    it is bound (the rule's path in the message)."""
    target = cls.__new__(cls)
    init = cls.__init__  # type: ignore[misc]
    getattr(init, "__wrapped__", init)(target, *args, **kwargs)
    return target
