"""Unit tests written for `aws_cdk.assertions`, run unchanged against the apps in `examples/` with only
the import swapped (`from aws_cdk.assertions import ...` -> `from cdk_events.assertions import ...`).

Expected values follow the CDK's documented behaviour (spec: ../shared/spec/cdk-events-inventory.md,
sections 1.5-1.10 and 2) — how a CodeCommit rule's pattern, an input transformer, an archive, a
cross-account wiring or an ECS task target render.
"""

from __future__ import annotations

import runpy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cdk_events.assertions import Annotations, Capture, Match, Template

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
# the default bus of the target account, formatted in the target stack (its partition a deploy-time value)
BUS_222222222222 = {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"},
                                      ":events:us-east-1:222222222222:event-bus/default"]]}


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str, str], Any]:
    """`example(name, stack_id)`: run the example in this process (as `python example.py` would, its output
    in `tmp_path`) and return the stack `stack_id` of its app."""
    monkeypatch.delenv("CDK_CONTEXT_JSON", raising=False)
    monkeypatch.setenv("CDK_OUTDIR", str(tmp_path / "cdk.out"))

    def run(name: str, stack_id: str) -> Any:
        namespace = runpy.run_path(str(EXAMPLES / f"{name}.py"), run_name="__main__")
        return namespace["app"].node.find_child(stack_id)

    return run


@pytest.fixture
def seed(example: Callable[[str, str], Any]) -> Template:
    return Template.from_stack(example("seed_sns_message", "SeedSnsStack"))


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


def test_archive_keeps_events_365_days_with_an_aws_owned_key(example: Callable[[str, str], Any]) -> None:
    template = Template.from_stack(example("archive", "ArchiveStack"))
    template.has_resource_properties("AWS::Events::Archive", {
        "ArchiveName": "MyCustomEventBusArchive",
        "Description": "MyCustomerEventBus Archive",
        "EventPattern": {"account": [{"Ref": "AWS::AccountId"}]},
        "KmsKeyIdentifier": "",
        "RetentionDays": 365,
        "SourceArn": {"Fn::GetAtt": [Match.string_like_regexp("^bus"), "Arn"]},
    })


def test_quickstart_rule_retries_and_dead_letters(example: Callable[[str, str], Any]) -> None:
    template = Template.from_stack(example("quickstart", "QuickstartStack"))
    rules = template.find_resources("AWS::Events::Rule", {"Properties": {"Targets": Match.array_with([
        Match.object_like({"DeadLetterConfig": Match.any_value(), "RetryPolicy": Match.any_value()})])}})
    assert len(rules) == 1
    (rule,) = rules.values()
    retry = rule["Properties"]["Targets"][0]["RetryPolicy"]
    assert retry["MaximumRetryAttempts"] == 3


def test_cross_account_source_stack_targets_the_other_accounts_default_bus(example: Callable[[str, str], Any]) -> None:
    stack1 = example("cross_account", "Stack1")
    template = Template.from_stack(stack1)
    template.has_resource_properties("AWS::Events::Rule", {"Targets": [Match.object_like({
        "Arn": BUS_222222222222,
        "RoleArn": {"Fn::GetAtt": [Match.string_like_regexp("EventsRole"), "Arn"]},
    })]})
    template.has_resource_properties("AWS::IAM::Policy", {"PolicyDocument": {"Statement": [Match.object_like({
        "Action": "events:PutEvents", "Resource": BUS_222222222222})]}})


def test_cross_account_support_stack_grants_put_events(example: Callable[[str, str], Any]) -> None:
    stack1 = example("cross_account", "Stack1")
    support = stack1.node.root.node.find_child("EventBusPolicy-111111111111-us-east-1-222222222222")
    Template.from_stack(support).has_resource("AWS::Events::EventBusPolicy", {"Properties": {
        "Action": "events:PutEvents", "Principal": "111111111111",
        "StatementId": Match.string_like_regexp("^Allow-account-111111111111-")}})


def test_cross_account_target_stack_has_the_mirror_rule_with_the_project(example: Callable[[str, str], Any]) -> None:
    stack1 = example("cross_account", "Stack1")
    stack2 = stack1.node.root.node.find_child("Stack2")
    template = Template.from_stack(stack2)
    template.resource_count_is("AWS::Events::Rule", 1)
    template.has_resource_properties("AWS::Events::Rule", {"Targets": [Match.object_like({
        "Arn": {"Fn::GetAtt": [Match.string_like_regexp("^Project"), "Arn"]}, "Id": "Target0"})]})


def test_codebuild_target_passes_the_commit_id(example: Callable[[str, str], Any]) -> None:
    template = Template.from_stack(example("codecommit_codebuild", "CommitBuildStack"))
    template.has_resource_properties("AWS::Events::Rule", {"Targets": [Match.object_like({
        "InputTransformer": {"InputPathsMap": {"detail-commitId": "$.detail.commitId"},
                             "InputTemplate": '{"sourceVersion":<detail-commitId>}'}})]})
    template.has_resource_properties("AWS::IAM::Policy", {"PolicyDocument": {"Statement": [Match.object_like({
        "Action": "codebuild:StartBuild"})]}})


def test_scheduled_ecs_task_runs_at_four_on_fargate_in_the_private_subnets(example: Callable[[str, str], Any]) -> None:
    template = Template.from_stack(example("scheduled_ecs_task", "NightlyTaskStack"))
    template.has_resource_properties("AWS::Events::Rule", {
        "ScheduleExpression": "cron(0 4 * * ? *)",
        "Targets": [Match.object_like({"EcsParameters": Match.object_like({
            "LaunchType": "FARGATE", "TaskCount": 1,
            "NetworkConfiguration": {"AwsVpcConfiguration": Match.object_like({"AssignPublicIp": "DISABLED"})}}),
            "Input": Match.serialized_json({"containerOverrides": [Match.object_like({"name": "TheContainer"})]})})],
    })


def test_scheduled_ecs_task_role_may_run_the_task_and_pass_its_roles(example: Callable[[str, str], Any]) -> None:
    template = Template.from_stack(example("scheduled_ecs_task", "NightlyTaskStack"))
    template.has_resource_properties("AWS::IAM::Policy", {"PolicyDocument": {"Statement": Match.array_with([
        Match.object_like({"Action": "ecs:RunTask"}),
        Match.object_like({"Action": "iam:PassRole",
                           "Resource": {"Fn::GetAtt": [Match.string_like_regexp("ExecutionRole"), "Arn"]}}),
        Match.object_like({"Action": "iam:PassRole",
                           "Resource": {"Fn::GetAtt": [Match.string_like_regexp("TaskRole"), "Arn"]}})])}})


def test_examples_carry_no_warnings(example: Callable[[str, str], Any]) -> None:
    Annotations.from_stack(example("quickstart", "QuickstartStack")).has_no_warning("*", Match.any_value())
