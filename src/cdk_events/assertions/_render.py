"""Rendering of a failed match: the target as JSON with ``!!`` lines at each failure.

Layout (as the CDK prints it): 2-space indentation, object keys sorted, failure lines
``!! <message>`` placed before the offending key with the ``!!`` moved to column 0,
values off the failure path abridged, and a value that the matcher transformed before
comparing (e.g. a JSON string) shown as ``<value> <*> <what was compared>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ._js import UNDEFINED, is_array, is_object, js_keys, json_stringify

if TYPE_CHECKING:
    from ._matcher import MatchResult

__all__ = ["render_abridged", "render_mismatch"]

_MARKER = re.compile(r"^(\s+)!!", re.MULTILINE)
_INDENT = "  "


def render_mismatch(result: MatchResult) -> str:
    """Deep render of ``result``; ``<match>`` when it has no failures."""
    if not result.has_failed():
        return "<match>"
    renderer = _Renderer()
    renderer.emit_failures(result, "")
    renderer.render(result)
    text = "".join(renderer.parts).rstrip()
    return _MARKER.sub(lambda m: "!!" + m.group(1)[:-2], text)


def _jsonify(value: object) -> str:
    text = json_stringify(value)
    return "undefined" if text is None else text


def _same_value(a: object, b: object) -> bool:
    """JavaScript ``===`` on values taken from a JSON document."""
    if a is b:
        return True
    if is_array(a) or is_object(a) or is_array(b) or is_object(b):
        return False
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    return a == b


def render_abridged(value: object) -> str:
    """A one-line summary of ``value``: scalars in full, containers shortened."""
    if is_array(value):
        items: list[Any] = list(value)  # type: ignore[call-overload]
        if not items:
            return "[]"
        if len(items) == 1:
            return f"[ {render_abridged(items[0])} ]"
        if len(items) == 2 and all(isinstance(e, (str, int, float)) for e in items):
            return f"[ {', '.join(render_abridged(e) for e in items)} ]"
        return "[ ... ]"
    if isinstance(value, Mapping):
        keys = js_keys(value)
        if not keys:
            return "{}"
        if len(keys) == 1:
            return f"{{ {_jsonify(keys[0])}: {render_abridged(value[keys[0]])} }}"
        return "{ ... }"
    return _jsonify(value)


def _first_flags(items: Iterable[Any]) -> Iterable[tuple[bool, Any]]:
    first = True
    for item in items:
        yield first, item
        first = False


class _Renderer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.indents: list[str] = []

    def emit(self, text: str) -> None:
        self.parts.append(text.replace("\n", "\n" + "".join(self.indents)))

    def emit_failures(self, result: MatchResult, path: str, pending: set[str] | None = None) -> None:
        for failure in result._failures_at(path):
            self.emit(f"!! {failure.message}\n")
        if pending is not None:
            pending.discard(path)

    def render(self, result: MatchResult) -> None:
        # failures recorded against keys of this result that are still to be printed
        pending = [k for k in result._failure_keys() if k != ""]
        remaining = set(pending)
        target = result.target
        if is_array(target):
            self._render_array(result, list(target), remaining, pending)
        elif isinstance(target, Mapping):
            self._render_object(result, target, remaining, pending)
        else:
            self._emit_remaining(result, remaining, pending)
            self.emit(_jsonify(target))

    def _render_array(
        self, result: MatchResult, target: list[Any], remaining: set[str], pending: list[str]
    ) -> None:
        self.indents.append(_INDENT)
        self.emit("[\n")
        for first, index in _first_flags(range(len(target))):
            if not first:
                self.emit(",\n")
            key = str(index)
            self.emit_failures(result, key, remaining)
            inner = result._inner_at(key)
            if inner is not None:
                self.emit_failures(inner, "")
                self._render_compared(inner, target[index])
            else:
                self.emit(render_abridged(target[index]))
        self._emit_remaining(result, remaining, pending)
        self.indents.pop()
        self.emit("\n]")

    def _render_object(
        self, result: MatchResult, target: Mapping[str, Any], remaining: set[str], pending: list[str]
    ) -> None:
        self.indents.append(_INDENT)
        self.emit("{\n")
        keys = sorted(dict.fromkeys([*js_keys(target), *pending]))
        for first, key in _first_flags(keys):
            if not first:
                self.emit(",\n")
            self.emit_failures(result, key, remaining)
            value = target.get(key, UNDEFINED)
            inner = result._inner_at(key)
            if inner is not None:
                self.emit_failures(inner, "")
                self.emit(f"{_jsonify(key)}: ")
                self._render_compared(inner, value)
            else:
                self.emit(f"{_jsonify(key)}: ")
                self.emit(render_abridged(value))
        self._emit_remaining(result, remaining, pending)
        self.indents.pop()
        self.emit("\n}")

    def _emit_remaining(self, result: MatchResult, remaining: set[str], pending: list[str]) -> None:
        if remaining:
            self.emit("\n")
        for key in pending:
            if key in remaining:
                self.emit_failures(result, key)

    def _render_compared(self, inner: MatchResult, actual: object) -> None:
        # When the matcher compared a transformation of the value (e.g. parsed JSON),
        # show the value, then what was actually compared.
        if _same_value(inner.target, actual):
            self.render(inner)
            return
        self.emit(render_abridged(actual))
        self.emit(" <*> ")
        self.render(inner)
