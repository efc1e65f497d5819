"""``Annotations``, ``Tags`` and ``Template.from_stack`` against a stand-in for the core.

The stand-ins follow the contract with ``cdk_events.core``: ``stack.node.root`` is the App,
``app.synth()`` returns the assembly, ``assembly.get_stack_artifact(stack.artifact_id)``
has ``template``, ``messages`` and ``tags``.
"""

from __future__ import annotations

from typing import Any

import pytest

from cdk_events.assertions import Annotations, Match, Tags, Template


class FakeArtifact:
    def __init__(self, template: dict[str, Any], messages: list[Any], tags: dict[str, str]) -> None:
        self.template = template
        self.messages = messages
        self.tags = tags


class FakeAssembly:
    def __init__(self, artifacts: dict[str, FakeArtifact]) -> None:
        self.artifacts = artifacts

    def get_stack_artifact(self, artifact_id: str) -> FakeArtifact:
        return self.artifacts[artifact_id]


class FakeApp:
    def __init__(self) -> None:
        self.artifacts: dict[str, FakeArtifact] = {}
        self.synth_calls = 0

    def synth(self) -> FakeAssembly:
        self.synth_calls += 1
        return FakeAssembly(self.artifacts)


class FakeNode:
    def __init__(self, root: Any) -> None:
        self.root = root


class FakeStack:
    def __init__(self, root: Any, artifact_id: str) -> None:
        self.node = FakeNode(root)
        self.artifact_id = artifact_id


def warning(path: str, text: str, ack: str = "x") -> dict[str, Any]:
    return {
        "id": path,
        "level": "warning",
        "entry": {"type": "aws:cdk:warning", "data": f"{text} [ack: {ack}]", "trace": None},
    }


def error(path: str, text: str) -> dict[str, Any]:
    return {"id": path, "level": "error", "entry": {"type": "aws:cdk:error", "data": text, "trace": None}}


def info(path: str, text: str) -> dict[str, Any]:
    return {"id": path, "level": "info", "entry": {"type": "aws:cdk:info", "data": text, "trace": None}}


@pytest.fixture
def stack() -> FakeStack:
    app = FakeApp()
    app.artifacts["MyStack"] = FakeArtifact(
        template={"Resources": {"Rule": {"Type": "AWS::Events::Rule", "Properties": {"State": "ENABLED"}}}},
        messages=[
            warning("/MyStack/Rule", "bar"),
            error("/MyStack/Bus", "broken"),
            info("/MyStack/Bus", "fyi"),
        ],
        tags={"team": "events"},
    )
    return FakeStack(app, "MyStack")


def raised(fn: Any, *args: Any) -> str:
    with pytest.raises(AssertionError) as excinfo:
        fn(*args)
    return str(excinfo.value)


# -- from_stack --------------------------------------------------------------------------


def test_template_from_stack(stack: FakeStack) -> None:
    template = Template.from_stack(stack)
    template.has_resource_properties("AWS::Events::Rule", {"State": "ENABLED"})
    assert stack.node.root.synth_calls == 1


def test_from_stack_outside_an_app() -> None:
    class Root:
        pass

    orphan = FakeStack(Root(), "Orphan")
    for factory in (Template.from_stack, Annotations.from_stack, Tags.from_stack):
        with pytest.raises(ValueError, match=r"^unexpected: all stacks must be part of a Stage or an App$"):
            factory(orphan)


def test_from_stack_checks_cycles_unless_skipped() -> None:
    app = FakeApp()
    cyclic = {
        "Resources": {
            "A": {"Type": "T", "DependsOn": "B"},
            "B": {"Type": "T", "DependsOn": "A"},
        }
    }
    app.artifacts["S"] = FakeArtifact(cyclic, [], {})
    with pytest.raises(AssertionError, match="dependency cycle: A -> B -> A"):
        Template.from_stack(FakeStack(app, "S"))
    Template.from_stack(FakeStack(app, "S"), skip_cyclical_dependencies_check=True)


# -- annotations -------------------------------------------------------------------------


