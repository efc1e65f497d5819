"""`cdk_events.local.simulate`: which rules of an app fire for an event, and what targets receive."""

from __future__ import annotations

import hashlib
from typing import Any

from cdk_events import EventBus, EventField, EventPattern, Rule, RuleTargetInput
from cdk_events.aws import sqs
from cdk_events.core import App, Stack
from cdk_events.local import simulate
from cdk_events.targets import SqsQueue

EVENT: dict[str, Any] = {
    "version": "0", "id": "1", "detail-type": "OrderCreated", "source": "shop", "account": "111122223333",
    "time": "2024-01-01T00:00:00Z", "region": "us-east-1", "resources": [], "detail": {"id": "o-7"},
}


def _logical_id(*path: str) -> str:
    """The CDK's logical id of a resource below a stack (MD5 of the path, spec section 4.1)."""
    human = "".join(p for p in path if p != "Resource")
    return human + hashlib.md5("/".join(path).encode()).hexdigest()[:8].upper()


def _app() -> App:
    app = App(context={"aws:cdk:enable-path-metadata": True})
    stack = Stack(app, "S")
    queue = sqs.Queue(stack, "Q")
    bus = EventBus(stack, "ShopBus")
    Rule(stack, "OnBus", event_bus=bus, event_pattern=EventPattern(source=["shop"]), targets=[SqsQueue(
        queue, message=RuleTargetInput.from_text(f"order {EventField.from_path('$.detail.id')}"))])
    Rule(stack, "OnDefault", event_pattern=EventPattern(source=["shop"]), targets=[SqsQueue(queue)])
    Rule(stack, "Disabled", enabled=False, event_pattern=EventPattern(source=["shop"]))
    Rule(stack, "Other", event_pattern=EventPattern(source=["elsewhere"]))
    return app


def test_default_bus_rules_fire_and_targets_get_the_whole_event() -> None:
    result = simulate(_app(), EVENT)
    assert [m.logical_id for m in result.matched_rules] == [_logical_id("OnDefault", "Resource")]
    match = result.matched_rules[0]
    assert match.deliveries[0].body == (
        '{"version":"0","id":"1","detail-type":"OrderCreated","source":"shop","account":"111122223333",'
        '"time":"2024-01-01T00:00:00Z","region":"us-east-1","resources":[],"detail":{"id":"o-7"}}')


def test_custom_bus_answers_to_its_construct_id_and_the_transformer_renders_text() -> None:
    app = _app()
    generated_name = "SShopBus" + hashlib.md5(b"S/ShopBus").hexdigest()[:8].upper()  # Names.unique_id
    for name in ("ShopBus", generated_name, _logical_id("ShopBus", "Resource")):
        result = simulate(app, EVENT, bus=name)
        assert [m.logical_id for m in result.matched_rules] == [_logical_id("OnBus", "Resource")], name
        assert result.matched_rules[0].deliveries[0].body == '"order o-7"'


def test_disabled_and_non_matching_rules_do_not_fire() -> None:
    fired = {m.logical_id for m in simulate(_app(), EVENT).matched_rules}
    assert fired == {_logical_id("OnDefault", "Resource")}
    assert not simulate(_app(), dict(EVENT, source="nobody")).matched_rules
