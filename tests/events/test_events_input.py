"""`RuleTargetInput` and `EventField`: bindings, key naming, unquoting, tokens (spec §1.6, §4.4),
and the compat goldens `input_text`, `input_object`, `input_json_traps`, `input_tokens`,
`event_fields`, `error_input_key_clash`.
"""

from __future__ import annotations

import pytest
from events_support import assert_same_as_golden, golden_error, golden_template, synth_template
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cdk_events import EventField, EventPattern, Rule, RuleTargetInput, targets
from cdk_events._input import InputType, _FieldAwareInput, _FieldReplacer
from cdk_events.aws import lambda_, sns, sqs
from cdk_events.core import Aws, Fn, Stack, ValidationError
from cdk_events.core._resolve import resolve

F = EventField


def _target(env, message):
    app = env.app()
    stack = Stack(app, "S")
    queue = sqs.Queue(stack, "Q")
    Rule(stack, "Rule", event_pattern=EventPattern(source=["a"]), targets=[targets.SqsQueue(queue, message=message)])
    target = synth_template(app, stack)["Resources"]["Rule4C995B7F"]["Properties"]["Targets"][0]
    return {k: v for k, v in target.items() if k not in ("Arn", "Id")}


# --- verified renderings quoted in spec §1.6 -----------------------------------------------

def test_text_with_fields(env):
    text = f"hello {F.from_path('$.detail.instance-id')} in {F.region}"
    assert _target(env, RuleTargetInput.from_text(text)) == {"InputTransformer": {
        "InputPathsMap": {"detail-instance-id": "$.detail.instance-id", "region": "$.region"},
        "InputTemplate": '"hello <detail-instance-id> in <region>"',
    }}


def test_object_with_fields_unquotes_whole_values_only(env):
    value = {"a": F.from_path("$.detail.x"), "b": f"pre-{F.from_path('$.detail.x')}", "c": [F.account],
             "d": {"e": 1, "f": 'plain "q"'}}
    assert _target(env, RuleTargetInput.from_object(value)) == {"InputTransformer": {
        "InputPathsMap": {"detail-x": "$.detail.x", "account": "$.account"},
        "InputTemplate": '{"a":<detail-x>,"b":"pre-<detail-x>","c":[<account>],"d":{"e":1,"f":"plain \\"q\\""}}',
    }}


def test_object_that_is_a_single_field(env):
    assert _target(env, RuleTargetInput.from_object(F.from_path("$.detail")))["InputTransformer"] == {
        "InputPathsMap": {"detail": "$.detail"}, "InputTemplate": "<detail>"}


def test_a_literal_that_looks_like_a_placeholder_stays_quoted_when_unused(env):
    template = _target(env, RuleTargetInput.from_object({"a": "<notakey>", "b": F.from_path("$.k")}))
    assert template["InputTransformer"]["InputTemplate"] == '{"a":"<notakey>","b":<k>}'


def test_a_field_inside_quotes_inside_a_string(env):
    template = _target(env, RuleTargetInput.from_object({"msg": f'He said "{F.from_path("$.detail.a")}"'}))
    assert template["InputTransformer"]["InputTemplate"] == '{"msg":"He said \\"<detail-a>\\""}'


def test_static_inputs(env):
    assert _target(env, RuleTargetInput.from_object("just string")) == {"Input": '"just string"'}
    assert _target(env, RuleTargetInput.from_text("123")) == {"Input": '"123"'}
    assert _target(env, RuleTargetInput.from_text("plain text")) == {"Input": '"plain text"'}
    assert _target(env, RuleTargetInput.from_multiline_text("a\nb")) == {"Input": '"a"\n"b"'}


def test_multiline_text_encodes_each_line_and_keeps_empty_lines(env):
    text = f'line1 {F.source}\n\nline2 "quoted"'
    assert _target(env, RuleTargetInput.from_multiline_text(text))["InputTransformer"] == {
        "InputPathsMap": {"source": "$.source"},
        "InputTemplate": '"line1 <source>"\n""\n"line2 \\"quoted\\""',
    }


