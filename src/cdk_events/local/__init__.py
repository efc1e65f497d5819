"""cdk_events.local: run EventBridge rules locally (pattern matching, input rendering, schedules).

Everything here takes plain JSON (dicts or JSON text), never constructs:

* :func:`test_event_pattern` / :func:`validate_event_pattern` -- the TestEventPattern API;
* :class:`Matcher` -- many rules matched together against events;
* :func:`render_input` -- the body a target receives (Input, InputPath, InputTransformer);
* :func:`parse_schedule`, :func:`validate_schedule_expression`, :func:`next_fire_times` --
  ``cron(...)`` and ``rate(...)`` schedule expressions.
"""

from typing import TYPE_CHECKING

from ..core._public import lazy_exports

if TYPE_CHECKING:
    from ._cron import (
        CronExpression,
        RateExpression,
        next_fire_times,
        parse_schedule,
        validate_schedule_expression,
    )
    from ._errors import (
        InvalidEventError,
        InvalidEventPatternError,
        InvalidInputError,
        InvalidScheduleError,
        LocalEngineError,
        UndeliverableInputError,
    )
    from ._evaluate import test_event_pattern
    from ._input import render_input
    from ._matcher import Matcher
    from ._pattern import validate_event_pattern
    from ._simulate import RuleMatch, SimulationResult, TargetDelivery, simulate

__all__ = [
    "CronExpression",
    "RateExpression",
    "next_fire_times",
    "parse_schedule",
    "render_input",
    "validate_schedule_expression",
    "InvalidEventError",
    "InvalidEventPatternError",
    "InvalidInputError",
    "InvalidScheduleError",
    "LocalEngineError",
    "Matcher",
    "RuleMatch",
    "SimulationResult",
    "TargetDelivery",
    "simulate",
    "UndeliverableInputError",
    "test_event_pattern",
    "validate_event_pattern",
]

lazy_exports(globals(), {
    "CronExpression": "._cron",
    "RateExpression": "._cron",
    "next_fire_times": "._cron",
    "parse_schedule": "._cron",
    "validate_schedule_expression": "._cron",
    "InvalidEventError": "._errors",
    "InvalidEventPatternError": "._errors",
    "InvalidInputError": "._errors",
    "InvalidScheduleError": "._errors",
    "LocalEngineError": "._errors",
    "UndeliverableInputError": "._errors",
    "test_event_pattern": "._evaluate",
    "render_input": "._input",
    "Matcher": "._matcher",
    "validate_event_pattern": "._pattern",
    "RuleMatch": "._simulate",
    "SimulationResult": "._simulate",
    "TargetDelivery": "._simulate",
    "simulate": "._simulate",
})
