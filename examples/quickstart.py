"""A scheduled rule that sends a shaped message to an SQS queue, with a dead-letter queue.

Every 5 minutes the rule delivers `{"source": ..., "time": ..., "note": ...}` built by an input
transformer from the scheduled event; deliveries that still fail after 3 retries (or after an
hour) go to the dead-letter queue.
"""

from cdk_events import EventField, Rule, RuleTargetInput, Schedule, targets
from cdk_events.aws import sqs
from cdk_events.core import App, Duration, Stack

app = App()
stack = Stack(app, "QuickstartStack")

queue = sqs.Queue(stack, "Queue")
dead_letters = sqs.Queue(stack, "DeadLetterQueue", retention_period=Duration.days(14))

Rule(
    stack, "EveryFiveMinutes",
    description="Sends a heartbeat message to the queue every 5 minutes",
    schedule=Schedule.rate(Duration.minutes(5)),
    targets=[targets.SqsQueue(
        queue,
        message=RuleTargetInput.from_object({
            "source": EventField.source,
            "time": EventField.time,
            "note": f"heartbeat from {EventField.region}",
        }),
        dead_letter_queue=dead_letters,
        retry_attempts=3,
        max_event_age=Duration.hours(1),
    )],
)

app.synth()
