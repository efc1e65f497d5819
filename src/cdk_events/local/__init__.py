"""cdk_events.local: run EventBridge rules locally (pattern matching, input rendering, schedules)."""
