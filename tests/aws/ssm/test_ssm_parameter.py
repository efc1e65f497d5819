"""ssm.StringParameter / StringListParameter, value_for_string_parameter and imports (porting goldens)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from aws_support import COMPAT, make_app, synth

from cdk_events import EventBus, EventPattern, Rule, RuleTargetInput, targets
from cdk_events.aws import iam, sqs, ssm
from cdk_events.core import CfnOutput, Stack, ValidationError


def porting_golden(app: str, stack: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(
        (COMPAT / "porting" / "goldens" / app / f"{stack}.template.json").read_text())
    return result


def test_parameters_lookups_and_rule_match_golden(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "SsmParameters")
    endpoint = ssm.StringParameter(stack, "Endpoint", parameter_name="/porting/endpoint",
                                   string_value="https://api.example.com", description="API endpoint",
                                   tier=ssm.ParameterTier.STANDARD, allowed_pattern="^https://.*")
    stages = ssm.StringListParameter(stack, "Stages", parameter_name="/porting/stages",
                                     string_list_value=["dev", "staging", "prod"])
    unnamed = ssm.StringParameter(stack, "Unnamed", string_value="generated name")
    bus_name = ssm.StringParameter.value_for_string_parameter(stack, "/shared/event-bus-name")
    bus_name_v2 = ssm.StringParameter.value_for_string_parameter(stack, "/shared/event-bus-name", 2)
    source = ssm.StringParameter.from_string_parameter_name(stack, "SourceParam", "/shared/event-source").string_value
    again = ssm.StringParameter.value_for_string_parameter(stack, "/shared/event-bus-name")
    pinned = ssm.StringParameter.value_for_string_parameter(stack, "/shared/partner-id", 3)
    bus = EventBus.from_event_bus_name(stack, "SharedBus", bus_name)
    queue = sqs.Queue(stack, "Queue")
    rule = Rule(stack, "FromSsm", event_bus=bus,
                event_pattern=EventPattern(source=[source], detail={"stage": stages.string_list_value}))
    rule.add_target(targets.SqsQueue(queue, message=RuleTargetInput.from_object(
        {"endpoint": endpoint.string_value, "bus": bus_name_v2, "same": again, "partner": pinned})))
    CfnOutput(stack, "EndpointParam", value=endpoint.parameter_name)
    CfnOutput(stack, "UnnamedParam", value=unnamed.parameter_name)
    ours = synth(app, "SsmParameters")
    expected = porting_golden("ssm_parameters", "SsmParameters")
    for logical_id in ("EndpointEEF1FD8F", "StagesE6161790", "Unnamed056898D7", "FromSsm19CA83FB"):
        assert json.dumps(ours["Resources"][logical_id]) == json.dumps(expected["Resources"][logical_id])
    assert json.dumps(ours["Parameters"]) == json.dumps(expected["Parameters"])
    assert ours["Outputs"] == expected["Outputs"]


def test_grants_use_the_parameter_arn(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    named = ssm.StringParameter(stack, "Named", parameter_name="/app/x", string_value="v")
    simple = ssm.StringParameter(stack, "Simple", parameter_name="plain", string_value="v")
    role = iam.Role(stack, "R", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
    named.grant_read(role)
    simple.grant_write(role)
    assert stack.resolve(named.parameter_arn)["Fn::Join"][1][-2:] == [":parameter", {"Ref": "NamedD2F31604"}]
    assert stack.resolve(simple.parameter_arn)["Fn::Join"][1][-2:] == [":parameter/", {"Ref": "Simple1409AF30"}]
    policy = next(r for r in synth(app, "S")["Resources"].values() if r["Type"] == "AWS::IAM::Policy")
    actions = [s["Action"] for s in policy["Properties"]["PolicyDocument"]["Statement"]]
    assert actions == [["ssm:DescribeParameters", "ssm:GetParameter", "ssm:GetParameterHistory",
                        "ssm:GetParameters"], "ssm:PutParameter"]


def test_cdk_checks_and_refusals(tmp_path: Path) -> None:
    stack = Stack(make_app(tmp_path), "S")
    with pytest.raises(ValidationError, match=r"name must only contain letters, numbers, and the following 4 "
                                              r"symbols \.-_/; got /a b"):
        ssm.StringParameter(stack, "Space", parameter_name="/a b", string_value="x")
    with pytest.raises(ValidationError, match="cannot contain the ',' character"):
        ssm.StringListParameter(stack, "Comma", string_list_value=["a,b"])
    with pytest.raises(ValidationError, match="does not match the specified allowedPattern"):
        ssm.StringParameter(stack, "Pattern", string_value="http://x", allowed_pattern="^https://")
    with pytest.raises(ValidationError, match="must be fully qualified"):
        ssm.StringParameter(stack, "Qualified", parameter_name="a/b", string_value="x")
    with pytest.raises(ValidationError, match=r"value_from_lookup.*value_for_string_parameter"):
        ssm.StringParameter.value_from_lookup(stack, "/x")


def test_list_parameter_import_and_typed_lookup(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    values = ssm.StringListParameter.value_for_typed_list_parameter(stack, "/shared/list")
    ami = ssm.StringParameter.value_for_typed_string_parameter_v2(stack, "/ami",
                                                                  ssm.ParameterValueType.AWS_EC2_IMAGE_ID)
    CfnOutput(stack, "Ami", value=ami)
    CfnOutput(stack, "First", value=values[0])
    sqs.Queue(stack, "Queue")  # (a template needs a resource)
    parameters = synth(app, "S")["Parameters"]
    assert parameters["SsmParameterValuesharedlistC96584B6F00A464EAD1953AFF4B05118Parameter"]["Type"] == \
        "AWS::SSM::Parameter::Value<List<String>>"
    assert parameters["SsmParameterValueamiC96584B6F00A464EAD1953AFF4B05118Parameter"]["Type"] == \
        "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>"


def test_imports_by_arn_and_secure_string(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S", env={"account": "123456789012", "region": "us-east-1"})
    shared = ssm.StringParameter.from_string_parameter_arn(
        stack, "Shared", "arn:aws:ssm:us-east-1:210987654321:parameter/team/setting")
    secret = ssm.StringParameter.from_secure_string_parameter_attributes(stack, "Secret", parameter_name="/db/pw",
                                                                         version=4)
    assert shared.parameter_name == "setting"
    assert secret.string_value == "{{resolve:ssm-secure:/db/pw:4}}"
    CfnOutput(stack, "Value", value=shared.string_value)
    sqs.Queue(stack, "Queue")
    assert synth(app, "S")["Parameters"]["SharedParameter"] == {
        "Type": "AWS::SSM::Parameter::Value<String>",
        "Default": "arn:aws:ssm:us-east-1:210987654321:parameter/team/setting"}
    with pytest.raises(ValidationError, match="must be in the same region as the stack"):
        ssm.StringParameter.from_string_parameter_arn(stack, "Other", "arn:aws:ssm:eu-west-1:210987654321:parameter/x")
