"""cdk-events: Amazon EventBridge constructs with the API of `aws_cdk.aws_events`, in pure Python.

`Rule`, `EventBus`, `Archive`, `Schedule`, `EventPattern`, `Match`, `RuleTargetInput`, `EventField`,
`Connection`, `ApiDestination` and the `Cfn*` L1 classes; targets live in `cdk_events.targets`, the
core (`App`, `Stack`, `Duration`, ...) in `cdk_events.core`.
"""

__version__ = "0.1.0"

import gc as _gc

# Importing builds many classes (attrs generates their methods): the cyclic garbage collector would run
# dozens of times over young objects that all stay alive. It is paused while the package loads.
_collecting = _gc.isenabled()
_gc.disable()
try:
    from ._api_destination import ApiDestination, HttpMethod, IApiDestination
    from ._archive import Archive
    from ._cfn_events import (
        CfnApiDestination,
        CfnArchive,
        CfnConnection,
        CfnEndpoint,
        CfnEventBus,
        CfnEventBusPolicy,
        CfnRule,
    )
    from ._connection import Authorization, Connection, HttpParameter, IConnection
    from ._event_bus import (
        EventBus,
        EventBusGrants,
        EventBusPolicy,
        IEventBus,
        IncludeDetail,
        Level,
        LogConfig,
    )
    from ._event_pattern import EventPattern
    from ._input import EventField, RuleTargetInput, RuleTargetInputProperties
    from ._match import Match
    from ._public import set_public_module
    from ._rule import IRule, MirrorRule, Rule
    from ._schedule import Schedule
    from ._target import IRuleTarget, RuleTargetConfig
finally:
    if _collecting:
        _gc.enable()
    del _collecting

__all__ = [
    "ApiDestination",
    "Archive",
    "Authorization",
    "CfnApiDestination",
    "CfnArchive",
    "CfnConnection",
    "CfnEndpoint",
    "CfnEventBus",
    "CfnEventBusPolicy",
    "CfnRule",
    "Connection",
    "EventBus",
    "EventBusGrants",
    "EventBusPolicy",
    "EventField",
    "EventPattern",
    "HttpMethod",
    "HttpParameter",
    "IApiDestination",
    "IConnection",
    "IEventBus",
    "IRule",
    "IRuleTarget",
    "IncludeDetail",
    "Level",
    "LogConfig",
    "Match",
    "MirrorRule",
    "Rule",
    "RuleTargetConfig",
    "RuleTargetInput",
    "RuleTargetInputProperties",
    "Schedule",
]

set_public_module(globals())
