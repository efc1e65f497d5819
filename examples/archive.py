"""Archive the events of a custom bus (the `bus.archive(...)` example of the aws-events README).

A custom bus, and an archive of every event sent to it from this stack's account, kept for a year.
"""

from cdk_events import EventBus, EventPattern
from cdk_events.core import App, Duration, Stack

app = App()
stack = Stack(app, "ArchiveStack")

bus = EventBus(stack, "bus", event_bus_name="MyCustomEventBus", description="MyCustomEventBus")
bus.archive(
    "MyArchive",
    archive_name="MyCustomEventBusArchive",
    description="MyCustomerEventBus Archive",
    event_pattern=EventPattern(account=[Stack.of(stack).account]),
    retention=Duration.days(365),
)

app.synth()
