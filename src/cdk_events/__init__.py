"""cdk-events: Amazon EventBridge constructs with the API of `aws_cdk.aws_events`, in pure Python.

`Rule`, `EventBus`, `Archive`, `Schedule`, `EventPattern`, `Match`, `RuleTargetInput`, `EventField`,
`Connection`, `ApiDestination` and the `Cfn*` L1 classes; targets live in `cdk_events.targets`, the
core (`App`, `Stack`, `Duration`, ...) in `cdk_events.core`.
"""

from typing import TYPE_CHECKING

from .core._public import lazy_exports
from .core._version import VERSION

__version__ = VERSION

if TYPE_CHECKING:
    from ._api_destination import ApiDestination, IApiDestination
    from ._archive import Archive
    from ._cfn_generated import (
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
        IncludeDetail,
        Level,
        LogConfig,
    )
    from ._event_bus_ref import IEventBus
    from ._event_pattern import EventPattern
    from ._http_method import HttpMethod
    from ._input import EventField, RuleTargetInput, RuleTargetInputProperties
    from ._match import Match
    from ._rule import Rule
    from ._rule_ref import IRule
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
    "Rule",
    "RuleTargetConfig",
    "RuleTargetInput",
    "RuleTargetInputProperties",
    "Schedule",
]

lazy_exports(globals(), {
    "ApiDestination": "._api_destination",
    "HttpMethod": "._http_method",
    "IApiDestination": "._api_destination",
    "Archive": "._archive",
    "CfnApiDestination": "._cfn_generated",
    "CfnArchive": "._cfn_generated",
    "CfnConnection": "._cfn_generated",
    "CfnEndpoint": "._cfn_generated",
    "CfnEventBus": "._cfn_generated",
    "CfnEventBusPolicy": "._cfn_generated",
    "CfnRule": "._cfn_generated",
    "Authorization": "._connection",
    "Connection": "._connection",
    "HttpParameter": "._connection",
    "IConnection": "._connection",
    "EventBus": "._event_bus",
    "EventBusGrants": "._event_bus",
    "EventBusPolicy": "._event_bus",
    "IEventBus": "._event_bus_ref",
    "IncludeDetail": "._event_bus",
    "Level": "._event_bus",
    "LogConfig": "._event_bus",
    "EventPattern": "._event_pattern",
    "EventField": "._input",
    "RuleTargetInput": "._input",
    "RuleTargetInputProperties": "._input",
    "Match": "._match",
    "IRule": "._rule_ref",
    "Rule": "._rule",
    "Schedule": "._schedule",
    "IRuleTarget": "._target",
    "RuleTargetConfig": "._target",
})
