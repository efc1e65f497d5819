"""`ScheduleExpression`: when a schedule runs (`at(...)`, `rate(...)`, `cron(...)`) and in which time zone."""

from __future__ import annotations

from datetime import UTC, datetime

import attrs

from cdk_events._schedule import Schedule as _EventsSchedule
from cdk_events.core import Duration, TimeZone, UnscopedValidationError

from ..core._struct_methods import struct_methods


def js_iso(date: datetime, what: str) -> str:
    """`date` as JavaScript's `Date.toISOString()` writes it: UTC, milliseconds, trailing `Z`
    (microseconds are cut, never rounded). A naive datetime is refused."""
    if not isinstance(date, datetime):
        raise UnscopedValidationError(f"{what} must be a timezone-aware datetime, got {date!r}")
    if date.tzinfo is None or date.utcoffset() is None:
        raise UnscopedValidationError(
            f"{what} must be a timezone-aware datetime (add tzinfo, e.g. datetime.timezone.utc), got naive {date!r}")
    utc = date.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S") + f".{utc.microsecond // 1000:03d}Z"


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class CronOptionsWithTimezone:
    """The fields of a cron expression plus its time zone (mirrors `aws_scheduler.CronOptionsWithTimezone`).
    Unset fields: `*` (`?` for the one of day / week_day not given); time zone `Etc/UTC`."""

    day: str | None = None
    hour: str | None = None
    minute: str | None = None
    month: str | None = None
    week_day: str | None = None
    year: str | None = None
    time_zone: TimeZone | None = None


class ScheduleExpression:
    """A schedule expression of EventBridge Scheduler (mirrors `aws_scheduler.ScheduleExpression`).
    Every expression has a time zone: `Etc/UTC` unless one is given."""

    def __init__(self, expression_string: str, time_zone: TimeZone | None = None) -> None:
        _check_zone(time_zone)
        self.expression_string = expression_string
        """The expression text (`rate(1 hour)`, `cron(0 2 * * ? *)`, `at(2030-01-01T00:00:00)`)."""
        self.time_zone: TimeZone = time_zone if time_zone is not None else TimeZone.ETC_UTC
        """The time zone the expression is read in (default `Etc/UTC`)."""

    @staticmethod
    def at(date: datetime, time_zone: TimeZone | None = None) -> ScheduleExpression:
        """Once, at `date`: written as its UTC wall-clock time to the second (`at(2030-03-01T07:00:00)`).
        As in aws-cdk-lib, `time_zone` only labels that text: a zone other than UTC shifts the run."""
        text = js_iso(date, "ScheduleExpression.at: 'date'")
        return ScheduleExpression(f"at({text.split('.')[0]})", time_zone)

    @staticmethod
    def rate(duration: Duration) -> ScheduleExpression:
        """Every `duration` (a whole number of minutes, in the largest whole unit: `rate(2 hours)`); `Etc/UTC`."""
        return ScheduleExpression(_EventsSchedule.rate(duration).expression_string)

    @staticmethod
    def cron(*, day: str | None = None, hour: str | None = None, minute: str | None = None, month: str | None = None,
             week_day: str | None = None, year: str | None = None,
             time_zone: TimeZone | None = None) -> ScheduleExpression:
        """A cron expression (fields default to `*`, `?` for the day field not given), read in `time_zone`
        (default `Etc/UTC`)."""
        events = _EventsSchedule.cron(minute=minute, hour=hour, day=day, month=month, week_day=week_day, year=year)
        return ScheduleExpression(events.expression_string, time_zone)

    @staticmethod
    def expression(expression: str, time_zone: TimeZone | None = None) -> ScheduleExpression:
        """An expression text used verbatim (not checked), read in `time_zone` (default `Etc/UTC`)."""
        if not isinstance(expression, str):
            raise UnscopedValidationError(
                f"ScheduleExpression.expression: 'expression' must be a string, got {expression!r}")
        return ScheduleExpression(expression, time_zone)

    def __repr__(self) -> str:
        return f"ScheduleExpression({self.expression_string!r}, {self.time_zone.timezone_name!r})"


def _check_zone(time_zone: object) -> None:
    if time_zone is not None and not isinstance(time_zone, TimeZone):
        raise UnscopedValidationError(
            f"ScheduleExpression: 'time_zone' must be a TimeZone (e.g. TimeZone.EUROPE_BERLIN or "
            f"TimeZone.of('Europe/Berlin')), got {time_zone!r}")
