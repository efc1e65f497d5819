"""scheduler.Schedule, ScheduleExpression, TimeWindow, ScheduleTargetInput, ScheduleGroup: rendering and checks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from scheduler_support import make_app, of_type, only, synth

from cdk_events.aws import iam, kms, sqs
from cdk_events.core import CfnTag, Duration, Environment, Stack, TimeZone, UnscopedValidationError, ValidationError
from cdk_events.scheduler import (
    CfnScheduleGroup,
    ContextAttribute,
    Schedule,
    ScheduleExpression,
    ScheduleGroup,
    ScheduleTargetInput,
    TimeWindow,
)
from cdk_events.scheduler.targets import SqsSendMessage

QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:jobs"


def _stack(tmp_path: Path, env: Environment | None = None) -> tuple[object, Stack]:
    app = make_app(tmp_path)
    return app, Stack(app, "S", env=env)


def test_defaults_render_window_off_state_enabled_utc_zone_and_retry_policy(tmp_path: Path) -> None:
    app, stack = _stack(tmp_path)
    queue = sqs.Queue.from_queue_arn(stack, "Q", QUEUE_ARN)
    Schedule(stack, "Hourly", schedule=ScheduleExpression.rate(Duration.hours(1)), target=SqsSendMessage(queue))
    props = only(synth(app, stack), "AWS::Scheduler::Schedule")  # type: ignore[arg-type]
    assert props["FlexibleTimeWindow"] == {"Mode": "OFF"}
    assert props["State"] == "ENABLED"
    assert props["ScheduleExpression"] == "rate(1 hour)"
    assert props["ScheduleExpressionTimezone"] == "Etc/UTC"
    assert props["Target"]["RetryPolicy"] == {"MaximumEventAgeInSeconds": 86400, "MaximumRetryAttempts": 185}
    assert props["Target"]["SqsParameters"] == {}
    assert list(props) == sorted(props)


@pytest.mark.parametrize(("duration", "expected"), [
    (Duration.seconds(120), "rate(2 minutes)"), (Duration.minutes(60), "rate(1 hour)"),
    (Duration.hours(24), "rate(1 day)"), (Duration.hours(48), "rate(2 days)"),
    (Duration.minutes(90), "rate(90 minutes)"),
])
def test_rate_uses_the_largest_whole_unit(duration: Duration, expected: str) -> None:
    expression = ScheduleExpression.rate(duration)
    assert expression.expression_string == expected
    assert expression.time_zone.timezone_name == "Etc/UTC"


def test_cron_fills_defaults_and_keeps_the_time_zone() -> None:
    assert ScheduleExpression.cron().expression_string == "cron(* * * * ? *)"
    berlin = ScheduleExpression.cron(minute="0", hour="2", week_day="MON-FRI", time_zone=TimeZone.EUROPE_BERLIN)
    assert berlin.expression_string == "cron(0 2 ? * MON-FRI *)"
    assert berlin.time_zone.timezone_name == "Europe/Berlin"
    with pytest.raises(ValidationError, match="Cannot supply both 'day' and 'weekDay'"):
        ScheduleExpression.cron(day="1", week_day="MON")


def test_at_converts_to_utc_and_the_zone_only_labels_it() -> None:
    plus_two = timezone(timedelta(hours=2))
    at = ScheduleExpression.at(datetime(2031, 6, 12, 9, 30, 0, 999999, tzinfo=plus_two), TimeZone.EUROPE_PARIS)
    assert at.expression_string == "at(2031-06-12T07:30:00)"
    assert at.time_zone.timezone_name == "Europe/Paris"
    with pytest.raises(UnscopedValidationError, match="timezone-aware"):
        ScheduleExpression.at(datetime(2031, 6, 12, 9, 30))


def test_time_window_bounds() -> None:
    assert TimeWindow.flexible(Duration.minutes(1)).mode == "FLEXIBLE"
    assert TimeWindow.flexible(Duration.days(1)).max_window is not None
    with pytest.raises(UnscopedValidationError, match="between 1 minute and 1440 minutes, got 1500"):
        TimeWindow.flexible(Duration.hours(25))
    with pytest.raises(Exception, match="whole number of minutes"):
        TimeWindow.flexible(Duration.seconds(90))


def test_dates_name_description_key_and_disabled(tmp_path: Path) -> None:
    app, stack = _stack(tmp_path)
    queue = sqs.Queue.from_queue_arn(stack, "Q", QUEUE_ARN)
    key = kms.Key(stack, "Key")
    Schedule(stack, "Full", schedule=ScheduleExpression.rate(Duration.hours(3)), target=SqsSendMessage(queue),
             schedule_name="report-every-3h", description="every three hours", enabled=False, key=key,
             start=datetime(2030, 1, 1, tzinfo=UTC),
             end=datetime(2030, 6, 30, 18, 45, 30, 250999, tzinfo=timezone(timedelta(hours=3))),
             time_window=TimeWindow.flexible(Duration.minutes(15)))
    template = synth(app, stack)  # type: ignore[arg-type]
    props = only(template, "AWS::Scheduler::Schedule")
    assert props["StartDate"] == "2030-01-01T00:00:00.000Z"
    assert props["EndDate"] == "2030-06-30T15:45:30.250Z"
    assert props["State"] == "DISABLED"
    assert props["Name"] == "report-every-3h"
    assert props["FlexibleTimeWindow"] == {"MaximumWindowInMinutes": 15, "Mode": "FLEXIBLE"}
    assert props["KmsKeyArn"] == {"Fn::GetAtt": ["Key961B73FD", "Arn"]}
    policy = only(template, "AWS::IAM::Policy")
    assert {"Action": "kms:Decrypt", "Effect": "Allow", "Resource": {"Fn::GetAtt": ["Key961B73FD", "Arn"]}} in \
        policy["PolicyDocument"]["Statement"]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"schedule_name": "n" * 65}, "scheduleName cannot be longer than 64 characters, got: 65"),
    ({"schedule_name": "daily report"}, "schedule_name must contain only letters"),
    ({"description": "d" * 513}, "description must be at most 512 characters, got 513"),
    ({"start": datetime(2030, 1, 1, 2, 0, 1, tzinfo=timezone(timedelta(hours=2))),
      "end": datetime(2030, 1, 1, tzinfo=UTC)},
     "start must precede end, got start: 2030-01-01T00:00:01.000Z, end: 2030-01-01T00:00:00.000Z"),
    ({"start": datetime(2030, 1, 1)}, "'start' must be a timezone-aware datetime"),
    ({"schedule": ScheduleExpression.cron(minute="0", time_zone=TimeZone.of("Mars/Olympus"))},
     "IANA time zone name"),
    ({"target": "input:"}, "target input must not be empty"),
    ({"target": "input:" + "x" * (256 * 1024 + 1)}, "target input must be at most 256 KB"),
])
def test_schedule_checks_name_path_property_and_value(tmp_path: Path, kwargs: dict[str, object], message: str) -> None:
    _app, stack = _stack(tmp_path)
    queue = sqs.Queue.from_queue_arn(stack, "Q", QUEUE_ARN)
    args: dict[str, object] = {"schedule": ScheduleExpression.rate(Duration.hours(1)), "target": SqsSendMessage(queue)}
    args.update(kwargs)
    if isinstance(args["target"], str):  # "input:<text>": a target with that text input
        args["target"] = SqsSendMessage(queue, input=ScheduleTargetInput.from_text(str(args["target"])[6:]))
    with pytest.raises(ValidationError, match="S/Bad") as error:
        Schedule(stack, "Bad", **args)  # type: ignore[arg-type]
    assert message in str(error.value)


def test_inputs_text_object_tokens_and_context_attributes(tmp_path: Path) -> None:
    app, stack = _stack(tmp_path)
    queue = sqs.Queue(stack, "Queue")
    rate = ScheduleExpression.rate(Duration.hours(1))
    Schedule(stack, "Text", schedule=rate, target=SqsSendMessage(queue, input=ScheduleTargetInput.from_text(
        f"url={queue.queue_url} at {ContextAttribute.scheduled_time}")))
    Schedule(stack, "Object", schedule=rate, target=SqsSendMessage(queue, input=ScheduleTargetInput.from_object(
        {"b": 1, "10": "ten", "none": None, "list": [1.5, None, 3], "attempt": ContextAttribute.attempt_number})))
    schedules = of_type(synth(app, stack), "AWS::Scheduler::Schedule")  # type: ignore[arg-type]
    inputs = {k[:4]: v["Properties"]["Target"]["Input"] for k, v in schedules.items()}
    assert inputs["Text"] == {"Fn::Join": ["", ["url=", {"Ref": "Queue4A7E3555"},
                                                 " at <aws.scheduler.scheduled-time>"]]}
    assert inputs["Obje"] == '{"10":"ten","b":1,"list":[1.5,3],"attempt":"<aws.scheduler.attempt-number>"}'
    assert ContextAttribute.from_name("x") == "<aws.scheduler.x>"


def test_groups_generated_name_grants_and_shared_role_trust(tmp_path: Path) -> None:
    app, stack = _stack(tmp_path, Environment(account="123456789012", region="eu-west-1"))
    queue = sqs.Queue.from_queue_arn(stack, "Q", "arn:aws:sqs:eu-west-1:123456789012:jobs")
    generated = ScheduleGroup(stack, "Generated")
    assert generated.schedule_group_name == "S-Generated-" + generated.schedule_group_name.split("-")[-1]
    imported = ScheduleGroup.from_schedule_group_name(stack, "Ops", "ops")
    rate = ScheduleExpression.rate(Duration.hours(1))
    for name, group in (("A", generated), ("B", imported), ("C", None), ("D", None)):
        Schedule(stack, name, schedule=rate, target=SqsSendMessage(queue), schedule_group=group)
    operator = iam.Role(stack, "Operator", assumed_by=iam.AccountPrincipal("123456789012"))
    generated.grant_read_schedules(operator)
    template = synth(app, stack)  # type: ignore[arg-type]
    roles = {k: v for k, v in of_type(template, "AWS::IAM::Role").items() if k.startswith("SchedulerRoleForTarget")}
    assert len(roles) == 1  # one role per target ARN and stack
    trust = next(iter(roles.values()))["Properties"]["AssumeRolePolicyDocument"]["Statement"]
    assert [s["Condition"]["StringEquals"]["aws:SourceArn"] for s in trust][1:] == [
        "arn:aws:scheduler:eu-west-1:123456789012:schedule-group/ops",
        "arn:aws:scheduler:eu-west-1:123456789012:schedule-group/default"]
    group = only(template, "AWS::Scheduler::ScheduleGroup")
    assert group == {"Name": generated.schedule_group_name}
    statements = of_type(template, "AWS::IAM::Policy")
    operator_policy = next(v for k, v in statements.items() if k.startswith("Operator"))
    schedules = f":scheduler:eu-west-1:123456789012:schedule/{generated.schedule_group_name}/*"
    assert operator_policy["Properties"]["PolicyDocument"]["Statement"][0]["Resource"] == {"Fn::Join": ["", [
        "arn:", {"Ref": "AWS::Partition"}, schedules]]}


def test_metrics_default_to_sum_over_five_minutes(tmp_path: Path) -> None:
    _app, stack = _stack(tmp_path)
    group = ScheduleGroup(stack, "G", schedule_group_name="tenants")
    metric = group.metric_failed_to_be_sent_to_dlq("AccessDenied")
    assert (metric.namespace, metric.metric_name, metric.statistic, metric.period.to_seconds()) == (
        "AWS/Scheduler", "InvocationsFailedToBeSentToDeadLetterCount_AccessDenied", "Sum", 300)
    assert metric.dimensions == {"ScheduleGroup": "tenants"}
    custom = Schedule.metric_all("InvocationDroppedCount", period=Duration.hours(1), statistic="avg")
    assert (custom.statistic, custom.period.to_seconds(), custom.dimensions) == ("Average", 3600, None)


def test_from_schedule_arn_takes_the_name_and_rejects_other_formats(tmp_path: Path) -> None:
    _app, stack = _stack(tmp_path)
    imported = Schedule.from_schedule_arn(stack, "I", "arn:aws:scheduler:us-east-1:123456789012:schedule/billing/close")
    assert imported.schedule_name == "close"
    with pytest.raises(ValidationError, match="Invalid schedule ARN format"):
        Schedule.from_schedule_arn(stack, "J", "arn:aws:scheduler:us-east-1:123456789012:schedule/close")


def test_group_name_is_checked_and_l1_group_takes_cfn_tags(tmp_path: Path) -> None:
    app, stack = _stack(tmp_path)
    with pytest.raises(ValidationError, match=r"S/Bad.*schedule_group_name.*'a/b'"):
        ScheduleGroup(stack, "Bad", schedule_group_name="a/b")
    CfnScheduleGroup(stack, "Raw", name="raw", tags=[CfnTag(key="owner", value="platform")])
    assert only(synth(app, stack), "AWS::Scheduler::ScheduleGroup") == {  # type: ignore[arg-type]
        "Name": "raw", "Tags": [{"Key": "owner", "Value": "platform"}]}