def test_text_never_unquotes(env):
    template = _target(env, RuleTargetInput.from_text(F.from_path("$.detail.a")))
    assert template["InputTransformer"]["InputTemplate"] == '"<detail-a>"'


def test_from_event_path_is_passed_verbatim(env):
    assert _target(env, RuleTargetInput.from_event_path("$.detail")) == {"InputPath": "$.detail"}


@pytest.mark.parametrize(("path", "hint"), [
    ("$.detail.instance-id", "detail-instance-id"),
    ('$.detail["x y"]', "detail--x-y--"),
    ("$$.x", "x"),
    ("$", ""),
])
def test_display_hints(path, hint):
    assert EventField(path).display_hint == hint


def test_a_field_without_a_hint_gets_a_counter_key(env):
    value = {"whole": F.from_path("$"), "src": F.source}
    assert _target(env, RuleTargetInput.from_object(value))["InputTransformer"] == {
        "InputPathsMap": {"f1": "$", "source": "$.source"}, "InputTemplate": '{"whole":<f1>,"src":<source>}'}


def test_event_field_shortcuts():
    import cdk_events.core as core

    stack = core.Stack(core.App(), "S")
    paths = {name: stack.resolve(getattr(F, name)) for name in
             ("event_id", "detail_type", "source", "account", "time", "region")}
    assert paths == {"event_id": "$.id", "detail_type": "$.detail-type", "source": "$.source",
                     "account": "$.account", "time": "$.time", "region": "$.region"}


def test_event_field_path_must_be_a_string():
    with pytest.raises(ValidationError, match=r"^EventField\.from_path: 'path' must be a JSON path string like "
                                              r"'\$\.detail\.x', got 5$"):
        EventField.from_path(5)  # type: ignore[arg-type]


def test_two_paths_with_the_same_key_are_rejected_naming_the_rule(env):
    stack = Stack(env.app(), "ErrStack")
    queue = sqs.Queue(stack, "Queue")
    message = RuleTargetInput.from_object({"first": F.from_path("$.detail.a-b"), "second": F.from_path("$.detail.a.b")})
    with pytest.raises(ValidationError) as error:
        Rule(stack, "Rule", event_pattern=EventPattern(source=["com.example"]),
             targets=[targets.SqsQueue(queue, message=message)])
    cdk_message = "Single key 'detail-a-b' is used for two different JSON paths: '$.detail.a.b' and '$.detail.a-b'"
    assert str(error.value) == f"[ErrStack/Rule] {cdk_message}"
    assert cdk_message in golden_error("error_input_key_clash")


# --- tokens (spec §1.6 step 5, §4.4) ---------------------------------------------------------

def test_text_with_a_token_becomes_a_join(env):
    app = env.app()
    stack = Stack(app, "S")
    queue = sqs.Queue(stack, "Q")
    Rule(stack, "Rule", event_pattern=EventPattern(source=["a"]),
         targets=[targets.SqsQueue(queue, message=RuleTargetInput.from_text(f"queue {queue.queue_arn} url"))])
    target = synth_template(app, stack)["Resources"]["Rule4C995B7F"]["Properties"]["Targets"][0]
    assert target["Input"] == {"Fn::Join": ["", ['"queue ', {"Fn::GetAtt": ["Q63C6E3AB", "Arn"]}, ' url"']]}


def test_text_with_fn_sub_escapes_the_literal(env):
    message = RuleTargetInput.from_text(Fn.sub('hello ${AWS::Region} "q"'))
    assert _target(env, message) == {
        "Input": {"Fn::Join": ["", ['"', {"Fn::Sub": 'hello ${AWS::Region} \\"q\\"'}, '"']]}}


# --- compat goldens ---------------------------------------------------------------------------

