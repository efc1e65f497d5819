"""The SfnStateMachine target: the compat app against the golden, then the rules of spec §2.2."""

from __future__ import annotations

from pathlib import Path

import pytest
from _compat_apps import assert_matches_golden, needs_shared, run_app
from _target_support import unchecked

import cdk_events as events
from cdk_events import core as cdk
from cdk_events.assertions import Template
from cdk_events.aws import iam, sfn
from cdk_events.core import ValidationError
from cdk_events.targets._sfn import SfnStateMachine

ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:orders"


@needs_shared
def test_compat_app_matches_golden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert_matches_golden("target_sfn", run_app("target_sfn", tmp_path, monkeypatch))


def test_role_is_created_and_granted_when_the_target_is_created() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    machine = sfn.StateMachine.from_state_machine_arn(stack, "SM", ARN)
    target = SfnStateMachine(machine)
    role = machine.node.try_find_child("EventsRole")
    assert role is not None and target.role is role
    policy = Template.from_stack(stack).find_resources("AWS::IAM::Policy")
    statement = next(iter(policy.values()))["Properties"]["PolicyDocument"]["Statement"]
    assert statement == [{"Action": "states:StartExecution", "Effect": "Allow", "Resource": ARN}]


def test_target_config() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    machine = sfn.StateMachine.from_state_machine_arn(stack, "SM", ARN)
    role = iam.Role(stack, "Role", assumed_by=iam.ServicePrincipal("events.amazonaws.com"))
    events.Rule(stack, "R", schedule=events.Schedule.rate(cdk.Duration.minutes(1)),
                targets=[SfnStateMachine(machine, role=role, input=events.RuleTargetInput.from_object({"a": 1}))])
    rule = next(iter(Template.from_stack(stack).find_resources("AWS::Events::Rule").values()))
    assert rule["Properties"]["Targets"] == [{"Arn": ARN, "Id": "Target0", "Input": '{"a":1}',
                                              "RoleArn": {"Fn::GetAtt": ["Role1ABCC5F0", "Arn"]}}]
    assert machine.node.try_find_child("EventsRole") is None


def test_not_a_state_machine_is_rejected_when_bound() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    target = unchecked(SfnStateMachine, ARN)
    rule = events.Rule(stack, "R", schedule=events.Schedule.rate(cdk.Duration.minutes(1)))
    with pytest.raises(ValidationError, match=r"^\[S/R\] SfnStateMachine target: 'machine' must be a state machine "
                                              r"\(sfn.StateMachine.from_state_machine_arn\(...\)\), got "
                                              rf"'{ARN}' \(a str\)$"):
        rule.add_target(target)


def test_not_a_role_is_rejected_with_the_rule_path() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    machine = sfn.StateMachine.from_state_machine_arn(stack, "SM", ARN)
    target = unchecked(SfnStateMachine, machine, role="my-role")
    assert machine.node.try_find_child("EventsRole") is None
    rule = events.Rule(stack, "R", schedule=events.Schedule.rate(cdk.Duration.minutes(1)))
    with pytest.raises(ValidationError, match=r"^\[S/R\] SfnStateMachine target: 'role' must be an IAM role"):
        rule.add_target(target)
