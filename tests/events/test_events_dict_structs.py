"""Structs given as plain dicts with snake_case keys, as jsii converts them: the same template as the
struct, and an unknown key is a clear error (path, property, key, allowed keys)."""

from __future__ import annotations

from typing import Any

import pytest

from cdk_events import EventBus, IncludeDetail, Level, LogConfig
from cdk_events.assertions import Template
from cdk_events.aws import sqs
from cdk_events.core import App, Environment, Stack, ValidationError


def _resources(stack: Stack, kind: str) -> list[dict[str, Any]]:
    return list(Template.from_stack(stack).find_resources(kind).values())


def test_event_bus_log_config_as_a_dict_equals_the_struct() -> None:
    app = App()
    as_dict, as_struct = Stack(app, "A"), Stack(app, "B")
    EventBus(as_dict, "Bus", log_config={"include_detail": IncludeDetail.FULL, "level": Level.INFO})
    EventBus(as_struct, "Bus", log_config=LogConfig(include_detail=IncludeDetail.FULL, level=Level.INFO))
    [from_dict] = _resources(as_dict, "AWS::Events::EventBus")
    [from_struct] = _resources(as_struct, "AWS::Events::EventBus")
    assert from_dict["Properties"]["LogConfig"] == from_struct["Properties"]["LogConfig"] == {
        "IncludeDetail": "FULL", "Level": "INFO"}


def test_queue_dead_letter_queue_as_a_dict() -> None:
    stack = Stack(App(), "S")
    dead = sqs.Queue(stack, "Dead")
    sqs.Queue(stack, "Work", dead_letter_queue={"queue": dead, "max_receive_count": 5})
    queues = _resources(stack, "AWS::SQS::Queue")
    redrive = [q["Properties"]["RedrivePolicy"] for q in queues if "RedrivePolicy" in q.get("Properties", {})]
    assert redrive == [{"deadLetterTargetArn": {"Fn::GetAtt": [redrive[0]["deadLetterTargetArn"]["Fn::GetAtt"][0],
                                                               "Arn"]}, "maxReceiveCount": 5}]


def test_stack_env_as_a_dict() -> None:
    app = App()
    assert Stack(app, "A", env={"region": "eu-west-1"}).region == "eu-west-1"
    assert Stack(app, "B", env={"account": "123456789012", "region": "us-east-2"}).account == "123456789012"
    assert Stack(app, "C", env=Environment(region="eu-west-1")).region == "eu-west-1"


@pytest.mark.parametrize(("build", "prop", "key"), [
    (lambda s: EventBus(s, "Bus", log_config={"levle": Level.INFO}), "log_config", "levle"),
    (lambda s: sqs.Queue(s, "Q", dead_letter_queue={"queue": sqs.Queue(s, "D"), "max_receives": 3}),
     "dead_letter_queue", "max_receives"),
])
def test_an_unknown_key_names_path_property_and_allowed_keys(build: Any, prop: str, key: str) -> None:
    stack = Stack(App(), "S")
    with pytest.raises(ValidationError) as info:
        build(stack)
    assert f"'{prop}'" in str(info.value) and f"'{key}'" in str(info.value) and "allowed keys:" in str(info.value)
    assert str(info.value).startswith("[S/")
    assert isinstance(info.value, TypeError)
