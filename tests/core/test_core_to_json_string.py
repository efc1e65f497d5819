"""`Stack.to_json_string`: CloudFormation-aware JSON (spec §1.6 and §4.4)."""

from __future__ import annotations

import pytest

from cdk_events.core import App, CfnResource, Construct, Fn, Intrinsic, Lazy, Stack, Token


@pytest.fixture
def stack() -> Stack:
    return Stack(App(), "S")


def queue_arn(stack: Stack) -> str:
    return CfnResource(Construct(stack, "Q"), "Resource", type="AWS::SQS::Queue").get_att("Arn").to_string()


def test_literals_give_plain_json_text(stack: Stack) -> None:
    assert stack.resolve(stack.to_json_string("plain text")) == '"plain text"'
    assert stack.resolve(stack.to_json_string("123")) == '"123"'
    assert stack.resolve(stack.to_json_string({"a": 1e21, "b": None, "10": -0.0})) == '{"10":0,"a":1e+21}'
    assert stack.resolve(stack.to_json_string({"Ref": "X"})) == '{"Ref":"X"}'


def test_string_with_a_reference(stack: Stack) -> None:
    arn = queue_arn(stack)
    assert stack.resolve(stack.to_json_string(f"queue {arn} url")) == {
        "Fn::Join": ["", ['"queue ', {"Fn::GetAtt": ["Q63C6E3AB", "Arn"]}, ' url"']]
    }


def test_fn_sub_is_escaped_inside_quotes(stack: Stack) -> None:
    value = stack.resolve(stack.to_json_string(Fn.sub('hello ${AWS::Region} "q"')))
    assert value == {"Fn::Join": ["", ['"', {"Fn::Sub": 'hello ${AWS::Region} \\"q\\"'}, '"']]}


def test_join_inside_an_object_has_its_literals_escaped(stack: Stack) -> None:
    arn = queue_arn(stack)
    value = stack.resolve(stack.to_json_string({"a": Fn.join("-", ['x"y', arn]), "b": 1}))
    assert value == {
        "Fn::Join": [
            "",
            [
                '{"a":"',
                {"Fn::Join": ["-", ['x\\"y', {"Fn::GetAtt": ["Q63C6E3AB", "Arn"]}]]},
                '","b":1}',
            ],
        ]
    }


def test_number_tokens_are_not_quoted(stack: Stack) -> None:
    count = Token.as_number(Intrinsic({"Ref": "Count"}))
    assert stack.resolve(stack.to_json_string({"n": count})) == {
        "Fn::Join": ["", ['{"n":', {"Ref": "Count"}, "}"]]
    }


def test_a_single_intrinsic_with_no_literal_around_it(stack: Stack) -> None:
    count = Token.as_number(Intrinsic({"Ref": "Count"}))
    assert stack.resolve(stack.to_json_string(count)) == {"Ref": "Count"}


def test_lazies_resolving_to_literals_are_inlined(stack: Stack) -> None:
    assert stack.resolve(stack.to_json_string({"k": Lazy.string(lambda: 'v"')})) == '{"k":"v\\""}'


def test_indentation(stack: Stack) -> None:
    assert stack.resolve(stack.to_json_string({"a": [1]}, 2)) == '{\n  "a": [\n    1\n  ]\n}'
