"""Grant: principal policy first, resource policy as fallback; Policy and ManagedPolicy basics."""

from __future__ import annotations

from typing import Any

import pytest

from cdk_events.aws import iam
from cdk_events.core import (
    RECOMMENDED_FEATURE_FLAGS,
    App,
    Construct,
    Environment,
    Resource,
    Stack,
    ValidationError,
)


class FakeQueue(Resource):
    """A resource with a resource policy that records what is added."""

    def __init__(self, scope: Construct, id: str):
        super().__init__(scope, id)
        self.statements: list[iam.PolicyStatement] = []

    def add_to_resource_policy(self, statement: iam.PolicyStatement) -> iam.AddToResourcePolicyResult:
        self.statements.append(statement)
        return iam.AddToResourcePolicyResult(statement_added=True, policy_dependable=self)


def make_stack(env: Environment | None = None) -> Stack:
    return Stack(App(context=dict(RECOMMENDED_FEATURE_FLAGS)), "S", env=env)


def test_service_principal_grant_goes_to_the_resource_policy() -> None:
    stack = make_stack()
    queue = FakeQueue(stack, "Queue")
    grant = iam.Grant.add_to_principal_or_resource(
        grantee=iam.ServicePrincipal("events.amazonaws.com"),
        actions=["sqs:SendMessage"],
        resource_arns=["arn:q"],
        resource=queue,
    )
    assert grant.success
    assert grant.principal_statement is None
    assert grant.resource_statement is queue.statements[0]
    assert queue.statements[0].to_statement_json() == {
        "Action": "sqs:SendMessage",
        "Effect": "Allow",
        "Principal": {"Service": "events.amazonaws.com"},
        "Resource": "arn:q",
    }


def test_role_in_same_account_grant_stays_on_the_role() -> None:
    stack = make_stack(Environment(account="123456789012", region="us-east-1"))
    queue = FakeQueue(stack, "Queue")
    role = iam.Role(stack, "Role", assumed_by=iam.ServicePrincipal("events.amazonaws.com"))
    grant = iam.Grant.add_to_principal_or_resource(
        grantee=role, actions=["sqs:SendMessage"], resource_arns=["arn:q"], resource=queue
    )
    assert grant.principal_statement is not None
    assert queue.statements == []


def test_add_to_principal_on_a_service_principal_does_not_succeed() -> None:
    grant = iam.Grant.add_to_principal(
        grantee=iam.ServicePrincipal("events.amazonaws.com"),
        actions=["sqs:SendMessage"],
        resource_arns=["arn:q"],
    )
    assert not grant.success
    with pytest.raises(ValidationError, match="could not be added on either identity or resource policy"):
        grant.assert_success()


def test_drop_is_a_no_op() -> None:
    grant = iam.Grant.drop(iam.AnyPrincipal(), "nothing")
    assert not grant.success


def test_add_to_principal_and_resource_adds_to_both() -> None:
    stack = make_stack()
    queue = FakeQueue(stack, "Queue")
    role = iam.Role(stack, "Role", assumed_by=iam.ServicePrincipal("events.amazonaws.com"))
    grant = iam.Grant.add_to_principal_and_resource(
        grantee=role, actions=["sqs:SendMessage"], resource_arns=["arn:q"], resource=queue
    )
    assert grant.success
    assert len(queue.statements) == 1
    assert role.default_policy is not None


def test_grantee_type_is_checked() -> None:
    with pytest.raises(ValidationError, match="'grantee' must be a grantable"):
        iam.Grant.add_to_principal(grantee="role", actions=["a:A"], resource_arns=["*"])  # type: ignore[arg-type]


def test_forced_empty_policy_fails_validation() -> None:
    stack = make_stack()
    iam.Policy(stack, "P", force=True)
    with pytest.raises(ValidationError, match="Policy created with force=true is empty"):
        app: Any = stack.node.root
        app.synth()


def test_standalone_policy_with_roles_and_name() -> None:
    stack = make_stack()
    role = iam.Role(stack, "Role", assumed_by=iam.ServicePrincipal("events.amazonaws.com"))
    iam.Policy(
        stack,
        "P",
        policy_name="mine",
        roles=[role],
        statements=[iam.PolicyStatement(actions=["a:A"], resources=["*"])],
    )
    app: Any = stack.node.root
    resources = app.synth().get_stack_artifact(stack.artifact_id).template["Resources"]
    (policy,) = [r["Properties"] for r in resources.values() if r["Type"] == "AWS::IAM::Policy"]
    assert policy["PolicyName"] == "mine"
    assert policy["Roles"] == [{"Ref": "Role1ABCC5F0"}]


def test_managed_policy_arns() -> None:
    stack = make_stack(Environment(account="123456789012", region="us-east-1"))
    aws_managed = iam.ManagedPolicy.from_aws_managed_policy_name("service-role/AWSLambdaBasicExecutionRole")
    # the partition stays a pseudo parameter even in a stack with a concrete region (target_lambda golden)
    assert stack.resolve(aws_managed.managed_policy_arn) == {
        "Fn::Join": [
            "",
            ["arn:", {"Ref": "AWS::Partition"}, ":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
        ]
    }
    imported = iam.ManagedPolicy.from_managed_policy_arn(
        stack, "Imported", "arn:aws:iam::123456789012:policy/p"
    )
    assert imported.managed_policy_arn == "arn:aws:iam::123456789012:policy/p"


def test_exports_report_the_package_module() -> None:
    assert iam.Role.__module__ == "cdk_events.aws.iam"
    assert repr(iam.Effect.ALLOW).startswith("<Effect.ALLOW")
