"""`ScheduleTargetInput` (the text or JSON a schedule sends) and `ContextAttribute`."""

from __future__ import annotations

from typing import Any

from cdk_events.core import Construct, Stack


def _drop_none(value: Any) -> Any:
    """Tokenization drops `undefined`: None values of dicts and None items of lists go away."""
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_drop_none(v) for v in value if v is not None]
    return value


class ScheduleTargetInput:
    """The input EventBridge Scheduler passes to the target (mirrors `aws_scheduler.ScheduleTargetInput`).
    Tokens and `ContextAttribute` placeholders may appear in it."""

    def __init__(self, value: Any, as_json: bool) -> None:
        self._value = value
        self._as_json = as_json

    @staticmethod
    def from_text(text: str) -> ScheduleTargetInput:
        """The text as is (a JSON-looking string is not re-encoded)."""
        return ScheduleTargetInput(text, False)

    @staticmethod
    def from_object(obj: Any) -> ScheduleTargetInput:
        """`obj` written as JSON (JavaScript's formatting; None values dropped)."""
        return ScheduleTargetInput(obj, True)

    def bind(self, schedule: Construct) -> str:
        """The input text for `schedule` (tokens resolve in the schedule's stack)."""
        if self._as_json:
            return Stack.of(schedule).to_json_string(_drop_none(self._value))
        return self._value  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        kind = "from_object" if self._as_json else "from_text"
        return f"ScheduleTargetInput.{kind}({self._value!r})"


class _ClassProperty:
    def __init__(self, name: str) -> None:
        self._name = name

    def __get__(self, instance: object, owner: type) -> str:
        return ContextAttribute.from_name(self._name)


class ContextAttribute:
    """Placeholders EventBridge Scheduler replaces at each invocation (mirrors
    `aws_scheduler.ContextAttribute`): plain strings such as `<aws.scheduler.scheduled-time>`."""

    schedule_arn = _ClassProperty("schedule-arn")
    """`<aws.scheduler.schedule-arn>`: the ARN of the schedule."""
    scheduled_time = _ClassProperty("scheduled-time")
    """`<aws.scheduler.scheduled-time>`: the time the invocation was scheduled for."""
    execution_id = _ClassProperty("execution-id")
    """`<aws.scheduler.execution-id>`: the id of this invocation attempt."""
    attempt_number = _ClassProperty("attempt-number")
    """`<aws.scheduler.attempt-number>`: the attempt counter of this invocation."""

    def __init__(self, name: str) -> None:
        self.name = name
        """The attribute name (the `xxx` of `<aws.scheduler.xxx>`)."""

    @staticmethod
    def from_name(name: str) -> str:
        """`<aws.scheduler.<name>>` (escape hatch for attributes added later)."""
        return f"<aws.scheduler.{name}>"

    def __str__(self) -> str:
        return self.from_name(self.name)
