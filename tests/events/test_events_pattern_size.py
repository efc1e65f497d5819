"""Pattern sizes at synth: over the default quota of 2,048 characters (which an account can raise) is a
warning; over EventBridge's ceiling of 4,096 an error, as PutRule refuses it."""

from __future__ import annotations

import pytest

from cdk_events import EventPattern, Rule
from cdk_events.assertions import Annotations, Match
from cdk_events.core import App, Stack, ValidationError


def _rule(stack: Stack, values: int) -> Rule:
    return Rule(stack, "Rule", event_pattern=EventPattern(source=[f"com.example.{i:05d}" for i in range(values)]))


def test_a_pattern_over_the_default_quota_warns() -> None:
    app = App()
    stack = Stack(app, "S")
    _rule(stack, 120)  # about 2,500 characters
    app.synth()
    Annotations.from_stack(stack).has_warning("/S/Rule", Match.string_like_regexp("size quota"))


def test_a_pattern_over_4096_characters_fails_synth() -> None:
    app = App()
    _rule(Stack(app, "S"), 250)  # about 5,000 characters
    with pytest.raises(ValidationError, match="Member must have length less than or equal to 4096"):
        app.synth()
