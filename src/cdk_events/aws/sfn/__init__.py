"""cdk_events.aws.sfn: Step Functions state machines, imported by ARN or name (the
`aws_cdk.aws_stepfunctions` counterpart, as far as event targets need it)."""

from ._state_machine import IStateMachine, StateMachine, StateMachineBase

__all__ = ["IStateMachine", "StateMachine", "StateMachineBase"]

for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type) and _obj.__module__.startswith("cdk_events.aws.sfn."):
        _obj.__module__ = "cdk_events.aws.sfn"
del _name, _obj
