"""`IDestination`: where a function's asynchronous invocation records go (see
`cdk_events.aws.lambda_destinations`)."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import attrs

from cdk_events.core import Construct

from ...core._struct_methods import struct_methods

if TYPE_CHECKING:
    from ._function_base import IFunction


class DestinationType(Enum):
    """Which outcome a destination receives."""

    FAILURE = "Failure"
    SUCCESS = "Success"


@struct_methods
@attrs.frozen(slots=False, repr=False, eq=False)
class DestinationOptions:
    """What `IDestination.bind` is told: the outcome it serves."""

    type: DestinationType


@struct_methods
@attrs.frozen(slots=False, repr=False, eq=False)
class DestinationConfig:
    """What a destination gives the EventInvokeConfig: the ARN records are sent to."""

    destination: str


@runtime_checkable
class IDestination(Protocol):
    """A destination of invocation records (mirrors `aws_cdk.aws_lambda.IDestination`)."""

    def bind(self, scope: Construct, fn: IFunction, options: DestinationOptions | None = None
             ) -> DestinationConfig: ...
