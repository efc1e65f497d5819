"""The destinations of asynchronous invocation records: a queue, a topic, a function, an event bus."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import attrs

from cdk_events import EventBus, EventPattern, IEventBus, Rule, RuleTargetInput
from cdk_events.core import Construct, Stack, UnscopedValidationError

from ... import targets
from ...core._struct_methods import struct_methods
from ..lambda_ import DestinationConfig, DestinationOptions, IFunction

if TYPE_CHECKING:
    from ..sns import ITopic
    from ..sqs import IQueue


def _require(value: object, attribute: str, what: str, cls: str) -> None:
    if not hasattr(value, attribute):
        raise UnscopedValidationError(f"{cls}: expected {what}, got {value!r}")


class SqsDestination:
    """Send invocation records to a queue (mirrors `aws_cdk.aws_lambda_destinations.SqsDestination`):
    the function may send messages to it."""

    def __init__(self, queue: IQueue):
        _require(queue, "queue_arn", "an sqs.IQueue", "SqsDestination")
        self._queue = queue

    def bind(self, scope: Construct, fn: IFunction, options: DestinationOptions | None = None) -> DestinationConfig:
        """Grant `fn` `sqs:SendMessage` (and the URL/attribute reads) on the queue; the queue's ARN."""
        self._queue.grant_send_messages(fn)
        return DestinationConfig(destination=self._queue.queue_arn)


class SnsDestination:
    """Send invocation records to a topic (mirrors `aws_cdk.aws_lambda_destinations.SnsDestination`):
    the function may publish to it."""

    def __init__(self, topic: ITopic):
        _require(topic, "topic_arn", "an sns.ITopic", "SnsDestination")
        self._topic = topic

    def bind(self, scope: Construct, fn: IFunction, options: DestinationOptions | None = None) -> DestinationConfig:
        """Grant `fn` `sns:Publish` on the topic; the topic's ARN."""
        self._topic.grant_publish(fn)
        return DestinationConfig(destination=self._topic.topic_arn)


class EventBridgeDestination:
    """Send invocation records to an event bus (mirrors
    `aws_cdk.aws_lambda_destinations.EventBridgeDestination`); default: the account's default bus
    (imported once per EventInvokeConfig as child `DefaultEventBus`)."""

    def __init__(self, event_bus: IEventBus | None = None):
        if event_bus is not None:
            _require(event_bus, "event_bus_arn", "an events.IEventBus", "EventBridgeDestination")
        self._event_bus = event_bus

    def bind(self, scope: Construct, fn: IFunction, options: DestinationOptions | None = None) -> DestinationConfig:
        """Grant `fn` `events:PutEvents` on the bus; the bus's ARN."""
        bus: Any = self._event_bus
        if bus is None:
            existing = scope.node.try_find_child("DefaultEventBus")
            bus = existing if existing is not None else EventBus.from_event_bus_arn(
                scope, "DefaultEventBus",
                Stack.of(cast(Construct, fn)).format_arn(service="events", resource="event-bus",
                                                         resource_name="default"))
        bus.grant_put_events_to(fn)
        return DestinationConfig(destination=bus.event_bus_arn)


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class LambdaDestinationOptions:
    """Options of a Lambda destination: `response_only` (default False) passes only the source
    function's response (or error) instead of the whole invocation record."""

    response_only: bool | None = None


class LambdaDestination:
    """Send invocation records to another function (mirrors
    `aws_cdk.aws_lambda_destinations.LambdaDestination`). With `response_only=True` the record goes to
    the default event bus, where a rule (child `Success` / `Failure` of the EventInvokeConfig) passes
    `$.detail.responsePayload` to the function."""

    def __init__(self, fn: IFunction, *, response_only: bool | None = None):
        _require(fn, "function_arn", "a lambda_.IFunction", "LambdaDestination")
        if response_only is not None and not isinstance(response_only, bool):
            raise UnscopedValidationError(f"LambdaDestination: 'response_only' must be a bool, got {response_only!r}")
        self._fn = fn
        self._response_only = bool(response_only)

    def bind(self, scope: Construct, fn: IFunction, options: DestinationOptions | None = None) -> DestinationConfig:
        """Grant `fn` the invocation of the destination function (or, with `response_only`, add the
        rule and send to the default event bus)."""
        if not self._response_only:
            self._fn.grant_invoke(fn)
            return DestinationConfig(destination=self._fn.function_arn)
        if options is None:
            raise UnscopedValidationError("Options must be defined when using `responseOnly`.")
        kind = options.type.value
        Rule(scope, kind,
             event_pattern=EventPattern(detail_type=[f"Lambda Function Invocation Result - {kind}"],
                                        resources=[f"{fn.function_arn}:$LATEST"], source=["lambda"]),
             targets=[targets.LambdaFunction(self._fn,
                                             event=RuleTargetInput.from_event_path("$.detail.responsePayload"))])
        return EventBridgeDestination().bind(scope, fn)
