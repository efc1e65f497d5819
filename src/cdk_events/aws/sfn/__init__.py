"""cdk_events.aws.sfn: Step Functions state machines, imported by ARN or name (the
`aws_cdk.aws_stepfunctions` counterpart, as far as event targets need it)."""

from ..._public import set_public_module
from ._state_machine import IStateMachine, StateMachine, StateMachineBase

__all__ = ["IStateMachine", "StateMachine", "StateMachineBase"]

set_public_module(globals())
