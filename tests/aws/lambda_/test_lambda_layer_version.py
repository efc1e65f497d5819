"""lambda_.LayerVersion: asset layers with every prop, imports, `layers=` / `add_layers`, the
runtime-compatibility and layer-count checks, and `add_permission`."""

from __future__ import annotations

from pathlib import Path

import pytest
from aws_support import COMPAT, make_app

from cdk_events.aws import lambda_
from cdk_events.core import App, CfnOutput, RemovalPolicy, Stack, ValidationError

ASSETS = COMPAT / "porting" / "apps" / "assets"


def test_layers_match_the_golden_byte_for_byte(tmp_path: Path) -> None:
    from cdk_events import Rule, Schedule, targets
    from cdk_events.core import Duration

    app = make_app(tmp_path)
    stack = Stack(app, "LayerVersions")
    helpers = lambda_.LayerVersion(
        stack, "Helpers", code=lambda_.Code.from_asset(str(ASSETS / "layer_python")),
        compatible_runtimes=[lambda_.Runtime.PYTHON_3_11, lambda_.Runtime.PYTHON_3_12],
        compatible_architectures=[lambda_.Architecture.X86_64, lambda_.Architecture.ARM_64],
        description="Shared helpers", layer_version_name="porting-helpers", license="Apache-2.0",
        removal_policy=RemovalPolicy.RETAIN)
    bundle = lambda_.LayerVersion(stack, "Bundle", code=lambda_.Code.from_asset(str(ASSETS / "handler_bundle.zip")))
    powertools = lambda_.LayerVersion.from_layer_version_arn(
        stack, "Powertools", "arn:aws:lambda:us-east-1:017000801446:layer:AWSLambdaPowertoolsPythonV2:78")
    fn = lambda_.Function(stack, "Handler", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                          code=lambda_.Code.from_asset(str(ASSETS / "handler_py")), layers=[helpers, powertools])
    fn.add_layers(bundle)
    Rule(stack, "Tick", schedule=Schedule.rate(Duration.minutes(30)), targets=[targets.LambdaFunction(fn)])
    CfnOutput(stack, "HelpersArn", value=helpers.layer_version_arn)
    text = Path(app.synth().get_stack_by_name("LayerVersions").template_full_path).read_text()
    assert text == (COMPAT / "porting" / "goldens" / "lambda_layer_version" / "LayerVersions.template.json").read_text()


def _stack(tmp_path: Path) -> Stack:
    return Stack(App(outdir=str(tmp_path / "out")), "Layers")


def _layer(stack: Stack, id: str, runtimes: list[lambda_.Runtime] | None = None) -> lambda_.LayerVersion:
    return lambda_.LayerVersion(stack, id, code=lambda_.Code.from_asset(str(ASSETS / "layer_python")),
                                compatible_runtimes=runtimes)


def test_incompatible_runtime_is_refused_with_the_cdk_message(tmp_path: Path) -> None:
    stack = _stack(tmp_path)
    layer = _layer(stack, "PyLayer", [lambda_.Runtime.PYTHON_3_12])
    with pytest.raises(ValidationError, match=r"\[Layers/NodeFn\] This lambda function uses a runtime that is "
                                              r"incompatible with this layer \(nodejs20.x is not in \[python3.12\]\)"):
        lambda_.Function(stack, "NodeFn", runtime=lambda_.Runtime.NODEJS_20_X, handler="index.handler",
                         code=lambda_.Code.from_asset(str(ASSETS / "handler_node")), layers=[layer])


def test_at_most_five_layers(tmp_path: Path) -> None:
    stack = _stack(tmp_path)
    fn = lambda_.Function(stack, "Fn", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                          code=lambda_.Code.from_asset(str(ASSETS / "handler_py")))
    fn.add_layers(*[lambda_.LayerVersion.from_layer_version_arn(
        stack, f"L{n}", f"arn:aws:lambda:us-east-1:123456789012:layer:l{n}:1") for n in range(5)])
    with pytest.raises(ValidationError, match="already uses 5 layers"):
        fn.add_layers(lambda_.LayerVersion.from_layer_version_arn(
            stack, "L5", "arn:aws:lambda:us-east-1:123456789012:layer:l5:1"))


def test_layer_checks(tmp_path: Path) -> None:
    stack = _stack(tmp_path)
    with pytest.raises(ValidationError, match="Inline code is not supported for AWS Lambda layers"):
        lambda_.LayerVersion(stack, "Inline", code=lambda_.Code.from_inline("x"))
    with pytest.raises(ValidationError, match="supports no runtime"):
        _layer(stack, "None", [])
    with pytest.raises(ValidationError, match=r"'compatible_runtimes' must be a list of lambda_\.Runtime"):
        _layer(stack, "Bad", ["python3.12"])  # type: ignore[list-item]
    with pytest.raises(ValidationError, match="supports no runtime"):
        lambda_.LayerVersion.from_layer_version_attributes(stack, "Imp", layer_version_arn="arn:x",
                                                            compatible_runtimes=[])


def test_add_permission(tmp_path: Path) -> None:
    stack = _stack(tmp_path)
    layer = _layer(stack, "Shared")
    layer.add_permission("Org", {"account_id": "*", "organization_id": "o-123456"})
    layer.add_permission("Account", lambda_.LayerVersionPermission(account_id="123456789012"))
    with pytest.raises(ValidationError, match="OrganizationId can only be specified if AwsAccountId is '\\*'"):
        layer.add_permission("Bad", {"account_id": "123456789012", "organization_id": "o-1"})
    resources = stack.node.root.synth().get_stack_by_name("Layers").template["Resources"]  # type: ignore[attr-defined]
    permissions = [r["Properties"] for r in resources.values() if r["Type"] == "AWS::Lambda::LayerVersionPermission"]
    assert permissions == [
        {"Action": "lambda:GetLayerVersion", "LayerVersionArn": {"Ref": "SharedDACC02AA"}, "OrganizationId": "o-123456",
         "Principal": "*"},
        {"Action": "lambda:GetLayerVersion", "LayerVersionArn": {"Ref": "SharedDACC02AA"}, "Principal": "123456789012"},
    ]
