"""The local engine's EventBridge Scheduler schedules: time zones, daylight saving changes, start and end dates,
one-time schedules and the flexible window.

Every expectation follows the EventBridge Scheduler User Guide; the section is named in a comment
(https://docs.aws.amazon.com/scheduler/latest/UserGuide/<page>#<anchor>).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from cdk_events.local import (
    InvalidScheduleError,
    next_fire_times,
    next_scheduler_invocations,
    parse_scheduler_schedule,
)

BERLIN, NEW_YORK, SYDNEY = ZoneInfo("Europe/Berlin"), ZoneInfo("America/New_York"), ZoneInfo("Australia/Sydney")


def _cron(expression: str, zone: str, **extra: Any) -> dict[str, Any]:
    return {"ScheduleExpression": expression, "ScheduleExpressionTimezone": zone, **extra}


def _local(times: list[datetime], zone: ZoneInfo) -> list[str]:
    return [t.astimezone(zone).strftime("%Y-%m-%d %H:%M %z") for t in times]


# schedule-types.html#daylist-savings-time: "When time shifts forward in the Spring, if a cron expression
# falls on a non-existent date and time, your schedule invocation is skipped."
@pytest.mark.parametrize(("zone", "expression", "after", "expected"), [
    # Europe/Berlin springs from 02:00 to 03:00 on 2030-03-31
    (BERLIN, "cron(30 2 * * ? *)", datetime(2030, 3, 29, tzinfo=UTC),
     ["2030-03-29 02:30 +0100", "2030-03-30 02:30 +0100", "2030-04-01 02:30 +0200"]),
    # America/New_York springs from 02:00 to 03:00 on 2030-03-10
    (NEW_YORK, "cron(15 2 * * ? *)", datetime(2030, 3, 8, 12, tzinfo=UTC),
     ["2030-03-09 02:15 -0500", "2030-03-11 02:15 -0400", "2030-03-12 02:15 -0400"]),
    # Australia/Sydney (southern hemisphere) springs from 02:00 to 03:00 on 2030-10-06
    (SYDNEY, "cron(45 2 * * ? *)", datetime(2030, 10, 4, 12, tzinfo=UTC),
     ["2030-10-05 02:45 +1000", "2030-10-07 02:45 +1100", "2030-10-08 02:45 +1100"]),
])
def test_spring_forward_skips_the_invocation_in_the_missing_hour(zone: ZoneInfo, expression: str, after: datetime,
                                                                 expected: list[str]) -> None:
    times = next_fire_times(_cron(expression, zone.key), after, 3)
    assert _local(times, zone) == expected


# schedule-types.html#daylist-savings-time: "When time shifts backwards in the Fall, your schedule runs only
# once and does not repeat its invocation."
@pytest.mark.parametrize(("zone", "expression", "after", "expected"), [
    # Europe/Berlin falls back from 03:00 to 02:00 on 2030-10-27: 02:30 is shown twice, runs at the first
    (BERLIN, "cron(30 2 * * ? *)", datetime(2030, 10, 26, 12, tzinfo=UTC),
     ["2030-10-27 02:30 +0200", "2030-10-28 02:30 +0100"]),
    # America/New_York falls back from 02:00 to 01:00 on 2030-11-03
    (NEW_YORK, "cron(0,30 1 * * ? *)", datetime(2030, 11, 3, 4, tzinfo=UTC),
     ["2030-11-03 01:00 -0400", "2030-11-03 01:30 -0400", "2030-11-04 01:00 -0500"]),
    # Australia/Sydney falls back from 03:00 to 02:00 on 2030-04-07
    (SYDNEY, "cron(30 2 * * ? *)", datetime(2030, 4, 6, tzinfo=UTC),
     ["2030-04-07 02:30 +1100", "2030-04-08 02:30 +1000"]),
])
def test_fall_back_runs_the_repeated_hour_once(zone: ZoneInfo, expression: str, after: datetime,
                                               expected: list[str]) -> None:
    times = next_fire_times(_cron(expression, zone.key), after, len(expected))
    assert _local(times, zone) == expected


# schedule-types.html#daylist-savings-time: in a rate-based schedule "days" is a 24-hour duration, so across
# a change the wall-clock time moves by the hour that was added or removed.
@pytest.mark.parametrize(("zone", "start", "expected"), [
    (BERLIN, "2030-03-30T01:00:00.000Z", ["2030-03-30 02:00 +0100", "2030-03-31 03:00 +0200"]),
    (NEW_YORK, "2030-11-02T13:00:00.000Z", ["2030-11-02 09:00 -0400", "2030-11-03 08:00 -0500"]),
    (SYDNEY, "2030-10-05T00:00:00.000Z", ["2030-10-05 10:00 +1000", "2030-10-06 11:00 +1100"]),
])
def test_rate_days_are_24_hours(zone: ZoneInfo, start: str, expected: list[str]) -> None:
    # schedule-types.html#rate-based: "use the StartDate property to set the first occurrence"
    times = next_fire_times(_cron("rate(1 day)", zone.key, StartDate=start), datetime(2030, 1, 1, tzinfo=UTC), 2)
    assert _local(times, zone) == expected


# schedule-types.html#cron-based: the cron fields are read in the schedule's time zone
def test_cron_reads_the_fields_in_the_time_zone() -> None:
    times = next_fire_times("cron(0 2 * * ? *)", datetime(2030, 5, 31, 23, tzinfo=UTC), 1, time_zone="Europe/Berlin")
    assert times == [datetime(2030, 6, 1, 0, 0, tzinfo=UTC)]  # 02:00 CEST
    assert next_fire_times("cron(0 2 * * ? *)", datetime(2030, 6, 1, tzinfo=UTC), 1) == [
        datetime(2030, 6, 1, 2, 0, tzinfo=UTC)]  # a rule's expression (no time zone): UTC, as before


# schedule-types.html#one-time: "invokes a target only once", at the date and time in the time zone given
def test_at_runs_once_in_its_time_zone() -> None:
    props = _cron("at(2030-07-04T12:00:00)", "America/Los_Angeles",
                  StartDate="2031-01-01T00:00:00.000Z")  # start and end do not apply to one-time schedules
    assert next_fire_times(props, datetime(2030, 1, 1, tzinfo=UTC), 5) == [datetime(2030, 7, 4, 19, 0, tzinfo=UTC)]
    assert next_fire_times(props, datetime(2030, 7, 4, 19, 0, tzinfo=UTC), 5) == []
    # an at() inside the skipped spring hour never happens (schedule-types.html#daylist-savings-time)
    assert next_fire_times("at(2030-03-31T02:30:00)", datetime(2030, 1, 1, tzinfo=UTC), 1,
                           time_zone="Europe/Berlin") == []


# schedule-types.html#rate-based: a schedule runs "until the end date"; StartDate/EndDate bound cron too
def test_start_and_end_dates_bound_recurring_schedules() -> None:
    props = _cron("cron(0 12 * * ? *)", "Etc/UTC", StartDate="2030-01-03T00:00:00.000Z",
                  EndDate="2030-01-05T12:00:00.000Z")
    times = next_fire_times(props, datetime(2030, 1, 1, tzinfo=UTC), 10)
    assert times == [datetime(2030, 1, 3, 12, tzinfo=UTC), datetime(2030, 1, 4, 12, tzinfo=UTC)]


# managing-schedule-flexible-time-windows.html: the target is invoked within MaximumWindowInMinutes after the
# scheduled time; the window is absolute time, also across a daylight saving change
def test_flexible_window_is_the_interval_an_invocation_may_fall_in() -> None:
    props = _cron("cron(50 1 * * ? *)", "Europe/Berlin",
                  FlexibleTimeWindow={"Mode": "FLEXIBLE", "MaximumWindowInMinutes": 15})
    (invocation,) = next_scheduler_invocations(props, datetime(2030, 3, 30, 12, tzinfo=UTC), 1)
    assert invocation.window_start == invocation.scheduled_time
    # (subtracting two datetimes of the same zone would compare wall clocks: compare instants)
    assert invocation.window_end.astimezone(UTC) - invocation.window_start.astimezone(UTC) == timedelta(minutes=15)
    assert invocation.window_end.strftime("%H:%M %z") == "03:05 +0200"  # 01:50 +01:00 plus 15 minutes


@pytest.mark.parametrize(("props", "message"), [
    (_cron("cron(0 2 * * ? *)", "Mars/Olympus"), "is not an IANA time zone name"),
    (_cron("rate(1 hour)", "Etc/UTC", FlexibleTimeWindow={"Mode": "FLEXIBLE", "MaximumWindowInMinutes": 1441}),
     "from 1 to 1440"),
    (_cron("at(2030-02-30T00:00:00)", "Etc/UTC"), "day is out of range"),
    (_cron("rate(1 hour)", "Etc/UTC", StartDate="2030-02-01T00:00:00Z", EndDate="2030-01-01T00:00:00Z"),
     "must precede EndDate"),
    (_cron("every day", "Etc/UTC"), "is not a schedule expression"),
])
def test_invalid_schedules_are_rejected(props: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidScheduleError, match=message):
        parse_scheduler_schedule(props)
