"""The construct tree: the `constructs` v10 API and its messages."""

from __future__ import annotations

import pytest

from cdk_events.core import App, CfnResource, Construct, ConstructOrder, Stack, ValidationError


class Widget(Construct):
    pass


def test_duplicate_id_message_names_the_parent_type_and_id() -> None:
    stack = Stack(App(), "S")
    parent = Widget(stack, "Parent")
    Construct(parent, "Child")
    with pytest.raises(ValidationError) as info:
        Construct(parent, "Child")
    assert str(info.value) == "There is already a Construct with name 'Child' in Widget [Parent]"


def test_duplicate_id_under_the_app_has_no_brackets() -> None:
    app = App()
    Stack(app, "S")
    with pytest.raises(ValidationError) as info:
        Stack(app, "S")
    assert str(info.value) == "There is already a Construct with name 'S' in App"


def test_slash_in_id_becomes_double_dash() -> None:
    stack = Stack(App(), "S")
    child = Construct(stack, "a/b")
    assert child.node.id == "a--b"
    assert child.node.path == "S/a--b"
    assert stack.node.try_find_child("a/b") is child
    assert stack.node.find_child("a--b") is child


def test_empty_id_only_for_the_root() -> None:
    with pytest.raises(ValidationError, match="Only root constructs may have an empty ID"):
        Construct(Stack(App(), "S"), "")


def test_find_child_error() -> None:
    with pytest.raises(ValidationError) as info:
        Stack(App(), "S").node.find_child("nope")
    assert str(info.value) == "No child with id: 'nope'"


def test_find_all_preorder_and_postorder() -> None:
    app = App()
    stack = Stack(app, "S")
    a = Construct(stack, "A")
    a1 = Construct(a, "A1")
    b = Construct(stack, "B")
    assert stack.node.find_all() == [stack, a, a1, b]
    assert stack.node.find_all(ConstructOrder.POSTORDER) == [a1, a, b, stack]
    assert [c.node.path for c in app.node.find_all()] == ["", "S", "S/A", "S/A/A1", "S/B"]


def test_paths_scopes_root_and_str() -> None:
    app = App()
    stack = Stack(app, "S")
    leaf = Construct(Construct(stack, "A"), "B")
    assert leaf.node.path == "S/A/B"
    assert leaf.node.root is app
    assert [s.node.id for s in leaf.node.scopes] == ["", "S", "A", "B"]
    assert str(leaf) == "S/A/B"
    assert str(app) == "<root>"


def test_context_lookup_and_set_context_rules() -> None:
    app = App(context={"k": "root", "only-root": 1})
    stack = Stack(app, "S")
    inner = Construct(stack, "Inner")
    inner.node.set_context("k", "inner")
    leaf = Construct(inner, "Leaf")
    assert leaf.node.try_get_context("k") == "inner"
    assert leaf.node.try_get_context("only-root") == 1
    assert leaf.node.try_get_context("missing") is None
    with pytest.raises(ValidationError) as info:
        stack.node.get_context("missing")
    assert str(info.value) == "No context value present for missing key"
    Construct(stack, "Second")
    with pytest.raises(ValidationError) as info:
        stack.node.set_context("x", 1)
    assert str(info.value) == "Cannot set context after children have been added: Inner,Second"


def test_default_child() -> None:
    stack = Stack(App(), "S")
    holder = Construct(stack, "Holder")
    assert holder.node.default_child is None
    resource = CfnResource(holder, "Resource", type="AWS::SQS::Queue")
    assert holder.node.default_child is resource
    other = Construct(holder, "Other")
    holder.node.default_child = other
    assert holder.node.default_child is other
    both = Construct(stack, "Both")
    Construct(both, "Resource")
    default = Construct(both, "Default")
    assert both.node.try_find_child("Default") is default
    with pytest.raises(ValidationError) as info:
        _ = both.node.default_child
    assert str(info.value) == (
        'Cannot determine default child for S/Both. There is both a child with id "Resource" and id "Default"'
    )


def test_dependencies() -> None:
    stack = Stack(App(), "S")
    a, b, c = Construct(stack, "A"), Construct(stack, "B"), Construct(stack, "C")
    a.node.add_dependency(b, c)
    a.node.add_dependency(b)
    assert a.node.dependencies == [b, c]
    assert b.node.dependencies == []


class _Check:
    def __init__(self, *messages: str):
        self.messages = list(messages)

    def validate(self) -> list[str]:
        return self.messages


def test_validations_are_collected_at_synthesis(tmp_path: object) -> None:
    app = App(outdir=str(tmp_path))
    stack = Stack(app, "S")
    a = Construct(stack, "A")
    a.node.add_validation(_Check("first problem", "second problem"))
    b = Construct(a, "B")
    b.node.add_validation(_Check("deeper problem"))
    Construct(stack, "Fine").node.add_validation(_Check())
    assert a.node.validate() == ["first problem", "second problem"]
    with pytest.raises(ValidationError) as info:
        app.synth()
    assert str(info.value) == (
        "Validation failed with the following errors:\n"
        "  [S/A] first problem\n  [S/A] second problem\n  [S/A/B] deeper problem"
    )


def test_locked_tree_refuses_children() -> None:
    app = App()
    stack = Stack(app, "S")
    inner = Construct(stack, "Inner")
    stack.node.lock()
    assert inner.node.locked
    with pytest.raises(ValidationError) as info:
        Construct(inner, "New")
    assert str(info.value) == 'Cannot add children to "S/Inner" during synthesis'
    app.node.lock()
    with pytest.raises(ValidationError) as info:
        Stack(app, "T")
    assert str(info.value) == "Cannot add children during synthesis"


def test_metadata_none_is_skipped() -> None:
    c = Construct(Stack(App(), "S"), "C")
    c.node.add_metadata("custom", None)
    c.node.add_metadata("custom", {"a": 1})
    assert [(m.type, m.data) for m in c.node.metadata] == [("custom", {"a": 1})]


def test_scope_must_be_a_construct() -> None:
    with pytest.raises(ValidationError, match="'scope' must be a Construct"):
        Construct("not a construct", "X")  # type: ignore[arg-type]
