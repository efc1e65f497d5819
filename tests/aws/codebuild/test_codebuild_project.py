"""codebuild.Project imports: ARN, environment, name and errors."""

from __future__ import annotations

import pytest

from cdk_events import core as cdk
from cdk_events.aws import codebuild
from cdk_events.core import ValidationError

ARN = "arn:aws:codebuild:us-east-1:123456789012:project/build-app"


def test_from_arn() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    project = codebuild.Project.from_project_arn(stack, "P", ARN)
    assert (project.project_arn, project.project_name) == (ARN, "build-app")
    assert project.env == cdk.ResourceEnvironment(account="123456789012", region="us-east-1")


def test_from_name() -> None:
    app = cdk.App(context={"@aws-cdk/core:enablePartitionLiterals": True})
    stack = cdk.Stack(app, "S", env=cdk.Environment(account="111111111111", region="eu-west-1"))
    project = codebuild.Project.from_project_name(stack, "P", "nightly")
    assert project.project_name == "nightly"
    assert stack.resolve(project.project_arn) == "arn:aws:codebuild:eu-west-1:111111111111:project/nightly"


@pytest.mark.parametrize("arn", ["build-app", "arn:aws:codebuild:us-east-1:123456789012:project",
                                 "arn:aws:sqs:us-east-1:123456789012:project/x"])
def test_bad_arns_are_rejected(arn: str) -> None:
    stack = cdk.Stack(cdk.App(), "S")
    with pytest.raises(ValidationError, match=r"^\[S\] 'project_arn' must be an ARN like arn:<partition>:codebuild:"
                                              r"<region>:<account>:project/<name>, got "):
        codebuild.Project.from_project_arn(stack, "P", arn)


def test_non_string_name_is_rejected() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    with pytest.raises(ValidationError, match=r"^\[S\] 'project_name' must be a project name \(a non-empty string\), "
                                              r"got 3"):
        codebuild.Project.from_project_name(stack, "P", 3)  # type: ignore[arg-type]


def test_defining_a_project_is_not_offered() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    with pytest.raises(ValidationError, match="cdk-events cannot define CodeBuild projects"):
        codebuild.Project(stack, "P")
