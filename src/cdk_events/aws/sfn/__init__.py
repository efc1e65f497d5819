"""cdk_events.aws.sfn: Step Functions state machines, imported by ARN or name (the
`aws_cdk.aws_stepfunctions` counterpart, as far as event targets need it)."""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._state_machine import IStateMachine, StateMachine, StateMachineBase

__all__ = ["IStateMachine", "StateMachine", "StateMachineBase"]

lazy_exports(globals(), {
    "IStateMachine": "._state_machine",
    "StateMachine": "._state_machine",
    "StateMachineBase": "._state_machine",
})
