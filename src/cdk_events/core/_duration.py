"""`Duration`: an amount of time, converted exactly as the CDK converts it."""

from __future__ import annotations

import math
from typing import Any, ClassVar

from ._errors import ValidationError
from ._token_encoding import TOKEN_MAP, is_unresolved


class TimeUnit:
    """A unit of time (millis, seconds, minutes, hours, days)."""

    def __init__(self, label: str, in_millis: int):
        self.label = label
        self.in_millis = in_millis

    def __str__(self) -> str:
        return self.label

    __repr__ = __str__


MILLISECONDS = TimeUnit("millis", 1)
SECONDS = TimeUnit("seconds", 1000)
MINUTES = TimeUnit("minutes", 60_000)
HOURS = TimeUnit("hours", 3_600_000)
DAYS = TimeUnit("days", 86_400_000)


def _is_integer(value: float) -> bool:
    return float(value).is_integer()


def _fmt(value: float) -> str:
    from ._js import js_number

    return js_number(value)


def _convert(amount: float, from_unit: TimeUnit, to_unit: TimeUnit, integral: bool) -> float:
    if from_unit.in_millis == to_unit.in_millis:
        if integral and not is_unresolved(amount) and not _is_integer(amount):
            raise ValidationError(f"{_fmt(amount)} must be a whole number of {to_unit}.")
        return amount
    if is_unresolved(amount):
        raise ValidationError(
            f"Duration must be specified as 'Duration.{to_unit}()' here since its value comes from a token and "
            f"cannot be converted (got Duration.{from_unit})")
    value = (amount * from_unit.in_millis) / to_unit.in_millis
    if integral and not _is_integer(value):
        raise ValidationError(
            f"'{_fmt(amount)} {from_unit}' cannot be converted into a whole number of {to_unit}.")
    return value


def _finest(a: TimeUnit, b: TimeUnit) -> TimeUnit:
    return a if a.in_millis < b.in_millis else b


def _human_part(amount: float, unit: TimeUnit) -> str:
    label = unit.label[:-1] if amount == 1 else unit.label
    return f"{_fmt(amount)} {label}"


def _num(value: float) -> int | float:
    return int(value) if isinstance(value, float) and value.is_integer() and abs(value) < 2**53 else value


