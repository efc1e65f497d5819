"""``Annotations``: assertions on the warnings, errors and info messages of a stack."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..core._struct_methods import struct_methods
from ._assembly import stack_artifact
from ._section import format_all_matches, format_section_failure, match_section

__all__ = ["Annotations", "MetadataEntry", "SynthesisMessage"]


@struct_methods
@attrs.frozen(slots=False, repr=False, eq=False)
class MetadataEntry:
    """The metadata entry of a message: ``type`` (``aws:cdk:warning``, ...), ``data``
    (the message text; warnings end with `` [ack: <id>]``) and ``trace`` (default None)."""

    type: str
    data: Any
    trace: Any = None

    def __getitem__(self, key: str) -> Any:
        return getattr(self, key)


@struct_methods
@attrs.frozen(slots=False, repr=False, eq=False)
class SynthesisMessage:
    """A message attached to a construct: ``id`` (construct path), ``level``
    (``error``, ``warning`` or ``info``) and ``entry``. Readable as attributes or keys."""

    id: str
    level: str
    entry: MetadataEntry

    def __getitem__(self, key: str) -> Any:
        return getattr(self, key)


def _field(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _as_plain(message: Any) -> dict[str, Any]:
    entry = _field(message, "entry") or {}
    return {
        "id": _field(message, "id"),
        "level": _field(message, "level"),
        "entry": {
            "type": _field(entry, "type"),
            "data": _field(entry, "data"),
            "trace": _field(entry, "trace"),
        },
    }


def _as_message(plain: Mapping[str, Any]) -> SynthesisMessage:
    entry = plain["entry"]
    return SynthesisMessage(
        id=plain["id"],
        level=plain["level"],
        entry=MetadataEntry(type=entry["type"], data=entry["data"], trace=entry["trace"]),
    )


def _with_slash(path: str) -> str:
    return path if path.startswith("/") else "/" + path


class Annotations:
    """Assertions on the messages (annotations) a synthesized stack carries.

    ``construct_path`` arguments are a construct path (``/Stack/Rule`` or
    ``Stack/Rule``) or ``'*'`` for every path; ``message`` is a string or a matcher
    tested against the message text. Failed assertions raise ``AssertionError``.
    """

    def __init__(self, messages: list[Any]) -> None:
        """Wrap a list of synthesis messages; prefer :meth:`from_stack`."""
        self._messages: dict[str, dict[str, Any]] = {
            str(i): _as_plain(m) for i, m in enumerate(messages)
        }

    @classmethod
    def from_stack(cls, stack: Any) -> Annotations:
        """The messages of ``stack`` after synthesizing its App.

        Raises ``ValueError`` if the stack is not part of an App or Stage.
        """
        return cls(list(stack_artifact(stack).messages or []))

    def _select(self, construct_path: str) -> dict[str, dict[str, Any]]:
        if construct_path == "*":
            return dict(self._messages)
        wanted = _with_slash(construct_path)
        return {k: m for k, m in self._messages.items() if _with_slash(str(m["id"])) == wanted}

    @staticmethod
    def _pattern(level: str, message: Any) -> dict[str, Any]:
        return {"level": level, "entry": {"data": message}}

    def _has(self, level: str, construct_path: str, message: Any) -> None:
        result = match_section(self._select(construct_path), self._pattern(level, message))
        if result.match:
            return
        for closest in result.closest.values():
            # stack traces are long and unreadable: leave them out of the failure text
            entry = closest.target.get("entry") if isinstance(closest.target, dict) else None
            if isinstance(entry, dict) and "trace" in entry:
                entry["trace"] = "redacted"
        raise AssertionError(format_section_failure(f"messages at path {construct_path}", result, "Stack"))

    def _has_no(self, level: str, construct_path: str, message: Any) -> None:
        result = match_section(self._select(construct_path), self._pattern(level, message))
        if not result.match:
            return
        raise AssertionError(
            f"Expected no matches, but stack has {len(result.matches)} messages as follows:\n"
            + format_all_matches(result.matches)
        )

    def _find(self, level: str, construct_path: str, message: Any) -> list[SynthesisMessage]:
        result = match_section(self._select(construct_path), self._pattern(level, message))
        return [_as_message(m) for m in result.matches.values()]

    def has_error(self, construct_path: str, message: Any) -> None:
        """Assert that an error matching ``message`` exists at ``construct_path``."""
        self._has("error", construct_path, message)

    def has_no_error(self, construct_path: str, message: Any) -> None:
        """Assert that no error matching ``message`` exists at ``construct_path``."""
        self._has_no("error", construct_path, message)

    def find_error(self, construct_path: str, message: Any) -> list[SynthesisMessage]:
        """The errors at ``construct_path`` matching ``message``."""
        return self._find("error", construct_path, message)

    def has_warning(self, construct_path: str, message: Any) -> None:
        """Assert that a warning matching ``message`` exists at ``construct_path``."""
        self._has("warning", construct_path, message)

    def has_no_warning(self, construct_path: str, message: Any) -> None:
        """Assert that no warning matching ``message`` exists at ``construct_path``."""
        self._has_no("warning", construct_path, message)

    def find_warning(self, construct_path: str, message: Any) -> list[SynthesisMessage]:
        """The warnings at ``construct_path`` matching ``message``."""
        return self._find("warning", construct_path, message)

    def has_info(self, construct_path: str, message: Any) -> None:
        """Assert that an info message matching ``message`` exists at ``construct_path``."""
        self._has("info", construct_path, message)

    def has_no_info(self, construct_path: str, message: Any) -> None:
        """Assert that no info message matching ``message`` exists at ``construct_path``."""
        self._has_no("info", construct_path, message)

    def find_info(self, construct_path: str, message: Any) -> list[SynthesisMessage]:
        """The info messages at ``construct_path`` matching ``message``."""
        return self._find("info", construct_path, message)
