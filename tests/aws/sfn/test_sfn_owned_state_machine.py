"""sfn.StateMachine owned: the compat golden (from_string, from_file, from_chainable), role, logs,
tracing, grants and the CDK's errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from aws_support import COMPAT, make_app, synth

from cdk_events import EventPattern, Rule, RuleTargetInput, targets
from cdk_events import core as cdk
from cdk_events.aws import iam, logs, sfn
from cdk_events.core import Duration, RemovalPolicy, Stack, ValidationError

PORTING = COMPAT / "porting"


def _porting_golden(app: str, stack: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((PORTING / "goldens" / app / f"{stack}.template.json").read_text())
    return result


def test_sfn_state_machine_app_matches_golden_byte_for_byte(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "StateMachines")
    from_string = sfn.StateMachine(stack, "FromString", state_machine_name="porting-from-string",
                                   definition_body=sfn.DefinitionBody.from_string(
                                       '{"StartAt":"Only","States":{"Only":{"Type":"Pass","End":true}}}'))
    from_file = sfn.StateMachine(stack, "FromFile", state_machine_type=sfn.StateMachineType.EXPRESS,
                                 definition_body=sfn.DefinitionBody.from_file(
                                     str(PORTING / "apps" / "assets" / "sfn" / "definition.asl.json")))
    prepare = sfn.Pass(stack, "Prepare", result=sfn.Result.from_object({"attempt": 1, "limits": {"max": 3}}),
                       result_path="$.meta")
    shape = sfn.Pass(stack, "Shape", parameters={"order.$": "$.detail.orderId", "static": "value"})
    pause = sfn.Wait(stack, "Pause", time=sfn.WaitTime.duration(Duration.seconds(10)))
    wait_until = sfn.Wait(stack, "WaitFromInput", time=sfn.WaitTime.seconds_path("$.delay"))
    done = sfn.Succeed(stack, "Done", comment="all good")
    failed = sfn.Fail(stack, "Failed", error="OrderRejected", cause="total too high")
    fan_out = sfn.Parallel(stack, "FanOut", result_path="$.branches")
    fan_out.branch(sfn.Pass(stack, "NotifyA"))
    fan_out.branch(sfn.Pass(stack, "NotifyB").next(
        sfn.Wait(stack, "Settle", time=sfn.WaitTime.duration(Duration.seconds(1)))))
    route = sfn.Choice(stack, "Route", comment="by status and total")
    route.when(sfn.Condition.and_(sfn.Condition.is_present("$.detail.total"),
                                  sfn.Condition.number_greater_than("$.detail.total", 1000)), failed)
    route.when(sfn.Condition.string_equals("$.detail.status", "delayed"), wait_until.next(pause).next(done))
    route.otherwise(fan_out.next(done))
    chain = prepare.next(shape).next(route)
    role = iam.Role(stack, "MachineRole", assumed_by=iam.ServicePrincipal("states.amazonaws.com"))
    chained = sfn.StateMachine(stack, "Chained", definition_body=sfn.DefinitionBody.from_chainable(chain),
                               timeout=Duration.minutes(5), comment="order router", role=role,
                               state_machine_type=sfn.StateMachineType.STANDARD)
    Rule(stack, "Orders", event_pattern=EventPattern(source=["com.example.orders"]),
         targets=[targets.SfnStateMachine(chained, input=RuleTargetInput.from_event_path("$.detail"),
                                          retry_attempts=2),
                  targets.SfnStateMachine(from_string), targets.SfnStateMachine(from_file)])
    ours = synth(app, "StateMachines")
    expected = _porting_golden("sfn_state_machine", "StateMachines")
    ours["Resources"].pop("CDKMetadata", None)
    ours.pop("Conditions", None)
    assert json.dumps(ours["Resources"]) == json.dumps(expected["Resources"])


def test_log_options_as_dict_match_the_dict_structs_golden(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "DictStructs", env={"account": "123456789012", "region": "eu-west-1"})
    log_group = logs.LogGroup(stack, "MachineLogs", retention=logs.RetentionDays.ONE_WEEK)
    sfn.StateMachine(stack, "Machine", definition_body=sfn.DefinitionBody.from_chainable(sfn.Pass(stack, "Noop")),
                     state_machine_type=sfn.StateMachineType.EXPRESS,
                     logs={"destination": log_group, "level": sfn.LogLevel.ERROR, "include_execution_data": True})
    ours = synth(app, "DictStructs")["Resources"]
    expected = _porting_golden("core_dict_structs", "DictStructs")["Resources"]
    for logical_id in ("MachineRoleD2D3D395", "MachineRoleDefaultPolicy7E8F0778", "Machine6FC8AE80"):
        assert json.dumps(ours[logical_id]) == json.dumps(expected[logical_id])


def _machine(stack: Stack, id: str = "SM", **props: Any) -> sfn.StateMachine:
    return sfn.StateMachine(stack, id, definition_body=sfn.DefinitionBody.from_chainable(
        sfn.Pass(stack, f"{id}Start")), **props)


def _resource(stack: Stack, machine: sfn.StateMachine) -> dict[str, Any]:
    child = machine.node.default_child
    assert child is not None
    template = stack.resolve(child._to_cloudformation())  # type: ignore[attr-defined]
    result: dict[str, Any] = template["Resources"][stack.get_logical_id(child)]  # type: ignore[arg-type]
    return result


def test_defaults_definition_string_and_removal_policy() -> None:
    stack = Stack(cdk.App(), "S")
    machine = sfn.StateMachine(stack, "SM", definition=sfn.Pass(stack, "Only"))  # the deprecated form
    resource = _resource(stack, machine)
    assert resource["DeletionPolicy"] == "Delete"
    assert resource["Properties"]["DefinitionString"] == \
        '{"StartAt":"Only","States":{"Only":{"Type":"Pass","End":true}}}'
    assert "StateMachineType" not in resource["Properties"]
    assert machine.state_machine_type is sfn.StateMachineType.STANDARD


def test_tracing_name_and_removal_policy() -> None:
    stack = Stack(cdk.App(), "S")
    machine = _machine(stack, tracing_enabled=True, state_machine_name="orders",
                       removal_policy=RemovalPolicy.RETAIN)
    resource = _resource(stack, machine)
    assert resource["Properties"]["TracingConfiguration"] == {"Enabled": True}
    assert resource["Properties"]["StateMachineName"] == "orders"
    assert resource["DeletionPolicy"] == "Retain"
    statements = stack.resolve(machine.role.node.find_child("DefaultPolicy").document.to_json())["Statement"]  # type: ignore[attr-defined]
    assert statements[0]["Action"] == ["xray:PutTraceSegments", "xray:PutTelemetryRecords",
                                       "xray:GetSamplingRules", "xray:GetSamplingTargets"]


def test_definition_with_tokens_is_joined() -> None:
    stack = Stack(cdk.App(), "S")
    machine = sfn.StateMachine(stack, "SM", definition_body=sfn.DefinitionBody.from_chainable(
        sfn.Pass(stack, "P", parameters={"region": stack.region})))
    definition = _resource(stack, machine)["Properties"]["DefinitionString"]
    assert definition == {"Fn::Join": ["", ['{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"region":"',
                                            {"Ref": "AWS::Region"}, '"},"End":true}}}']]}


def test_grants_on_an_owned_machine() -> None:
    stack = Stack(cdk.App(), "S")
    machine = _machine(stack)
    role = iam.Role(stack, "R", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
    grant = machine.grant_start_execution(role)
    assert stack.resolve(grant.principal_statement.to_statement_json()) == {  # type: ignore[union-attr]
        "Action": "states:StartExecution", "Effect": "Allow", "Resource": {"Ref": "SM934E715A"}}
    task = machine.grant_task_response(role)
    assert stack.resolve(task.principal_statement.to_statement_json())["Action"] == [  # type: ignore[union-attr]
        "states:SendTaskSuccess", "states:SendTaskFailure", "states:SendTaskHeartbeat"]
    assert machine.grant_principal is machine.role


@pytest.mark.parametrize(("props", "message"), [
    ({}, r"You need to specify either definition or definitionBody"),
    ({"definition_body": "x"}, r"'definition_body' must be a sfn.DefinitionBody"),
    ({"definition_body": sfn.DefinitionBody.from_string("{}"), "state_machine_name": "bad name"},
     r"State Machine name must match"),
    ({"definition_body": sfn.DefinitionBody.from_string("{}"), "state_machine_name": "x" * 81},
     r"State Machine name must be between 1 and 80 characters"),
    ({"definition_body": sfn.DefinitionBody.from_string("{}"), "logs": {"level": sfn.LogLevel.ALL}},
     r"Logs destination is required when level is not OFF\."),
    ({"definition_body": sfn.DefinitionBody.from_string("{}"), "logs": {"levels": sfn.LogLevel.ALL}},
     r"'logs': the dict given for LogOptions has the key\(s\) 'levels'"),
])
def test_bad_props_are_rejected(props: dict[str, Any], message: str) -> None:
    stack = Stack(cdk.App(), "S")
    with pytest.raises(ValidationError, match=r"^\[S/SM\] .*" + message):
        sfn.StateMachine(stack, "SM", **props)


def test_definition_and_definition_body_together_are_rejected() -> None:
    stack = Stack(cdk.App(), "S")
    with pytest.raises(ValidationError, match=r"Cannot specify definition and definitionBody at the same time"):
        sfn.StateMachine(stack, "SM", definition=sfn.Pass(stack, "P"),
                         definition_body=sfn.DefinitionBody.from_string("{}"))


def test_from_file_needs_an_existing_file(tmp_path: Path) -> None:
    stack = Stack(cdk.App(), "S")
    with pytest.raises(ValidationError, match=r"Cannot find asset at .*missing\.asl\.json"):
        sfn.StateMachine(stack, "SM", definition_body=sfn.DefinitionBody.from_file(str(tmp_path / "missing.asl.json")))


def test_from_file_writes_an_s3_location(tmp_path: Path) -> None:
    definition = tmp_path / "machine.asl.json"
    definition.write_text('{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}')
    stack = Stack(cdk.App(), "S")
    machine = sfn.StateMachine(stack, "SM", definition_body=sfn.DefinitionBody.from_file(str(definition)))
    location = _resource(stack, machine)["Properties"]["DefinitionS3Location"]
    assert location["Bucket"] == {"Fn::Sub": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"}
    assert location["Key"].endswith(".json")
    assert "DefinitionString" not in _resource(stack, machine)["Properties"]