def _sqs_rules(stack, queue, pattern_source, inputs):
    for rule_id, inp in inputs:
        Rule(stack, rule_id, event_pattern=EventPattern(source=[pattern_source]),
             targets=[targets.SqsQueue(queue, message=inp)])


def test_input_text_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "InputTextStack")
    queue = sqs.Queue(stack, "Queue")
    _sqs_rules(stack, queue, "aws.ec2", [
        ("StaticText", RuleTargetInput.from_text("hello world")),
        ("TextWithFields", RuleTargetInput.from_text(
            f"Instance {F.from_path('$.detail.instance-id')} is in state {F.from_path('$.detail.state')}")),
        ("TextWithQuotes", RuleTargetInput.from_text(f'say "hi" to {F.from_path("$.detail.name")}')),
        ("TextSameFieldTwice", RuleTargetInput.from_text(f"{F.source} and again {F.source}")),
        ("MultilineText", RuleTargetInput.from_multiline_text(
            f"line one\nline two {F.from_path('$.detail.x')}\n\nline four")),
    ])
    assert_same_as_golden(synth_template(app, stack), golden_template("input_text", "InputTextStack"))


def test_input_object_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "InputObjectStack")
    queue = sqs.Queue(stack, "Queue")
    _sqs_rules(stack, queue, "aws.ec2", [
        ("StaticObject", RuleTargetInput.from_object({"hello": "world", "n": 1, "ok": True, "list": [1, "a"]})),
        ("NestedObject", RuleTargetInput.from_object({
            "instance": F.from_path("$.detail.instance-id"),
            "nested": {"account": F.account, "list": [F.region, "static"],
                       "deep": {"state": F.from_path("$.detail.state")}},
            "count": 3,
        })),
        ("FieldInsideString", RuleTargetInput.from_object({"DataType": f"custom_{F.from_path('$.detail-type')}"})),
        ("SameLastSegment", RuleTargetInput.from_object(
            {"a": F.from_path("$.detail.id"), "b": F.from_path("$.id"), "c": F.from_path("$.detail.meta.id")})),
        ("EventPath", RuleTargetInput.from_event_path("$.detail")),
        ("EventPathRoot", RuleTargetInput.from_event_path("$")),
    ])
    assert_same_as_golden(synth_template(app, stack), golden_template("input_object", "InputObjectStack"))


def test_input_json_traps_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "InputTrapStack")
    queue = sqs.Queue(stack, "Queue")
    _sqs_rules(stack, queue, "com.example", [
        ("StaticNumbers", RuleTargetInput.from_object({
            "b": 1, "10": 0.1, "2": 1e21, "0": 1e-7, "neg_zero": -0.0, "one": 1.0, "e20": 1e20,
            "big": 12345678901234567890, "pow53": 2**53 + 1, "small": 0.000001, "neg": -1e-7,
            "flag": True, "none": None, "list": [3, "x", None, {"2": "b", "1": "a"}],
        })),
        ("FieldKeys", RuleTargetInput.from_object({
            "z": F.from_path("$.detail.z"), "10": F.from_path("$.detail.ten"), "1": F.source,
            "lookalike": "<source>", "whole": F.from_path("$"), "again": F.source,
        })),
        ("FieldAsKey", RuleTargetInput.from_object({F.from_path("$.detail.key"): "value"})),
        ("BareString", RuleTargetInput.from_object("plain \"string\"")),
        ("UnicodeText", RuleTargetInput.from_text(
            f'Caf\u00e9 \U0001F680 "{F.from_path("$.detail.name")}" said \\o/ \u00bfqu\u00e9?')),
    ])
    assert_same_as_golden(synth_template(app, stack), golden_template("input_json_traps", "InputTrapStack"))


