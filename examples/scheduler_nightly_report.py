"""A nightly report with EventBridge Scheduler: a Lambda function invoked at 02:00 Berlin time, every night.

The schedule keeps 02:00 local time through the daylight saving changes (a `Rule` schedule runs in UTC and
would move by an hour twice a year). A 15-minute flexible window lets the service spread the invocation
between 02:00 and 02:15. A one-time schedule reminds the team once, on 1 March 2030 at 09:00 Berlin time.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from cdk_events.aws import lambda_
from cdk_events.core import App, Duration, Stack, TimeZone
from cdk_events.scheduler import (
    ContextAttribute,
    Schedule,
    ScheduleExpression,
    ScheduleTargetInput,
    TimeWindow,
)
from cdk_events.scheduler.targets import LambdaInvoke

app = App()
stack = Stack(app, "NightlyReportStack")

report = lambda_.Function(
    stack, "Report",
    runtime=lambda_.Runtime.PYTHON_3_12,
    handler="index.handler",
    code=lambda_.Code.from_inline("def handler(event, context):\n    return {'report': event.get('kind')}"),
)

Schedule(
    stack, "Nightly",
    description="Builds the nightly report at 02:00 Berlin time",
    schedule=ScheduleExpression.cron(minute="0", hour="2", time_zone=TimeZone.EUROPE_BERLIN),
    time_window=TimeWindow.flexible(Duration.minutes(15)),
    target=LambdaInvoke(report, input=ScheduleTargetInput.from_object({
        "kind": "nightly",
        "scheduledAt": ContextAttribute.scheduled_time,
    }), retry_attempts=3, max_event_age=Duration.hours(1)),
)

# at() writes the UTC wall clock of the datetime (as aws-cdk-lib does): give it in UTC and label it Etc/UTC,
# or the time shifts by the zone's offset. 09:00 in Berlin on 1 March 2030 is 08:00 UTC.
reminder_time = datetime(2030, 3, 1, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
Schedule(
    stack, "Reminder",
    description="One-time reminder: review the report settings",
    schedule=ScheduleExpression.at(reminder_time),
    target=LambdaInvoke(report, input=ScheduleTargetInput.from_object({"kind": "reminder"})),
)

app.synth()
