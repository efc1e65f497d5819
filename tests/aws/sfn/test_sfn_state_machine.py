"""sfn.StateMachine imports: ARN, environment, name, grants and errors."""

from __future__ import annotations

import pytest

from cdk_events import core as cdk
from cdk_events.aws import iam, sfn
from cdk_events.core import ValidationError

ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:orders"


def test_from_arn_takes_env_from_the_arn() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    machine = sfn.StateMachine.from_state_machine_arn(stack, "SM", ARN)
    assert machine.state_machine_arn == ARN
    assert machine.env == cdk.ResourceEnvironment(account="123456789012", region="us-east-1")


def test_from_name_formats_the_arn_in_the_stack() -> None:
    app = cdk.App(context={"@aws-cdk/core:enablePartitionLiterals": True})
    stack = cdk.Stack(app, "S", env=cdk.Environment(account="111111111111", region="eu-west-1"))
    machine = sfn.StateMachine.from_state_machine_name(stack, "SM", "billing")
    assert stack.resolve(machine.state_machine_arn) == "arn:aws:states:eu-west-1:111111111111:stateMachine:billing"


def test_grant_start_execution() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    machine = sfn.StateMachine.from_state_machine_arn(stack, "SM", ARN)
    role = iam.Role(stack, "R", assumed_by=iam.ServicePrincipal("events.amazonaws.com"))
    grant = machine.grant_start_execution(role)
    assert grant.success
    assert stack.resolve(grant.principal_statement.to_statement_json()) == {  # type: ignore[union-attr]
        "Action": "states:StartExecution", "Effect": "Allow", "Resource": ARN}


@pytest.mark.parametrize("arn", ["orders", "arn:aws:sqs:us-east-1:123456789012:orders",
                                 "arn:aws:states:us-east-1:123456789012:execution:orders:1"])
def test_bad_arns_are_rejected(arn: str) -> None:
    stack = cdk.Stack(cdk.App(), "S")
    with pytest.raises(ValidationError, match=r"^\[S\] 'state_machine_arn' must be an ARN like arn:<partition>:"
                                              r"states:<region>:<account>:stateMachine:<name>, got "):
        sfn.StateMachine.from_state_machine_arn(stack, "SM", arn)


def test_empty_name_is_rejected() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    with pytest.raises(ValidationError, match=r"^\[S\] 'state_machine_name' must be a state machine name \(a "
                                              r"non-empty string\), got ''"):
        sfn.StateMachine.from_state_machine_name(stack, "SM", "")
