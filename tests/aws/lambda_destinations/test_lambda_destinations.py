"""lambda_destinations: SQS, SNS, Lambda (response_only) and EventBridge destinations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from aws_support import COMPAT, make_app, synth

from cdk_events import EventBus, EventPattern, Rule, Schedule
from cdk_events import targets as event_targets
from cdk_events.aws import lambda_, sns, sqs
from cdk_events.aws import lambda_destinations as destinations
from cdk_events.core import Duration, Stack, UnscopedValidationError, ValidationError

ASSET = str(COMPAT / "porting" / "apps" / "assets" / "handler_py")


def porting_golden(app: str, stack: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((COMPAT / "porting" / "goldens" / app / f"{stack}.template.json").read_text())
    return result


def test_destinations_app_matches_golden(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "Destinations")
    code = lambda_.Code.from_asset(ASSET)

    def fn(name: str, **props: Any) -> lambda_.Function:
        return lambda_.Function(stack, name, runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=code,
                                **props)

    bus = EventBus(stack, "Results", event_bus_name="lambda-results")
    queue = sqs.Queue(stack, "Failures")
    topic = sns.Topic(stack, "Successes")
    after = fn("After")
    to_queues = fn("QueueTopic", on_success=destinations.SnsDestination(topic),
                   on_failure=destinations.SqsDestination(queue), retry_attempts=1, max_event_age=Duration.hours(1))
    to_lambda = fn("Chained", on_success=destinations.LambdaDestination(after, response_only=True),
                   on_failure=destinations.LambdaDestination(after))
    to_bus = fn("ToBus", on_success=destinations.EventBridgeDestination(bus),
                on_failure=destinations.EventBridgeDestination(), retry_attempts=0)
    Rule(stack, "InvocationResults", event_bus=bus,
         event_pattern=EventPattern(source=["lambda"], detail_type=["Lambda Function Invocation Result - Success"]),
         targets=[event_targets.SqsQueue(sqs.Queue(stack, "Audit"))])
    Rule(stack, "Kick", schedule=Schedule.rate(Duration.minutes(15)),
         targets=[event_targets.LambdaFunction(f) for f in (to_queues, to_lambda, to_bus)])
    assert json.dumps(synth(app, "Destinations")) == json.dumps(porting_golden("lambda_destinations", "Destinations"))


def test_response_only_on_failure_uses_a_failure_rule(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    code = lambda_.Code.from_inline("def handler(e, c):\n    return e\n")
    target = lambda_.Function(stack, "Target", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                              code=code)
    lambda_.Function(stack, "Source", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=code,
                     on_failure=destinations.LambdaDestination(target, response_only=True))
    resources = synth(app, "S")["Resources"]
    rule = next(r for r in resources.values() if r["Type"] == "AWS::Events::Rule")
    assert rule["Metadata"]["aws:cdk:path"] == "S/Source/EventInvokeConfig/Failure/Resource"
    assert rule["Properties"]["EventPattern"]["detail-type"] == ["Lambda Function Invocation Result - Failure"]
    assert rule["Properties"]["Targets"][0]["InputPath"] == "$.detail.responsePayload"


def test_bad_destinations_are_rejected(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    code = lambda_.Code.from_inline("x")
    with pytest.raises(UnscopedValidationError, match=r"SqsDestination: expected an sqs\.IQueue"):
        destinations.SqsDestination("queue")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="'on_success' must be a destination"):
        lambda_.Function(stack, "F", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=code,
                         on_success="arn:aws:sqs:us-east-1:123456789012:q")  # type: ignore[arg-type]
    target = lambda_.Function(stack, "T", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=code)
    with pytest.raises(UnscopedValidationError, match=r"Options must be defined when using `responseOnly`\."):
        destinations.LambdaDestination(target, response_only=True).bind(stack, target)
