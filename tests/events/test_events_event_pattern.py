"""`EventPattern` and `Rule.add_event_pattern`: fields, merge semantics, rendering, errors.

Expected values: spec §1.2.2 (merge rules and messages), §1.3 (fields), and the compat goldens
`pattern_all_fields`, `pattern_add_event_pattern`, `pattern_json_traps`,
`error_event_pattern_type_mismatch`.
"""

from __future__ import annotations

import pytest
from events_support import assert_same_as_golden, golden_error, golden_template, synth_template

from cdk_events import EventPattern, Match, Rule
from cdk_events.core import Stack, ValidationError


def _pattern(app, stack, logical_id):
    return synth_template(app, stack)["Resources"][logical_id]["Properties"].get("EventPattern")


def test_detail_type_renders_as_detail_type_with_a_hyphen_in_place(env):
    app = env.app()
    stack = Stack(app, "S")
    rule = Rule(stack, "Rule", event_pattern=EventPattern(source=["a"], detail_type=["t"], detail={"k": ["v"]}))
    rule.add_event_pattern(account=["111111111111"])
    pattern = _pattern(app, stack, "Rule4C995B7F")
    # From Python, EventPattern fields arrive in alphabetical order (jsii structs), `detailType` in its place.
    assert list(pattern) == ["detail", "detail-type", "source", "account"]
    assert pattern == {"source": ["a"], "detail-type": ["t"], "detail": {"k": ["v"]}, "account": ["111111111111"]}


def test_fields_render_in_alphabetical_order_not_argument_order(env):
    """Golden `pattern_all_fields`: aws-cdk-lib from Python renders the fields alphabetically."""
    app = env.app()
    stack = Stack(app, "S")
    Rule(stack, "Rule", event_pattern=EventPattern(version=["0"], region=["r"], source=["s"], id=["i"], time=["t"],
                                                   resources=["x"], account=["a"], detail_type=["d"],
                                                   detail={"k": ["v"]}))
    pattern = _pattern(app, stack, "Rule4C995B7F")
    assert list(pattern) == ["account", "detail", "detail-type", "id", "region", "resources", "source", "time",
                             "version"]


def test_merge_unions_lists_keeps_order_and_drops_later_duplicates(env):
    app = env.app()
    stack = Stack(app, "S")
    rule = Rule(stack, "Rule", event_pattern=EventPattern(source=["a", "b"]))
    rule.add_event_pattern(EventPattern(source=["b", "c", "a"]))
    assert _pattern(app, stack, "Rule4C995B7F") == {"source": ["a", "b", "c"]}


def test_merge_recurses_into_nested_objects(env):
    app = env.app()
    stack = Stack(app, "S")
    rule = Rule(stack, "Rule", event_pattern=EventPattern(detail={"bucket": {"name": ["a"]}}))
    rule.add_event_pattern(detail={"bucket": {"name": ["b"]}, "object": {"key": ["k"]}})
    assert _pattern(app, stack, "Rule4C995B7F") == {
        "detail": {"bucket": {"name": ["a", "b"]}, "object": {"key": ["k"]}}}


def test_the_same_matcher_added_twice_is_kept_twice(env):
    """Spec §1.2.2: Match helpers are unique tokens, so `prefix('x')` twice is not de-duplicated."""
    app = env.app()
    stack = Stack(app, "S")
    rule = Rule(stack, "Rule", event_pattern=EventPattern(detail={"a": Match.prefix("x")}))
    rule.add_event_pattern(detail={"a": Match.prefix("x")})
    assert _pattern(app, stack, "Rule4C995B7F") == {"detail": {"a": [{"prefix": "x"}, {"prefix": "x"}]}}


def test_add_event_pattern_keyword_form_equals_the_event_pattern_form(env):
    app = env.app()
    stack = Stack(app, "S")
    a = Rule(stack, "A")
    a.add_event_pattern(source=["aws.ec2"], detail_type=["x"])
    b = Rule(stack, "B")
    b.add_event_pattern(EventPattern(source=["aws.ec2"], detail_type=["x"]))
    first, second = (r["Properties"]["EventPattern"] for r in synth_template(app, stack)["Resources"].values()
                     if r["Type"] == "AWS::Events::Rule")
    assert first == {"detail-type": ["x"], "source": ["aws.ec2"]}
    assert first == second


