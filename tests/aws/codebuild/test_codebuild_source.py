"""codebuild.Source: CodeCommit, S3, GitHub (webhooks, filter groups, organizations), GitHub Enterprise,
Bitbucket, and the permissions each source grants."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from aws_support import COMPAT, make_app, synth

from cdk_events import core as cdk
from cdk_events.aws import codebuild, codecommit, s3
from cdk_events.core import ValidationError

FilterGroup, EventAction = codebuild.FilterGroup, codebuild.EventAction


def _synth(source: Any) -> dict[str, Any]:
    app = cdk.App()
    stack = cdk.Stack(app, "S")
    codebuild.Project(stack, "P", source=source(stack) if callable(source) else source)
    resources: dict[str, Any] = app.synth().get_stack_by_name("S").template["Resources"]
    return resources


def _props(resources: dict[str, Any]) -> dict[str, Any]:
    props: dict[str, Any] = next(v for v in resources.values() if v["Type"] == "AWS::CodeBuild::Project")["Properties"]
    return props


def test_s3_source_matches_golden(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = cdk.Stack(app, "CodeBuildSources")
    bucket = s3.Bucket(stack, "Sources")
    codebuild.Project(stack, "FromS3", source=codebuild.Source.s3(bucket=bucket, path="bundles/app.zip"),
                      environment=codebuild.BuildEnvironment(build_image=codebuild.LinuxBuildImage.from_docker_registry(
                          "public.ecr.aws/docker/library/python:3.12")))
    ours = synth(app, "CodeBuildSources")["Resources"]
    path = COMPAT / "porting" / "goldens" / "codebuild_project_sources" / "CodeBuildSources.template.json"
    expected = json.loads(path.read_text())["Resources"]
    for logical_id in ("FromS3A5E54AD0", "FromS3Role18C16C9A", "FromS3RoleDefaultPolicy29992634"):
        assert json.dumps(ours[logical_id]) == json.dumps(expected[logical_id]), logical_id


def test_code_commit_source_with_depth_and_submodules() -> None:
    def source(stack: cdk.Stack) -> Any:
        repo = codecommit.Repository.from_repository_name(stack, "Repo", "app")
        return codebuild.Source.code_commit(repository=repo, clone_depth=2, fetch_submodules=True)
    props = _props(_synth(source))
    assert props["Source"]["GitCloneDepth"] == 2
    assert props["Source"]["GitSubmodulesConfig"] == {"FetchSubmodules": True}
    assert props["Source"]["Type"] == "CODECOMMIT" and "SourceVersion" not in props


def test_git_hub_webhook_with_filter_groups_and_status() -> None:
    group = FilterGroup.in_event_of(EventAction.PUSH).and_branch_is("main").and_file_path_is_not("docs/.*")
    props = _props(_synth(codebuild.Source.git_hub(owner="o", repo="r", webhook=True, webhook_filters=[group],
                                                   build_status_context="ci", branch_or_ref="dev")))
    assert props["Source"] == {"BuildStatusConfig": {"Context": "ci"}, "Location": "https://github.com/o/r.git",
                               "ReportBuildStatus": True, "Type": "GITHUB"}
    assert props["SourceVersion"] == "dev"
    assert props["Triggers"] == {"FilterGroups": [[{"Pattern": "PUSH", "Type": "EVENT"},
                                                   {"Pattern": "refs/heads/main", "Type": "HEAD_REF"},
                                                   {"ExcludeMatchedPattern": True, "Pattern": "docs/.*",
                                                    "Type": "FILE_PATH"}]],
                                 "Webhook": True}


def test_git_hub_organization_webhook() -> None:
    props = _props(_synth(codebuild.Source.git_hub(owner="my-org")))
    assert props["Source"]["Location"] == "CODEBUILD_DEFAULT_WEBHOOK_SOURCE_LOCATION"
    assert props["Triggers"] == {"FilterGroups": [[{"Pattern": "WORKFLOW_JOB_QUEUED", "Type": "EVENT"}]],
                                 "ScopeConfiguration": {"Name": "my-org"}, "Webhook": True}
    group = FilterGroup.in_event_of(EventAction.WORKFLOW_JOB_QUEUED).and_repository_name_is("app")
    props = _props(_synth(codebuild.Source.git_hub(owner="my-org", webhook_filters=[group])))
    assert props["Triggers"]["FilterGroups"] == [[{"Pattern": "WORKFLOW_JOB_QUEUED", "Type": "EVENT"},
                                                  {"Pattern": "app", "Type": "REPOSITORY_NAME"}]]


def test_bit_bucket_and_enterprise_sources() -> None:
    group = FilterGroup.in_event_of(EventAction.PULL_REQUEST_CREATED).and_base_branch_is("main")
    props = _props(_synth(codebuild.Source.bit_bucket(owner="o", repo="r", webhook_filters=[group],
                                                      report_build_status=False)))
    assert props["Source"] == {"Location": "https://bitbucket.org/o/r.git", "ReportBuildStatus": False,
                               "Type": "BITBUCKET"}
    assert props["Triggers"] == {"FilterGroups": [[{"Pattern": "PULL_REQUEST_CREATED", "Type": "EVENT"},
                                                   {"Pattern": "refs/heads/main", "Type": "BASE_REF"}]],
                                 "Webhook": True}
    props = _props(_synth(codebuild.Source.git_hub_enterprise(https_clone_url="https://ghe.example.com/o/r.git",
                                                              ignore_ssl_errors=True)))
    assert props["Source"]["InsecureSsl"] is True and props["Source"]["Type"] == "GITHUB_ENTERPRISE"


def test_batch_build_webhook_adds_the_batch_service_role() -> None:
    resources = _synth(codebuild.Source.git_hub(owner="o", repo="r", webhook=True, webhook_triggers_batch_build=True))
    props = _props(resources)
    assert props["Triggers"] == {"BuildType": "BUILD_BATCH", "Webhook": True}
    role = next(k for k in resources if k.startswith("PBatchServiceRole") and resources[k]["Type"] == "AWS::IAM::Role")
    assert props["BuildBatchConfig"] == {"ServiceRole": {"Fn::GetAtt": [role, "Arn"]}}


@pytest.mark.parametrize(("source", "message"), [
    (lambda: codebuild.Source.git_hub(owner="o", repo="r", webhook=False, webhook_triggers_batch_build=True),
     "`webhookTriggersBatchBuild` cannot be used when `webhook` is `false`"),
    (lambda: codebuild.Source.bit_bucket(owner="o", repo="r", webhook_filters=[
        FilterGroup.in_event_of(EventAction.PULL_REQUEST_REOPENED)]),
     "BitBucket sources do not support the PULL_REQUEST_REOPENED webhook event action"),
    (lambda: codebuild.Source.bit_bucket(owner="o", repo="r", webhook=False, webhook_filters=[
        FilterGroup.in_event_of(EventAction.PUSH)]), "`webhookFilters` cannot be used when `webhook` is `false`"),
])
def test_bad_webhooks_are_rejected(source: Any, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        _synth(source())


def test_filter_group_checks() -> None:
    with pytest.raises(ValidationError, match="A filter group must contain at least one event action"):
        FilterGroup.in_event_of()
    with pytest.raises(ValidationError, match="A base reference condition cannot be added if a Group contains a PUSH"):
        FilterGroup.in_event_of(EventAction.PUSH).and_base_ref_is("x")


def test_bad_source_arguments_are_rejected() -> None:
    with pytest.raises(ValidationError, match=r"'repository' must be a codecommit\.IRepository"):
        codebuild.Source.code_commit(repository="app")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"'bucket' must be an s3\.IBucket"):
        codebuild.Source.s3(bucket="b", path="k")  # type: ignore[arg-type]
