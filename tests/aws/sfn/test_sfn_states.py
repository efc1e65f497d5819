"""sfn states: their Amazon States Language JSON (key order as the CDK writes it), chains, JsonPath
fields, graph checks and validation."""

from __future__ import annotations

import json
from typing import Any

import pytest

from cdk_events import core as cdk
from cdk_events.aws import sfn
from cdk_events.core import Duration, Stack, UnscopedValidationError, ValidationError


def _definition(stack: Stack, chain: sfn.IChainable, **props: Any) -> str:
    machine = sfn.StateMachine(stack, "SM", definition_body=sfn.DefinitionBody.from_chainable(chain), **props)
    child = machine.node.default_child
    resolved = stack.resolve(child.definition_string)  # type: ignore[union-attr]
    assert isinstance(resolved, str)
    return resolved


def test_pass_result_parameters_and_json_path_fields() -> None:
    stack = Stack(cdk.App(), "S")
    p = sfn.Pass(stack, "P", comment="c", result=sfn.Result.from_array([1, "a"]), result_path="$.r",
                 input_path="$.in", output_path=sfn.JsonPath.DISCARD)
    q = sfn.Pass(stack, "Q", state_name="Renamed",
                 parameters={"id": sfn.JsonPath.string_at("$.id"), "n": sfn.JsonPath.number_at("$.n"),
                             "all": sfn.JsonPath.list_at("$.items"), "ctx": sfn.JsonPath.task_token,
                             "nested": {"x": sfn.JsonPath.object_at("$.x"), "lit": [1, {"y": "z"}]},
                             "fmt": sfn.JsonPath.format("Hello {}", sfn.JsonPath.string_at("$.name"))})
    text = _definition(stack, p.next(q))
    assert text == (
        '{"StartAt":"P","States":{"P":{"Type":"Pass","Comment":"c","Result":[1,"a"],"ResultPath":"$.r",'
        '"InputPath":"$.in","OutputPath":null,"Next":"Renamed"},"Renamed":{"Type":"Pass","Parameters":'
        '{"id.$":"$.id","n.$":"$.n","all.$":"$.items","ctx.$":"$$.Task.Token","nested":{"x.$":"$.x",'
        '"lit":[1,{"y":"z"}]},"fmt.$":"States.Format(\'Hello {}\', $.name)"},"End":true}}}')


def test_wait_times_and_timeout_comment_of_the_machine() -> None:
    stack = Stack(cdk.App(), "S")
    chain = (sfn.Wait(stack, "A", time=sfn.WaitTime.duration(Duration.minutes(1)))
             .next(sfn.Wait(stack, "B", time=sfn.WaitTime.timestamp("2030-01-01T00:00:00Z")))
             .next(sfn.Wait(stack, "C", time=sfn.WaitTime.timestamp_path("$.at"))))
    definition = json.loads(_definition(stack, chain, timeout=Duration.hours(1), comment="waits"))
    assert list(definition) == ["StartAt", "States", "TimeoutSeconds", "Comment"]
    assert definition["States"] == {
        "A": {"Type": "Wait", "Seconds": 60, "Next": "B"},
        "B": {"Type": "Wait", "Timestamp": "2030-01-01T00:00:00Z", "Next": "C"},
        "C": {"Type": "Wait", "TimestampPath": "$.at", "End": True}}


def test_choice_conditions_afterwards_and_comments() -> None:
    stack = Stack(cdk.App(), "S")
    choice = sfn.Choice(stack, "Pick")
    choice.when(sfn.Condition.or_(sfn.Condition.not_(sfn.Condition.is_null("$.a")),
                                  sfn.Condition.boolean_equals("$.b", True)),
                sfn.Pass(stack, "Yes"), comment="first")
    choice.when(sfn.Condition.string_matches("$.c", "log-*"), sfn.Pass(stack, "Match"))
    choice.otherwise(sfn.Pass(stack, "No"))
    chain = choice.afterwards().next(sfn.Succeed(stack, "End"))
    states = json.loads(_definition(stack, chain))["States"]
    assert states["Pick"] == {"Type": "Choice", "Choices": [
        {"Or": [{"Not": {"Variable": "$.a", "IsNull": True}}, {"Variable": "$.b", "BooleanEquals": True}],
         "Next": "Yes", "Comment": "first"},
        {"Variable": "$.c", "StringMatches": "log-*", "Next": "Match"}], "Default": "No"}
    assert all(states[name]["Next"] == "End" for name in ("Yes", "Match", "No"))