def test_add_event_pattern_accepts_a_plain_dict_with_python_names(env):
    app = env.app()
    stack = Stack(app, "S")
    rule = Rule(stack, "Rule")
    rule.add_event_pattern({"source": ["a"], "detail_type": ["t"]})
    assert _pattern(app, stack, "Rule4C995B7F") == {"source": ["a"], "detail-type": ["t"]}


def test_add_event_pattern_none_is_a_no_op(env):
    stack = Stack(env.app(), "S")
    rule = Rule(stack, "Rule", event_pattern=EventPattern(source=["a"]))
    rule.add_event_pattern()
    rule.add_event_pattern(None)
    assert rule.event_pattern == {"source": ["a"]}


def test_a_dict_pattern_is_converted_as_jsii_converts_it(env):
    """A dict given for the EventPattern struct takes snake_case field names and the struct's field
    order (aws-cdk-lib renders `detail` before `detail-type` before `source`); a key that is not a field
    (`$or`, `detail-type`) is an error, as jsii's "unexpected keyword argument"."""
    app = env.app()
    stack = Stack(app, "S")
    Rule(stack, "Rule", event_pattern={"source": ["a"], "detail_type": ["t"], "detail": {"x": ["1"]}})
    assert list(_pattern(app, stack, "Rule4C995B7F")) == ["detail", "detail-type", "source"]
    with pytest.raises(ValidationError, match=r"'\$or'.*allowed keys: account, detail, detail_type"):
        Rule(stack, "Other", event_pattern={"source": ["a"], "$or": [{"b": ["1"]}, {"c": ["2"]}]})


# --- errors (spec §1.2.2), prefixed with the rule's path -------------------------------------

def test_type_mismatch_names_rule_field_and_both_values(env):
    stack = Stack(env.app(), "ErrStack")
    rule = Rule(stack, "Rule", event_pattern=EventPattern(source=["aws.ec2"], detail={"state": ["running"]}))
    with pytest.raises(ValidationError) as error:
        rule.add_event_pattern(detail={"state": {"name": ["stopped"]}})
    cdk_message = ('Invalid event pattern field state. Type mismatch between existing pattern ["running"] and added '
                   'pattern {"name":["stopped"]}')
    assert str(error.value) == f"[ErrStack/Rule] event_pattern: {cdk_message}"


def test_type_mismatch_message_is_the_cdks():
    assert ('Invalid event pattern field state. Type mismatch between existing pattern ["running"] and added '
            'pattern {"name":["stopped"]}') in golden_error("error_event_pattern_type_mismatch")


def test_a_string_field_must_be_a_list(env):
    stack = Stack(env.app(), "S")
    with pytest.raises(ValidationError) as error:  # refused where it is given, as jsii's type checks do
        Rule(stack, "Rule", event_pattern=EventPattern(source="aws.ec2"))  # type: ignore[arg-type]
    assert isinstance(error.value, TypeError)
    assert str(error.value) == "EventPattern: 'source' must be a list of values, got 'aws.ec2'"


def test_a_number_field_must_be_a_list(env):
    stack = Stack(env.app(), "S")
    with pytest.raises(ValidationError, match=r"^\[S/Rule\] event_pattern: Invalid event pattern field "
                                              r"\{ detail: 5 \}\. All fields must be arrays$"):
        Rule(stack, "Rule", event_pattern={"detail": 5})


def test_a_pattern_that_is_not_an_object_is_rejected(env):
    stack = Stack(env.app(), "S")
    rule = Rule(stack, "Rule")
    with pytest.raises(ValidationError) as error:
        rule.add_event_pattern(["aws.ec2"])  # type: ignore[arg-type]
    assert str(error.value) == ("[S/Rule] event_pattern: Invalid event pattern '[\"aws.ec2\"]', expecting an object "
                                "or an array")


def test_keyword_form_and_pattern_together_are_rejected(env):
    stack = Stack(env.app(), "S")
    rule = Rule(stack, "Rule")
    with pytest.raises(ValidationError, match=r"^\[S/Rule\] add_event_pattern: pass an EventPattern or keyword "
                                              r"fields, not both"):
        rule.add_event_pattern(EventPattern(source=["a"]), account=["b"])


