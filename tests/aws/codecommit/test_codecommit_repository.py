"""codecommit.Repository: event rules as the CDK builds them, ReferenceEvent, imports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from aws_support import by_path, golden, make_app, synth

import cdk_events as events
from cdk_events.aws import codecommit
from cdk_events.core import Stack, ValidationError


def test_seed_on_commit_pattern_matches_golden(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "SeedSnsStack")
    repo = codecommit.Repository(stack, "Repo", repository_name="my-repo")
    repo.on_commit("OnCommit", branches=["master"])
    ours = synth(app, "SeedSnsStack")["Resources"]
    expected = golden("seed_codecommit_sns", "SeedSnsStack")["Resources"]
    assert ours["Repo02AC86CF"] == expected["Repo02AC86CF"]
    assert ours["RepoOnCommitCCFF794E"]["Properties"]["EventPattern"] == \
        expected["RepoOnCommitCCFF794E"]["Properties"]["EventPattern"]
    assert list(ours["RepoOnCommitCCFF794E"]["Properties"]["EventPattern"]) == [
        "source", "resources", "detail-type", "detail"]


def test_helpers_match_golden_patterns(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "CodeCommitEventStack")
    repo = codecommit.Repository(stack, "Repo", repository_name="service-repo", description="events demo")
    repo.on_reference_created("BranchCreated")
    repo.on_event("AnyEvent", description="every repository event",
                  event_pattern=events.EventPattern(detail={"event": ["referenceUpdated"]}))
    repo.on_commit("MainCommit", branches=["main", "release"], rule_name="service-repo-commits")
    ours = synth(app, "CodeCommitEventStack")["Resources"]
    expected = golden("codecommit_events", "CodeCommitEventStack")["Resources"]
    assert ours["Repo02AC86CF"] == expected["Repo02AC86CF"]
    for logical_id in ("RepoBranchCreated878A0378", "RepoAnyEvent830D9335", "RepoMainCommitF5AA7E7A"):
        props = {k: v for k, v in ours[logical_id]["Properties"].items() if k != "Targets"}
        wanted = {k: v for k, v in expected[logical_id]["Properties"].items() if k != "Targets"}
        assert props == wanted


def test_other_helpers(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    repo = codecommit.Repository(stack, "Repo", repository_name="r")
    patterns: dict[str, dict[str, Any]] = {
        "on_reference_deleted": {"detail-type": ["CodeCommit Repository State Change"],
                                 "detail": {"event": ["referenceDeleted"]}},
        "on_pull_request_state_change": {"detail-type": ["CodeCommit Pull Request State Change"]},
        "on_comment_on_pull_request": {"detail-type": ["CodeCommit Comment on Pull Request"]},
        "on_comment_on_commit": {"detail-type": ["CodeCommit Comment on Commit"]},
    }
    for name in patterns:
        getattr(repo, name)(name.replace("_", ""))
    resources = synth(app, "S")["Resources"]
    for name, extra in patterns.items():
        pattern = by_path(resources, f"S/Repo/{name.replace('_', '')}/Resource")["Properties"]["EventPattern"]
        assert pattern == {"source": ["aws.codecommit"], "resources": [{"Fn::GetAtt": ["Repo02AC86CF", "Arn"]}],
                           **extra}


def test_reference_event_fields() -> None:
    field = codecommit.ReferenceEvent.repository_name
    assert isinstance(field, str)
    text = events.RuleTargetInput.from_text(f"{codecommit.ReferenceEvent.reference_name} {field}")
    assert text is not None
    with pytest.raises(TypeError):
        codecommit.ReferenceEvent()


def test_imports(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    repo = codecommit.Repository.from_repository_arn(stack, "Imported",
                                                     "arn:aws:codecommit:us-west-1:111111111111:shared")
    assert repo.repository_name == "shared"
    assert (repo.env.account, repo.env.region) == ("111111111111", "us-west-1")
    by_name = codecommit.Repository.from_repository_name(stack, "ByName", "local")
    assert stack.resolve(by_name.repository_arn) == {"Fn::Join": ["", [
        "arn:", {"Ref": "AWS::Partition"}, ":codecommit:", {"Ref": "AWS::Region"}, ":", {"Ref": "AWS::AccountId"},
        ":local"]]}


def test_invalid_props_are_rejected(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    with pytest.raises(ValidationError, match=r"\[S/R\] Invalid repository_name 'bad name'"):
        codecommit.Repository(stack, "R", repository_name="bad name")
    repo = codecommit.Repository(stack, "Ok", repository_name="ok")
    with pytest.raises(ValidationError, match="'branches' must be a list"):
        repo.on_commit("C", branches="main")
