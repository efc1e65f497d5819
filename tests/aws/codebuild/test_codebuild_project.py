"""codebuild.Project / PipelineProject: owned projects against the porting goldens, defaults, errors,
and the imports by ARN or name."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from aws_support import COMPAT, make_app, synth

from cdk_events import core as cdk
from cdk_events.aws import codebuild, codecommit, iam, kms
from cdk_events.core import ValidationError

ARN = "arn:aws:codebuild:us-east-1:123456789012:project/build-app"
SPEC = codebuild.BuildSpec.from_object({"version": "0.2", "phases": {"build": {"commands": ["make"]}}})


def porting_golden(app: str, stack: str) -> dict[str, Any]:
    """A golden template of the porting suite."""
    path = COMPAT / "porting" / "goldens" / app / f"{stack}.template.json"
    result: dict[str, Any] = json.loads(path.read_text())
    return result


def _synth(build: Any) -> dict[str, Any]:
    app = cdk.App()
    stack = cdk.Stack(app, "S")
    build(stack)
    resources: dict[str, Any] = app.synth().get_stack_by_name("S").template["Resources"]
    return resources


def _project(resources: dict[str, Any], name: str = "P") -> dict[str, Any]:
    props: dict[str, Any] = next(v for k, v in resources.items()
                                 if k.startswith(name) and v["Type"] == "AWS::CodeBuild::Project")["Properties"]
    return props


def _statements(resources: dict[str, Any]) -> list[dict[str, Any]]:
    policy = next(v for k, v in resources.items() if k.startswith("PRoleDefaultPolicy"))
    statements: list[dict[str, Any]] = policy["Properties"]["PolicyDocument"]["Statement"]
    return statements


def test_sources_app_projects_match_golden(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = cdk.Stack(app, "CodeBuildSources")
    role = iam.Role(stack, "BuildRole", assumed_by=iam.ServicePrincipal("codebuild.amazonaws.com"))
    repo = codecommit.Repository(stack, "Repo", repository_name="porting-app")
    codebuild.Project(
        stack, "NoSource", project_name="porting-no-source", description="inline buildspec",
        build_spec=codebuild.BuildSpec.from_object({
            "version": "0.2", "env": {"variables": {"RETRIES": 3, "RATIO": 0.5}},
            "phases": {"install": {"runtime-versions": {"python": "3.12"}},
                       "build": {"commands": ["echo $STAGE", "pytest -q"]}}}),
        environment=codebuild.BuildEnvironment(build_image=codebuild.LinuxBuildImage.STANDARD_7_0),
        environment_variables={
            "STAGE": codebuild.BuildEnvironmentVariable(value="prod"),
            "TOKEN": codebuild.BuildEnvironmentVariable(
                value="/porting/token", type=codebuild.BuildEnvironmentVariableType.PARAMETER_STORE),
            "DB": codebuild.BuildEnvironmentVariable(
                value="db-secret:password", type=codebuild.BuildEnvironmentVariableType.SECRETS_MANAGER)},
        timeout=cdk.Duration.minutes(20), role=role)
    codebuild.Project(stack, "FromCodeCommit",
                      source=codebuild.Source.code_commit(repository=repo, branch_or_ref="main"),
                      build_spec=codebuild.BuildSpec.from_source_filename("ci/buildspec.yml"),
                      environment={"build_image": codebuild.LinuxBuildImage.AMAZON_LINUX_2_5,
                                   "compute_type": codebuild.ComputeType.LARGE})
    codebuild.Project(stack, "FromGitHub", source=codebuild.Source.git_hub(
        owner="example-org", repo="porting-app", webhook=False, clone_depth=1))
    ours = synth(app, "CodeBuildSources")["Resources"]
    expected = porting_golden("codebuild_project_sources", "CodeBuildSources")["Resources"]
    for logical_id in ("NoSource141BF2DA", "BuildRoleDefaultPolicy05D1D9FE", "FromCodeCommit191387E3",
                       "FromCodeCommitRole92D6978A", "FromCodeCommitRoleDefaultPolicy04CEC132",
                       "FromGitHub28F660D5", "FromGitHubRoleDefaultPolicy03A19A88"):
        assert json.dumps(ours[logical_id]) == json.dumps(expected[logical_id]), logical_id


def test_defaults() -> None:
    resources = _synth(lambda s: codebuild.Project(s, "P", build_spec=SPEC))
    props = _project(resources)
    assert props["Environment"] == {"ComputeType": "BUILD_GENERAL1_SMALL", "Image": "aws/codebuild/standard:7.0",
                                    "ImagePullCredentialsType": "CODEBUILD", "PrivilegedMode": False,
                                    "Type": "LINUX_CONTAINER"}
    assert props["Artifacts"] == {"Type": "NO_ARTIFACTS"} and props["Cache"] == {"Type": "NO_CACHE"}
    assert props["EncryptionKey"] == "alias/aws/s3"
    assert props["Source"]["BuildSpec"] == '{\n  "version": "0.2",\n  "phases": {\n    "build": {\n      "commands": ' \
                                           '[\n        "make"\n      ]\n    }\n  }\n}'
    assert "Name" not in props and "TimeoutInMinutes" not in props
    assert props["ServiceRole"] == {"Fn::GetAtt": ["PRole07BDC907", "Arn"]}
    assert resources["PRole07BDC907"]["Properties"]["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] == {
        "Service": "codebuild.amazonaws.com"}


def test_pipeline_project_uses_the_pipeline_source_and_artifacts() -> None:
    props = _project(_synth(lambda s: codebuild.PipelineProject(s, "P")))
    assert props["Source"] == {"Type": "CODEPIPELINE"}
    assert props["Artifacts"] == {"Type": "CODEPIPELINE"}


def test_environment_as_dict_with_variables_and_other_images() -> None:
    def build(stack: cdk.Stack) -> None:
        codebuild.Project(stack, "P", build_spec=SPEC, environment={
            "build_image": codebuild.LinuxArmBuildImage.AMAZON_LINUX_2_STANDARD_3_0, "privileged": True,
            "environment_variables": {"A": {"value": 1}, "B": {"value": "x"}}},
            environment_variables={"B": codebuild.BuildEnvironmentVariable(value=True)})
        codebuild.Project(stack, "Lambda", build_spec=SPEC, environment={
            "build_image": codebuild.LinuxLambdaBuildImage.AMAZON_LINUX_2023_PYTHON_3_12})
        codebuild.Project(stack, "Docker", build_spec=SPEC, environment=codebuild.BuildEnvironment(
            build_image=codebuild.LinuxBuildImage.from_docker_registry("python:3.12")))
    resources = _synth(build)
    arm = _project(resources)
    assert (arm["Environment"]["Type"], arm["Environment"]["ComputeType"]) == ("ARM_CONTAINER", "BUILD_GENERAL1_LARGE")
    assert arm["Environment"]["PrivilegedMode"] is True
    assert arm["Environment"]["EnvironmentVariables"] == [
        {"Name": "A", "Type": "PLAINTEXT", "Value": "1"}, {"Name": "B", "Type": "PLAINTEXT", "Value": "true"}]
    lam = _project(resources, "Lambda")["Environment"]
    assert "ImagePullCredentialsType" not in lam and lam["ComputeType"] == "BUILD_LAMBDA_1GB"
    assert _project(resources, "Docker")["Environment"]["ImagePullCredentialsType"] == "SERVICE_ROLE"


def test_secret_arn_variable_grants_the_secret_and_the_key_of_another_account() -> None:
    def build(stack: cdk.Stack) -> None:
        codebuild.Project(stack, "P", build_spec=SPEC, environment_variables={"S": codebuild.BuildEnvironmentVariable(
            value="arn:aws:secretsmanager:us-east-1:999999999999:secret:db:password",
            type=codebuild.BuildEnvironmentVariableType.SECRETS_MANAGER)})
    app = cdk.App()
    build(cdk.Stack(app, "S", env=cdk.Environment(account="111111111111", region="us-east-1")))
    resources = app.synth().get_stack_by_name("S").template["Resources"]
    statements = _statements(resources)
    assert statements[0] == {"Action": "secretsmanager:GetSecretValue", "Effect": "Allow",
                             "Resource": "arn:aws:secretsmanager:us-east-1:999999999999:secret:db*"}
    assert statements[1] == {"Action": "kms:Decrypt", "Effect": "Allow",
                             "Resource": "arn:aws:kms:us-east-1:999999999999:key/*"}


def test_encryption_key_timeout_and_opt_outs() -> None:
    def build(stack: cdk.Stack) -> None:
        key = kms.Key(stack, "Key")
        codebuild.Project(stack, "P", build_spec=SPEC, encryption_key=key, timeout=cdk.Duration.hours(2),
                          queued_timeout=cdk.Duration.minutes(30), grant_report_group_permissions=False,
                          concurrent_build_limit=2, visibility=codebuild.ProjectVisibility.PRIVATE)
    resources = _synth(build)
    props = _project(resources)
    assert props["EncryptionKey"] == {"Fn::GetAtt": ["Key961B73FD", "Arn"]}
    assert (props["TimeoutInMinutes"], props["QueuedTimeoutInMinutes"]) == (120, 30)
    assert (props["ConcurrentBuildLimit"], props["Visibility"]) == (2, "PRIVATE")
    actions = [s["Action"] for s in _statements(resources)]
    assert not any("codebuild:CreateReport" in a for a in actions)
    assert any("kms:Decrypt" in a for a in actions)


@pytest.mark.parametrize(("props", "message"), [
    ({}, "If the Project's source is NoSource, you need to provide a concrete buildSpec"),
    ({"build_spec": codebuild.BuildSpec.from_source_filename("b.yml")},
     "If the Project's source is NoSource, you need to provide a concrete buildSpec"),
    ({"build_spec": SPEC, "environment": {"build_image": codebuild.LinuxArmBuildImage.AMAZON_LINUX_2_STANDARD_3_0,
                                          "compute_type": codebuild.ComputeType.MEDIUM}},
     "Invalid CodeBuild environment: ARM images only support ComputeTypes 'BUILD_GENERAL1_SMALL' and "
     "'BUILD_GENERAL1_LARGE' - 'BUILD_GENERAL1_MEDIUM' was given"),
    ({"build_spec": SPEC, "environment": {"build_imag": codebuild.LinuxBuildImage.STANDARD_7_0}},
     "'environment': the dict given for BuildEnvironment has the key(s) 'build_imag'"),
    ({"build_spec": SPEC, "environment_variables": {"A": "x"}},
     "'environment_variables['A']' must be a codebuild.BuildEnvironmentVariable"),
    ({"build_spec": SPEC, "timeout": 20}, "'timeout' must be a Duration"),
    ({"build_spec": SPEC, "vpc": object()}, "'vpc' is not offered by cdk-events"),
    ({"build_spec": SPEC, "auto_retry_limit": 11}, "autoRetryLimit must be a value between 0 and 10, got 11."),
    ({"build_spec": SPEC, "source": "repo"}, "'source' must be a codebuild.ISource"),
])
def test_bad_props_are_rejected(props: dict[str, Any], message: str) -> None:
    stack = cdk.Stack(cdk.App(), "S")
    with pytest.raises(ValidationError, match=r"^\[S/P\] " + re.escape(message)):
        codebuild.Project(stack, "P", **props)


def test_from_arn() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    project = codebuild.Project.from_project_arn(stack, "P", ARN)
    assert (project.project_arn, project.project_name) == (ARN, "build-app")
    assert project.env == cdk.ResourceEnvironment(account="123456789012", region="us-east-1")
    assert project.role is None


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


def test_secondary_sources_and_artifacts() -> None:
    def build(stack: cdk.Stack) -> None:
        project = codebuild.Project(stack, "P", source=codebuild.Source.git_hub(owner="o", repo="r", webhook=False),
                                    secondary_sources=[codebuild.Source.git_hub(
                                        owner="o", repo="lib", identifier="lib", branch_or_ref="v1")])
        with pytest.raises(ValidationError, match="The identifier attribute is mandatory for secondary sources"):
            project.add_secondary_source(codebuild.Source.git_hub(owner="o", repo="x"))
    props = _project(_synth(build))
    assert props["SecondarySources"] == [{"Location": "https://github.com/o/lib.git", "ReportBuildStatus": True,
                                          "SourceIdentifier": "lib", "Type": "GITHUB"}]
    assert props["SecondarySourceVersions"] == [{"SourceIdentifier": "lib", "SourceVersion": "v1"}]


def test_pipeline_project_cannot_have_secondary_sources() -> None:
    app = cdk.App()
    stack = cdk.Stack(app, "S")
    project = codebuild.PipelineProject(stack, "P")
    project.add_secondary_source(codebuild.Source.git_hub(owner="o", repo="lib", identifier="lib"))
    with pytest.raises(ValidationError, match="A Project with a CodePipeline Source cannot have secondary sources"):
        app.synth()