def test_keyword_form_with_an_unknown_field_lists_the_fields(env):
    stack = Stack(env.app(), "S")
    rule = Rule(stack, "Rule")
    with pytest.raises(ValidationError) as error:
        rule.add_event_pattern(sources=["a"])
    message = str(error.value)
    assert message.startswith("[S/Rule] add_event_pattern: ")
    assert "sources" in message
    assert "account, detail, detail_type, id, region, resources, source, time, version" in message


# --- compat goldens ---------------------------------------------------------------------------

def test_pattern_all_fields_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "PatternStack")
    Rule(stack, "AllFields", event_pattern=EventPattern(
        source=["aws.ec2", "com.example.app"],
        detail_type=["EC2 Instance State-change Notification"],
        account=["123456789012"],
        region=["us-east-1", "eu-west-1"],
        resources=["arn:aws:ec2:us-east-1:123456789012:instance/i-1234567890abcdef0"],
        version=["0"],
        id=["7bf73129-1428-4cd3-a780-95db273d1602"],
        time=["2015-11-11T21:29:54Z"],
        detail={
            "state": ["running", "stopped"],
            "instance-id": ["i-1234567890abcdef0"],
            "count": [5, 10],
            "enabled": [True],
            "tags": {"env": ["prod"], "team": {"name": ["blue"]}},
        },
    ))
    Rule(stack, "DetailOnly", event_pattern=EventPattern(detail={"a": {"b": {"c": ["d"]}}}))
    Rule(stack, "Reordered", event_pattern=EventPattern(region=["us-west-2"], source=["aws.s3"],
                                                        detail_type=["Object Created"]))
    assert_same_as_golden(synth_template(app, stack), golden_template("pattern_all_fields", "PatternStack"))


def test_pattern_add_event_pattern_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "MergeStack")
    rule = Rule(stack, "Merged", event_pattern=EventPattern(source=["aws.s3"], detail={"bucket": {"name": ["a"]}}))
    rule.add_event_pattern(source=["aws.s3", "aws.ec2"], detail_type=["Object Created"],
                           detail={"bucket": {"name": ["b"]}, "object": {"key": ["k"]}})
    rule.add_event_pattern(account=["111111111111"])
    late = Rule(stack, "Late")
    late.add_event_pattern(source=["aws.ec2"])
    late.add_event_pattern(detail={"state": Match.prefix("run")})
    late.add_event_pattern(detail={"state": Match.prefix("run"), "zone": ["a", "b"]})
    late.add_event_pattern(detail={"zone": ["b", "c"]})
    assert_same_as_golden(synth_template(app, stack), golden_template("pattern_add_event_pattern", "MergeStack"))


def test_pattern_json_traps_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "PatternTrapStack")
    Rule(stack, "IntegerKeys", event_pattern=EventPattern(
        source=["com.example"],
        detail={"b": ["x"], "10": ["ten"], "2": ["two"], "0": ["zero"], "01": ["leading zero"], "-1": ["negative"],
                "1.5": ["fraction"], "nested": {"z": [1], "5": [5], "a": [2]}},
    ))
    Rule(stack, "Numbers", event_pattern=EventPattern(
        source=["com.example"],
        detail={"n": [0.1, 1e21, 1e-7, -0.0, 100.0, 12345678901234567890, 2**53 + 1, 1.5e300, 0.000001],
                "flags": [True, False, None]},
    ))
    Rule(stack, "Text", description='Caf\u00e9 "quoted" \\ back\tslash \U0001F680 \u00bfok?',
         event_pattern=EventPattern(
             source=["caf\u00e9.example", "\u30a4\u30d9\u30f3\u30c8"],
             detail_type=['Order "placed"', "back\\slash", "tab\there"],
             detail={"emoji": ["\U0001F680"], "$or": [{"a": ["1"]}, {"b": ["2"]}]},
         ))
    assert_same_as_golden(synth_template(app, stack), golden_template("pattern_json_traps", "PatternTrapStack"))
