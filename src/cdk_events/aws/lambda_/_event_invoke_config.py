"""`EventInvokeConfig`: retries, maximum event age and destinations of asynchronous invocations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cdk_events.core import Construct, Duration, Resource, Token

from ...core._errors import construct_error
from ...core._prop_checks import check_duration, check_number
from ._cfn_generated import CfnEventInvokeConfig
from ._destination import DestinationOptions, DestinationType, IDestination

if TYPE_CHECKING:
    from ._function_base import IFunction


class EventInvokeConfig(Resource):
    """How Lambda handles asynchronous invocations of a function, version or alias (mirrors
    `aws_cdk.aws_lambda.EventInvokeConfig`).

    Defaults: qualifier `$LATEST`; Lambda's own retries (2) and maximum event age (6 hours); no
    destinations. `on_failure` is bound before `on_success`, as the CDK does.
    """

    def __init__(self, scope: Construct, id: str, *, function: IFunction, qualifier: str | None = None,
                 max_event_age: Duration | None = None, on_failure: IDestination | None = None,
                 on_success: IDestination | None = None, retry_attempts: int | None = None):
        super().__init__(scope, id)
        check_duration(self, "max_event_age", max_event_age)
        check_number(self, "retry_attempts", retry_attempts)
        for prop, destination in (("on_failure", on_failure), ("on_success", on_success)):
            if destination is not None and not callable(getattr(destination, "bind", None)):
                raise construct_error(self, f"'{prop}' must be a destination (lambda_destinations.SqsDestination, "
                                            f"SnsDestination, LambdaDestination, EventBridgeDestination), "
                                            f"got {destination!r}")
        if max_event_age is not None and not max_event_age.is_unresolved() and \
                not 60 <= max_event_age.to_seconds(integral=False) <= 21600:
            raise construct_error(
                self, "`maximumEventAge` must represent a `Duration` that is between 60 and 21600 seconds.")
        if retry_attempts and not Token.is_unresolved(retry_attempts) and not 0 <= retry_attempts <= 2:
            raise construct_error(self, "`retryAttempts` must be between 0 and 2.")
        destination_config: dict[str, Any] | None = None
        if on_failure is not None or on_success is not None:
            destination_config = {}
            if on_failure is not None:
                bound = on_failure.bind(self, function, DestinationOptions(type=DestinationType.FAILURE))
                destination_config["OnFailure"] = {"Destination": bound.destination}
            if on_success is not None:
                bound = on_success.bind(self, function, DestinationOptions(type=DestinationType.SUCCESS))
                destination_config["OnSuccess"] = {"Destination": bound.destination}
        self._resource = CfnEventInvokeConfig(
            self, "Resource",
            destination_config=destination_config,
            function_name=function.function_name,
            maximum_event_age_in_seconds=max_event_age.to_seconds() if max_event_age is not None else None,
            maximum_retry_attempts=retry_attempts,
            qualifier=qualifier or "$LATEST",
        )
