"""The AwsApi target: our own inline Python handler instead of the CDK-bundled asset (spec §2.2,
compat `divergent/`): resources, IAM naming, errors, cfn-lint, and the handler itself against a fake boto3."""

from __future__ import annotations

import json
import re
import runpy
import sys
import types
from pathlib import Path
from typing import Any

import pytest
from _compat_apps import COMPAT, needs_shared

import cdk_events as events
import cdk_events.targets
from cdk_events import core as cdk
from cdk_events.assertions import Annotations, Match, Template
from cdk_events.aws import iam
from cdk_events.core import RECOMMENDED_FEATURE_FLAGS, ValidationError
from cdk_events.targets._aws_api import AwsApi, iam_action
from cdk_events.targets._aws_api_handler import HANDLER_SOURCE

FUNCTION = "AWSb4cf1abd4e4f4bc699441af7ccd9ec371511E620"
ROLE = "AWSb4cf1abd4e4f4bc699441af7ccd9ec37ServiceRole9FFE9C50"
POLICY = "AWSb4cf1abd4e4f4bc699441af7ccd9ec37ServiceRoleDefaultPolicy4D43A7C1"
IGNORED = (
    # A Lambda function's DependsOn lists its role as aws-cdk-lib writes it (see tests/test_examples.py).
    ("W3005", re.compile(r"^'\w*ServiceRole[0-9A-F]{8}' dependency already enforced")),
    # The app's own statement for a service that does not exist (on purpose).
    ("W3037", re.compile(r"^'notaservice' is not one of")),
)


def lint(template: dict[str, Any]) -> list[str]:
    """cfn-lint findings (warnings and errors) of `template`, less the known, intended ones."""
    from cfnlint.api import ManualArgs  # type: ignore[import-untyped]
    from cfnlint.api import lint as cfn_lint

    findings = cfn_lint(json.dumps(template), config=ManualArgs(regions=["us-east-1"]))
    return [f"{m.rule.id} {m.message}" for m in findings if m.rule.severity.lower() != "informational"
            and not any(m.rule.id == rule and pattern.match(m.message) for rule, pattern in IGNORED)]


def app() -> cdk.App:
    """An app with the feature flags of a new CDK project."""
    return cdk.App(context=dict(RECOMMENDED_FEATURE_FLAGS))


def target_aws_api() -> cdk.Stack:
    """The shape of compat app divergent/target_aws_api."""
    stack = cdk.Stack(app(), "AwsApiTargetStack")
    events.Rule(stack, "Rule", schedule=events.Schedule.rate(cdk.Duration.hours(1)), targets=[AwsApi(
        service="ECS", action="updateService", parameters={"service": "my-service", "forceNewDeployment": True})])
    events.Rule(stack, "WithPolicy", event_pattern=events.EventPattern(source=["com.example"]), targets=[AwsApi(
        service="RDS", action="stopDBInstance", parameters={"DBInstanceIdentifier": "my-db"},
        policy_statement=iam.PolicyStatement(actions=["rds:StopDBInstance"], resources=["*"]))])
    return stack


def aws_api_options() -> cdk.Stack:
    """The shape of compat app divergent/aws_api_options."""
    stack = cdk.Stack(app(), "AwsApiOptionStack")
    rule = events.Rule(stack, "Rule", schedule=events.Schedule.rate(cdk.Duration.minutes(30)))
    rule.add_target(AwsApi(
        service="SSM", action="putParameter", api_version="2014-11-06",
        parameters={"Name": "/events/last-run", "Value": "now", "Overwrite": True,
                    "Tags": [{"Key": "a", "Value": "b"}]},
        catch_error_pattern="ParameterAlreadyExists"))
    rule.add_target(AwsApi(service="ECS", action="updateService",
                           parameters={"cluster": "main", "service": "web", "desiredCount": 0}))
    events.Rule(stack, "Unknown", event_pattern=events.EventPattern(source=["com.example"]), targets=[AwsApi(
        service="NotAService", action="doThing",
        policy_statement=iam.PolicyStatement(actions=["notaservice:DoThing"], resources=["*"]))])
    return stack


