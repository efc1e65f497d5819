"""cdk-events: Amazon EventBridge constructs with the API of `aws_cdk.aws_events`, in pure Python.

`Rule`, `EventBus`, `Archive`, `Schedule`, `EventPattern`, `Match`, `RuleTargetInput`, `EventField`,
`Connection`, `ApiDestination` and the `Cfn*` L1 classes; targets live in `cdk_events.targets`, the
core (`App`, `Stack`, `Duration`, ...) in `cdk_events.core`.
"""

__version__ = "0.1.0"

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
