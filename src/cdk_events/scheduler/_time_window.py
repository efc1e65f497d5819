"""`TimeWindow`: the flexible time window of a schedule."""

from __future__ import annotations

from cdk_events.core import Duration, UnscopedValidationError


class TimeWindow:
    """When, after the scheduled time, EventBridge Scheduler may invoke the target (mirrors
    `aws_scheduler.TimeWindow`): `off()` (exactly on time, the default) or `flexible(max_window)`."""

    def __init__(self, mode: str, max_window: Duration | None = None) -> None:
        self.mode = mode
        """`"OFF"` or `"FLEXIBLE"`."""
        self.max_window = max_window
        """The maximum window of a flexible time window (None when off)."""

    @staticmethod
    def off() -> TimeWindow:
        """No flexible window: the target is invoked at the scheduled time."""
        return TimeWindow("OFF")

    @staticmethod
    def flexible(max_window: Duration) -> TimeWindow:
        """A flexible window of `max_window` (a whole number of minutes from 1 to 1,440)."""
        if not isinstance(max_window, Duration):
            raise UnscopedValidationError(
                f"TimeWindow.flexible: 'max_window' must be a Duration (e.g. Duration.minutes(15)), got {max_window!r}")
        if not max_window.is_unresolved():
            minutes = max_window.to_minutes(integral=True)
            if minutes < 1 or minutes > 1440:
                raise UnscopedValidationError(
                    f"The provided duration must be between 1 minute and 1440 minutes, got {minutes}")
        return TimeWindow("FLEXIBLE", max_window)

    def __repr__(self) -> str:
        if self.max_window is None:
            return "TimeWindow.off()"
        return f"TimeWindow.flexible({self.max_window.to_human_string()})"
