"""lambda_.Version / Alias / current_version (the CDK's configuration hash) and EventInvokeConfig."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from aws_support import COMPAT, by_path, make_app, synth

from cdk_events import EventPattern, Rule
from cdk_events import targets as event_targets
from cdk_events.aws import iam, lambda_
from cdk_events.core import CfnOutput, Fn, RemovalPolicy, Stack, ValidationError

ASSET = str(COMPAT / "porting" / "apps" / "assets" / "handler_py")
INLINE = lambda_.Code.from_inline("def handler(event, context):\n    return event\n")


class _S3Code(lambda_.Code):
    """Code in the bootstrap bucket under the key the porting asset has (no asset staging)."""

    def bind(self, scope: Any) -> lambda_.CodeConfig:
        return lambda_.CodeConfig(s3_location=lambda_.CodeS3Location(
            bucket_name=Fn.sub("cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"),
            object_key="75c039a43a5de620c341865065e9570c399a2e037dd913a8f3adc4e9175435cd.zip"))


def porting_golden(app: str, stack: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((COMPAT / "porting" / "goldens" / app / f"{stack}.template.json").read_text())
    return result


def test_versions_alias_app_matches_golden(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "VersionsAlias")
    fn = lambda_.Function(stack, "Handler", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                          code=lambda_.Code.from_asset(ASSET),
                          current_version_options={"removal_policy": RemovalPolicy.RETAIN, "description": "release"})
    live = lambda_.Alias(stack, "Live", alias_name="live", version=fn.current_version)
    pinned = lambda_.Version(stack, "Pinned", lambda_=fn, description="pinned for canary")
    canary = lambda_.Alias(stack, "Canary", alias_name="canary", version=fn.current_version,
                           additional_versions=[lambda_.VersionWeight(version=pinned, weight=0.1)])
    Rule(stack, "ToAlias", event_pattern=EventPattern(source=["com.example.live"]),
         targets=[event_targets.LambdaFunction(live)])
    Rule(stack, "ToVersion", event_pattern=EventPattern(source=["com.example.pinned"]),
         targets=[event_targets.LambdaFunction(pinned), event_targets.LambdaFunction(canary)])
    CfnOutput(stack, "VersionArn", value=fn.current_version.function_arn)
    assert json.dumps(synth(app, "VersionsAlias")) == json.dumps(porting_golden("lambda_versions_alias",
                                                                                "VersionsAlias"))


def test_current_version_logical_id_is_the_cdk_hash(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "VersionsAlias")
    fn = lambda_.Function(stack, "Handler", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                          code=_S3Code())
    assert fn.current_version is fn.current_version
    resources = synth(app, "VersionsAlias")["Resources"]
    assert "HandlerCurrentVersion93FB80BFae35649ef681b0f67055196033204e4f" in resources


def test_current_version_changes_with_configuration_and_mixins(tmp_path: Path) -> None:
    ids = []
    for index, (memory, mixin) in enumerate([(None, None), (256, None), (None, "v2")]):
        app = make_app(tmp_path / str(index))
        stack = Stack(app, "S")
        fn = lambda_.Function(stack, "F", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=INLINE,
                              memory_size=memory, reserved_concurrent_executions=3 if index else None)
        if mixin:
            fn.invalidate_version_based_on(mixin)
        fn.current_version  # noqa: B018 - creates the version
        ids.append(next(k for k, r in synth(app, "S")["Resources"].items() if r["Type"] == "AWS::Lambda::Version"))
    assert len(set(ids)) == 3 and all(i.startswith("FCurrentVersion") for i in ids)


def test_environment_is_sorted_once_a_current_version_exists(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    plain = lambda_.Function(stack, "Plain", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                             code=INLINE, environment={"B": "1", "A": "2"})
    versioned = lambda_.Function(stack, "Versioned", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                                 code=INLINE, environment={"B": "1", "A": "2"})
    versioned.current_version  # noqa: B018
    resources = synth(app, "S")["Resources"]
    env = {k: list(r["Properties"]["Environment"]["Variables"]) for k, r in resources.items()
           if r["Type"] == "AWS::Lambda::Function"}
    assert list(env.values()) == [["B", "A"], ["A", "B"]]
    assert plain.latest_version.function_arn.endswith(":$LATEST")


def test_alias_and_version_async_config_and_errors(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    fn = lambda_.Function(stack, "F", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=INLINE)
    version = lambda_.Version(stack, "V", lambda_=fn, retry_attempts=0, provisioned_concurrent_executions=2)
    alias = fn.add_alias("live", description="d")
    with pytest.raises(ValidationError, match="An EventInvokeConfig has already been configured for the qualified "
                                              "function at S/V"):
        version.configure_async_invoke(retry_attempts=1)
    with pytest.raises(ValidationError, match=r"Sum of additional version weights must not exceed 1, got: 1\.2"):
        lambda_.Alias(stack, "Heavy", alias_name="heavy", version=version,
                      additional_versions=[{"version": version, "weight": 0.6}, {"version": version, "weight": 0.6}])
    with pytest.raises(ValidationError, match="Additional version weight must be between 0 and 1, got: 2"):
        lambda_.Alias(stack, "Bad", alias_name="bad", version=version,
                      additional_versions=[lambda_.VersionWeight(version=version, weight=2)])
    resources = synth(app, "S")["Resources"]
    version_id = stack.resolve(version.function_arn)["Ref"]
    config = by_path(resources, "S/V/EventInvokeConfig/Resource")["Properties"]
    assert config == {"FunctionName": {"Ref": stack.resolve(fn.function_name)["Ref"]}, "MaximumRetryAttempts": 0,
                      "Qualifier": {"Fn::GetAtt": [version_id, "Version"]}}
    v = resources[version_id]
    assert v["Properties"]["ProvisionedConcurrencyConfig"] == {"ProvisionedConcurrentExecutions": 2}
    assert v["Metadata"]["aws:cdk:do-not-refactor"] is True
    a = by_path(resources, "S/F/Aliaslive/Resource")
    assert a["Properties"]["Name"] == "live" and a["Properties"]["Description"] == "d"
    assert stack.resolve(alias.function_arn) == {"Ref": next(k for k, r in resources.items() if r is a)}


def test_grant_invoke_version_and_permission_warning(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    fn = lambda_.Function(stack, "F", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=INLINE)
    role = iam.Role(stack, "Caller", assumed_by=iam.ServicePrincipal("states.amazonaws.com"))
    fn.grant_invoke_latest_version(role)
    fn.grant_invoke_latest_version(role)
    fn.add_permission("Sns", principal=iam.ServicePrincipal("sns.amazonaws.com"))
    assert not [e for e in fn.node.metadata if e.type == "aws:cdk:warning"]
    fn.current_version  # noqa: B018
    warnings = [str(e.data) for e in fn.node.metadata if e.type == "aws:cdk:warning"]
    assert len(warnings) == 1 and "make sure to call 'grantInvoke' or 'addPermission' on the Version" in warnings[0]
    resources = synth(app, "S")["Resources"]
    statement = by_path(resources, "S/Caller/DefaultPolicy/Resource")["Properties"]["PolicyDocument"]["Statement"]
    fn_arn = {"Fn::GetAtt": [stack.resolve(fn.function_name)["Ref"], "Arn"]}
    assert statement == [{"Action": "lambda:InvokeFunction", "Effect": "Allow",
                          "Resource": [fn_arn, {"Fn::Join": ["", [fn_arn, ":$LATEST"]]}]}]
    with pytest.raises(ValidationError, match="An EventInvokeConfig has already been configured for the function "
                                              "at S/F"):
        fn.configure_async_invoke(retry_attempts=1)
        fn.configure_async_invoke(retry_attempts=1)
