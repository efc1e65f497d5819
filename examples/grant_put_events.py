"""Granting PutEvents to an existing event bus (aws-events README), with a 12-digit account id.

The bus is imported by ARN; `grant_put_events_to` adds `events:PutEvents` on that ARN to the
function's execution role.
"""

from cdk_events import EventBus
from cdk_events.aws import lambda_
from cdk_events.core import App, Stack

app = App()
stack = Stack(app, "GrantPutEventsStack")

lambda_function = lambda_.Function(
    stack, "Fn",
    runtime=lambda_.Runtime.PYTHON_3_12,
    handler="index.handler",
    code=lambda_.Code.from_inline("def handler(event, context):\n    return event\n"),
)

event_bus = EventBus.from_event_bus_arn(
    stack, "ImportedEventBus", "arn:aws:events:us-east-1:111111111111:event-bus/my-event-bus")
# now you can just call methods on the event bus
event_bus.grant_put_events_to(lambda_function)

app.synth()
