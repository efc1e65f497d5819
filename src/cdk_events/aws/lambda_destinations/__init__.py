"""cdk_events.aws.lambda_destinations: where a function's asynchronous invocation records go (the
`aws_cdk.aws_lambda_destinations` counterpart): `Function(on_success=..., on_failure=...)`.

This package sits above `cdk_events.targets` (as aws-lambda-destinations sits above
aws-events-targets): `LambdaDestination(response_only=True)` creates a rule with a Lambda target.
"""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._destinations import (
        EventBridgeDestination,
        LambdaDestination,
        LambdaDestinationOptions,
        SnsDestination,
        SqsDestination,
    )

__all__ = ["EventBridgeDestination", "LambdaDestination", "LambdaDestinationOptions", "SnsDestination",
           "SqsDestination"]

lazy_exports(globals(), {
    "EventBridgeDestination": "._destinations",
    "LambdaDestination": "._destinations",
    "LambdaDestinationOptions": "._destinations",
    "SnsDestination": "._destinations",
    "SqsDestination": "._destinations",
})
