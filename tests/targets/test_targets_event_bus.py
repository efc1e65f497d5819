"""The EventBus target: the compat apps against the goldens, then the rules of spec §2.2."""

from __future__ import annotations

from pathlib import Path

import pytest
from _compat_apps import assert_matches_golden, needs_shared, run_app
from _target_support import unchecked

import cdk_events as events
from cdk_events import core as cdk
from cdk_events.assertions import Template
from cdk_events.core import ValidationError
from cdk_events.targets._event_bus import EventBus

ARN = "arn:aws:events:us-east-1:999999999999:event-bus/central"


@needs_shared
@pytest.mark.parametrize("app", ["target_event_bus", "cross_account_event_bus_target"])
def test_compat_app_matches_golden(app: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert_matches_golden(app, run_app(app, tmp_path, monkeypatch))


def test_role_under_the_rule_and_no_cross_account_wiring() -> None:
    app = cdk.App()
    stack = cdk.Stack(app, "S", env=cdk.Environment(account="111111111111", region="us-east-1"))
    bus = events.EventBus.from_event_bus_arn(stack, "Bus", ARN)
    rule = events.Rule(stack, "R", event_pattern=events.EventPattern(source=["a"]), targets=[EventBus(bus)])
    assert rule.node.try_find_child("EventsRole") is not None
    template = Template.from_stack(stack)
    props = next(iter(template.find_resources("AWS::Events::Rule").values()))["Properties"]
    assert props["Targets"] == [{"Arn": ARN, "Id": "Target0",
                                 "RoleArn": {"Fn::GetAtt": ["REventsRole50C9BBA5", "Arn"]}}]
    assert [s.stack_name for s in app.node.children if isinstance(s, cdk.Stack)] == ["S"]


def test_not_a_bus_is_rejected() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    with pytest.raises(ValidationError, match=r"\[S/R\] EventBus target: 'event_bus' must be an event bus "
                                              r"\(events.EventBus\(...\) or "
                                              r"events.EventBus.from_event_bus_arn\(...\)\), "
                                              rf"got '{ARN}' \(a str\)"):
        events.Rule(stack, "R", event_pattern=events.EventPattern(source=["a"]), targets=[unchecked(EventBus, ARN)])


def test_retry_options_are_not_accepted() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    bus = events.EventBus.from_event_bus_arn(stack, "Bus", ARN)
    with pytest.raises(TypeError, match="retry_attempts"):
        EventBus(bus, retry_attempts=2)  # type: ignore[call-arg]
