"""lambda_.Function props: tracing, logging, DLQs, environment, runtimes and their deprecation, against
the porting goldens."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest
from aws_support import COMPAT, by_path, make_app, synth

from cdk_events import EventPattern, Rule
from cdk_events import targets as event_targets
from cdk_events.aws import iam, lambda_, logs, sns, sqs
from cdk_events.aws.lambda_._runtime_lifecycle import runtime_finding
from cdk_events.core import Duration, RemovalPolicy, Stack, ValidationError

ASSET = str(COMPAT / "porting" / "apps" / "assets" / "handler_py")
INLINE = lambda_.Code.from_inline("def handler(event, context):\n    return event\n")


def porting_golden(app: str, stack: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((COMPAT / "porting" / "goldens" / app / f"{stack}.template.json").read_text())
    return result


def fn(stack: Stack, id: str, **props: Any) -> lambda_.Function:
    return lambda_.Function(stack, id, **{"runtime": lambda_.Runtime.PYTHON_3_12, "handler": "index.handler",
                                          "code": INLINE, **props})


def test_function_props_app_matches_golden(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "FunctionProps")
    code = lambda_.Code.from_asset(ASSET)
    dlq = sqs.Queue(stack, "FunctionDlq")
    log_group = logs.LogGroup(stack, "Logs", log_group_name="/porting/function-props",
                              retention=logs.RetentionDays.TWO_WEEKS, removal_policy=RemovalPolicy.DESTROY)
    full = lambda_.Function(
        stack, "Full", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=code,
        function_name="porting-full", description="Every planned prop",
        environment={"STAGE": "prod", "TABLE": "orders"},
        timeout=Duration.seconds(45), memory_size=1536, tracing=lambda_.Tracing.ACTIVE,
        architecture=lambda_.Architecture.ARM_64, reserved_concurrent_executions=7, dead_letter_queue=dlq,
        log_group=log_group, logging_format=lambda_.LoggingFormat.JSON,
        application_log_level_v2=lambda_.ApplicationLogLevel.WARN, system_log_level_v2=lambda_.SystemLogLevel.INFO,
        initial_policy=[iam.PolicyStatement(actions=["s3:GetObject"], resources=["arn:aws:s3:::orders/*"])])
    full.add_environment("EXTRA", "1")
    full.add_to_role_policy(iam.PolicyStatement(actions=["sqs:SendMessage"], resources=[dlq.queue_arn]))
    role = iam.Role(stack, "SharedRole", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
                    managed_policies=[iam.ManagedPolicy.from_aws_managed_policy_name(
                        "service-role/AWSLambdaBasicExecutionRole")])
    lean = lambda_.Function(stack, "Lean", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=code,
                            role=role, dead_letter_queue_enabled=True, tracing=lambda_.Tracing.PASS_THROUGH,
                            logging_format=lambda_.LoggingFormat.TEXT, memory_size=256)
    target_dlq = sqs.Queue(stack, "TargetDlq")
    Rule(stack, "Orders", event_pattern=EventPattern(source=["com.example.orders"]),
         targets=[event_targets.LambdaFunction(full, retry_attempts=2, dead_letter_queue=target_dlq,
                                               max_event_age=Duration.minutes(30)),
                  event_targets.LambdaFunction(lean)])
    ours = synth(app, "FunctionProps")
    assert json.dumps(ours) == json.dumps(porting_golden("lambda_function_props", "FunctionProps"))


def test_dead_letter_topic_and_tracing_disabled(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    topic = sns.Topic(stack, "Dlt")
    f = fn(stack, "F", dead_letter_topic=topic, tracing=lambda_.Tracing.DISABLED,
           ephemeral_storage_size=_Size(1024), recursive_loop=lambda_.RecursiveLoop.ALLOW)
    resources = synth(app, "S")["Resources"]
    props = by_path(resources, "S/F/Resource")["Properties"]
    assert props["DeadLetterConfig"] == {"TargetArn": stack.resolve(topic.topic_arn)}
    assert "TracingConfig" not in props
    assert props["EphemeralStorage"] == {"Size": 1024}
    assert props["RecursiveLoop"] == "Allow"
    policy = next(r for r in resources.values() if r["Type"] == "AWS::IAM::Policy")
    assert policy["Properties"]["PolicyDocument"]["Statement"] == [
        {"Action": "sns:Publish", "Effect": "Allow", "Resource": props["DeadLetterConfig"]["TargetArn"]}]
    assert f.dead_letter_topic is topic and f.dead_letter_queue is None


class _Size:
    def __init__(self, mebibytes: int):
        self._mebibytes = mebibytes

    def to_mebibytes(self) -> int:
        return self._mebibytes


@pytest.mark.parametrize(("props", "message"), [
    ({"log_retention": 7}, "pass log_group=logs.LogGroup(..., retention=...) instead"),
    ({"dead_letter_queue_enabled": False, "dead_letter_queue": "q"},
     "deadLetterQueue defined but deadLetterQueueEnabled explicitly set to false"),
    ({"dead_letter_queue_enabled": True, "dead_letter_topic": "t"},
     "deadLetterQueue and deadLetterTopic cannot be specified together at the same time"),
    ({"application_log_level_v2": lambda_.ApplicationLogLevel.WARN},
     "To use ApplicationLogLevel and/or SystemLogLevel you must set LogFormat to 'JSON', got 'undefined'."),
    ({"system_log_level_v2": lambda_.SystemLogLevel.WARN, "logging_format": lambda_.LoggingFormat.TEXT},
     "you must set LoggingFormat to 'JSON', got 'Text'."),
    ({"log_format": "JSON", "logging_format": lambda_.LoggingFormat.JSON},
     "Only define LogFormat or LoggingFormat, not both."),
    ({"tracing": "Active"}, "'tracing' must be"),
    ({"ephemeral_storage_size": _Size(100)},
     "Ephemeral storage size must be between 512 and 10240 MB, received 100 MB."),
    ({"retry_attempts": 3}, "`retryAttempts` must be between 0 and 2."),
    ({"max_event_age": Duration.seconds(30)},
     "`maximumEventAge` must represent a `Duration` that is between 60 and 21600 seconds."),
    ({"current_version_options": {"removal": RemovalPolicy.RETAIN}}, "allowed keys: code_sha256, description"),
])
def test_invalid_props_are_rejected(tmp_path: Path, props: dict[str, Any], message: str) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    with pytest.raises(ValidationError) as error:
        fn(stack, "F", **props)
    assert message in str(error.value)


def test_every_runtime_of_the_cdk_is_offered() -> None:
    names = {r.name for r in lambda_.Runtime.ALL}
    for expected in ("dotnet10", "java8.al2023", "java25", "nodejs24.x", "python3.14", "ruby4.0", "provided.al2023",
                     "dotnetcore1.0", "go1.x", "python2.7", "FROM_IMAGE"):
        assert expected in names
    assert lambda_.Runtime.NODEJS_LATEST.name == "nodejs24.x" and lambda_.Runtime.NODEJS_LATEST.is_variable
    assert lambda_.Runtime.JAVA_25.family is lambda_.RuntimeFamily.JAVA
    assert not lambda_.Runtime.JAVA_25.supports_inline_code and lambda_.Runtime.PYTHON_3_14.supports_inline_code
    assert lambda_.Runtime.PYTHON_3_7.deprecated and not lambda_.Runtime.PYTHON_3_12.deprecated
    assert lambda_.Runtime("nodejs99.x", lambda_.RuntimeFamily.NODEJS).runtime_equals(
        lambda_.Runtime("nodejs99.x", lambda_.RuntimeFamily.NODEJS))


def test_runtime_calendar() -> None:
    day = datetime.date(2026, 12, 6)
    assert runtime_finding("python3.12", day) is None
    level, message = runtime_finding("python3.8", day) or ("", "")
    assert level == "warning" and message.startswith("Runtime 'python3.8' was deprecated on '2024-10-14'. Creation "
                                                     "will be disabled on '2027-02-01'")
    assert runtime_finding("python3.7", day) == (
        "error", "Runtime 'python3.7' was deprecated on '2023-12-04'. Creation was disabled on '2024-01-09', and "
                 "updates will be disabled on '2027-03-03'. Please consider updating to 'python3.14'")
    assert (runtime_finding("python3.6", day) or ("",))[0] == "error"


def test_retired_runtime_is_rejected_at_synthesis_only_with_the_validate_flag(tmp_path: Path) -> None:
    app = make_app(tmp_path / "on")
    stack = Stack(app, "RetiredRuntime")
    fn(stack, "Legacy", runtime=lambda_.Runtime.PYTHON_3_7)
    with pytest.raises(ValidationError, match=r"\[RetiredRuntime/Legacy/Resource\] Runtime 'python3.7' was "
                                              r"deprecated on '2023-12-04'"):
        app.synth()
    off = make_app(tmp_path / "off")
    off.node.set_context("@aws-cdk/core:validateAgainstDefaultRules", False)
    stack = Stack(off, "RetiredRuntime")
    legacy = fn(stack, "Legacy", runtime=lambda_.Runtime.PYTHON_3_7)
    assert synth(off, "RetiredRuntime")["Resources"]["LegacyFA07BB5D"]["Properties"]["Runtime"] == "python3.7"
    assert any("was deprecated" in str(e.data) for e in legacy.node.metadata if e.type == "aws:cdk:warning")


class _BucketCode(lambda_.Code):
    """Code in an existing bucket (what `Code.from_bucket` gives), without the s3 module."""

    def __init__(self, key: str):
        self._key = key

    def bind(self, scope: Any) -> lambda_.CodeConfig:
        return lambda_.CodeConfig(s3_location=lambda_.CodeS3Location(
            bucket_name="runtime-artifacts-123456789012", object_key=self._key))


@pytest.mark.parametrize(("app_name", "stack_name", "retired"), [
    ("lambda_runtimes", "Runtimes", False), ("lambda_runtimes_retired", "RetiredRuntimes", True)])
def test_every_runtime_function_matches_golden(tmp_path: Path, app_name: str, stack_name: str, retired: bool) -> None:
    expected = porting_golden(app_name, stack_name)["Resources"]
    app = make_app(tmp_path)
    if retired:
        app.node.set_context("@aws-cdk/core:validateAgainstDefaultRules", False)
    stack = Stack(app, stack_name)
    names = [r["Properties"]["Code"]["S3Key"][:-4].upper() for r in expected.values()
             if r["Type"] == "AWS::Lambda::Function"]
    for name in names:
        lambda_.Function(stack, name.replace("_", ""), runtime=getattr(lambda_.Runtime, name),
                         handler="index.handler", code=_BucketCode(f"{name.lower()}.zip"))
    ours = synth(app, stack_name)["Resources"]
    functions = {k: v for k, v in expected.items() if v["Type"] in ("AWS::Lambda::Function", "AWS::IAM::Role",
                                                                     "AWS::Logs::LogGroup")}
    assert len(names) == (19 if retired else 31)
    assert {k: ours[k] for k in functions} == functions
