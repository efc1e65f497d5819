"""render_input: the body a target receives (AWS User Guide, "Transforming target input")."""

from __future__ import annotations

import json
from typing import Any

import pytest

from cdk_events.local import InvalidInputError, UndeliverableInputError, render_input

EVENT: dict[str, Any] = {
    "version": "0",
    "id": "7bf73129-1428-4cd3-a780-95db273d1602",
    "detail-type": "EC2 Instance State-change Notification",
    "source": "aws.ec2",
    "account": "123456789012",
    "time": "2015-11-11T21:29:54Z",
    "region": "us-east-1",
    "resources": ["arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111"],
    "detail": {
        "instance-id": "i-0123456789",
        "state": "RUNNING",
        "count": 3,
        "tags": ["a", "b"],
        "meta": {"k": "v"},
    },
}
PATHS = {
    "instance": "$.detail.instance-id",
    "state": "$.detail.state",
    "count": "$.detail.count",
    "tags": "$.detail.tags",
    "meta": "$.detail.meta",
    "resource": "$.resources[0]",
    "missing": "$.detail.nope",
}


def transform(template: str, **kwargs: Any) -> str:
    return render_input(
        EVENT, input_transformer={"InputPathsMap": PATHS, "InputTemplate": template}, **kwargs
    )


def test_default_is_the_whole_event() -> None:
    assert json.loads(render_input(EVENT)) == EVENT
    assert json.loads(render_input(json.dumps(EVENT))) == EVENT


def test_constant_input() -> None:
    assert render_input(EVENT, input='{"a": 1}') == '{"a": 1}'
    assert json.loads(render_input(EVENT, input={"a": [1]})) == {"a": [1]}
    with pytest.raises(InvalidInputError):
        render_input(EVENT, input="not json")


def test_input_path() -> None:
    assert render_input(EVENT, input_path="$.detail.state") == '"RUNNING"'
    assert json.loads(render_input(EVENT, input_path="$.detail.meta")) == {"k": "v"}
    assert (
        render_input(EVENT, input_path="$.resources[0]")
        == '"arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111"'
    )
    assert json.loads(render_input(EVENT, input_path="$.detail.tags[*]")) == ["a", "b"]


def test_json_template_values() -> None:
    body = transform('{"i": <instance>, "n": <count>, "t": <tags>, "m": <meta>, "x": <missing>}')
    assert json.loads(body) == {"i": "i-0123456789", "n": 3, "t": ["a", "b"], "m": {"k": "v"}, "x": ""}


def test_json_template_inside_strings_inserts_raw_text() -> None:
    body = transform('{"s": "instance <instance> has <count> tags, <missing>."}')
    assert json.loads(body) == {"s": "instance i-0123456789 has 3 tags, ."}


def test_object_inside_json_string_is_not_delivered() -> None:
    with pytest.raises(UndeliverableInputError):
        transform('{"s": "<meta>"}')


def test_text_template_keeps_quotes_and_strips_them_from_objects() -> None:
    assert transform('"<instance> is in <state>"') == '"i-0123456789 is in RUNNING"'
    assert transform('"tags <tags> meta <meta> n <count>"') == '"tags [a,b] meta {k:v} n 3"'


def test_predefined_variables() -> None:
    body = transform(
        '{"arn": <aws.events.rule-arn>, "name": <aws.events.rule-name>, '
        '"at": <aws.events.event.ingestion-time>, "e": <aws.events.event>, "j": <aws.events.event.json>}',
        rule_name="my-rule",
    )
    rendered = json.loads(body)
    assert rendered["arn"] == "arn:aws:events:us-east-1:123456789012:rule/my-rule"
    assert rendered["name"] == "my-rule"
    assert rendered["at"] == "2015-11-11T21:29:54Z"
    assert rendered["j"] == EVENT
    assert "detail" not in rendered["e"]
    assert rendered["e"]["detailType"] == EVENT["detail-type"]


def test_event_only_as_json_value() -> None:
    with pytest.raises(InvalidInputError):
        transform('"the event: <aws.events.event>"')


def test_snake_case_keys() -> None:
    body = render_input(
        EVENT, input_transformer={"input_paths_map": {"s": "$.detail.state"}, "input_template": "<s>"}
    )
    assert body == '"RUNNING"'


def test_validation_messages() -> None:
    with pytest.raises(
        InvalidInputError, match=r"^InputTemplate for target T1 contains invalid placeholder zzz\.$"
    ):
        transform('"<zzz>"', target_id="T1")
    with pytest.raises(InvalidInputError, match=r"^Only one of Input, InputPath, or InputTransformer"):
        render_input(EVENT, input="{}", input_path="$")
    with pytest.raises(InvalidInputError, match="reserved"):
        render_input(
            EVENT, input_transformer={"InputPathsMap": {"aws.events.event": "$"}, "InputTemplate": "{}"}
        )
    with pytest.raises(InvalidInputError, match="at most 100"):
        render_input(
            EVENT,
            input_transformer={"InputPathsMap": {f"v{i}": "$.id" for i in range(101)}, "InputTemplate": "{}"},
        )
