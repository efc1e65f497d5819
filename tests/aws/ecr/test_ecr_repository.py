"""Imported ECR repositories: image URIs, pull grants, and `ecs.ContainerImage.from_ecr_repository`."""

from __future__ import annotations

from pathlib import Path

import pytest

from cdk_events.aws import ecr, ecs, iam
from cdk_events.core import App, Environment, Stack, ValidationError


def test_uri_for_tag_and_digest_of_a_repository_by_arn(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path))
    stack = Stack(app, "S", env=Environment(account="123456789012", region="us-east-1"))
    repo = ecr.Repository.from_repository_arn(stack, "Repo", "arn:aws:ecr:eu-west-1:111111111111:repository/team/app")
    assert repo.repository_name == "team/app"
    assert stack.resolve(repo.repository_uri_for_tag_or_digest("v1")) == \
        {"Fn::Join": ["", ["111111111111.dkr.ecr.eu-west-1.", {"Ref": "AWS::URLSuffix"}, "/team/app:v1"]]}
    by_digest = stack.resolve(repo.repository_uri_for_tag_or_digest("sha256:abc"))
    assert by_digest["Fn::Join"][1][-1] == "/team/app@sha256:abc"


def test_ecr_image_grants_pull_to_the_execution_role(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path))
    stack = Stack(app, "S")
    repo = ecr.Repository.from_repository_name(stack, "Repo", "my-app")
    task = ecs.FargateTaskDefinition(stack, "Task")
    task.add_container("app", image=ecs.ContainerImage.from_ecr_repository(repo))
    role = task.execution_role
    assert isinstance(role, iam.Role)
    resources = app.synth().get_stack_artifact(stack.artifact_id).template["Resources"]
    policy = next(v for v in resources.values() if v["Type"] == "AWS::IAM::Policy")["Properties"]
    actions = [s["Action"] for s in policy["PolicyDocument"]["Statement"]]
    assert actions == [["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
                       "ecr:GetAuthorizationToken"]
    image = resources["Task79114B6B"]["Properties"]["ContainerDefinitions"][0]["Image"]
    assert image["Fn::Join"][1][-1] == "/my-app:latest"


def test_bad_imports_are_refused(tmp_path: Path) -> None:
    stack = Stack(App(outdir=str(tmp_path)), "S")
    with pytest.raises(ValidationError, match="must be a non-empty string"):
        ecr.Repository.from_repository_name(stack, "A", "")
    with pytest.raises(ValidationError, match=r"must be an ecr\.IRepository"):
        ecs.ContainerImage.from_ecr_repository("my-app")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="does not define Repository"):
        ecr.Repository(stack, "B")
