"""`Schedule`: rate and cron renderings and errors (spec §1.5), expression validation at synth
(our addition, behind `@cdk-events/aws-events:validateScheduleExpression`), `next_fire_times`,
and the compat goldens `schedule_rate`, `schedule_cron`.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from events_support import assert_same_as_golden, golden_error, golden_template, synth_template

from cdk_events import EventBus, Rule, Schedule
from cdk_events.core import CfnOutput, Duration, Lazy, Stack, ValidationError

MINUTE_WARNING = ("cron: If you don't pass 'minute', by default the event runs every minute. Pass 'minute: '*'' if "
                  "that's what you intend, or 'minute: 0' to run once per hour instead. "
                  "[ack: @aws-cdk/aws-events:scheduleWillRunEveryMinute]")


@pytest.mark.parametrize(("duration", "expected"), [
    (Duration.minutes(1), "rate(1 minute)"),
    (Duration.minutes(2), "rate(2 minutes)"),
    (Duration.hours(1), "rate(1 hour)"),
    (Duration.days(1), "rate(1 day)"),
    (Duration.days(7), "rate(7 days)"),
    (Duration.minutes(90), "rate(90 minutes)"),
    (Duration.hours(25), "rate(25 hours)"),
    (Duration.days(1.5), "rate(36 hours)"),
    (Duration.hours(0.5), "rate(30 minutes)"),
    (Duration.seconds(60), "rate(1 minute)"),
    (Duration.millis(60000), "rate(1 minute)"),
    (Duration.minutes(60), "rate(1 hour)"),
    (Duration.minutes(1440), "rate(1 day)"),
])
def test_rate_renderings(duration, expected):
    assert Schedule.rate(duration).expression_string == expected


def test_rate_of_a_fraction_of_a_minute_is_rejected():
    with pytest.raises(ValidationError) as error:
        Schedule.rate(Duration.seconds(90))
    assert str(error.value) == "'90 seconds' cannot be converted into a whole number of minutes."
    assert "'90 seconds' cannot be converted into a whole number of minutes." in golden_error(
        "error_rate_not_whole_minutes")


def test_rate_of_zero_is_rejected():
    with pytest.raises(ValidationError, match=r"^Duration cannot be 0 \(Schedule.rate takes"):
        Schedule.rate(Duration.minutes(0))


def test_rate_needs_a_duration():
    with pytest.raises(ValidationError, match=r"^Schedule\.rate: 'duration' must be a Duration .*got 5$"):
        Schedule.rate(5)  # type: ignore[arg-type]


def test_token_rate_uses_the_plural_unit(env):
    """Spec §1.5 quirk: a token amount always gets the plural unit."""
    app = env.app({"@cdk-events/aws-events:validateScheduleExpression": False})
    stack = Stack(app, "S")
    Rule(stack, "Rule", schedule=Schedule.rate(Duration.minutes(Lazy.number(lambda: 1))))
    props = synth_template(app, stack)["Resources"]["Rule4C995B7F"]["Properties"]
    assert props["ScheduleExpression"] == "rate(1 minutes)"


def test_token_rate_in_seconds_is_rejected():
    with pytest.raises(ValidationError) as error:
        Schedule.rate(Duration.seconds(Lazy.number(lambda: 60)))
    assert str(error.value) == ("Allowed units for scheduling are: 'minute', 'minutes', 'hour', 'hours', 'day', "
                                "'days'")


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({}, "cron(* * * * ? *)"),
    ({"minute": "0", "hour": "10", "week_day": "MON-FRI"}, "cron(0 10 ? * MON-FRI *)"),
    ({"minute": "0", "hour": "4"}, "cron(0 4 * * ? *)"),
    ({"minute": "15", "hour": "10", "day": "1"}, "cron(15 10 1 * ? *)"),
    ({"minute": "0", "hour": "8", "day": "1", "month": "JAN", "year": "2030"}, "cron(0 8 1 JAN ? 2030)"),
])
def test_cron_renderings(kwargs, expected):
    assert Schedule.cron(**kwargs).expression_string == expected


def test_cron_with_day_and_week_day_is_rejected():
    with pytest.raises(ValidationError) as error:
        Schedule.cron(minute="0", hour="4", day="1", week_day="MON")
    assert str(error.value).startswith("Cannot supply both 'day' and 'weekDay', use at most one (Schedule.cron got ")
    assert "Cannot supply both 'day' and 'weekDay', use at most one" in golden_error("error_cron_day_and_week_day")


def test_cron_fields_must_be_strings():
    with pytest.raises(ValidationError, match=r"^Schedule\.cron: 'minute' must be a string such as '0' or '\*/5', "
                                              r"got 5$"):
        Schedule.cron(minute=5)  # type: ignore[arg-type]


def test_cron_without_minute_warns_on_the_rule(env):
    stack = Stack(env.app(), "S")
    rule = Rule(stack, "Rule", schedule=Schedule.cron(hour="4"))
    warnings = [m.data for m in rule.node.metadata if m.type == "aws:cdk:warning"]
    assert warnings == [MINUTE_WARNING]
    quiet = Rule(stack, "Quiet", schedule=Schedule.cron(minute="0", hour="4"))
    assert not [m for m in quiet.node.metadata if m.type == "aws:cdk:warning"]


def test_schedule_expression_is_passed_through(env):
    app = env.app()
    stack = Stack(app, "S")
    Rule(stack, "Rule", schedule=Schedule.expression("cron(0 18 ? * MON-FRI *)"))
    props = synth_template(app, stack)["Resources"]["Rule4C995B7F"]["Properties"]
    assert props["ScheduleExpression"] == "cron(0 18 ? * MON-FRI *)"


# --- expression validation at synth (our addition) ---------------------------------------------

def _synth_error(app) -> str:
    with pytest.raises(ValidationError) as error:
        app.synth()
    return str(error.value)


def test_invalid_rate_expression_is_rejected_at_synth(env):
    app = env.app()
    Rule(Stack(app, "S"), "Rule", schedule=Schedule.expression("rate(1 minutes)"))
    message = _synth_error(app)
    assert message.startswith("Validation failed with the following errors:\n")
    assert "  [S/Rule] schedule 'rate(1 minutes)' is not valid: " in message
    assert "minute" in message.split("is not valid: ", 1)[1]


def test_invalid_cron_field_is_rejected_at_synth_naming_the_field(env):
    app = env.app()
    Rule(Stack(app, "S"), "Rule", schedule=Schedule.cron(minute="61"))
    message = _synth_error(app)
    assert "  [S/Rule] schedule 'cron(61 * * * ? *)' is not valid: " in message
    detail = message.split("is not valid: ", 1)[1]
    assert "minute" in detail.lower() and "61" in detail


def test_cron_with_day_and_week_day_both_set_in_an_expression_is_rejected_at_synth(env):
    app = env.app()
    Rule(Stack(app, "S"), "Rule", schedule=Schedule.expression("cron(0 4 1 * MON *)"))
    assert "[S/Rule] schedule 'cron(0 4 1 * MON *)' is not valid: " in _synth_error(app)


def test_schedule_validation_can_be_turned_off(env):
    app = env.app({"@cdk-events/aws-events:validateScheduleExpression": False})
    stack = Stack(app, "S")
    Rule(stack, "Rule", schedule=Schedule.expression("rate(1 minutes)"))
    Rule(stack, "Cron", schedule=Schedule.cron(minute="61"))
    resources = synth_template(app, stack)["Resources"]
    assert [r["Properties"]["ScheduleExpression"] for r in resources.values() if r["Type"] == "AWS::Events::Rule"] \
        == ["rate(1 minutes)", "cron(61 * * * ? *)"]


def test_schedule_on_a_custom_bus_is_still_rejected_before_validation(env):
    stack = Stack(env.app(), "S")
    with pytest.raises(ValidationError, match=r"^\[S/Rule\] Cannot associate rule with 'eventBus' when using"):
        Rule(stack, "Rule", event_bus=EventBus(stack, "Bus"), schedule=Schedule.expression("rate(1 minutes)"))


# --- next_fire_times (local engine) ----------------------------------------------------------

def test_next_fire_times_of_a_cron_schedule():
    schedule = Schedule.cron(minute="0", hour="4")
    after = datetime(2024, 1, 1, 12, 0, tzinfo=UTC)
    assert schedule.next_fire_times(after, 3) == [
        datetime(2024, 1, 2, 4, 0, tzinfo=UTC),
        datetime(2024, 1, 3, 4, 0, tzinfo=UTC),
        datetime(2024, 1, 4, 4, 0, tzinfo=UTC),
    ]


def test_next_fire_times_of_weekdays_skips_the_weekend():
    schedule = Schedule.cron(minute="0", hour="12", week_day="MON-FRI")
    friday = datetime(2024, 1, 5, 13, 0, tzinfo=UTC)
    assert schedule.next_fire_times(friday, 1) == [datetime(2024, 1, 8, 12, 0, tzinfo=UTC)]


def test_next_fire_times_of_a_rate_counts_from_after():
    after = datetime(2024, 1, 1, 0, 0, tzinfo=UTC)
    assert Schedule.rate(Duration.minutes(5)).next_fire_times(after, 2) == [
        datetime(2024, 1, 1, 0, 5, tzinfo=UTC), datetime(2024, 1, 1, 0, 10, tzinfo=UTC)]


def test_next_fire_times_of_an_unresolved_schedule_is_an_error():
    schedule = Schedule.rate(Duration.minutes(Lazy.number(lambda: 5)))
    with pytest.raises(ValidationError, match=r"^Cannot compute fire times of an unresolved schedule"):
        schedule.next_fire_times(datetime(2024, 1, 1, tzinfo=UTC))


# --- compat goldens ---------------------------------------------------------------------------

def test_schedule_rate_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "RateStack")
    R, D = Schedule.rate, Duration
    Rule(stack, "Rate1Minute", schedule=R(D.minutes(1)))
    Rule(stack, "Rate5Minutes", schedule=R(D.minutes(5)))
    Rule(stack, "Rate60Seconds", schedule=R(D.seconds(60)))
    Rule(stack, "Rate60Minutes", schedule=R(D.minutes(60)))
    Rule(stack, "Rate90Minutes", schedule=R(D.minutes(90)))
    Rule(stack, "Rate1Hour", schedule=R(D.hours(1)))
    Rule(stack, "Rate2Hours", schedule=R(D.hours(2)))
    Rule(stack, "Rate24Hours", schedule=R(D.hours(24)))
    Rule(stack, "Rate1Day", schedule=R(D.days(1)))
    Rule(stack, "Rate7Days", schedule=R(D.days(7)))
    Rule(stack, "Rate1440Minutes", schedule=R(D.minutes(1440)))
    Rule(stack, "ExpressionRate", schedule=Schedule.expression("rate(10 minutes)"))
    Rule(stack, "ExpressionCron", schedule=Schedule.expression("cron(0 18 ? * MON-FRI *)"))
    CfnOutput(stack, "NinetyMinutes", value=R(D.minutes(90)).expression_string)
    assert_same_as_golden(synth_template(app, stack), golden_template("schedule_rate", "RateStack"))


def test_schedule_cron_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "CronStack")
    C = Schedule.cron
    Rule(stack, "Cron4am", schedule=C(minute="0", hour="4"))
    Rule(stack, "CronAllDefaults", schedule=C())
    Rule(stack, "CronMinuteOnly", schedule=C(minute="*/5"))
    Rule(stack, "CronWeekdays", schedule=C(minute="0", hour="12", week_day="MON-FRI"))
    Rule(stack, "CronNthWeekday", schedule=C(minute="0", hour="9", week_day="MON#1"))
    Rule(stack, "CronMonthly", schedule=C(minute="15", hour="10", day="1"))
    Rule(stack, "CronLastDay", schedule=C(minute="0", hour="0", day="L"))
    Rule(stack, "CronMonthOnly", schedule=C(month="6"))
    Rule(stack, "CronYear", schedule=C(minute="0", hour="8", day="1", month="JAN", year="2030"))
    Rule(stack, "CronLists", schedule=C(minute="0,30", hour="8-17", week_day="MON,WED,FRI"))
    assert_same_as_golden(synth_template(app, stack), golden_template("schedule_cron", "CronStack"))
