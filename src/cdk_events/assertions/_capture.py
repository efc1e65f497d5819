"""``Capture``: a matcher that records the values it matched."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NoReturn

from ._js import UNDEFINED, get_type, js_string, json_stringify
from ._match import Match, literal_or_matcher
from ._matcher import Matcher, MatchResult

__all__ = ["Capture"]


class Capture(Matcher):
    """Captures values while matching; read them with the ``as_*()`` methods.

    ``pattern`` (default: none) is an optional nested pattern or matcher the value must
    also match; a plain dict is matched with ``Match.object_like()``. Values are kept
    only when the whole assertion matched; when several template entries matched, every
    value is kept, in order, and :meth:`next` moves to the following one.
    """

    def __init__(self, pattern: Any = None) -> None:
        """Create a capture, optionally restricted to values matching ``pattern``."""
        self._pattern = pattern
        self._captured: list[Any] = []
        self._idx = 0

    @property
    def name(self) -> str:
        """Always ``Capture``."""
        return "Capture"

    def test(self, actual: Any) -> MatchResult:
        """Match any non-null value (that also matches ``pattern``) and record it."""
        result = MatchResult(actual)
        if actual is None or actual is UNDEFINED:
            message = f"Can only capture non-nullish values. Found {js_string(actual)}"
            return result.record_failure(matcher=self, path=[], message=message)
        if self._pattern is not None:
            inner = self._inner_matcher().test(actual)
            if inner.has_failed():
                return inner
        result.record_capture(capture=self, value=actual)
        return result

    def _inner_matcher(self) -> Matcher:
        if isinstance(self._pattern, Mapping):
            return Match.object_like(self._pattern)
        return literal_or_matcher(self.name, self._pattern, partial_objects=True)

    def _commit(self, values: Iterable[Any]) -> None:
        self._captured.extend(values)

    def next(self) -> bool:
        """Move to the next captured value; False (and stay) if this was the last one."""
        if self._idx < len(self._captured) - 1:
            self._idx += 1
            return True
        return False

    def as_string(self) -> str:
        """The current captured value, which must be a string."""
        value = self._current()
        if get_type(value) == "string":
            return str(value)
        self._wrong_type("string")

    def as_number(self) -> float:
        """The current captured value, which must be a number (int or float, not bool)."""
        value = self._current()
        if get_type(value) == "number":
            return value  # type: ignore[no-any-return]
        self._wrong_type("number")

    def as_boolean(self) -> bool:
        """The current captured value, which must be a boolean."""
        value = self._current()
        if get_type(value) == "boolean":
            return bool(value)
        self._wrong_type("boolean")

    def as_array(self) -> list[Any]:
        """The current captured value, which must be an array."""
        value = self._current()
        if get_type(value) == "array":
            return value if isinstance(value, list) else list(value)
        self._wrong_type("array")

    def as_object(self) -> dict[str, Any]:
        """The current captured value, which must be an object."""
        value = self._current()
        if isinstance(value, Mapping):
            return value if isinstance(value, dict) else dict(value)
        self._wrong_type("object")

    def _current(self) -> Any:
        if not self._captured:
            raise AssertionError("No value captured")
        return self._captured[self._idx]

    def _wrong_type(self, expected: str) -> NoReturn:
        value = self._captured[self._idx]
        raise AssertionError(
            f"Captured value is expected to be {expected} but found {get_type(value)}. "
            f"Value is {json_stringify(value, 2)}"
        )

    def __repr__(self) -> str:
        return f"<Capture {len(self._captured)} value(s)>"
