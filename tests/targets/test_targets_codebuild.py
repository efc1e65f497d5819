"""The CodeBuildProject target: the compat apps against the goldens, then the rules of spec §2.2."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from _compat_apps import assert_matches_golden, needs_shared, run_app
from _target_support import unchecked

import cdk_events as events
from cdk_events import core as cdk
from cdk_events.assertions import Template
from cdk_events.aws import codebuild, iam
from cdk_events.core import ValidationError
from cdk_events.targets._codebuild import CodeBuildProject

ARN = "arn:aws:codebuild:us-east-1:123456789012:project/build-app"


@needs_shared
@pytest.mark.parametrize("app", ["target_codebuild", "seed_codecommit_codebuild"])
def test_compat_app_matches_golden(app: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert_matches_golden(app, run_app(app, tmp_path, monkeypatch))


def _stack() -> tuple[cdk.Stack, Any]:
    stack = cdk.Stack(cdk.App(), "S")
    return stack, codebuild.Project.from_project_arn(stack, "Project", ARN)


def _rule(stack: cdk.Stack, id: str, target: Any) -> events.Rule:
    return events.Rule(stack, id, event_pattern=events.EventPattern(source=["aws.ec2"]), targets=[target])


def test_role_lives_under_the_project_and_is_shared() -> None:
    stack, project = _stack()
    _rule(stack, "A", CodeBuildProject(project))
    _rule(stack, "B", CodeBuildProject(project))
    template = Template.from_stack(stack)
    template.resource_count_is("AWS::IAM::Role", 1)
    assert project.node.try_find_child("EventsRole") is not None
    policy = next(iter(template.find_resources("AWS::IAM::Policy").values()))
    assert policy["Properties"]["PolicyDocument"]["Statement"] == [
        {"Action": "codebuild:StartBuild", "Effect": "Allow", "Resource": ARN}]
    rules = template.find_resources("AWS::Events::Rule")
    for rule in rules.values():
        target = rule["Properties"]["Targets"][0]
        assert target["Arn"] == ARN
        assert set(target) == {"Arn", "Id", "RoleArn"}


def test_explicit_event_role_gets_the_statement() -> None:
    stack, project = _stack()
    role = iam.Role(stack, "R", assumed_by=iam.ServicePrincipal("events.amazonaws.com"))
    _rule(stack, "A", CodeBuildProject(project, event_role=role))
    assert project.node.try_find_child("EventsRole") is None
    Template.from_stack(stack).resource_count_is("AWS::IAM::Role", 1)


def test_retry_policy_and_input() -> None:
    stack, project = _stack()
    _rule(stack, "A", CodeBuildProject(project, retry_attempts=0, max_event_age=cdk.Duration.minutes(5),
                                       event=events.RuleTargetInput.from_text("x")))
    rule = next(iter(Template.from_stack(stack).find_resources("AWS::Events::Rule").values()))
    target = rule["Properties"]["Targets"][0]
    assert target["RetryPolicy"] == {"MaximumEventAgeInSeconds": 300, "MaximumRetryAttempts": 0}
    assert target["Input"] == '"x"'


def test_not_a_project_is_rejected_with_the_rule_path() -> None:
    stack, _ = _stack()
    with pytest.raises(ValidationError, match=r"^\[S/A\] CodeBuildProject target: 'project' must be a CodeBuild "
                                              r"project \(codebuild.Project.from_project_arn\(...\)\), got "
                                              r"'build-app'"):
        _rule(stack, "A", unchecked(CodeBuildProject, "build-app"))


def test_not_a_role_is_rejected() -> None:
    stack, project = _stack()
    with pytest.raises(ValidationError, match=r"\[S/A\] CodeBuildProject target: 'event_role' must be an IAM role"):
        _rule(stack, "A", unchecked(CodeBuildProject, project, event_role="arn:aws:iam::123456789012:role/x"))


def test_not_a_queue_is_rejected() -> None:
    stack, project = _stack()
    with pytest.raises(ValidationError, match=r"\[S/A\] CodeBuildProject target: 'dead_letter_queue' must be an SQS "
                                              r"queue"):
        _rule(stack, "A", unchecked(CodeBuildProject, project, dead_letter_queue="dlq"))


def test_event_must_be_a_rule_target_input() -> None:
    stack, project = _stack()
    target = unchecked(CodeBuildProject, project, event={"a": 1})
    rule = events.Rule(stack, "R", schedule=events.Schedule.rate(cdk.Duration.hours(1)))
    with pytest.raises(cdk.ValidationError, match=r"^\[S/R\] CodeBuildProject target: 'event' must be a "
                                                  r"RuleTargetInput .*got \{'a': 1\} \(a dict\)$"):
        rule.add_target(target)
