"""Unit tests written for `aws_cdk.assertions`, run unchanged against the apps in `examples/` with only
the import swapped (`from aws_cdk.assertions import ...` -> `from cdk_events.assertions import ...`).

Expected values follow the CDK's documented behaviour (spec: ../shared/spec/cdk-events-inventory.md,
sections 1.5-1.10 and 2) — how a CodeCommit rule's pattern, an input transformer, an archive, a
cross-account wiring or an ECS task target render.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from cdk_events.assertions import Annotations, Capture, Match, Template
from cdk_events.cli._commands import run_app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _stack(example: str, stack_id: str, tmp_path: Path) -> Any:
    os.environ.pop("CDK_CONTEXT_JSON", None)
    (app,) = run_app(str(EXAMPLES / f"{example}.py"), tmp_path / "cdk.out", {})
    return app.node.find_child(stack_id)


@pytest.fixture
def seed(tmp_path: Path) -> Template:
    return Template.from_stack(_stack("seed_sns_message", "SeedSnsStack", tmp_path))


def test_seed_commit_rules_match_pushes_to_master(seed: Template) -> None:
    seed.resource_count_is("AWS::Events::Rule", 2)
    seed.has_resource_properties("AWS::Events::Rule", {
        "EventPattern": {
            "source": ["aws.codecommit"],
            "detail-type": ["CodeCommit Repository State Change"],
            "detail": {"event": ["referenceCreated", "referenceUpdated"], "referenceName": ["master"]},
        },
        "State": "ENABLED",
    })


def test_seed_text_message_becomes_an_input_transformer(seed: Template) -> None:
    seed.has_resource_properties("AWS::Events::Rule", {"Targets": [Match.object_like({
        "InputTransformer": {
            "InputPathsMap": {"detail-repositoryName": "$.detail.repositoryName",
                              "detail-referenceName": "$.detail.referenceName"},
            "InputTemplate": '"A commit was pushed to the repository <detail-repositoryName> on branch '
                             '<detail-referenceName>"',
        },
    })]})


def test_seed_object_message_keeps_a_placeholder_inside_a_string_quoted(seed: Template) -> None:
    template = Capture()
    seed.has_resource_properties("AWS::Events::Rule", {"Targets": [Match.object_like({
        "InputTransformer": {"InputPathsMap": {"detail-type": "$.detail-type"}, "InputTemplate": template}})]})
    assert template.as_string() == '{"DataType":"custom_<detail-type>"}'


def test_seed_topic_policy_lets_events_publish(seed: Template) -> None:
    seed.has_resource_properties("AWS::SNS::TopicPolicy", {"PolicyDocument": {"Statement": Match.array_with([
        Match.object_like({"Action": "sns:Publish", "Principal": {"Service": "events.amazonaws.com"}, "Sid": "0"})])}})


def test_archive_keeps_events_365_days_with_an_aws_owned_key(tmp_path: Path) -> None:
    template = Template.from_stack(_stack("archive", "ArchiveStack", tmp_path))
    template.has_resource_properties("AWS::Events::Archive", {
        "ArchiveName": "MyCustomEventBusArchive",
        "Description": "MyCustomerEventBus Archive",
        "EventPattern": {"account": [{"Ref": "AWS::AccountId"}]},
        "KmsKeyIdentifier": "",
        "RetentionDays": 365,
        "SourceArn": {"Fn::GetAtt": [Match.string_like_regexp("^bus"), "Arn"]},
    })


def test_quickstart_rule_retries_and_dead_letters(tmp_path: Path) -> None:
    template = Template.from_stack(_stack("quickstart", "QuickstartStack", tmp_path))
    rules = template.find_resources("AWS::Events::Rule", {"Properties": {"Targets": Match.array_with([
        Match.object_like({"DeadLetterConfig": Match.any_value(), "RetryPolicy": Match.any_value()})])}})
    assert len(rules) == 1
    (rule,) = rules.values()
    retry = rule["Properties"]["Targets"][0]["RetryPolicy"]
    assert retry["MaximumRetryAttempts"] == 3


def test_cross_account_source_stack_targets_the_other_accounts_default_bus(tmp_path: Path) -> None:
    stack1 = _stack("cross_account", "Stack1", tmp_path)
    template = Template.from_stack(stack1)
    template.has_resource_properties("AWS::Events::Rule", {"Targets": [Match.object_like({
        "Arn": "arn:aws:events:us-east-1:222222222222:event-bus/default",
        "RoleArn": {"Fn::GetAtt": [Match.string_like_regexp("EventsRole"), "Arn"]},
    })]})
    template.has_resource_properties("AWS::IAM::Policy", {"PolicyDocument": {"Statement": [Match.object_like({
        "Action": "events:PutEvents", "Resource": "arn:aws:events:us-east-1:222222222222:event-bus/default"})]}})


def test_cross_account_support_stack_grants_put_events(tmp_path: Path) -> None:
    stack1 = _stack("cross_account", "Stack1", tmp_path)
    support = stack1.node.root.node.find_child("EventBusPolicy-111111111111-us-east-1-222222222222")
    Template.from_stack(support).has_resource("AWS::Events::EventBusPolicy", {"Properties": {
        "Action": "events:PutEvents", "Principal": "111111111111",
        "StatementId": Match.string_like_regexp("^Allow-account-111111111111-")}})


def test_cross_account_target_stack_has_the_mirror_rule_with_the_project(tmp_path: Path) -> None:
    stack1 = _stack("cross_account", "Stack1", tmp_path)
    stack2 = stack1.node.root.node.find_child("Stack2")
    template = Template.from_stack(stack2)
    template.resource_count_is("AWS::Events::Rule", 1)
    template.has_resource_properties("AWS::Events::Rule", {"Targets": [Match.object_like({
        "Arn": "arn:aws:codebuild:us-east-1:222222222222:project/MyProject", "Id": "Target0"})]})


def test_codebuild_target_passes_the_commit_id(tmp_path: Path) -> None:
    template = Template.from_stack(_stack("codecommit_codebuild", "CommitBuildStack", tmp_path))
    template.has_resource_properties("AWS::Events::Rule", {"Targets": [Match.object_like({
        "InputTransformer": {"InputPathsMap": {"detail-commitId": "$.detail.commitId"},
                             "InputTemplate": '{"sourceVersion":<detail-commitId>}'}})]})
    template.has_resource_properties("AWS::IAM::Policy", {"PolicyDocument": {"Statement": [Match.object_like({
        "Action": "codebuild:StartBuild"})]}})


def test_scheduled_ecs_task_runs_at_four_with_platform_1_4(tmp_path: Path) -> None:
    template = Template.from_stack(_stack("scheduled_ecs_task", "NightlyTaskStack", tmp_path))
    template.has_resource_properties("AWS::Events::Rule", {
        "ScheduleExpression": "cron(0 4 * * ? *)",
        "Targets": [Match.object_like({"EcsParameters": Match.object_like({
            "LaunchType": "FARGATE", "PlatformVersion": "1.4.0", "TaskCount": 1}), "Input": "{}"})],
    })


def test_scheduled_ecs_task_role_may_run_the_task_and_pass_its_role(tmp_path: Path) -> None:
    template = Template.from_stack(_stack("scheduled_ecs_task", "NightlyTaskStack", tmp_path))
    template.has_resource_properties("AWS::IAM::Policy", {"PolicyDocument": {"Statement": Match.array_with([
        Match.object_like({"Action": "ecs:RunTask"}),
        # the execution-role and task-role statements merge under @aws-cdk/aws-iam:minimizePolicies
        Match.object_like({"Action": "iam:PassRole",
                           "Resource": ["arn:aws:iam::123456789012:role/nightly-report-execution",
                                        "arn:aws:iam::123456789012:role/nightly-report-task"]})])}})


def test_examples_carry_no_warnings(tmp_path: Path) -> None:
    Annotations.from_stack(_stack("quickstart", "QuickstartStack", tmp_path)).has_no_warning("*", Match.any_value())
