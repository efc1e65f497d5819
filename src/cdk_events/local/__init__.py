"""cdk_events.local: run EventBridge rules locally (pattern matching, input rendering, schedules).

Everything here takes plain JSON (dicts or JSON text), never constructs:

* :func:`test_event_pattern` / :func:`validate_event_pattern` -- the TestEventPattern API;
* :class:`Matcher` -- many rules matched together against events;
* :func:`render_input` -- the body a target receives (Input, InputPath, InputTransformer);
* :func:`parse_schedule`, :func:`validate_schedule_expression`, :func:`next_fire_times` --
  ``cron(...)`` and ``rate(...)`` schedule expressions of rules, and EventBridge Scheduler schedules
  (``at``/``cron``/``rate`` in a time zone, start/end dates: :func:`next_fire_times` with a schedule's
  properties, :func:`next_scheduler_invocations` for the flexible window, :func:`parse_scheduler_schedule`).
"""

from typing import TYPE_CHECKING

from ..core._public import lazy_exports

if TYPE_CHECKING:
    from ._cron import (
        CronExpression,
        RateExpression,
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
    from ._input import render_input
    from ._machine import Matcher
    from ._pattern_shortcut import validate_event_pattern
    from ._scheduler import (
        SchedulerInvocation,
        SchedulerSchedule,
        next_fire_times,
        next_scheduler_invocations,
        parse_scheduler_schedule,
    )
    from ._simulate import RuleMatch, SimulationResult, TargetDelivery, simulate
    from ._test_event_pattern import test_event_pattern

__all__ = [
    "CronExpression",
    "RateExpression",
    "next_fire_times",
    "next_scheduler_invocations",
    "parse_schedule",
    "parse_scheduler_schedule",
    "render_input",
    "validate_schedule_expression",
    "InvalidEventError",
    "InvalidEventPatternError",
    "InvalidInputError",
    "InvalidScheduleError",
    "LocalEngineError",
    "Matcher",
    "RuleMatch",
    "SchedulerInvocation",
    "SchedulerSchedule",
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
    "next_fire_times": "._scheduler",
    "parse_schedule": "._cron",
    "validate_schedule_expression": "._cron",
    "InvalidEventError": "._errors",
    "InvalidEventPatternError": "._errors",
    "InvalidInputError": "._errors",
    "InvalidScheduleError": "._errors",
    "LocalEngineError": "._errors",
    "UndeliverableInputError": "._errors",
    "test_event_pattern": "._test_event_pattern",
    "render_input": "._input",
    "Matcher": "._machine",
    "validate_event_pattern": "._pattern_shortcut",
    "SchedulerInvocation": "._scheduler",
    "SchedulerSchedule": "._scheduler",
    "next_scheduler_invocations": "._scheduler",
    "parse_scheduler_schedule": "._scheduler",
    "RuleMatch": "._simulate",
    "SimulationResult": "._simulate",
    "TargetDelivery": "._simulate",
    "simulate": "._simulate",
    # any cloud assembly or template (docs/testing.md): Simulator and its results
    "AssemblyError": "._assembly_model",
    "Deliveries": "._simulator",
    "Delivery": "._simulator",
    "Firing": "._simulator",
    "Simulator": "._simulator",
    "UndecidableRule": "._simulator",
    "UndecidableRuleError": "._simulator",
})

if TYPE_CHECKING:
    from ._assembly_model import AssemblyError
    from ._simulator import Deliveries, Delivery, Firing, Simulator, UndecidableRule, UndecidableRuleError

__all__ += [
    "AssemblyError", "Deliveries", "Delivery", "Firing", "Simulator", "UndecidableRule", "UndecidableRuleError",
]
