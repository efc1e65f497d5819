"""lambda_.Function: role, managed log group, dependencies, permissions and imports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from aws_support import by_path, golden, make_app, synth

from cdk_events.aws import iam, lambda_
from cdk_events.core import Duration, Environment, Stack, ValidationError

CODE = "exports.handler = async (event) => event;"


def test_node_function_matches_golden(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "OwnedResourceStack")
    lambda_.Function(stack, "NodeFn", runtime=lambda_.Runtime.NODEJS_22_X, handler="index.handler",
                     code=lambda_.Code.from_inline(CODE))
    ours = synth(app, "OwnedResourceStack")["Resources"]
    expected = golden("owned_resources", "OwnedResourceStack")["Resources"]
    for logical_id in ("NodeFnServiceRole90897C6B", "NodeFn9490805D", "NodeFnLogGroupE3F39555"):
        assert ours[logical_id] == expected[logical_id]


def test_function_depends_on_role_default_policy_created_later(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "GrantStack")
    fn = lambda_.Function(stack, "Fn", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                          code=lambda_.Code.from_inline("def handler(event, context):\n    return event"))
    fn.add_to_role_policy(iam.PolicyStatement(actions=["events:PutEvents"], resources=["*"]))
    resources = synth(app, "GrantStack")["Resources"]
    expected = golden("event_bus_grants", "GrantStack")["Resources"]["Fn9270CBC0"]
    assert resources["Fn9270CBC0"]["DependsOn"] == expected["DependsOn"]


def test_props_render(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    lambda_.Function(stack, "Fn", runtime=lambda_.Runtime.PYTHON_3_13, handler="index.handler",
                     code=lambda_.Code.from_inline("x"), function_name="my-fn", description="d",
                     timeout=Duration.seconds(30), memory_size=256, environment={"A": "1"},
                     reserved_concurrent_executions=2, architecture=lambda_.Architecture.ARM_64)
    props = synth(app, "S")["Resources"]["Fn9270CBC0"]["Properties"]
    assert props["Architectures"] == ["arm64"]
    assert props["Environment"] == {"Variables": {"A": "1"}}
    assert (props["FunctionName"], props["MemorySize"], props["Timeout"]) == ("my-fn", 256, 30)
    assert props["ReservedConcurrentExecutions"] == 2


def test_add_permission(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    fn = lambda_.Function(stack, "Fn", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                          code=lambda_.Code.from_inline("x"))
    fn.add_permission("FromAccount", principal=iam.AccountPrincipal("111111111111"))
    fn.add_permission("FromS3", principal=iam.ServicePrincipal("s3.amazonaws.com"),
                      source_arn="arn:aws:s3:::bucket", source_account="111111111111")
    resources = synth(app, "S")["Resources"]
    assert by_path(resources, "S/Fn/FromAccount")["Properties"] == {
        "Action": "lambda:InvokeFunction", "FunctionName": {"Fn::GetAtt": ["Fn9270CBC0", "Arn"]},
        "Principal": "111111111111"}
    s3 = by_path(resources, "S/Fn/FromS3")["Properties"]
    assert (s3["Principal"], s3["SourceArn"], s3["SourceAccount"]) == (
        "s3.amazonaws.com", "arn:aws:s3:::bucket", "111111111111")


def test_imports(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S", env=Environment(account="123456789012", region="us-east-1"))
    same = lambda_.Function.from_function_arn(stack, "Same", "arn:aws:lambda:us-east-1:123456789012:function:f")
    other = lambda_.Function.from_function_arn(stack, "Other", "arn:aws:lambda:us-east-1:999999999999:function:g")
    skipped = lambda_.Function.from_function_attributes(
        stack, "Skipped", function_arn="arn:aws:lambda:us-east-1:999999999999:function:h", skip_permissions=True)
    assert same.can_create_permissions is True
    assert other.can_create_permissions is False
    assert other.env.account == "999999999999"
    other.add_permission("P", principal=iam.ServicePrincipal("events.amazonaws.com"))
    skipped.add_permission("P", principal=iam.ServicePrincipal("events.amazonaws.com"))
    assert other.node.try_find_child("P") is None
    warnings = [e.data for e in other.node.metadata if e.type == "aws:cdk:warning"]
    assert warnings and "UnclearLambdaEnvironment" in warnings[0]
    assert not [e for e in skipped.node.metadata if e.type == "aws:cdk:warning"]
    assert stack.resolve(same.function_name) == "f"


def test_empty_inline_code_is_rejected() -> None:
    with pytest.raises(ValidationError, match="Lambda inline code cannot be empty"):
        lambda_.Code.from_inline("")


@pytest.mark.parametrize(("props", "message"), [
    ({"runtime": "python3.12"}, "[S/F] 'runtime' must be a lambda_.Runtime"),
    ({"runtime": lambda_.Runtime.JAVA_21}, "Inline source not allowed for java21"),
    ({"function_name": "bad name"}, "Function name bad name can contain only letters"),
    ({"function_name": "f" * 65}, "Function name can not be longer than 64 characters but has 65 characters."),
    ({"environment": {"AWS_REGION": "x"}}, "AWS_REGION environment variable is reserved"),
    ({"timeout": 30}, "'timeout' must be a Duration"),
    ({"code": "print(1)"}, "'code' must be a lambda_.Code"),
])
def test_invalid_props_are_rejected(tmp_path: Path, props: dict[str, Any], message: str) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    kwargs: dict[str, Any] = {"runtime": lambda_.Runtime.PYTHON_3_12, "handler": "index.handler",
                              "code": lambda_.Code.from_inline("x"), **props}
    with pytest.raises(ValidationError) as error:
        lambda_.Function(stack, "F", **kwargs)
    assert message in str(error.value)