# --- synthesized resources ----------------------------------------------------------------------
def test_one_inline_python_handler_per_stack() -> None:
    template = Template.from_stack(target_aws_api()).to_json()
    functions = {k: v for k, v in template["Resources"].items() if v["Type"] == "AWS::Lambda::Function"}
    assert list(functions) == [FUNCTION]
    assert functions[FUNCTION]["Properties"] == {
        "Code": {"ZipFile": HANDLER_SOURCE}, "Handler": "index.handler", "MemorySize": 256,
        "Role": {"Fn::GetAtt": [ROLE, "Arn"]}, "Runtime": "python3.12", "Timeout": 60}
    assert functions[FUNCTION]["DependsOn"] == [POLICY, ROLE]
    assert template["Resources"][POLICY]["Properties"]["PolicyDocument"]["Statement"] == [
        {"Action": ["ecs:UpdateService", "rds:StopDBInstance"], "Effect": "Allow", "Resource": "*"}]
    assert template["Resources"][ROLE]["Properties"]["ManagedPolicyArns"] == [{"Fn::Join": ["", [
        "arn:", {"Ref": "AWS::Partition"}, ":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]]}]
    log_groups = {k for k, v in template["Resources"].items() if v["Type"] == "AWS::Logs::LogGroup"}
    assert log_groups == {"AWSb4cf1abd4e4f4bc699441af7ccd9ec37LogGroup55AC5485"}


def test_rule_targets_and_permissions_use_the_cdk_ids() -> None:
    template = Template.from_stack(target_aws_api()).to_json()
    resources = template["Resources"]
    assert resources["Rule4C995B7F"]["Properties"]["Targets"] == [{
        "Arn": {"Fn::GetAtt": [FUNCTION, "Arn"]}, "Id": "Target0",
        "Input": '{"service":"ECS","action":"updateService","parameters":{"service":"my-service",'
                 '"forceNewDeployment":true}}'}]
    permissions = {k: v["Properties"] for k, v in resources.items() if v["Type"] == "AWS::Lambda::Permission"}
    assert permissions == {
        "RuleAllowEventRuleAwsApiTargetStackRuleRuleTarget0Handler566F19B5F066BD85": {
            "Action": "lambda:InvokeFunction", "FunctionName": {"Fn::GetAtt": [FUNCTION, "Arn"]},
            "Principal": "events.amazonaws.com", "SourceArn": {"Fn::GetAtt": ["Rule4C995B7F", "Arn"]}},
        "WithPolicyAllowEventRuleAwsApiTargetStackWithPolicyWithPolicyTarget0HandlerA67C58FE806D4FE5": {
            "Action": "lambda:InvokeFunction", "FunctionName": {"Fn::GetAtt": [FUNCTION, "Arn"]},
            "Principal": "events.amazonaws.com", "SourceArn": {"Fn::GetAtt": ["WithPolicyC5CEDAA5", "Arn"]}},
    }


def test_options_input_policy_and_unknown_service_warning() -> None:
    stack = aws_api_options()
    template = Template.from_stack(stack).to_json()
    targets = template["Resources"]["Rule4C995B7F"]["Properties"]["Targets"]
    assert [t["Input"] for t in targets] == [
        '{"service":"SSM","action":"putParameter","parameters":{"Name":"/events/last-run","Value":"now",'
        '"Overwrite":true,"Tags":[{"Key":"a","Value":"b"}]},"catchErrorPattern":"ParameterAlreadyExists",'
        '"apiVersion":"2014-11-06"}',
        '{"service":"ECS","action":"updateService","parameters":{"cluster":"main","service":"web","desiredCount":0}}']
    assert template["Resources"]["Unknown9D0245A6"]["Properties"]["Targets"][0]["Input"] == \
        '{"service":"NotAService","action":"doThing"}'
    assert template["Resources"][POLICY]["Properties"]["PolicyDocument"]["Statement"] == [
        {"Action": ["ecs:UpdateService", "notaservice:DoThing", "ssm:PutParameter"], "Effect": "Allow",
         "Resource": "*"}]
    assert len([v for v in template["Resources"].values() if v["Type"] == "AWS::Lambda::Permission"]) == 3
    warnings = Annotations.from_stack(stack).find_warning(
        "*", Match.string_like_regexp("Service NotAService does not exist"))
    assert [w.id for w in warnings] == ["/AwsApiOptionStack/Unknown/UnknownTarget0Handler"]
    assert warnings[0].entry.data.endswith("[ack: @aws-cdk/aws-events-targets:NotAServiceDoesNotExist]")


def test_templates_lint_clean() -> None:
    for stack in (target_aws_api(), aws_api_options()):
        assert lint(Template.from_stack(stack).to_json()) == []


@pytest.mark.parametrize(("service", "action", "expected"), [
    ("ECS", "updateService", "ecs:UpdateService"),
    ("SSM", "putParameter", "ssm:PutParameter"),
    ("CloudWatchLogs", "putRetentionPolicy", "logs:PutRetentionPolicy"),
    ("cloudwatch-logs", "putRetentionPolicy", "logs:PutRetentionPolicy"),
    ("@aws-sdk/client-sfn", "startExecution", "states:StartExecution"),
    ("StepFunctions", "startExecution", "states:StartExecution"),
    ("CloudWatch", "putMetricData", "monitoring:PutMetricData"),
    ("EFS", "createTags", "elasticfilesystem:CreateTags"),
    ("CognitoIdentityServiceProvider", "adminGetUser", "cognito-idp:AdminGetUser"),
    ("ECS", "update_service", "ecs:UpdateService"),
    ("NotAService", "doThing", "notaservice:DoThing"),
])
def test_iam_action_naming(service: str, action: str, expected: str) -> None:
    assert iam_action(service, action) == expected


@pytest.mark.parametrize(("props", "message"), [
    ({"service": "", "action": "x"}, "'service' must be a non-empty string (e.g. service='ECS', "
                                     "action='updateService'), got ''"),
    ({"service": "ECS", "action": None}, "'action' must be a non-empty string"),
    ({"service": "ECS", "action": "updateService", "parameters": ["a"]},
     "'parameters' must be a dict of the updateService request fields, got ['a']"),
    ({"service": "ECS", "action": "updateService", "catch_error_pattern": "(unclosed"},
     "'catch_error_pattern' '(unclosed' is not a valid Python regular expression"),
    ({"service": "ECS", "action": "updateService", "api_version": 2014},
     "'api_version' must be a string such as '2014-11-06', got 2014"),
    ({"service": "ECS", "action": "updateService", "policy_statement": {"Action": "ecs:*"}},
     "'policy_statement' must be an iam.PolicyStatement, got {'Action': 'ecs:*'}"),
])
def test_wrong_props_name_the_rule_the_property_and_the_value(props: dict[str, Any], message: str) -> None:
    stack = cdk.Stack(cdk.App(), "S")
    with pytest.raises(ValidationError) as caught:
        events.Rule(stack, "R", schedule=events.Schedule.rate(cdk.Duration.hours(1)), targets=[AwsApi(**props)])
    assert str(caught.value).startswith(f"[S/R] AwsApi target: {message}")


# --- the handler ----------------------------------------------------------------------------------
def test_handler_fits_the_inline_limit_and_compiles() -> None:
    assert len(HANDLER_SOURCE.encode()) <= 4096
    compile(HANDLER_SOURCE, "index.py", "exec")


class _Shape:
    def __init__(self, type_name: str, members: dict[str, _Shape] | None = None, member: _Shape | None = None):
        self.type_name = type_name
        self.members = members or {}
        self.member = member
        self.value = member


class _ClientError(Exception):
    def __init__(self, code: str):
        super().__init__(f"An error occurred ({code})")
        self.response = {"Error": {"Code": code, "Message": "boom"}}


class _FakeClient:
    OPERATIONS = {"update_service": "UpdateService", "put_parameter": "PutParameter",
                  "put_retention_policy": "PutRetentionPolicy", "start_execution": "StartExecution",
                  "stop_db_instance": "StopDBInstance", "send_command": "SendCommand"}

    def __init__(self, name: str, calls: list[tuple[str, str, dict[str, Any]]], fail: Exception | None):
        self.name = name
        self._calls = calls
        self._fail = fail
        input_shape = _Shape("structure", {
            "desiredCount": _Shape("integer"), "forceNewDeployment": _Shape("boolean"),
            "ratio": _Shape("double"), "ids": _Shape("list", member=_Shape("long")),
            "nested": _Shape("structure", {"n": _Shape("integer")}), "service": _Shape("string")})
        self.meta = types.SimpleNamespace(
            method_to_api_mapping=dict(self.OPERATIONS),
            service_model=types.SimpleNamespace(service_name=name,
                                                operation_model=lambda api: types.SimpleNamespace(
                                                    input_shape=input_shape)))
        for method in self.OPERATIONS:
            setattr(self, method, self._method(method))

    def _method(self, method: str) -> Any:
        def call(**params: Any) -> dict[str, Any]:
            self._calls.append((self.name, method, params))
            if self._fail is not None:
                raise self._fail
            return {"ok": True, "ResponseMetadata": {"RequestId": "r"}}
        return call


@pytest.fixture
def fake_boto3(monkeypatch: pytest.MonkeyPatch) -> Any:
    """A fake `boto3` module; `fake.calls` records (client, method, params), `fake.fail` makes calls raise."""
    fake = types.ModuleType("boto3")
    fake.calls = []  # type: ignore[attr-defined]
    fake.fail = None  # type: ignore[attr-defined]
    services = ["ecs", "logs", "ssm", "stepfunctions", "rds", "cognito-idp", "elbv2", "events", "s3"]
    fake.Session = lambda: types.SimpleNamespace(get_available_services=lambda: list(services))  # type: ignore
    fake.client = lambda name, **kw: _FakeClient(name, fake.calls, fake.fail)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "boto3", fake)
    return fake


def _handler() -> Any:
    namespace: dict[str, Any] = {}
    exec(compile(HANDLER_SOURCE, "index.py", "exec"), namespace)
    return namespace["handler"]


@pytest.mark.parametrize(("service", "action", "client", "method"), [
    ("ECS", "updateService", "ecs", "update_service"),
    ("SSM", "putParameter", "ssm", "put_parameter"),
    ("CloudWatchLogs", "putRetentionPolicy", "logs", "put_retention_policy"),
    ("cloudwatch-logs", "PutRetentionPolicy", "logs", "put_retention_policy"),
    ("@aws-sdk/client-sfn", "StartExecutionCommand", "stepfunctions", "start_execution"),
    ("StepFunctions", "startExecution", "stepfunctions", "start_execution"),
    ("RDS", "stopDBInstance", "rds", "stop_db_instance"),
    ("ecs", "update_service", "ecs", "update_service"),
    ("SSM", "sendCommand", "ssm", "send_command"),
])
def test_handler_maps_cdk_names_to_boto3(fake_boto3: Any, service: str, action: str, client: str,
                                         method: str) -> None:
    _handler()({"service": service, "action": action, "parameters": {"service": "web"}})
    assert fake_boto3.calls == [(client, method, {"service": "web"})]


def test_handler_coerces_strings_to_the_input_shape(fake_boto3: Any) -> None:
    _handler()({"service": "ECS", "action": "updateService", "parameters": {
        "desiredCount": "3", "forceNewDeployment": "true", "ratio": "0.5", "ids": ["1", 2.0, "x"],
        "nested": {"n": "7"}, "service": "42", "other": "9"}})
    assert fake_boto3.calls[0][2] == {"desiredCount": 3, "forceNewDeployment": True, "ratio": 0.5,
                                      "ids": [1, 2, "x"], "nested": {"n": 7}, "service": "42", "other": "9"}


def test_handler_without_parameters_calls_with_none(fake_boto3: Any) -> None:
    _handler()({"service": "ECS", "action": "updateService"})
    assert fake_boto3.calls == [("ecs", "update_service", {})]


def test_handler_swallows_only_errors_matching_the_pattern(fake_boto3: Any) -> None:
    handler = _handler()
    fake_boto3.fail = _ClientError("ParameterAlreadyExists")
    handler({"service": "SSM", "action": "putParameter", "catchErrorPattern": "AlreadyExists"})
    with pytest.raises(_ClientError):
        handler({"service": "SSM", "action": "putParameter", "catchErrorPattern": "^NotFound"})
    with pytest.raises(_ClientError):
        handler({"service": "SSM", "action": "putParameter"})
    fake_boto3.fail = KeyError("x")
    handler({"service": "SSM", "action": "putParameter", "catchErrorPattern": "KeyErr"})


def test_handler_rejects_unknown_services_and_actions(fake_boto3: Any) -> None:
    handler = _handler()
    with pytest.raises(ValueError, match="Unknown AWS service: NotAService"):
        handler({"service": "NotAService", "action": "doThing"})
    with pytest.raises(ValueError, match="Unknown action doThing of ecs"):
        handler({"service": "ECS", "action": "doThing"})
    handler({"service": "ECS", "action": "doThing", "catchErrorPattern": "ValueError"})


# --- the compat apps ------------------------------------------------------------------------------
def run_divergent_app(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Synthesize compat app divergent/`name` into `tmp_path`, with the divergent targets exposed."""
    from cdk_events.targets import _aws_api, _log_group

    context = json.loads((COMPAT / "context.json").read_text())
    context["aws:cdk:enable-path-metadata"] = True
    context["aws:cdk:version-reporting"] = False
    monkeypatch.setenv("CDK_OUTDIR", str(tmp_path))
    monkeypatch.setenv("CDK_CONTEXT_JSON", json.dumps(context))
    monkeypatch.syspath_prepend(str(COMPAT / "shims" / "cdk_events"))
    monkeypatch.delitem(sys.modules, "cdkapi", raising=False)
    for module in (_aws_api, _log_group):
        for attr, value in vars(module).items():
            if isinstance(value, type) and value.__module__ == module.__name__ and not attr.startswith("_") \
                    and not hasattr(cdk_events.targets, attr):
                monkeypatch.setattr(cdk_events.targets, attr, value, raising=False)
    runpy.run_path(str(COMPAT / "divergent" / "apps" / f"{name}.py"), run_name="__main__")
    return tmp_path


@needs_shared
@pytest.mark.parametrize("name", ["target_aws_api", "aws_api_options"])
def test_compat_apps_synthesize_and_differ_from_the_goldens_only_in_the_code(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = run_divergent_app(name, tmp_path, monkeypatch)
    for golden_file in (COMPAT / "divergent" / "goldens" / name).glob("*.template.json"):
        ours = json.loads((out / golden_file.name).read_text())
        golden = json.loads(golden_file.read_text())
        assert lint(ours) == []
        for template in (ours, golden):
            template["Resources"].pop("CDKMetadata", None)
            template.pop("Conditions", None)
            template["Resources"][FUNCTION]["Properties"].pop("Code")
            template["Resources"][FUNCTION]["Properties"].pop("Runtime")
        assert ours == golden
