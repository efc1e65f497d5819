"""What the tasks share: the `arn:<partition>:states:::<service>:<api>` resource ARNs and the
integration-pattern check."""

from __future__ import annotations

from collections.abc import Sequence

from cdk_events.core import Aws, Construct

from ...core._errors import construct_error
from ..sfn import IntegrationPattern

_SUFFIX = {
    IntegrationPattern.REQUEST_RESPONSE: "",
    IntegrationPattern.RUN_JOB: ".sync",
    IntegrationPattern.WAIT_FOR_TASK_TOKEN: ".waitForTaskToken",
}


def integration_resource_arn(service: str, api: str, pattern: IntegrationPattern | None = None) -> str:
    """The Step Functions resource ARN of a service integration (with the pattern's suffix)."""
    return f"arn:{Aws.PARTITION}:states:::{service}:{api}" + (_SUFFIX[pattern] if pattern is not None else "")


def validate_pattern_supported(scope: Construct, pattern: IntegrationPattern,
                               supported: Sequence[IntegrationPattern]) -> None:
    """Refuse an integration pattern the task does not support."""
    if pattern not in supported:
        raise construct_error(scope, "Unsupported service integration pattern. Supported Patterns: "
                                     f"{','.join(p.value for p in supported)}. Received: {pattern.value}")


def pattern_of(scope: Construct, value: object) -> IntegrationPattern:
    """`integration_pattern` checked; default REQUEST_RESPONSE."""
    if value is None:
        return IntegrationPattern.REQUEST_RESPONSE
    if not isinstance(value, IntegrationPattern):
        raise construct_error(scope, f"'integration_pattern' must be a sfn.IntegrationPattern, got {value!r}")
    return value
