"""Tags: priorities, include/exclude, remove, and the sort order of rendered tags (golden `rule_tags`)."""

from __future__ import annotations

from typing import Any

from core_support import golden_json

from cdk_events.core import App, CfnResource, Construct, Stack, TagManager, Tags
from cdk_events.core._tags import invoke_aspects


class Taggable(CfnResource):
    def __init__(self, scope: Construct, id: str, type: str):
        super().__init__(scope, id, type=type)
        self.tags = TagManager(type)

    def _render_properties(self) -> dict[str, Any]:
        return {"Tags": self.tags.render_tags()}


def rendered(resource: Taggable) -> Any:
    return resource.tags.render_tags()


def test_rule_tags_golden_scenario() -> None:
    app = App(context={"@aws-cdk/core:explicitStackTags": True})
    stack = Stack(app, "TagStack")
    Tags.of(stack).add("project", "events-compat")
    queue_scope = Construct(stack, "Queue")
    queue = Taggable(queue_scope, "Resource", "AWS::SQS::Queue")
    Tags.of(queue_scope).add("tier", "messaging")
    bus_scope = Construct(stack, "Bus")
    bus = Taggable(bus_scope, "Resource", "AWS::Events::EventBus")
    Tags.of(bus_scope).add("owner", "platform")
    rule_scope = Construct(stack, "Tagged")
    rule = Taggable(rule_scope, "Resource", "AWS::Events::Rule")
    for key, value in [("b", "2"), ("10", "ten"), ("0", "zero"), ("a", "1")]:
        Tags.of(rule_scope).add(key, value)
    Tags.of(stack).add("rules-only", "yes", include_resource_types=["AWS::Events::Rule"])
    Tags.of(stack).add("not-on-queues", "yes", exclude_resource_types=["AWS::SQS::Queue"])
    Tags.of(stack).add("cost", "shared", priority=200)
    Tags.of(bus_scope).add("cost", "bus-only", priority=100)
    Tags.of(stack).add("scratch", "x")
    Tags.of(rule_scope).remove("scratch")
    invoke_aspects(app)

    golden = golden_json("rule_tags", "TagStack.template.json")["Resources"]
    assert rendered(queue) == golden["Queue4A7E3555"]["Properties"]["Tags"]
    assert rendered(bus) == golden["BusEA82B648"]["Properties"]["Tags"]
    assert rendered(rule) == golden["Tagged7A26CEFA"]["Properties"]["Tags"]
    assert stack.tags.tag_values() == {}  # explicitStackTags: stack tags are not set by aspects


def test_priorities_and_initial_tags() -> None:
    manager = TagManager("AWS::X::Y", {"k": "initial"})
    manager.set_tag("k", "low", 0)
    assert manager.tag_values() == {"k": "initial"}  # initial tags rank 50
    manager.set_tag("k", "high", 100)
    assert manager.tag_values() == {"k": "high"}
    manager.remove_tag("k", 99)
    assert manager.tag_values() == {"k": "high"}
    manager.remove_tag("k", 200)
    assert manager.tag_values() == {}
    assert manager.render_tags() is None
    manager.set_tag("k", "again", 150)
    assert manager.tag_values() == {}


def test_tags_sort_like_locale_compare() -> None:
    manager = TagManager("AWS::X::Y")
    for key in ["b", "B", "a", "A", "_x", "10", "-y", "c1"]:
        manager.set_tag(key, "v")
    assert list(manager.tag_values()) == ["_x", "-y", "10", "a", "A", "b", "B", "c1"]


def test_stack_tags_reach_the_manifest(tmp_path: Any) -> None:
    app = App(outdir=str(tmp_path))
    Stack(app, "S", tags={"z": "1", "a": "2"})
    assembly = app.synth()
    assert assembly.get_stack_artifact("S").manifest["properties"]["tags"] == {"a": "2", "z": "1"}
