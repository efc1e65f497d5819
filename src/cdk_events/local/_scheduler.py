"""EventBridge Scheduler schedules, evaluated locally: ``at(...)``, ``cron(...)`` and ``rate(...)`` in an IANA
time zone, with start and end dates and the flexible time window.

Input is plain JSON: the CloudFormation properties of an ``AWS::Scheduler::Schedule`` (``ScheduleExpression``,
``ScheduleExpressionTimezone``, ``StartDate``, ``EndDate``, ``FlexibleTimeWindow``), as a template holds them.

The rules are those of the EventBridge Scheduler User Guide:

* "Schedule types on EventBridge Scheduler" (one-time ``at()``, ``cron`` and ``rate`` schedules): a one-time
  schedule runs once, at its wall-clock time in its time zone; ``cron`` fields are read in the schedule's
  time zone; ``rate`` schedules run at a fixed interval (``rate(n days)`` counts 24-hour days, so a daily
  rate keeps its UTC time through a daylight saving change).
* "Daylight saving time" (same page): when clocks move forward, a ``cron`` (or ``at``) time inside the skipped
  hour does not exist and its invocation is skipped; when clocks move back, a time in the repeated hour runs
  once (the first time the wall clock shows it).
* "Configuring flexible time windows": with ``Mode: FLEXIBLE`` the invocation happens at some moment between the
  scheduled time and ``MaximumWindowInMinutes`` (1 to 1,440) later.
* ``StartDate`` / ``EndDate`` ("the date, in UTC, after which / before which the schedule can invoke its
  target") bound recurring schedules; one-time schedules ignore them. Locally the start is inclusive and
  the end exclusive. "Rate-based schedules": ``StartDate`` sets the first occurrence; without one the
  schedule starts invoking at once, on creation -- locally ``after`` stands for that moment, so the times
  returned (strictly after ``after``) begin one interval later.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ._cron import CronExpression, RateExpression, parse_schedule
from ._cron import next_fire_times as _rule_fire_times
from ._errors import InvalidScheduleError

__all__ = [
    "SchedulerInvocation",
    "SchedulerSchedule",
    "next_fire_times",
    "next_scheduler_invocations",
    "parse_scheduler_schedule",
]

_AT = re.compile(r"^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$")
MAX_WINDOW_MINUTES = 1440


@dataclass(frozen=True, slots=True)
class SchedulerInvocation:
    """One invocation of a Scheduler schedule: ``scheduled_time`` (timezone-aware, in the schedule's time zone)
    and the interval ``[window_start, window_end]`` the target call falls in (both equal to the scheduled
    time when the flexible window is off)."""

    scheduled_time: datetime
    window_start: datetime
    window_end: datetime


@dataclass(frozen=True, slots=True)
class SchedulerSchedule:
    """A parsed Scheduler schedule: the expression (``at`` as a wall-clock datetime, else the parsed ``cron`` /
    ``rate``), its time zone, optional start and end (UTC) and the flexible window in minutes (0 = off)."""

    expression: str
    time_zone: ZoneInfo
    at: datetime | None = None
    recurring: CronExpression | RateExpression | None = None
    start: datetime | None = None
    end: datetime | None = None
    window_minutes: int = 0

    def next_invocations(self, after: datetime, count: int) -> list[SchedulerInvocation]:
        """The next ``count`` invocations strictly after ``after`` (a naive ``after`` is UTC); fewer when the
        schedule stops (one-time schedules, end dates, cron years)."""
        after = _as_utc(after)
        times: list[datetime] = []
        if count <= 0:
            return []
        if self.at is not None:
            moment = _localize(self.at, self.time_zone)
            if moment is not None and moment > after:
                times.append(moment)
        elif isinstance(self.recurring, RateExpression):
            times = self._rate_times(after, count)
        elif isinstance(self.recurring, CronExpression):
            times = self._cron_times(after, count)
        window = timedelta(minutes=self.window_minutes)
        # the window is absolute time (not wall-clock arithmetic across a daylight saving change)
        return [SchedulerInvocation(t, t, (t.astimezone(UTC) + window).astimezone(self.time_zone))
                for t in times[:count]]

    def _in_range(self, moment: datetime) -> bool:
        return (self.start is None or moment >= self.start) and (self.end is None or moment < self.end)

    def _rate_times(self, after: datetime, count: int) -> list[datetime]:
        assert isinstance(self.recurring, RateExpression)
        interval = self.recurring.interval
        if self.start is not None:
            anchor, first = self.start, 0
            if after >= self.start:
                first = (after - self.start) // interval + 1
        else:
            anchor, first = after, 1
        out: list[datetime] = []
        k = first
        while len(out) < count:
            moment = anchor + interval * k
            if self.end is not None and moment >= self.end:
                break
            if moment > after:
                out.append(moment.astimezone(self.time_zone))
            k += 1
        return out

    def _cron_times(self, after: datetime, count: int) -> list[datetime]:
        assert isinstance(self.recurring, CronExpression)
        begin = max(after, self.start - timedelta(microseconds=1)) if self.start is not None else after
        # the cron fields are wall-clock values: iterate them on a fake-UTC clock that shows local time
        wall = begin.astimezone(self.time_zone).replace(tzinfo=UTC) - timedelta(hours=1)
        out: list[datetime] = []
        for candidate in self.recurring.iter_fire_times(wall):
            moment = _localize(candidate.replace(tzinfo=None), self.time_zone)
            if moment is None:
                continue  # inside the skipped spring hour
            if self.end is not None and moment >= self.end:
                break
            if moment <= after or (self.start is not None and moment < self.start):
                continue
            out.append(moment)
            if len(out) == count:
                break
        return out


def _as_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _localize(wall: datetime, zone: ZoneInfo) -> datetime | None:
    """The instant the wall clock of ``zone`` shows ``wall``: None inside a skipped (spring) hour, the first
    of the two in a repeated (autumn) hour."""
    first = wall.replace(tzinfo=zone, fold=0)
    if first.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != wall:
        return None
    return first


def _parse_date(props: Mapping[str, Any], key: str) -> datetime | None:
    value = props.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidScheduleError(f"{key} must be an ISO 8601 date string such as 2030-01-01T00:00:00.000Z, "
                                   f"got {value!r}")
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidScheduleError(f"{key} {value!r} is not an ISO 8601 date") from None
    return _as_utc(parsed)


def _zone(name: Any) -> ZoneInfo:
    if name is None:
        return ZoneInfo("UTC")
    if not isinstance(name, str):
        raise InvalidScheduleError(f"ScheduleExpressionTimezone must be a string, got {name!r}")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidScheduleError(
            f"ScheduleExpressionTimezone {name!r} is not an IANA time zone name (e.g. Europe/Berlin)") from None


def _window(props: Mapping[str, Any]) -> int:
    window = props.get("FlexibleTimeWindow") or {"Mode": "OFF"}
    if not isinstance(window, Mapping):
        raise InvalidScheduleError(f"FlexibleTimeWindow must be an object, got {window!r}")
    mode = window.get("Mode", "OFF")
    if mode == "OFF":
        return 0
    if mode != "FLEXIBLE":
        raise InvalidScheduleError(f"FlexibleTimeWindow.Mode must be OFF or FLEXIBLE, got {mode!r}")
    minutes = window.get("MaximumWindowInMinutes")
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= MAX_WINDOW_MINUTES:
        raise InvalidScheduleError(
            f"FlexibleTimeWindow.MaximumWindowInMinutes must be a whole number from 1 to 1440, got {minutes!r}")
    return minutes


def parse_scheduler_schedule(schedule: Mapping[str, Any] | str, *, time_zone: str | None = None) -> SchedulerSchedule:
    """Parse a Scheduler schedule: the properties of an ``AWS::Scheduler::Schedule`` (a dict), or an expression
    string with ``time_zone`` (default UTC). Raises :class:`InvalidScheduleError` naming the fault."""
    props: Mapping[str, Any] = {"ScheduleExpression": schedule, "ScheduleExpressionTimezone": time_zone} \
        if isinstance(schedule, str) else schedule
    if not isinstance(props, Mapping):
        raise InvalidScheduleError(f"a Scheduler schedule is a dict of the schedule's properties, got {schedule!r}")
    expression = props.get("ScheduleExpression")
    if not isinstance(expression, str):
        raise InvalidScheduleError(f"ScheduleExpression must be a string, got {expression!r}")
    zone = _zone(props.get("ScheduleExpressionTimezone"))
    start, end = _parse_date(props, "StartDate"), _parse_date(props, "EndDate")
    if start is not None and end is not None and start >= end:
        raise InvalidScheduleError(f"StartDate {props['StartDate']} must precede EndDate {props['EndDate']}")
    window = _window(props)
    text = expression.strip()
    if text.startswith("at("):
        match = _AT.match(text)
        if match is None:
            raise InvalidScheduleError(f"{expression}: expected at(yyyy-mm-ddThh:mm:ss)")
        try:
            year, month, day, hour, minute, second = (int(g) for g in match.groups())
            moment = datetime(year, month, day, hour, minute, second)
        except ValueError as error:
            raise InvalidScheduleError(f"{expression}: {error}") from None
        return SchedulerSchedule(expression, zone, at=moment, start=start, end=end, window_minutes=window)
    return SchedulerSchedule(expression, zone, recurring=parse_schedule(text), start=start, end=end,
                             window_minutes=window)


def next_scheduler_invocations(schedule: Mapping[str, Any] | str, after: datetime, count: int, *,
                               time_zone: str | None = None) -> list[SchedulerInvocation]:
    """The next ``count`` invocations of a Scheduler schedule strictly after ``after`` (see the module notes)."""
    return parse_scheduler_schedule(schedule, time_zone=time_zone).next_invocations(after, count)


def next_fire_times(expression: Mapping[str, Any] | str, after: datetime, count: int, *,
                    time_zone: str | None = None) -> list[datetime]:
    """The next ``count`` invocation times strictly after ``after`` (a naive ``after`` is UTC).

    * A rule's ``cron(...)`` / ``rate(...)`` string (no ``time_zone``): EventBridge rule semantics, UTC times;
      a ``rate`` fires first at ``after + rate``.
    * A Scheduler schedule: the properties of an ``AWS::Scheduler::Schedule`` (a dict with
      ``ScheduleExpression``, ``ScheduleExpressionTimezone``, ``StartDate``, ``EndDate``), or an expression
      with ``time_zone``, or an ``at(...)`` expression: Scheduler semantics (time zone, daylight saving
      rules, start and end dates), times in the schedule's time zone. For the flexible window of each
      invocation use :func:`next_scheduler_invocations`.
    """
    if isinstance(expression, str) and time_zone is None and not expression.strip().startswith("at("):
        return _rule_fire_times(expression, after, count)
    return [i.scheduled_time for i in next_scheduler_invocations(expression, after, count, time_zone=time_zone)]