def test_parallel_retry_catch_and_map_item_processor() -> None:
    stack = Stack(cdk.App(), "S")
    parallel = sfn.Parallel(stack, "Both", result_selector={"first.$": "$[0]"})
    parallel.branch(sfn.Pass(stack, "L"), sfn.Pass(stack, "R"))
    parallel.add_retry({"max_attempts": 2})
    parallel.add_retry(sfn.RetryProps(errors=["Custom"], interval=Duration.seconds(3), backoff_rate=1.5))
    parallel.add_catch(sfn.Fail(stack, "Boom"), {"result_path": "$.error"})
    each = sfn.Map(stack, "Each", items_path="$.items", max_concurrency=3,
                   item_selector={"item": sfn.JsonPath.string_at("$$.Map.Item.Value")})
    each.item_processor(sfn.Pass(stack, "One"))
    states = json.loads(_definition(stack, parallel.next(each)))["States"]
    assert states["Both"] == {
        "Type": "Parallel", "Next": "Each",
        "Retry": [{"ErrorEquals": ["Custom"], "IntervalSeconds": 3, "BackoffRate": 1.5},
                  {"ErrorEquals": ["States.ALL"], "MaxAttempts": 2}],
        "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Boom"}],
        "Branches": [{"StartAt": "L", "States": {"L": {"Type": "Pass", "End": True}}},
                     {"StartAt": "R", "States": {"R": {"Type": "Pass", "End": True}}}],
        "ResultSelector": {"first.$": "$[0]"}}
    assert states["Each"] == {
        "Type": "Map", "End": True, "ItemsPath": "$.items",
        "ItemSelector": {"item.$": "$$.Map.Item.Value"},
        "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "One",
                          "States": {"One": {"Type": "Pass", "End": True}}},
        "MaxConcurrency": 3}


def test_fail_with_paths_and_its_validation() -> None:
    stack = Stack(cdk.App(), "S")
    fail = sfn.Fail(stack, "F", error_path="$.error", cause_path="States.Format('x {}', $.c)")
    assert json.loads(_definition(stack, fail))["States"]["F"] == {
        "Type": "Fail", "ErrorPath": "$.error", "CausePath": "States.Format('x {}', $.c)"}
    other = Stack(cdk.App(), "T")
    bad = sfn.Fail(other, "F", error="E", error_path="$.e")
    assert bad.validate_state() == ["Fail state cannot have both error and errorPath"]


def test_state_names_must_be_unique_across_branches() -> None:
    stack = Stack(cdk.App(), "S")
    parallel = sfn.Parallel(stack, "P").branch(sfn.Pass(stack, "A", state_name="Same"))
    with pytest.raises(ValidationError, match=r"State with name 'Same' occurs in both"):
        _definition(stack, parallel.next(sfn.Pass(stack, "B", state_name="Same")))


def test_a_state_cannot_be_in_two_machines() -> None:
    stack = Stack(cdk.App(), "S")
    shared = sfn.Pass(stack, "Shared")
    sfn.StateMachine(stack, "One", definition_body=sfn.DefinitionBody.from_chainable(shared))
    with pytest.raises(ValidationError, match=r"Trying to use state 'Shared' in State Machine definition"):
        sfn.StateMachine(stack, "Two", definition_body=sfn.DefinitionBody.from_chainable(shared))


def test_chain_errors_and_next_twice() -> None:
    stack = Stack(cdk.App(), "S")
    with pytest.raises(UnscopedValidationError, match=r"Cannot add to chain: last state in chain \(Done\)"):
        sfn.Chain.start(sfn.Pass(stack, "A")).next(sfn.Succeed(stack, "Done")).next(sfn.Pass(stack, "B"))
    p = sfn.Pass(stack, "P")
    p.next(sfn.Pass(stack, "Q"))
    with pytest.raises(ValidationError, match=r"State 'P' already has a next state"):
        p.next(sfn.Pass(stack, "R"))


@pytest.mark.parametrize(("build", "message"), [
    (lambda: sfn.Condition.string_equals("status", "x"), r"Variable reference must be '\$', start with '\$\.'"),
    (lambda: sfn.Condition.and_(), r"Must supply at least one inner condition"),
    (lambda: sfn.JsonPath.string_at("foo"), r"JSON path values must be exactly '\$'"),
    (lambda: sfn.Pass(Stack(cdk.App(), "S"), "P", result="x"), r"'result' must be a sfn.Result"),
])
def test_bad_inputs_are_rejected(build: Any, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        build()


def test_parallel_without_branches_fails_validation() -> None:
    stack = Stack(cdk.App(), "S")
    parallel = sfn.Parallel(stack, "P")
    assert parallel.validate_state() == ["Parallel must have at least one branch"]
    each = sfn.Map(stack, "M")
    assert "Map state must either have a non-empty iterator or a non-empty item processor" in each.validate_state()
