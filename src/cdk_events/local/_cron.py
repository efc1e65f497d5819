"""EventBridge schedule expressions: ``cron(...)`` and ``rate(...)``.

AWS cron has six fields -- minutes, hours, day-of-month, month, day-of-week, year -- with
day-of-week numbered 1 (SUN) to 7 (SAT), exactly one of day-of-month / day-of-week set to
``?``, ``L``/``W`` in day-of-month, ``L``/``#`` in day-of-week, and years 1970-2199. All
times are UTC.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from ._errors import InvalidScheduleError

__all__ = [
    "CronExpression",
    "RateExpression",
    "next_fire_times",
    "parse_schedule",
    "validate_schedule_expression",
]

_MONTHS = {
    name: i + 1
    for i, name in enumerate(
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    )
}
_DAYS = {name: i + 1 for i, name in enumerate(["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"])}
_FIELDS = ("minutes", "hours", "day-of-month", "month", "day-of-week", "year")
_BOUNDS = {
    "minutes": (0, 59),
    "hours": (0, 23),
    "day-of-month": (1, 31),
    "month": (1, 12),
    "day-of-week": (1, 7),
    "year": (1970, 2199),
}
_RATE_UNITS = {"minute": timedelta(minutes=1), "hour": timedelta(hours=1), "day": timedelta(days=1)}


@dataclass(frozen=True, slots=True)
class RateExpression:
    """A parsed ``rate(value unit)``; ``interval`` is the time between two invocations."""

    expression: str
    value: int
    unit: str

    @property
    def interval(self) -> timedelta:
        """The period as a timedelta."""
        return self.value * _RATE_UNITS[self.unit[:-1] if self.unit.endswith("s") else self.unit]

    def next_fire_times(self, after: datetime, count: int) -> list[datetime]:
        """``after + interval``, ``after + 2 * interval``, ... (``count`` of them, UTC).

        AWS starts counting from when the rule is created; locally that instant is ``after``.
        """
        start = _as_utc(after)
        return [start + self.interval * (i + 1) for i in range(max(count, 0))]


@dataclass(frozen=True, slots=True)
class CronExpression:
    """A parsed AWS ``cron(...)``: the allowed values of each field (UTC).

    ``day_of_month`` / ``day_of_week`` keep the field text (``?``, ``L``, ``15W``, ``6#3``...),
    resolved per month by :meth:`days_in`.
    """

    expression: str
    minutes: tuple[int, ...]
    hours: tuple[int, ...]
    day_of_month: str
    month: tuple[int, ...]
    day_of_week: str
    years: tuple[int, ...]

    def days_in(self, year: int, month: int) -> list[int]:
        """The days of ``month`` of ``year`` on which this expression fires, ascending."""
        length = calendar.monthrange(year, month)[1]
        if self.day_of_month != "?":
            spec, field = self.day_of_month, "day-of-month"
        else:
            spec, field = self.day_of_week, "day-of-week"
        days: set[int] = set()
        for item in spec.split(","):
            days.update(_resolve_day_item(self.expression, field, item, year, month, length))
        return sorted(d for d in days if 1 <= d <= length)

    def iter_fire_times(self, after: datetime) -> Iterator[datetime]:
        """Fire times strictly after ``after``, ascending (stops after year 2199)."""
        start = _as_utc(after)
        for year in self.years:
            if year < start.year:
                continue
            for month in self.month:
                if (year, month) < (start.year, start.month):
                    continue
                for day in self.days_in(year, month):
                    if date(year, month, day) < start.date():
                        continue
                    for hour in self.hours:
                        if (year, month, day, hour) < (start.year, start.month, start.day, start.hour):
                            continue
                        for minute in self.minutes:
                            moment = datetime(year, month, day, hour, minute, tzinfo=UTC)
                            if moment > start:
                                yield moment

    def next_fire_times(self, after: datetime, count: int) -> list[datetime]:
        """The next ``count`` fire times strictly after ``after`` (fewer if it stops firing)."""
        out: list[datetime] = []
        if count <= 0:
            return out
        for moment in self.iter_fire_times(after):
            out.append(moment)
            if len(out) == count:
                break
        return out


def _as_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _fail(expression: str, field: str, value: str, problem: str) -> InvalidScheduleError:
    return InvalidScheduleError(f"{expression}: {field} '{value}' {problem}")


def _number(expression: str, field: str, text: str) -> int:
    names = _MONTHS if field == "month" else _DAYS if field == "day-of-week" else {}
    if text.upper() in names:
        return names[text.upper()]
    if not text.isascii() or not text.isdigit():
        allowed = " or JAN-DEC" if field == "month" else " or SUN-SAT" if field == "day-of-week" else ""
        low, high = _BOUNDS[field]
        raise _fail(expression, field, text, f"is not a number {low}-{high}{allowed}")
    value = int(text)
    low, high = _BOUNDS[field]
    if not low <= value <= high:
        raise _fail(expression, field, text, f"is out of range {low}-{high}")
    return value


def _expand(expression: str, field: str, text: str) -> set[int]:
    """Values of a plain field (``*``, ``n``, ``a-b``, ``x/step``, lists)."""
    low, high = _BOUNDS[field]
    values: set[int] = set()
    for item in text.split(","):
        if not item:
            raise _fail(expression, field, text, "has an empty list element")
        base, slash, step_text = item.partition("/")
        step = 1
        if slash:
            if field == "day-of-week":
                raise _fail(expression, field, item, "uses '/', which day-of-week does not allow")
            if not step_text.isascii() or not step_text.isdigit() or int(step_text) == 0:
                raise _fail(expression, field, item, "has a step that is not a positive integer")
            step = int(step_text)
        if base == "*":
            start, stop = low, high
        elif "-" in base:
            first, _, last = base.partition("-")
            start, stop = _number(expression, field, first), _number(expression, field, last)
            if start > stop:
                raise _fail(
                    expression, field, item, f"is a range whose start is after its end ({start} > {stop})"
                )
        else:
            start = _number(expression, field, base)
            stop = high if slash else start
        values.update(range(start, stop + 1, step))
    return values


_DOM_SPECIAL = re.compile(r"L|LW|(\d+)W")
_DOW_SPECIAL = re.compile(r"L|([1-7]|[A-Za-z]{3})L|([1-7]|[A-Za-z]{3})#(\d+)")


def _check_day_field(expression: str, field: str, text: str) -> None:
    for item in text.split(","):
        special = (_DOM_SPECIAL if field == "day-of-month" else _DOW_SPECIAL).fullmatch(item)
        if special is None:
            _expand(expression, field, item)
            continue
        groups = [g for g in special.groups() if g is not None]
        if field == "day-of-month" and groups:
            _number(expression, field, groups[0])
        elif field == "day-of-week" and groups:
            _number(expression, field, groups[0])
            if len(groups) == 2 and not 1 <= int(groups[1]) <= 5:
                raise _fail(expression, field, item, "has a '#' occurrence outside 1-5")


def _aws_to_python_weekday(aws_day: int) -> int:
    return (aws_day - 2) % 7


def _resolve_day_item(expression: str, field: str, item: str, year: int, month: int, length: int) -> set[int]:
    first_weekday = calendar.monthrange(year, month)[0]  # Monday = 0
    if field == "day-of-month":
        if item == "L":
            return {length}
        if item in ("LW", "WL"):
            return {_nearest_weekday(year, month, length, length)}
        if item.endswith("W"):
            target = int(item[:-1])
            return {_nearest_weekday(year, month, target, length)} if target <= length else set()
        return _expand(expression, field, item)
    if item == "L":
        item = "7"
    if "#" in item:
        day_text, _, nth_text = item.partition("#")
        weekday = _aws_to_python_weekday(_number(expression, field, day_text))
        first = 1 + (weekday - first_weekday) % 7
        day = first + 7 * (int(nth_text) - 1)
        return {day} if day <= length else set()
    if item.endswith("L"):
        weekday = _aws_to_python_weekday(_number(expression, field, item[:-1]))
        last_weekday = (first_weekday + length - 1) % 7
        return {length - (last_weekday - weekday) % 7}
    days: set[int] = set()
    wanted = {_aws_to_python_weekday(d) for d in _expand(expression, field, item)}
    for day in range(1, length + 1):
        if (first_weekday + day - 1) % 7 in wanted:
            days.add(day)
    return days


def _nearest_weekday(year: int, month: int, day: int, length: int) -> int:
    weekday = calendar.weekday(year, month, day)
    if weekday == 5:  # Saturday: the Friday before, unless that leaves the month
        return day - 1 if day > 1 else day + 2
    if weekday == 6:  # Sunday: the Monday after, unless that leaves the month
        return day + 1 if day < length else day - 2
    return day


def _parse_cron(expression: str, body: str) -> CronExpression:
    fields = body.split()
    if len(fields) != 6:
        raise InvalidScheduleError(
            f"{expression}: expected 6 fields (minutes hours day-of-month month day-of-week year), "
            f"got {len(fields)}"
        )
    minutes, hours, dom, month, dow, year = fields
    if (dom == "?") == (dow == "?"):
        raise InvalidScheduleError(
            f"{expression}: exactly one of day-of-month '{dom}' and day-of-week '{dow}' must be '?' "
            "(the other one selects the days)"
        )
    for name, text in (("day-of-month", dom), ("day-of-week", dow)):
        if text != "?":
            if "?" in text:
                raise _fail(expression, name, text, "may use '?' only on its own")
            _check_day_field(expression, name, text.upper() if name == "day-of-week" else text)
    for name, text in (("minutes", minutes), ("hours", hours), ("month", month), ("year", year)):
        if "?" in text or "#" in text:
            raise _fail(expression, name, text, "may only use digits, names, ',', '-', '*' and '/'")
    return CronExpression(
        expression=expression,
        minutes=tuple(sorted(_expand(expression, "minutes", minutes))),
        hours=tuple(sorted(_expand(expression, "hours", hours))),
        day_of_month=dom,
        month=tuple(sorted(_expand(expression, "month", month))),
        day_of_week=dow.upper(),
        years=tuple(sorted(_expand(expression, "year", year))),
    )


def _parse_rate(expression: str, body: str) -> RateExpression:
    parts = body.split()
    if len(parts) != 2:
        raise InvalidScheduleError(
            f"{expression}: expected 'rate(value unit)', e.g. rate(5 minutes) or rate(1 hour)"
        )
    value_text, unit = parts
    if not value_text.isascii() or not value_text.isdigit() or int(value_text) <= 0:
        raise InvalidScheduleError(f"{expression}: value '{value_text}' must be a positive integer")
    value = int(value_text)
    singular = unit[:-1] if unit.endswith("s") else unit
    if singular not in _RATE_UNITS:
        raise InvalidScheduleError(f"{expression}: unit '{unit}' must be minute(s), hour(s) or day(s)")
    if value == 1 and unit != singular:
        raise InvalidScheduleError(
            f"{expression}: unit '{unit}' must be singular ('{singular}') when the value is 1"
        )
    if value != 1 and unit == singular:
        raise InvalidScheduleError(
            f"{expression}: unit '{unit}' must be plural ('{singular}s') when the value is not 1"
        )
    return RateExpression(expression=expression, value=value, unit=unit)


def parse_schedule(expression: str) -> CronExpression | RateExpression:
    """Parse ``cron(...)`` or ``rate(...)``; raises :class:`InvalidScheduleError` naming the fault."""
    if not isinstance(expression, str):
        raise InvalidScheduleError(f"schedule expression must be a string, got {type(expression).__name__}")
    text = expression.strip()
    for kind, parse in (("cron", _parse_cron), ("rate", _parse_rate)):
        if text.startswith(kind + "(") and text.endswith(")"):
            return parse(text, text[len(kind) + 1 : -1])
    raise InvalidScheduleError(
        f"{expression!r} is not a schedule expression: use cron(minutes hours day-of-month month "
        "day-of-week year) or rate(value unit)"
    )


def validate_schedule_expression(expression: str) -> None:
    """Check a schedule expression as PutRule does; raises :class:`InvalidScheduleError` if invalid."""
    parse_schedule(expression)


def next_fire_times(expression: str, after: datetime, count: int) -> list[datetime]:
    """The next ``count`` invocation times (UTC, timezone-aware) strictly after ``after``.

    A naive ``after`` is taken as UTC. For ``rate(...)`` the first invocation is
    ``after + rate``. A cron expression that never fires again returns fewer (maybe no) times.
    """
    return parse_schedule(expression).next_fire_times(after, count)
