"""Project event rules (on_event, on_state_change, on_phase_change, on_build_*) on owned and imported
projects, against the porting golden; the event field classes."""

from __future__ import annotations

import json
from pathlib import Path

from aws_support import COMPAT, make_app, synth

from cdk_events import EventField, EventPattern, RuleTargetInput, targets
from cdk_events import core as cdk
from cdk_events.aws import codebuild, sns, sqs


def test_event_rules_match_golden(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = cdk.Stack(app, "ResourceEventHelpers")
    topic = sns.Topic(stack, "BuildNews")
    queue = sqs.Queue(stack, "Audit")
    project = codebuild.Project(stack, "Project", project_name="porting-build",
                                build_spec=codebuild.BuildSpec.from_object(
                                    {"version": "0.2", "phases": {"build": {"commands": ["make test"]}}}))
    project.on_event("AnyEvent", target=targets.SqsQueue(queue))
    project.on_state_change("StateChange", description="every state change", target=targets.SnsTopic(topic))
    project.on_build_started("Started", target=targets.SqsQueue(queue))
    project.on_build_failed("Failed", rule_name="porting-build-failed", target=targets.SnsTopic(
        topic, message=RuleTargetInput.from_text(f"Build {EventField.from_path('$.detail.build-id')} failed")))
    project.on_build_succeeded("Succeeded", target=targets.SnsTopic(topic))
    project.on_phase_change("Phase", event_pattern=EventPattern(detail={"completed-phase": ["BUILD"]}),
                            target=targets.SqsQueue(queue))
    imported = codebuild.Project.from_project_name(stack, "Imported", "nightly-integration")
    imported.on_build_failed("ImportedFailed", target=targets.SnsTopic(topic))
    imported.on_state_change("ImportedState")
    ours = synth(app, "ResourceEventHelpers")["Resources"]
    path = COMPAT / "porting" / "goldens" / "resource_event_helpers" / "ResourceEventHelpers.template.json"
    expected = json.loads(path.read_text())["Resources"]
    for logical_id in ("ProjectAnyEvent4120374C", "ProjectStateChange286FAF49", "ProjectStartedED01F7C7",
                       "ProjectFailed41477B76", "ProjectSucceededA5E73340", "ProjectPhase729B56D0",
                       "ImportedImportedFailed75B8F5E6", "ImportedImportedState5E81B6B5", "ProjectC78D97AD"):
        assert json.dumps(ours[logical_id]) == json.dumps(expected[logical_id]), logical_id


def test_rule_is_created_under_the_project_and_returned() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    project = codebuild.Project.from_project_arn(stack, "P", "arn:aws:codebuild:us-east-1:123456789012:project/x")
    rule = project.on_build_succeeded("Done")
    assert rule.node.path == "S/P/Done"
    assert stack.resolve(rule.event_pattern) == {
        "source": ["aws.codebuild"], "detail": {"project-name": ["x"], "build-status": ["SUCCEEDED"]},
        "detailType": ["CodeBuild Build State Change"]}


def test_event_fields() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    assert stack.resolve(codebuild.StateChangeEvent.build_id) == "$.detail.build-id"
    assert stack.resolve(codebuild.PhaseChangeEvent.completed_phase_status) == "$.detail.completed-phase-status"
