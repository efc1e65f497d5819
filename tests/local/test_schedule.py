"""cron(...) and rate(...) schedule expressions; fire times worked out by hand with a calendar."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from cdk_events.local import (
    CronExpression,
    InvalidScheduleError,
    RateExpression,
    next_fire_times,
    parse_schedule,
    validate_schedule_expression,
)

# 2024-02-01 is a Thursday; February 2024 has 29 days.
AFTER = datetime(2024, 2, 1, 12, 0, tzinfo=UTC)


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        # AWS docs: 10:15 UTC every day
        ("cron(15 10 * * ? *)", [at(2024, 2, 2, 10, 15), at(2024, 2, 3, 10, 15)]),
        # AWS docs: 18:00 Monday to Friday
        ("cron(0 18 ? * MON-FRI *)", [at(2024, 2, 1, 18), at(2024, 2, 2, 18), at(2024, 2, 5, 18)]),
        # AWS docs: 8:00 on the first day of the month
        ("cron(0 8 1 * ? *)", [at(2024, 3, 1, 8), at(2024, 4, 1, 8)]),
        # AWS docs: every 10 minutes Monday to Friday
        ("cron(0/10 * ? * MON-FRI *)", [at(2024, 2, 1, 12, 10), at(2024, 2, 1, 12, 20)]),
        ("cron(0 0 L * ? *)", [at(2024, 2, 29), at(2024, 3, 31), at(2024, 4, 30)]),
        # last Friday: Feb 23, Mar 29 2024
        ("cron(0 8 ? * 6L *)", [at(2024, 2, 23, 8), at(2024, 3, 29, 8)]),
        # first Monday: Feb 5, Mar 4, Apr 1 2024
        ("cron(0 8 ? * 2#1 *)", [at(2024, 2, 5, 8), at(2024, 3, 4, 8), at(2024, 4, 1, 8)]),
        # 2024-06-15 is a Saturday -> Friday 14th; 2024-09-15 is a Sunday -> Monday 16th
        ("cron(0 0 15W 6,9 ? *)", [at(2024, 6, 14), at(2024, 9, 16)]),
        # last weekday: 2024-03-31 is a Sunday -> Friday 29th
        ("cron(0 0 LW 3 ? 2024)", [at(2024, 3, 29)]),
        # day-of-week numbers: 1 = SUN
        ("cron(30 6 ? * 1 *)", [at(2024, 2, 4, 6, 30), at(2024, 2, 11, 6, 30)]),
        ("cron(0 0 29 2 ? 2024-2030)", [at(2024, 2, 29), at(2028, 2, 29)]),
        ("cron(0 0 1 JAN ? 2199)", [at(2199, 1, 1)]),
    ],
)
def test_cron_fire_times(expression: str, expected: list[datetime]) -> None:
    assert next_fire_times(expression, AFTER, len(expected) + 1)[: len(expected)] == expected


def test_cron_that_never_fires_terminates() -> None:
    assert next_fire_times("cron(0 0 30 2 ? *)", AFTER, 3) == []
    assert next_fire_times("cron(0 0 1 1 ? 1999)", AFTER, 3) == []


def test_fire_times_are_strictly_after_and_utc() -> None:
    times = next_fire_times("cron(0 12 * * ? *)", datetime(2024, 2, 1, 12, 0), 1)
    assert times == [at(2024, 2, 2, 12)]
    assert times[0].tzinfo is UTC
    plus_two = timezone(timedelta(hours=2))
    assert next_fire_times("cron(0 12 * * ? *)", datetime(2024, 2, 1, 13, 0, tzinfo=plus_two), 1) == [
        at(2024, 2, 1, 12)
    ]


def test_rate_first_fire_is_after_plus_rate() -> None:
    assert next_fire_times("rate(5 minutes)", AFTER, 2) == [at(2024, 2, 1, 12, 5), at(2024, 2, 1, 12, 10)]
    assert next_fire_times("rate(1 day)", AFTER, 1) == [at(2024, 2, 2, 12)]
    assert next_fire_times("rate(2 hours)", AFTER, 0) == []


def test_parsed_forms() -> None:
    rate = parse_schedule("rate(3 hours)")
    assert isinstance(rate, RateExpression)
    assert rate.interval == timedelta(hours=3)
    cron = parse_schedule("cron(0,30 9-10 ? * SUN,SAT *)")
    assert isinstance(cron, CronExpression)
    assert cron.minutes == (0, 30)
    assert cron.hours == (9, 10)


@pytest.mark.parametrize(
    ("expression", "fragments"),
    [
        ("cron(0 0 32 * ? *)", ["day-of-month '32'", "1-31"]),
        ("cron(60 0 1 * ? *)", ["minutes '60'", "0-59"]),
        ("cron(0 24 1 * ? *)", ["hours '24'", "0-23"]),
        ("cron(0 0 1 13 ? *)", ["month '13'", "1-12"]),
        ("cron(0 0 1 FOO ? *)", ["month 'FOO'", "JAN-DEC"]),
        ("cron(0 0 ? * 8 *)", ["day-of-week '8'", "1-7"]),
        ("cron(0 0 ? * FUN *)", ["day-of-week 'FUN'", "SUN-SAT"]),
        ("cron(0 0 1 * ? 1969)", ["year '1969'", "1970-2199"]),
        ("cron(0 0 1 * ? 2200)", ["year '2200'", "1970-2199"]),
        ("cron(* * * * * *)", ["exactly one of day-of-month", "'?'"]),
        ("cron(0 0 ? * ? *)", ["exactly one of day-of-month"]),
        ("cron(0 0 * * *)", ["expected 6 fields", "got 5"]),
        ("cron(0 0 ? * 2#6 *)", ["day-of-week '2#6'", "1-5"]),
        ("cron(0 0 ? * MON/2 *)", ["day-of-week 'MON/2'", "'/'"]),
        ("cron(0/0 0 1 * ? *)", ["minutes '0/0'", "step"]),
        ("cron(0 0 5-1 * ? *)", ["day-of-month '5-1'"]),
        ("cron(0 ? 1 * ? *)", ["hours '?'"]),
        ("rate(1 minutes)", ["'minutes'", "singular"]),
        ("rate(2 minute)", ["'minute'", "plural"]),
        ("rate(0 hours)", ["'0'", "positive integer"]),
        ("rate(1.5 hours)", ["'1.5'", "positive integer"]),
        ("rate(5 weeks)", ["'weeks'", "minute(s), hour(s) or day(s)"]),
        ("rate(5)", ["rate(value unit)"]),
        ("every 5 minutes", ["cron(", "rate("]),
    ],
)
def test_invalid_expressions_name_the_fault(expression: str, fragments: list[str]) -> None:
    with pytest.raises(InvalidScheduleError) as caught:
        validate_schedule_expression(expression)
    message = str(caught.value)
    assert isinstance(caught.value, ValueError)
    assert expression.split("(")[0] in message
    for fragment in fragments:
        assert fragment in message


@pytest.mark.parametrize(
    "expression",
    [
        "cron(0 12 * * ? *)",
        "cron(5,35 14 * * ? *)",
        "cron(15 10 ? * 6L 2025-2026)",
        "rate(1 minute)",
        "rate(7 days)",
    ],
)
def test_valid_expressions(expression: str) -> None:
    validate_schedule_expression(expression)
    assert next_fire_times(expression, AFTER, 1)
