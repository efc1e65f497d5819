"""`iam.UnknownPrincipal`: the principal of a resource imported without its role (one class, used by the
imported Lambda functions and CodeBuild projects)."""

from __future__ import annotations

import pytest

from cdk_events.assertions import Annotations, Match
from cdk_events.aws import codebuild, iam, lambda_
from cdk_events.core import App, Stack, ValidationError


def test_imported_resources_without_a_role_share_the_unknown_principal() -> None:
    stack = Stack(App(), "S")
    project = codebuild.Project.from_project_name(stack, "Project", "builds")
    function = lambda_.Function.from_function_arn(stack, "Fn", "arn:aws:lambda:us-east-1:123456789012:function:f")
    assert isinstance(project.grant_principal, iam.UnknownPrincipal)
    assert isinstance(function.grant_principal, iam.UnknownPrincipal)


def test_a_statement_becomes_a_warning_and_the_fragment_an_error_naming_the_resource() -> None:
    stack = Stack(App(), "S")
    project = codebuild.Project.from_project_name(stack, "Project", "builds")
    principal = project.grant_principal
    result = principal.add_to_principal_policy(iam.PolicyStatement(actions=["s3:GetObject"], resources=["*"]))
    assert result.statement_added
    Annotations.from_stack(stack).has_warning("/S/Project", Match.string_like_regexp("Add statement to this resource"))
    with pytest.raises(ValidationError, match=r"\[S/Project\] Cannot get policy fragment of S/Project"):
        _ = principal.policy_fragment
