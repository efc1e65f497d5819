"""JSON numbers as event-ruler compares them.

event-ruler (``ComparableNumber.generate``) compares a number numerically only when its decimal
value survives a trip through a double: the double's shortest decimal form (Java's
``Double.toString``, Python's ``repr``) must have the same value as the text. Such a number is
*comparable*; it matches numeric ranges, numeric equality and numeric ``anything-but`` lists, and
``300`` equals ``300.0``. Any other number -- an integer above 2**53 that a double rounds
(``9007199254740993``), a literal with more digits than a double holds, one out of the double's
range -- is matched as its text only (``ByteMachine.transitionOn`` falls back to the string
form), so it equals exactly the same literal and nothing else.

:class:`NumberText` stands for such a number; :func:`number_key` gives the key of any JSON
number: a ``float`` for a comparable one, its :class:`NumberText` otherwise.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decimal import Decimal

__all__ = ["NumberText", "cannot_compare", "comparable", "is_json_number", "number_key", "number_text", "parse_float"]

_SAFE = 2**53
_MAX_INT_DIGITS = 4000  # below Python's 4,300-digit limit on int <-> str conversion


class NumberText:
    """A JSON number event-ruler cannot compare as a number: it equals only the same text."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __eq__(self, other: object) -> bool:
        return type(other) is NumberText and other.text == self.text

    def __hash__(self) -> int:
        return hash(("number-text", self.text))

    def __repr__(self) -> str:
        return f"NumberText({self.text!r})"


def _decimal(value: str | int) -> Decimal:
    """The exact decimal of a number's text or of an integer."""
    return _decimal_class()(value)


@functools.cache
def _decimal_class() -> type[Decimal]:
    # lazy on purpose: only numbers beyond 15 digits need it, and the decimal module costs a millisecond
    # to import in every synth (loaded once: an import statement would cost every number)
    from decimal import Decimal

    return Decimal


def is_json_number(value: object) -> bool:
    """True for JSON numbers: ``int`` (not ``bool``), ``float``, :class:`NumberText`."""
    kind = type(value)
    return kind is int or kind is float or kind is NumberText


def _round_trips(text: str, value: float) -> bool:
    if value - value != 0.0:  # inf or nan
        return False
    return _decimal(repr(value)) == _decimal(text)


def parse_float(text: str) -> float | NumberText:
    """``parse_float`` hook of the JSON decoder: the float, or a :class:`NumberText` when not comparable."""
    # Without an exponent and with at most 15 significant digits a number is 0 or in the normal
    # range, and the double's shortest form has the same value: the common case, kept cheap.
    if len(text) < 16 and "e" not in text and "E" not in text:
        return float(text)
    value = float(text)
    return value if _round_trips(text, value) else NumberText(text)


def parse_int(text: str) -> int | NumberText:
    """``parse_int`` hook for documents with integers too long for ``int()``: those stay text."""
    if len(text) > _MAX_INT_DIGITS:
        return NumberText(text)
    return int(text)


def number_text(value: int | float | NumberText) -> str:
    """The JSON text of a number (integers of any size; floats as ``repr``)."""
    if isinstance(value, NumberText):
        return value.text
    if isinstance(value, int):
        if -_SAFE <= value <= _SAFE:
            return str(value)
        return str(_decimal(value))  # no limit on the number of digits
    return repr(value)


def number_key(value: int | float | NumberText) -> float | NumberText:
    """The key a JSON number matches by: its double when comparable, else its :class:`NumberText`."""
    if isinstance(value, float):
        return value if value - value == 0.0 else NumberText(repr(value))
    if isinstance(value, int):
        if -_SAFE <= value <= _SAFE:
            return float(value)
        try:
            double = float(value)
        except OverflowError:
            return NumberText(number_text(value))
        if _decimal(repr(double)) == _decimal(value):
            return double
        return NumberText(number_text(value))
    return value


def comparable(value: int | float | NumberText) -> bool:
    """Whether event-ruler compares this number numerically."""
    return type(number_key(value)) is float


def cannot_compare(value: int | float | NumberText) -> str:
    """event-ruler's reason for a numeric operand it cannot compare (``ComparableNumber.generate``)."""
    return f"Cannot compare number : {number_text(value)}"
