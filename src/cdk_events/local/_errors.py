"""Exceptions raised by the local EventBridge engine."""

from __future__ import annotations

import reprlib

from ..core._errors import CdkEventsError

__all__ = [
    "InvalidEventError",
    "InvalidEventPatternError",
    "InvalidInputError",
    "InvalidScheduleError",
    "UndeliverableInputError",
    "LocalEngineError",
]

_PATTERN_PREFIX = "Event pattern is not valid. Reason: "


def short_repr(value: object) -> str:
    """A short ``repr`` for error messages, safe for any value (deep, huge or unprintable)."""
    try:
        return reprlib.repr(value)
    except Exception:  # a value whose repr fails (a 5,000-digit int, a broken __repr__)
        return f"<{type(value).__name__}>"


class LocalEngineError(CdkEventsError, ValueError):
    """Base of the local engine's errors: a `CdkEventsError`, and a `ValueError` (the input is at fault)."""


class InvalidEventPatternError(LocalEngineError):
    """An event pattern that EventBridge would reject.

    ``str(error)`` is AWS's message (``Event pattern is not valid. Reason: ...``); ``reason``
    holds the part after ``Reason: ``.
    """

    def __init__(self, reason: str, *, message: str | None = None) -> None:
        self.reason = reason
        super().__init__(message if message is not None else _PATTERN_PREFIX + reason)


class InvalidEventError(InvalidEventPatternError):
    """The event given to ``test_event_pattern`` is not one TestEventPattern accepts.

    The message is AWS's: ``Parameter Event is not valid.`` (events over EventBridge's size or depth
    limits, or holding values that are not JSON, say why after it).
    """

    def __init__(self, detail: str = "", *, message: str | None = None) -> None:
        super().__init__(detail, message=message if message is not None else "Parameter Event is not valid.")


class InvalidInputError(LocalEngineError):
    """A target input configuration (Input / InputPath / InputTransformer) that AWS rejects."""


class UndeliverableInputError(InvalidInputError):
    """The input transformer produced invalid JSON: EventBridge accepts the target but drops the event."""


class InvalidScheduleError(LocalEngineError):
    """A ``cron(...)`` or ``rate(...)`` schedule expression that EventBridge rejects.

    The message is self-contained: it quotes the expression, names the field at fault and
    says what is allowed.
    """
