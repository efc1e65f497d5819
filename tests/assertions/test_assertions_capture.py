"""``Capture``: what is recorded, when it is committed, and the typed accessors."""

from __future__ import annotations

import pytest

from cdk_events.assertions import Capture, Match, Template

RULE = "AWS::Events::Rule"


def two_rules() -> Template:
    return Template.from_json(
        {
            "Resources": {
                "R1": {"Type": RULE, "Properties": {"Name": "first", "State": "ENABLED", "Prio": 1}},
                "R2": {"Type": RULE, "Properties": {"Name": "second", "State": "ENABLED", "Prio": 2}},
                "R3": {"Type": RULE, "Properties": {"Name": "third", "State": "DISABLED", "Prio": 3}},
            }
        }
    )


def test_capture_a_string() -> None:
    name = Capture()
    two_rules().has_resource_properties(RULE, {"Name": name, "State": "DISABLED"})
    assert name.as_string() == "third"
    assert not name.next()
    assert name.as_string() == "third"


def test_every_matching_entry_is_captured_in_order() -> None:
    name = Capture()
    two_rules().has_resource_properties(RULE, {"Name": name, "State": "ENABLED"})
    assert name.as_string() == "first"
    assert name.next()
    assert name.as_string() == "second"
    assert not name.next()


def test_nothing_is_committed_when_the_assertion_fails() -> None:
    name = Capture()
    with pytest.raises(AssertionError):
        two_rules().has_resource_properties(RULE, {"Name": name, "State": "UNKNOWN"})
    with pytest.raises(AssertionError) as info:
        name.as_string()
    assert str(info.value) == "No value captured"


def test_nothing_is_committed_by_a_bare_test_until_finished() -> None:
    cap = Capture()
    result = Match.object_like({"a": cap}).test({"a": 1})
    with pytest.raises(AssertionError, match=r"^No value captured$"):
        cap.as_number()
    result.finished()
    result.finished()  # idempotent
    assert cap.as_number() == 1
    assert not cap.next()


def test_failed_array_with_attempts_do_not_leak_captures() -> None:
    value = Capture()
    matcher = Match.array_with([Match.object_like({"k": "b", "v": value})])
    matcher.test([{"k": "a", "v": 1}, {"k": "b", "v": 2}]).finished()
    assert value.as_number() == 2
    assert not value.next()


def test_capture_with_a_pattern() -> None:
    arn = Capture(Match.string_like_regexp("^arn:"))
    result = Match.array_with([arn]).test(["x", "arn:aws:sqs:us-east-1:1:q"]).finished()
    assert not result.has_failed()
    assert arn.as_string() == "arn:aws:sqs:us-east-1:1:q"

    target = Capture({"Id": "Target0"})
    Match.object_like({"T": target}).test({"T": {"Id": "Target0", "Arn": "a"}}).finished()
    assert target.as_object() == {"Id": "Target0", "Arn": "a"}

    failing = Capture({"Id": "Target1"})
    result = Match.object_like({"T": failing}).test({"T": {"Id": "Target0"}}).finished()
    assert result.to_human_strings() == [
        "Expected Target1 but received Target0 at /T/Id (using objectLike matcher)"
    ]


def test_capture_rejects_nullish_values() -> None:
    assert Capture().test(None).to_human_strings() == [
        "Can only capture non-nullish values. Found null (using Capture matcher)"
    ]
    assert Match.object_like({"a": Match.absent(), "b": Capture()}).test({"b": None}).to_human_strings() == [
        "Can only capture non-nullish values. Found null at /b (using Capture matcher)"
    ]


def test_typed_accessors() -> None:
    values = Capture()
    Match.array_equals([values] * 5).test(["s", 1.5, True, [1], {"a": 1}]).finished()
    assert values.as_string() == "s"
    values.next()
    assert values.as_number() == 1.5
    values.next()
    assert values.as_boolean() is True
    values.next()
    assert values.as_array() == [1]
    values.next()
    assert values.as_object() == {"a": 1}


def test_wrong_type_messages() -> None:
    values = Capture()
    Match.array_equals([values, values, values]).test(["abc", [1], True]).finished()
    with pytest.raises(AssertionError) as info:
        values.as_number()
    assert str(info.value) == 'Captured value is expected to be number but found string. Value is "abc"'
    values.next()
    with pytest.raises(AssertionError) as info:
        values.as_object()
    assert str(info.value) == "Captured value is expected to be object but found array. Value is [\n  1\n]"
    values.next()
    with pytest.raises(AssertionError) as info:
        values.as_number()
    assert str(info.value) == "Captured value is expected to be number but found boolean. Value is true"


def test_capture_inside_serialized_json() -> None:
    detail = Capture()
    template = Template.from_json(
        {"Resources": {"R": {"Type": RULE, "Properties": {"EventPattern": '{"detail":{"x":[1]}}'}}}}
    )
    template.has_resource_properties(RULE, {"EventPattern": Match.serialized_json({"detail": detail})})
    assert detail.as_object() == {"x": [1]}


def test_capture_with_template_matches() -> None:
    prio = Capture()
    two_rules().template_matches({"Resources": {"R2": {"Properties": {"Prio": prio}}}})
    assert prio.as_number() == 2


def test_capture_in_find_resources() -> None:
    state = Capture()
    found = two_rules().find_resources(RULE, {"Properties": {"State": state, "Prio": 3}})
    assert list(found) == ["R3"]
    assert state.as_string() == "DISABLED"
