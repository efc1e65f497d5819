"""`Schedule`: when a scheduled rule runs (`rate(...)` or `cron(...)`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from .core import Annotations, Construct, Duration, ValidationError
from .core._js import js_number
from .core._token_encoding import is_unresolved

if TYPE_CHECKING:
    from datetime import datetime

_VALID_TOKEN_UNITS = ("minute", "minutes", "hour", "hours", "day", "days")
MINUTE_WARNING_ID = "@aws-cdk/aws-events:scheduleWillRunEveryMinute"


def _rate(interval: int | float, singular: str) -> str:
    text = js_number(interval)
    return f"rate(1 {singular})" if interval == 1 else f"rate({text} {singular}s)"


def _maybe_rate(interval: float, singular: str) -> str | None:
    if interval == 0 or not float(interval).is_integer():
        return None
    return _rate(int(interval), singular)


class Schedule:
    """A schedule expression for a rule (mirrors `aws_cdk.aws_events.Schedule`)."""

    _EXAMPLE: ClassVar[str] = "Schedule.rate(...), Schedule.cron(...) or Schedule.expression(...)"

    def __init__(self, expression_string: str, *, warn_minute: bool = False):
        self.expression_string = expression_string
        self._warn_minute = warn_minute

    @staticmethod
    def expression(expression: str) -> Schedule:
        """A schedule from a literal expression (`rate(5 minutes)`, `cron(0 12 * * ? *)`); checked at synthesis."""
        return Schedule(expression)

    @staticmethod
    def rate(duration: Duration) -> Schedule:
        """Every `duration` (a whole number of minutes): `rate(1 minute)`, `rate(2 hours)`, `rate(7 days)`."""
        if not isinstance(duration, Duration):
            raise ValidationError(
                f"Schedule.rate: 'duration' must be a Duration (e.g. Duration.minutes(5)), got {duration!r}")
        if duration.is_unresolved():
            if duration.unit_label() not in _VALID_TOKEN_UNITS:
                raise ValidationError(
                    "Allowed units for scheduling are: 'minute', 'minutes', 'hour', 'hours', 'day', 'days'")
            return Schedule(f"rate({duration.format_token_to_number()})")
        if duration.to_seconds(integral=False) == 0:
            raise ValidationError("Duration cannot be 0 (Schedule.rate takes a duration of at least one minute)")
        rate = _maybe_rate(duration.to_days(integral=False), "day")
        if rate is None:
            rate = _maybe_rate(duration.to_hours(integral=False), "hour")
        if rate is None:
            rate = _rate(duration.to_minutes(integral=True), "minute")
        return Schedule(rate)

    @staticmethod
    def cron(*, minute: str | None = None, hour: str | None = None, day: str | None = None,
             month: str | None = None, week_day: str | None = None, year: str | None = None) -> Schedule:
        """A cron schedule; unset fields are `*` (day `?` when `week_day` is set, week_day `?`)."""
        if week_day is not None and day is not None:
            raise ValidationError("Cannot supply both 'day' and 'weekDay', use at most one "
                                  f"(Schedule.cron got day={day!r} and week_day={week_day!r})")
        fields = {"minute": minute, "hour": hour, "day": day, "month": month, "week_day": week_day, "year": year}
        for name, value in fields.items():
            if value is not None and not isinstance(value, str):
                raise ValidationError(f"Schedule.cron: '{name}' must be a string such as '0' or '*/5', got {value!r}")
        expression = "cron({} {} {} {} {} {})".format(
            minute if minute is not None else "*",
            hour if hour is not None else "*",
            day if day is not None else ("?" if week_day is not None else "*"),
            month if month is not None else "*",
            week_day if week_day is not None else "?",
            year if year is not None else "*",
        )
        return Schedule(expression, warn_minute=not minute)

    def _bind(self, scope: Construct) -> None:
        """Called by the rule that uses this schedule."""
        if self._warn_minute:
            Annotations.of(scope).add_warning_v2(
                MINUTE_WARNING_ID,
                "cron: If you don't pass 'minute', by default the event runs every minute. Pass 'minute: '*'' if "
                "that's what you intend, or 'minute: 0' to run once per hour instead.")

    def validation_error(self) -> str | None:
        """Why AWS would reject this expression, or None (tokens are not checked)."""
        if is_unresolved(self.expression_string):
            return None
        from .local import (  # the local engine loads only when a pattern or schedule is checked
            InvalidScheduleError,
            validate_schedule_expression,
        )

        try:
            validate_schedule_expression(self.expression_string)
        except InvalidScheduleError as error:
            return str(error)
        return None

    def next_fire_times(self, after: datetime, count: int = 1) -> list[datetime]:
        """The next `count` times (UTC) this schedule fires after `after`."""
        from .local import next_fire_times  # the local engine loads only when a pattern or schedule is checked

        if is_unresolved(self.expression_string):
            raise ValidationError(f"Cannot compute fire times of an unresolved schedule: {self.expression_string}")
        return next_fire_times(self.expression_string, after, count)

    def __repr__(self) -> str:
        return f"Schedule({self.expression_string!r})"
