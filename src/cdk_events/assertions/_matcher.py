"""The matcher protocol: ``Matcher`` and the ``MatchResult`` it returns."""

from __future__ import annotations

import abc
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ..core._struct_methods import struct_methods
from ._render import render_mismatch

if TYPE_CHECKING:
    from ._capture import Capture

__all__ = ["MatchCapture", "MatchFailure", "MatchResult", "Matcher"]


class Matcher(abc.ABC):
    """Base class of every matcher: something that can test a value and explain a mismatch.

    Subclasses provide ``name`` (shown in messages as ``(using <name> matcher)``) and
    ``test(actual)``, which returns a :class:`MatchResult` (no failures = a match).
    """

    @staticmethod
    def is_matcher(x: object) -> bool:
        """Whether ``x`` is a :class:`Matcher`."""
        return isinstance(x, Matcher)

    @property
    @abc.abstractmethod
    def name(self) -> str:
        """A name for the matcher, shown to the user in failure texts."""

    @abc.abstractmethod
    def test(self, actual: Any) -> MatchResult:
        """Test ``actual`` against this matcher; an empty result means it matched."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}>"


@struct_methods
@attrs.frozen(slots=False, repr=False, eq=False)
class MatchFailure:
    """One failure recorded in a :class:`MatchResult`.

    ``path`` is relative to the result's target (``[]`` = the target itself,
    ``["Tags", "0"]`` = first element of its ``Tags`` key); ``cost`` defaults to 1 and
    decides which candidates are the "closest matches".
    """

    matcher: Matcher
    path: Sequence[str]
    message: str
    cost: int | None = None


@struct_methods
@attrs.frozen(slots=False, repr=False, eq=False)
class MatchCapture:
    """A value captured by a :class:`Capture` while matching."""

    capture: Capture
    value: Any


class MatchResult:
    """The outcome of ``Matcher.test()``: failures by path, nested results, captures."""

    def __init__(self, target: Any) -> None:
        """Start an empty (successful) result for ``target``, the value that was tested."""
        self.target: Any = target
        self._failures_here: dict[str, list[MatchFailure]] = {}
        self._inner: dict[str, MatchResult] = {}
        self._captures: dict[Capture, list[Any]] = {}
        self._finalized = False
        self._has_failed = False
        self._fail_count = 0
        self._cost = 0

    def record_failure(
        self,
        failure: MatchFailure | None = None,
        *,
        matcher: Matcher | None = None,
        path: Sequence[str] | None = None,
        message: str | None = None,
        cost: int | None = None,
    ) -> MatchResult:
        """Record a failure, given as a :class:`MatchFailure` or as keyword arguments."""
        if failure is None:
            if matcher is None or path is None or message is None:
                raise TypeError("record_failure() needs matcher, path and message")
            failure = MatchFailure(matcher=matcher, path=list(path), message=message, cost=cost)
        key = ".".join(failure.path)
        self._failures_here.setdefault(key, []).append(failure)
        self._fail_count += 1
        self._cost += 1 if failure.cost is None else failure.cost
        self._has_failed = True
        return self

    def push(self, matcher: Matcher, path: Sequence[str], message: str) -> MatchResult:
        """Deprecated spelling of :meth:`record_failure`."""
        return self.record_failure(matcher=matcher, path=path, message=message)

    @property
    def is_success(self) -> bool:
        """Whether the match succeeded (no failures)."""
        return not self._has_failed

    def has_failed(self) -> bool:
        """Whether any failure was recorded, here or in a composed result."""
        return self._has_failed

    @property
    def fail_count(self) -> int:
        """Number of failures, including those of composed results."""
        return self._fail_count

    @property
    def failure_count(self) -> int:
        """Same as :attr:`fail_count`."""
        return self._fail_count

    @property
    def fail_cost(self) -> int:
        """Total cost of the failures (informational failures cost 0)."""
        return self._cost

    def compose(self, id: str, inner: MatchResult) -> MatchResult:
        """Nest ``inner`` (the result for key or index ``id`` of the target) in this result."""
        if inner.has_failed():
            self._has_failed = True
            self._fail_count += inner._fail_count
            self._cost += inner._cost
            self._inner[id] = inner
        for capture, values in inner._captures.items():
            for value in values:
                self.record_capture(capture=capture, value=value)
        return self

    def finished(self) -> MatchResult:
        """Finalize the result: commit captured values to their ``Capture`` if it matched.

        Must be called once the whole match is done; calling it again does nothing.
        """
        if self._finalized:
            return self
        if self._fail_count == 0:
            for capture, values in self._captures.items():
                capture._commit(values)
        self._finalized = True
        return self

    def record_capture(
        self, options: MatchCapture | None = None, *, capture: Capture | None = None, value: Any = None
    ) -> None:
        """Record a captured value (committed by :meth:`finished` only on success)."""
        if options is not None:
            capture, value = options.capture, options.value
        if capture is None:
            raise TypeError("record_capture() needs a capture")
        self._captures.setdefault(capture, []).append(value)

    def to_human_strings(self) -> list[str]:
        """One line per failure: ``<message>[ at /<path>] (using <matcher> matcher)``.

        Prefer :meth:`render_mismatch`, which shows failures in the context of the value.
        """
        lines = []
        for failure, path in self._walk_failures([]):
            location = f" at /{'/'.join(path)}" if path else ""
            lines.append(f"{failure.message}{location} (using {failure.matcher.name} matcher)")
        return lines

    def _walk_failures(self, prefix: list[str]) -> Iterator[tuple[MatchFailure, list[str]]]:
        for failures in self._failures_here.values():
            for failure in failures:
                yield failure, [*prefix, *failure.path]
        for key, inner in self._inner.items():
            yield from inner._walk_failures([*prefix, key])

    def render_mismatch(self) -> str:
        """Render the target with each failure (``!! message``) next to where it occurred."""
        return render_mismatch(self)

    # read access for the renderer
    def _failures_at(self, key: str) -> list[MatchFailure]:
        return self._failures_here.get(key, [])

    def _failure_keys(self) -> list[str]:
        return list(self._failures_here)

    def _inner_at(self, key: str) -> MatchResult | None:
        return self._inner.get(key)

    def __repr__(self) -> str:
        state = "match" if self.is_success else f"{self._fail_count} failure(s)"
        return f"<MatchResult {state}>"