def test_has_warning_error_info(stack: FakeStack) -> None:
    annotations = Annotations.from_stack(stack)
    annotations.has_warning("/MyStack/Rule", "bar [ack: x]")
    annotations.has_warning("*", Match.string_like_regexp("^bar"))
    annotations.has_error("MyStack/Bus", "broken")  # the leading slash is optional
    annotations.has_info("/MyStack/Bus", "fyi")
    annotations.has_no_warning("/MyStack/Bus", Match.any_value())
    annotations.has_no_error("*", "fine")
    annotations.has_no_info("/MyStack/Rule", Match.any_value())


def test_has_warning_failure_text(stack: FakeStack) -> None:
    annotations = Annotations.from_stack(stack)
    assert raised(annotations.has_warning, "/MyStack/Rule", "foo") == (
        "Stack has 1 messages at path /MyStack/Rule, but none match as expected.\n"
        "The 1 closest matches:\n"
        "0 :: {\n"
        '  "entry": {\n'
        "!!   Expected foo but received bar [ack: x]\n"
        '    "data": "bar [ack: x]",\n'
        '    "trace": "redacted",\n'
        '    "type": "aws:cdk:warning"\n'
        "  },\n"
        '  "id": "/MyStack/Rule",\n'
        '  "level": "warning"\n'
        "}"
    )


def test_level_is_part_of_the_pattern_not_of_the_path_filter(stack: FakeStack) -> None:
    annotations = Annotations.from_stack(stack)
    text = raised(annotations.has_warning, "/MyStack/Bus", "fyi")
    # message "2" (info) is closer than "1" (error), but the CDK keeps the closest matches in
    # a JavaScript object, whose integer-like keys list in ascending order
    assert text.startswith(
        "Stack has 2 messages at path /MyStack/Bus, but none match as expected.\n"
        "The 2 closest matches:\n"
        "1 :: {"
    )


def test_has_error_at_a_path_without_messages(stack: FakeStack) -> None:
    annotations = Annotations.from_stack(stack)
    assert raised(annotations.has_error, "/MyStack/Nothing", Match.any_value()) == (
        "Stack has 0 messages at path /MyStack/Nothing.\nNo matches found"
    )


def test_has_no_warning_failure_text(stack: FakeStack) -> None:
    annotations = Annotations.from_stack(stack)
    assert raised(annotations.has_no_warning, "*", Match.string_like_regexp("bar")) == (
        "Expected no matches, but stack has 1 messages as follows:\n"
        "  {\n"
        '    "0": {\n'
        '      "id": "/MyStack/Rule",\n'
        '      "level": "warning",\n'
        '      "entry": {\n'
        '        "type": "aws:cdk:warning",\n'
        '        "data": "bar [ack: x]",\n'
        '        "trace": null\n'
        "      }\n"
        "    }\n"
        "  }"
    )


def test_find_messages(stack: FakeStack) -> None:
    annotations = Annotations.from_stack(stack)
    found = annotations.find_warning("*", Match.any_value())
    assert len(found) == 1
    assert found[0].id == "/MyStack/Rule"
    assert found[0].entry.data == "bar [ack: x]"
    assert found[0]["entry"]["type"] == "aws:cdk:warning"
    assert [m.entry.data for m in annotations.find_error("/MyStack/Bus", Match.any_value())] == ["broken"]
    assert annotations.find_info("*", "nope") == []


def test_messages_given_as_objects() -> None:
    class Entry:
        type = "aws:cdk:warning"
        data = "as object [ack: y]"
        trace = None

    class Message:
        id = "/S/C"
        level = "warning"
        entry = Entry()

    annotations = Annotations([Message()])
    annotations.has_warning("/S/C", "as object [ack: y]")


# -- tags --------------------------------------------------------------------------------


def test_tags(stack: FakeStack) -> None:
    tags = Tags.from_stack(stack)
    assert tags.all() == {"team": "events"}
    tags.has_values({"team": "events"})
    tags.has_values({"team": Match.string_like_regexp("ev")})
    assert raised(tags.has_values, {"team": "other"}) == (
        "Stack tags did not match as expected:\n"
        "{\n"
        "!! Expected other but received events\n"
        '  "team": "events"\n'
        "}"
    )
    with pytest.raises(AssertionError):
        tags.has_none()


def test_tags_none_and_absent() -> None:
    Tags(None).has_none()
    with pytest.raises(ValueError, match=r"Use Tags.has_none\(\) instead"):
        Tags({}).has_values(Match.absent())
