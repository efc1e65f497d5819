"""String matching without backtracking: wildcards and event-ruler's ignore-case comparison.

Every matcher here costs time linear in the event value (and the pattern), whatever the pattern:

* a wildcard is split at its ``*`` into literal segments; the first must be a prefix, the last a
  suffix, and the middle ones are found left to right with ``str.find``, each search starting
  where the previous segment ended. Taking the leftmost occurrence of each middle segment is
  always safe with ``*`` as the only metacharacter, so no choice is ever revisited.
* ``equals-ignore-case`` (and its ``prefix``/``suffix``/``anything-but`` forms) follows
  event-ruler's ``EqualsIgnoreCaseParser``: each character ``c`` of the *pattern* matches either
  ``lower(c)`` or ``upper(c)`` of that single character in the event (so a pattern capital sigma
  U+03A3 matches U+03C3 and U+03A3 but not the final sigma U+03C2, and ``ß`` matches ``ß`` and
  ``SS``). The two
  forms of a character are never a prefix (or suffix) of each other, so at most one can match at
  a position and the comparison walks the pattern once.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["IgnoreCase", "fold", "wildcard_matcher", "wildcard_segments"]


def wildcard_segments(tokens: list[str | None]) -> list[str]:
    """The literal runs of a tokenised wildcard (``None`` = ``*``): one more than the stars."""
    segments: list[str] = []
    current: list[str] = []
    for token in tokens:
        if token is None:
            segments.append("".join(current))
            current = []
        else:
            current.append(token)
    segments.append("".join(current))
    return segments


def wildcard_matcher(segments: list[str]) -> Callable[[str], bool]:
    """A test of whole strings against a wildcard given as its literal segments (see the module doc)."""
    if len(segments) == 1:
        literal = segments[0]
        return literal.__eq__
    head, tail = segments[0], segments[-1]
    middle = tuple(s for s in segments[1:-1] if s)
    fixed = len(head) + len(tail)
    if not middle:
        if not head and not tail:
            return lambda value: True
        return lambda value: len(value) >= fixed and value.startswith(head) and value.endswith(tail)

    def test(value: str) -> bool:
        if len(value) < fixed or not value.startswith(head) or not value.endswith(tail):
            return False
        position = len(head)
        stop = len(value) - len(tail)
        for segment in middle:
            found = value.find(segment, position, stop)
            if found < 0:
                return False
            position = found + len(segment)
        return True

    return test


def fold(text: str) -> str:
    """A key equal for any two strings one of which ignore-case-matches the other (a necessary condition).

    ``casefold`` puts every character's lower and upper forms together except the dotless i
    U+0131 (lower itself, upper ``I``), which is mapped to ``i`` first.
    """
    return text.replace("\u0131", "i").casefold()


class IgnoreCase:
    """A pattern string compared as event-ruler's ``equals-ignore-case`` compares it."""

    __slots__ = ("ascii", "folded", "lower", "steps", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.ascii = text.isascii()
        self.lower = text.lower() if self.ascii else ""
        self.folded = fold(text)
        steps: list[tuple[str, str]] = []
        run: list[str] = []
        for char in text:
            low, up = char.lower(), char.upper()
            if low == up:
                run.append(low)
                continue
            if run:
                steps.append(("".join(run), ""))
                run = []
            steps.append((low, up))
        if run:
            steps.append(("".join(run), ""))
        self.steps = tuple(steps)

    def _forward(self, value: str) -> int:
        """Where the pattern's match of the start of ``value`` ends, or -1."""
        position = 0
        for first, second in self.steps:
            if value.startswith(first, position):
                position += len(first)
            elif second and value.startswith(second, position):
                position += len(second)
            else:
                return -1
        return position

    def _backward(self, value: str) -> int:
        """Where the pattern's match of the end of ``value`` starts, or -1."""
        position = len(value)
        for first, second in reversed(self.steps):
            if value.endswith(first, 0, position):
                position -= len(first)
            elif second and value.endswith(second, 0, position):
                position -= len(second)
            else:
                return -1
        return position

    def equals(self, value: str) -> bool:
        """``{"equals-ignore-case": text}`` against a string value."""
        if self.ascii and value.isascii():
            return len(value) == len(self.text) and value.lower() == self.lower
        return self._forward(value) == len(value)

    def prefix_of(self, value: str) -> bool:
        """``{"prefix": {"equals-ignore-case": text}}`` against a string value."""
        if self.ascii and value.isascii():
            return value[: len(self.text)].lower() == self.lower
        return self._forward(value) >= 0

    def suffix_of(self, value: str) -> bool:
        """``{"suffix": {"equals-ignore-case": text}}`` against a string value."""
        if self.ascii and value.isascii():
            n = len(self.text)
            return n <= len(value) and value[len(value) - n :].lower() == self.lower
        return self._backward(value) >= 0