class Duration:
    """A length of time (mirrors `aws_cdk.Duration`). Build it with `Duration.minutes(5)` etc."""

    __slots__ = ("_amount", "_unit")
    _EXAMPLE: ClassVar[str] = "e.g. Duration.minutes(5)"  # shown by the argument checks

    def __init__(self, amount: float, unit: TimeUnit):
        if not is_unresolved(amount) and amount < 0:
            raise ValidationError(f"Duration amounts cannot be negative. Received: {_fmt(amount)}")
        self._amount = amount
        self._unit = unit

    @staticmethod
    def millis(amount: float) -> Duration:
        """`amount` milliseconds."""
        return Duration(amount, MILLISECONDS)

    @staticmethod
    def seconds(amount: float) -> Duration:
        """`amount` seconds."""
        return Duration(amount, SECONDS)

    @staticmethod
    def minutes(amount: float) -> Duration:
        """`amount` minutes."""
        return Duration(amount, MINUTES)

    @staticmethod
    def hours(amount: float) -> Duration:
        """`amount` hours."""
        return Duration(amount, HOURS)

    @staticmethod
    def days(amount: float) -> Duration:
        """`amount` days."""
        return Duration(amount, DAYS)

    @property
    def amount(self) -> float:
        """The number given at construction."""
        return self._amount

    @property
    def unit(self) -> TimeUnit:
        """The unit given at construction."""
        return self._unit

    def to_milliseconds(self, *, integral: bool = True) -> int | float:
        """In milliseconds; `integral` (default) requires a whole number."""
        return _num(_convert(self._amount, self._unit, MILLISECONDS, integral))

    def to_seconds(self, *, integral: bool = True) -> int | float:
        """In seconds; `integral` (default) requires a whole number."""
        return _num(_convert(self._amount, self._unit, SECONDS, integral))

    def to_minutes(self, *, integral: bool = True) -> int | float:
        """In minutes; `integral` (default) requires a whole number."""
        return _num(_convert(self._amount, self._unit, MINUTES, integral))

    def to_hours(self, *, integral: bool = True) -> int | float:
        """In hours; `integral` (default) requires a whole number."""
        return _num(_convert(self._amount, self._unit, HOURS, integral))

    def to_days(self, *, integral: bool = True) -> int | float:
        """In days; `integral` (default) requires a whole number."""
        return _num(_convert(self._amount, self._unit, DAYS, integral))

    def unit_label(self) -> str:
        """The unit's name (`minutes`, ...)."""
        return self._unit.label

    def is_unresolved(self) -> bool:
        """True when the amount is a token."""
        return is_unresolved(self._amount)

    def format_token_to_number(self) -> str:
        """`<amount> <unit>` with a token amount stringified."""
        return f"{TOKEN_MAP_STRINGIFY(self._amount)} {self._unit.label}"

    def to_human_string(self) -> str:
        """At most two parts, singular for 1: `5 minutes`, `1 minute 30 seconds`, `1 day 2 hours`."""
        if self._amount == 0:
            return _human_part(0, self._unit)
        if is_unresolved(self._amount):
            return f"<token> {self._unit.label}"
        return " ".join(_human_part(amount, unit) for amount, unit in self._components()[:2])

    def _components(self) -> list[tuple[float, TimeUnit]]:
        millis = _convert(self._amount, self._unit, MILLISECONDS, False)
        parts: list[tuple[float, TimeUnit]] = []
        for unit in (DAYS, HOURS, MINUTES, SECONDS):
            whole = math.floor(_convert(millis, MILLISECONDS, unit, False))
            if whole > 0:
                parts.append((whole, unit))
                millis -= whole * unit.in_millis
        if millis > 0.0001:
            parts.append((millis, MILLISECONDS))
        return parts

    def to_iso_string(self) -> str:
        """ISO 8601 (`PT5M`)."""
        if self._amount == 0:
            return "PT0S"
        millis = self.to_milliseconds(integral=False)
        days, rest = divmod(millis, DAYS.in_millis)
        hours, rest = divmod(rest, HOURS.in_millis)
        minutes, rest = divmod(rest, MINUTES.in_millis)
        seconds = rest / 1000
        out = "P" + (f"{_fmt(days)}D" if days else "")
        time = (f"{_fmt(hours)}H" if hours else "") + (f"{_fmt(minutes)}M" if minutes else "") + (
            f"{_fmt(seconds)}S" if seconds else "")
        return out + ("T" + time if time else "")

    def plus(self, other: Duration) -> Duration:
        """The sum, in the finer of the two units."""
        unit = _finest(self._unit, other._unit)
        return Duration(_num(_convert(self._amount, self._unit, unit, False) + _convert(other._amount, other._unit,
                                                                                         unit, False)), unit)

    def minus(self, other: Duration) -> Duration:
        """The difference, in the finer of the two units."""
        unit = _finest(self._unit, other._unit)
        return Duration(_num(_convert(self._amount, self._unit, unit, False) - _convert(other._amount, other._unit,
                                                                                         unit, False)), unit)

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, Duration) and self._amount == other._amount and self._unit is other._unit

    def __hash__(self) -> int:
        return hash((self._amount, self._unit.label))

    def __repr__(self) -> str:
        return f"Duration.{self._unit.label}({_fmt(self._amount)})"


def TOKEN_MAP_STRINGIFY(value: float) -> str:
    """A number as text, a number token as its string marker."""
    token = TOKEN_MAP.lookup_number(value) if isinstance(value, float) else None
    if token is not None:
        return TOKEN_MAP.register_string(token)
    return _fmt(value)
