"""The quickstart app `cdk-events synth` runs when no app file is given.

An order-processing stack: a custom event bus with an archive, a rule that sends new orders to a
queue with an input transformer and a retry policy, and a nightly scheduled rule.
"""

from cdk_events import EventBus, EventField, EventPattern, Match, Rule, RuleTargetInput, Schedule
from cdk_events.aws import sqs
from cdk_events.core import App, Duration, Stack
from cdk_events.targets import SqsQueue

app = App()
stack = Stack(app, "QuickstartStack")

bus = EventBus(stack, "OrdersBus", event_bus_name="orders")
bus.archive("OrdersArchive", event_pattern=EventPattern(source=["com.example.orders"]),
            retention=Duration.days(30))

queue = sqs.Queue(stack, "NewOrders")
dead_letters = sqs.Queue(stack, "DeadLetters")
Rule(stack, "OnNewOrder", event_bus=bus, description="Large new orders go to the fulfilment queue",
     event_pattern=EventPattern(source=["com.example.orders"], detail_type=["OrderCreated"],
                                detail={"amount": Match.greater_than(100)}),
     targets=[SqsQueue(queue, dead_letter_queue=dead_letters, retry_attempts=3,
                       max_event_age=Duration.hours(2),
                       message=RuleTargetInput.from_object({
                           "order": EventField.from_path("$.detail.id"),
                           "amount": EventField.from_path("$.detail.amount"),
                           "received": EventField.time}))])

Rule(stack, "Nightly", schedule=Schedule.cron(minute="0", hour="3"),
     targets=[SqsQueue(queue, message=RuleTargetInput.from_text("nightly reconciliation"))])

app.synth()
