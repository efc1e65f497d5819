"""The checked boundary's cheap paths: inline guards, the one-loop JSON walk, the flag that lets the library's
own calls through, the shared struct methods; each must refuse what the general path refuses."""

from __future__ import annotations

import math
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cdk_events as events
from cdk_events import targets
from cdk_events.aws import iam, sqs
from cdk_events.core import App, Stack, ValidationError
from cdk_events.core._checked import _CALL, _FAST_AFTER
from cdk_events.core._checked_values import _Bad, _plain_json, _walk_json
from cdk_events.core._json import identity_text, load_c_writer
from cdk_events.core._struct_methods import struct_methods


@pytest.fixture
def stack() -> Stack:
    return Stack(App(), "S")


# --- guards: the common argument passes inline, anything else reaches the checker ------------------------


def _pattern(**fields: Any) -> events.EventPattern:
    return events.EventPattern(**fields)


@pytest.mark.parametrize("source", [["\ud800"], ["${Token[TOKEN.999999]}"], ["a", float("nan")], [float("inf")]])
def test_a_list_the_one_item_guard_cannot_vouch_for_is_checked(source: list[Any]) -> None:
    for _ in range(_FAST_AFTER + 1):  # past the call that generates the wrapper with the guards
        _pattern(source=["com.example"], detail={"a": ["b"]})
    with pytest.raises(ValidationError, match="'source"):
        _pattern(source=source)


@pytest.mark.parametrize("detail", [{"n": [float("nan")]}, {"n": [10**400]}, {"n": {"m": ["\ud800"]}}, {1: ["a"]}])
def test_a_detail_the_plain_walk_cannot_vouch_for_is_checked(detail: dict[Any, Any]) -> None:
    for _ in range(_FAST_AFTER + 1):
        _pattern(source=["com.example"], detail={"a": ["b"]})
    with pytest.raises(ValidationError, match="'detail"):
        _pattern(detail=detail)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**60), max_value=2**60)
    | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=4)
    | st.sampled_from(["{Token[x]}", "${Token[TOKEN.1]}", "\ud800"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=3), children, max_size=3)
    | st.tuples(children),
    max_leaves=12)


@settings(max_examples=400, deadline=None)
@given(json_values)
def test_the_plain_walk_vouches_only_for_what_the_full_walk_accepts(value: Any) -> None:
    if type(value) in (dict, list) and _plain_json(value):
        _walk_json(value, type(value), 0)  # must not raise


def test_the_plain_walk_refuses_deep_nesting() -> None:
    value: list[Any] = []
    for _ in range(100):
        value = [value]
    assert not _plain_json(value)
    with pytest.raises(_Bad):
        _walk_json(value, list, 0)


# --- the flag: the library's own calls pass, the user's code is checked again ---------------------------------


def test_a_target_of_the_users_own_class_is_checked_when_it_calls_the_library(stack: Stack) -> None:
    queue = sqs.Queue(stack, "Q")

    class MyTarget:
        def bind(self, rule: Any, id: str | None = None) -> events.RuleTargetConfig:
            return events.RuleTargetConfig(arn=queue.queue_arn,
                                           input=events.RuleTargetInput.from_object({"x": float("nan")}))

    with pytest.raises(ValidationError, match="finite"):
        events.Rule(stack, "R", event_pattern=events.EventPattern(source=["a"]), targets=[MyTarget()])
    assert _CALL.running is False


def test_a_failed_checked_call_leaves_the_next_one_checked(stack: Stack) -> None:
    with pytest.raises(ValidationError):
        events.Rule(stack, "R1", event_pattern=events.EventPattern(source=["a"]), targets=["not a target"])
    assert _CALL.running is False
    with pytest.raises(ValidationError, match="True or False"):
        events.Rule(stack, "R2", event_pattern=events.EventPattern(source=["a"]), enabled="false")


def test_synthesis_runs_the_users_producers_as_user_code(stack: Stack) -> None:
    from cdk_events.core import Lazy

    rule = events.Rule(stack, "R", event_pattern=events.EventPattern(source=["a"]))
    rule.add_target(targets.SqsQueue(sqs.Queue(stack, "Q")))

    def bad_description() -> str:
        return events.RuleTargetInput.from_object({"x": math.inf}).bind(rule).input or ""

    rule.node.default_child.add_property_override("Description", Lazy.string(bad_description))  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="finite"):
        stack.node.scope.synth()  # type: ignore[union-attr]


# --- struct methods: what attrs writes for a frozen class ---------------------------------------------------


@attrs.frozen(kw_only=True)
class _AttrsPoint:
    x: int
    y: Any = None


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class _SharedPoint:
    x: int
    y: Any = None


def test_shared_struct_methods_behave_as_attrs_writes_them() -> None:
    a, b = _SharedPoint(x=1, y=[1]), _AttrsPoint(x=1, y=[1])
    assert repr(a).replace("_SharedPoint", "_AttrsPoint") == repr(b)
    assert a == _SharedPoint(x=1, y=[1]) and a != _SharedPoint(x=2, y=[1])
    assert (a == b) is False and a.__eq__(b) is NotImplemented
    nan = float("nan")
    assert _SharedPoint(x=1, y=nan) == _SharedPoint(x=1, y=nan)  # (the same object: tuples compare by identity first)
    assert hash(_SharedPoint(x=1, y="a")) == hash(_SharedPoint(x=1, y="a"))
    with pytest.raises(TypeError):
        hash(a)  # a list inside, as attrs' hash
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.x = 2  # type: ignore[misc]
    assert repr(events.EventPattern(source=["a"])).startswith("EventPattern(account=None, detail=None,")


# --- policies: a statement object added twice renders once; rapidjson compares large policies -----------------


def test_a_statement_object_added_twice_is_rendered_once_and_counted_twice(stack: Stack) -> None:
    role = iam.Role(stack, "Role", assumed_by=iam.ServicePrincipal("events.amazonaws.com"))
    statement = iam.PolicyStatement(actions=["ecs:RunTask"], resources=["*"])
    role.add_to_principal_policy(statement)
    role.add_to_principal_policy(statement)
    assert role.default_policy is not None
    assert role.default_policy.document.statement_count == 2
    template = stack.node.scope.synth().get_stack_by_name("S").template  # type: ignore[union-attr]
    policy = next(r for r in template["Resources"].values() if r["Type"] == "AWS::IAM::Policy")
    assert policy["Properties"]["PolicyDocument"]["Statement"] == [
        {"Action": "ecs:RunTask", "Effect": "Allow", "Resource": "*"}]


def test_identity_text_tells_values_apart_and_declines_what_it_cannot_write() -> None:
    load_c_writer()
    assert identity_text({"a": [1, "b"]}) == identity_text({"a": [1, "b"]})
    assert identity_text({"a": 1}) != identity_text({"a": "1"})
    assert identity_text({"a": float("nan")}) == '{"a":NaN}'  # (as the json module writes it)
    assert identity_text({1: "a"}) is None
    assert identity_text({"a": "\ud800"}) is None


@pytest.mark.parametrize("value", [b"Q", 5, None, ["Q"]])
def test_the_hand_checked_child_lookup_refuses_what_is_no_string(stack: Stack, value: Any) -> None:
    # (found by the fuzz suite with seed 71: bytes made `str.replace` raise a TypeError)
    with pytest.raises(ValidationError, match="'id' must be a string"):
        stack.node.try_find_child(value)