def test_input_tokens_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "InputTokenStack")
    queue = sqs.Queue(stack, "Queue")
    topic = sns.Topic(stack, "Topic")

    def rule(rule_id, target):
        Rule(stack, rule_id, event_pattern=EventPattern(source=["com.example"], account=[Aws.ACCOUNT_ID],
                                                        region=[Aws.REGION]), targets=[target])

    rule("TextWithArn", targets.SqsQueue(queue, message=RuleTargetInput.from_text(f"queue {queue.queue_arn} url")))
    rule("ObjectWithTokens", targets.SqsQueue(queue, message=RuleTargetInput.from_object({
        "arn": queue.queue_arn,
        "joined": Fn.join("-", ['x"y', queue.queue_name]),
        "where": f"{Aws.REGION}.{Aws.URL_SUFFIX}",
        "account": Aws.ACCOUNT_ID,
        "detail": F.from_path("$.detail"),
        "mixed": f"{F.source} in {Aws.REGION}",
    })))
    rule("TextWithSub", targets.SqsQueue(queue, message=RuleTargetInput.from_text(
        Fn.sub('hello ${AWS::Region} "quoted"'))))
    rule("MultilineWithTopic", targets.SnsTopic(topic, message=RuleTargetInput.from_multiline_text(
        f"topic {topic.topic_arn}\n{F.detail_type} at {F.time}")))
    assert_same_as_golden(synth_template(app, stack), golden_template("input_tokens", "InputTokenStack"))


def test_event_fields_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "EventFieldStack")
    fn = lambda_.Function(stack, "Fn", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                          code=lambda_.Code.from_inline("def handler(event, context):\n    return event\n"))
    Rule(stack, "Rule", event_pattern=EventPattern(source=["aws.ec2"]),
         targets=[targets.LambdaFunction(fn, event=RuleTargetInput.from_object({
             "id": F.event_id, "detailType": F.detail_type, "source": F.source, "account": F.account,
             "time": F.time, "region": F.region, "detail": F.from_path("$.detail"),
             "firstResource": F.from_path("$.resources[0]"), "hyphenated": F.from_path("$.detail.instance-id"),
         }))])
    assert_same_as_golden(synth_template(app, stack), golden_template("event_fields", "EventFieldStack"))


# --- inputs without deploy-time values are rendered at bind; the result must equal the synthesis-time path --

_field_paths = st.sampled_from(["$.detail.a", "$.detail-type", "$.id", "$.detail.b-c"])
_leaf = (st.none() | st.booleans() | st.integers(-(2**60), 2**60) | st.floats(allow_nan=False)
         | st.text(max_size=5) | _field_paths.map(EventField.from_path)
         | st.tuples(st.text(max_size=3), _field_paths).map(lambda t: f"{t[0]}{EventField.from_path(t[1])}"))
_objects = st.recursive(_leaf, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.sampled_from(["a", "B", "0", "10", "x y"]) | st.text(max_size=3), inner, max_size=3), max_leaves=12)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=_objects, kind=st.sampled_from(["object", "text", "multiline"]))
def test_bind_time_rendering_equals_the_synthesis_time_rendering(value: object, kind: str) -> None:
    stack = Stack()
    rule = Rule(stack, "R", event_pattern=EventPattern(source=["a"]))
    input_type = {"object": InputType.OBJECT, "text": InputType.TEXT, "multiline": InputType.MULTILINE}[kind]
    if input_type is not InputType.OBJECT:
        value = value if isinstance(value, str) else "line1\nline2"
    try:
        bound = _FieldAwareInput(value, input_type).bind(rule)
    except ValidationError:
        return  # two paths with one key: rejected either way
    keys = list(bound.input_paths_map or {})
    replaced = resolve(value, rule, resolver=_FieldReplacer())
    deferred = _FieldAwareInput(value, input_type)._rendering_token(rule, replaced, keys)
    expected = resolve(deferred, rule)
    actual = bound.input_template if bound.input_template is not None else bound.input
    assert resolve(actual, rule) == expected
