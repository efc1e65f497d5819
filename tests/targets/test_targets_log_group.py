"""The CloudWatchLogGroup target and LogGroupTargetInput (spec §2.4, compat `divergent/`): one native
`AWS::Logs::ResourcePolicy` per log group and stack instead of the CDK's custom resource per rule;
the CDK's checks and messages; cfn-lint."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from _compat_apps import COMPAT, needs_shared
from _target_support import unchecked
from test_targets_aws_api import lint, run_divergent_app

import cdk_events as events
from cdk_events import core as cdk
from cdk_events.assertions import Template
from cdk_events.aws import logs, sqs
from cdk_events.core import RECOMMENDED_FEATURE_FLAGS, ValidationError
from cdk_events.targets._log_group import CloudWatchLogGroup, LogGroupTargetInput

FORMAT = ("CloudWatchLogGroup targets only support input templates in the format "
          "{timestamp: <timestamp>, message: <message>}")


def app(tmp_path: Path | None = None) -> cdk.App:
    """An app with the feature flags of a new CDK project."""
    return cdk.App(outdir=str(tmp_path) if tmp_path else None, context=dict(RECOMMENDED_FEATURE_FLAGS))


def log_group_arn_join(ref: Any) -> dict[str, Any]:
    return {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":logs:", {"Ref": "AWS::Region"}, ":",
                              {"Ref": "AWS::AccountId"}, ":log-group:", ref]]}


def policy_document(resource: Any) -> dict[str, Any]:
    return {"Fn::Join": ["", [
        '{"Statement":[{"Action":["logs:CreateLogStream","logs:PutLogEvents"],"Effect":"Allow","Principal":'
        '{"Service":"events.amazonaws.com"},"Resource":"', resource, '"}],"Version":"2012-10-17"}']]}


def of_type(template: dict[str, Any], type_name: str) -> dict[str, Any]:
    return {k: v for k, v in template["Resources"].items() if v["Type"] == type_name}


def target_log_group() -> cdk.Stack:
    """The shape of compat app divergent/target_log_group."""
    stack = cdk.Stack(app(), "LogGroupTargetStack")
    log_group = logs.LogGroup(stack, "MyLogGroup", log_group_name="MyLogGroup")
    events.Rule(stack, "rule", event_pattern=events.EventPattern(source=["aws.ec2"]),
                targets=[CloudWatchLogGroup(log_group)])
    events.Rule(stack, "WithLogEvent", event_pattern=events.EventPattern(source=["aws.s3"]), targets=[
        CloudWatchLogGroup(log_group, log_event=LogGroupTargetInput.from_object_v2(
            timestamp=events.EventField.from_path("$.time"), message=events.EventField.from_path("$.detail-type")))])
    other = logs.LogGroup(stack, "Other")
    events.Rule(stack, "NoLatestSdk", event_pattern=events.EventPattern(source=["com.example"]),
                targets=[CloudWatchLogGroup(other, install_latest_aws_sdk=False)])
    return stack


def log_group_variants() -> cdk.Stack:
    """The shape of compat app divergent/log_group_variants."""
    stack = cdk.Stack(app(), "LogGroupVariantStack")
    log_group = logs.LogGroup(stack, "Audit", log_group_name="/events/audit", retention=logs.RetentionDays.ONE_MONTH)
    dlq = sqs.Queue(stack, "Dlq")
    events.Rule(stack, "Defaults", event_pattern=events.EventPattern(source=["com.example"]), targets=[
        CloudWatchLogGroup(log_group, log_event=LogGroupTargetInput.from_object_v2(), dead_letter_queue=dlq,
                           retry_attempts=2)])
    events.Rule(stack, "Shaped", schedule=events.Schedule.rate(cdk.Duration.hours(6)), targets=[
        CloudWatchLogGroup(log_group, event=events.RuleTargetInput.from_object(
            {"timestamp": events.EventField.time, "message": events.EventField.from_path("$.detail")}))])
    return stack


# --- resources ------------------------------------------------------------------------------------
def test_one_resource_policy_per_log_group_shared_by_its_rules() -> None:
    template = Template.from_stack(target_log_group()).to_json()
    policies = of_type(template, "AWS::Logs::ResourcePolicy")
    assert policies == {
        "EventsLogGroupPolicyLogGroupTargetStackMyLogGroup57AFD8CE9E52A14A": {
            "Type": "AWS::Logs::ResourcePolicy", "Properties": {
                "PolicyDocument": policy_document({"Fn::GetAtt": ["MyLogGroup5C0DAD85", "Arn"]}),
                "PolicyName": "LogGroupTargetStackEventsLogGroupPolicyLogGroupTargetStackMyLogGroup57AFD8CEB17DCA15"}},
        "EventsLogGroupPolicyLogGroupTargetStackOther02BDC91C00CAC365": {
            "Type": "AWS::Logs::ResourcePolicy", "Properties": {
                "PolicyDocument": policy_document({"Fn::GetAtt": ["Other34654A52", "Arn"]}),
                "PolicyName": "LogGroupTargetStackEventsLogGroupPolicyLogGroupTargetStackOther02BDC91CEEED9B33"}},
    }
    assert of_type(template, "AWS::Lambda::Function") == {}
    assert of_type(template, "AWS::IAM::Policy") == {}
    rules = of_type(template, "AWS::Events::Rule")
    assert rules["ruleF2C1DCDC"]["DependsOn"] == ["EventsLogGroupPolicyLogGroupTargetStackMyLogGroup57AFD8CE9E52A14A"]
    assert rules["NoLatestSdkB34124DB"]["DependsOn"] == ["EventsLogGroupPolicyLogGroupTargetStackOther02BDC91C00CAC365"]
    assert rules["ruleF2C1DCDC"]["Properties"]["Targets"] == [
        {"Arn": log_group_arn_join({"Ref": "MyLogGroup5C0DAD85"}), "Id": "Target0"}]
    assert rules["WithLogEventB4F61348"]["Properties"]["Targets"][0]["InputTransformer"] == {
        "InputPathsMap": {"time": "$.time", "detail-type": "$.detail-type"},
        "InputTemplate": '{"timestamp":<time>,"message":<detail-type>}'}


def test_variants_dead_letter_queue_retry_and_event_object() -> None:
    template = Template.from_stack(log_group_variants()).to_json()
    assert len(of_type(template, "AWS::Logs::ResourcePolicy")) == 1
    rules = of_type(template, "AWS::Events::Rule")
    assert rules["Defaults49BDE8FF"]["Properties"]["Targets"] == [{
        "Arn": log_group_arn_join({"Ref": "Audit3D8ADE0A"}), "DeadLetterConfig": {
            "Arn": {"Fn::GetAtt": ["DlqD1FAA4AD", "Arn"]}}, "Id": "Target0",
        "InputTransformer": {"InputPathsMap": {"time": "$.time", "detail-type": "$.detail-type"},
                             "InputTemplate": '{"timestamp":<time>,"message":<detail-type>}'},
        "RetryPolicy": {"MaximumRetryAttempts": 2}}]
    assert rules["ShapedEEAC9141"]["Properties"]["Targets"][0]["InputTransformer"] == {
        "InputPathsMap": {"time": "$.time", "detail": "$.detail"},
        "InputTemplate": '{"timestamp":<time>,"message":<detail>}'}
    queue_policy = next(iter(of_type(template, "AWS::SQS::QueuePolicy").values()))
    statement = queue_policy["Properties"]["PolicyDocument"]["Statement"]
    assert statement[0]["Principal"] == {"Service": "events.amazonaws.com"}
    assert statement[0]["Condition"] == {"ArnEquals": {"aws:SourceArn": {"Fn::GetAtt": ["Defaults49BDE8FF", "Arn"]}}}


def test_same_log_group_twice_on_one_rule_does_not_crash() -> None:
    stack = cdk.Stack(app(), "S")
    log_group = logs.LogGroup(stack, "LG")
    events.Rule(stack, "R", event_pattern=events.EventPattern(source=["a"]), targets=[
        CloudWatchLogGroup(log_group), CloudWatchLogGroup(log_group, log_event=LogGroupTargetInput.from_object_v2())])
    template = Template.from_stack(stack).to_json()
    assert len(of_type(template, "AWS::Logs::ResourcePolicy")) == 1
    assert [t["Id"] for t in of_type(template, "AWS::Events::Rule")["RC21A1702"]["Properties"]["Targets"]] == \
        ["Target0", "Target1"]


def test_policy_lives_in_the_log_groups_stack_and_imports_get_their_own() -> None:
    the_app = app()
    logs_stack = cdk.Stack(the_app, "Logs")
    rules_stack = cdk.Stack(the_app, "Rules")
    owned = logs.LogGroup(logs_stack, "LG")
    imported = logs.LogGroup.from_log_group_name(rules_stack, "Imported", "/team/audit")
    events.Rule(rules_stack, "R", event_pattern=events.EventPattern(source=["a"]),
                targets=[CloudWatchLogGroup(owned), CloudWatchLogGroup(imported)])
    in_logs = Template.from_stack(logs_stack).to_json()
    in_rules = Template.from_stack(rules_stack).to_json()
    assert list(of_type(in_logs, "AWS::Logs::ResourcePolicy")) == ["EventsLogGroupPolicyLogsLG96FB1DAAFB2107AF"]
    policies = of_type(in_rules, "AWS::Logs::ResourcePolicy")
    assert list(policies) == ["EventsLogGroupPolicyRulesImported245AB74358F226B8"]
    rule = of_type(in_rules, "AWS::Events::Rule")["RC21A1702"]
    assert rule["DependsOn"] == ["EventsLogGroupPolicyRulesImported245AB74358F226B8"]
    assert rule["Properties"]["Targets"][1]["Arn"] == {"Fn::Join": ["", [
        "arn:", {"Ref": "AWS::Partition"}, ":logs:", {"Ref": "AWS::Region"}, ":", {"Ref": "AWS::AccountId"},
        ":log-group:/team/audit"]]}


def test_log_group_target_input_defaults() -> None:
    for log_input in (LogGroupTargetInput.from_object_v2(), LogGroupTargetInput.from_object()):
        stack = cdk.Stack(app(), "S")
        rule = events.Rule(stack, "R", event_pattern=events.EventPattern(source=["a"]))
        props = log_input.bind(rule)
        assert props.input_paths_map == {"time": "$.time", "detail-type": "$.detail-type"}
        assert stack.resolve(props.input_template) == '{"timestamp":<time>,"message":<detail-type>}'
    assert isinstance(LogGroupTargetInput.from_object(), events.RuleTargetInput)


def test_templates_lint_clean() -> None:
    for stack in (target_log_group(), log_group_variants()):
        assert lint(Template.from_stack(stack).to_json()) == []


# --- errors ---------------------------------------------------------------------------------------
def _rule_with(tmp_path: Path, **props: Any) -> cdk.App:
    the_app = app(tmp_path)
    stack = cdk.Stack(the_app, "ErrStack")
    log_group = logs.LogGroup(stack, "Logs")
    events.Rule(stack, "Rule", event_pattern=events.EventPattern(source=["com.example"]),
                targets=[CloudWatchLogGroup(log_group, **props)])
    return the_app


def test_event_and_log_event_together_are_rejected(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        _rule_with(tmp_path, event=events.RuleTargetInput.from_object(
            {"timestamp": events.EventField.time, "message": events.EventField.detail_type}),
            log_event=LogGroupTargetInput.from_object_v2())
    assert str(caught.value) == (
        '[ErrStack/Rule] CloudWatchLogGroup target: Only one of "event" or "logEvent" can be specified (got both '
        "event and log_event for the log group ErrStack/Logs; pass log_event only)")


@pytest.mark.parametrize(("event", "renders"), [
    (events.RuleTargetInput.from_text("hello"), "a constant Input"),
    (events.RuleTargetInput.from_object({"timestamp": "now", "message": "hi"}), "a constant Input"),
    (events.RuleTargetInput.from_event_path("$.detail"), "InputPath"),
])
def test_constant_input_and_input_path_are_rejected(tmp_path: Path, event: events.RuleTargetInput,
                                                    renders: str) -> None:
    with pytest.raises(ValidationError) as caught:
        _rule_with(tmp_path, event=event)
    assert str(caught.value) == (
        "[ErrStack/Rule] CloudWatchLogGroup target: CloudWatchLogGroup targets does not support input or inputPath "
        f"('event' renders {renders}; pass log_event=targets.LogGroupTargetInput.from_object_v2(...) instead)")


def test_template_without_timestamp_and_message_fails_at_synth(tmp_path: Path) -> None:
    the_app = _rule_with(tmp_path, event=events.RuleTargetInput.from_object(
        {"time": events.EventField.time, "text": events.EventField.detail_type}))
    with pytest.raises(ValidationError) as caught:
        the_app.synth()
    assert str(caught.value) == (
        f"Validation failed with the following errors:\n  [ErrStack/Rule] {FORMAT} (got the input template "
        '{"time":<time>,"text":<detail-type>} for the log group ErrStack/Logs)')


def test_template_that_is_not_json_fails_at_synth(tmp_path: Path) -> None:
    the_app = _rule_with(tmp_path, event=events.RuleTargetInput.from_text(f"{events.EventField.time} x"))
    with pytest.raises(ValidationError) as caught:
        the_app.synth()
    assert str(caught.value) == (
        f"Validation failed with the following errors:\n  [ErrStack/Rule] Could not parse input template as "
        f"JSON.\n{FORMAT}\n  [ErrStack/Rule] Extra data: line 1 column 3 (char 2) (input template: \"<time> x\")")


@pytest.mark.parametrize(("props", "message"), [
    ({"event": {"timestamp": 1}}, "'event' must be a RuleTargetInput (events.RuleTargetInput."
                                  "from_object(...), from_text(...) or from_event_path(...)), got {'timestamp': 1}"),
    ({"log_event": "x"}, "'log_event' must be a targets.LogGroupTargetInput (targets.LogGroupTargetInput."
                         "from_object_v2(...)), got 'x'"),
    ({"install_latest_aws_sdk": "yes"}, "'install_latest_aws_sdk' must be True or False, got 'yes'"),
    ({"dead_letter_queue": "q"}, "'dead_letter_queue' must be an SQS queue"),
])
def test_wrong_props_name_the_rule_the_property_and_the_value(tmp_path: Path, props: dict[str, Any],
                                                              message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        _rule_with(tmp_path, **props)
    assert str(caught.value).startswith(f"[ErrStack/Rule] CloudWatchLogGroup target: {message}")


def test_not_a_log_group_is_rejected() -> None:
    stack = cdk.Stack(app(), "S")
    with pytest.raises(ValidationError, match=r"\[S/R\] CloudWatchLogGroup target: 'log_group' must be a "
                                              r"logs.ILogGroup .*, got '/aws/x'"):
        events.Rule(stack, "R", event_pattern=events.EventPattern(source=["a"]),
                    targets=[unchecked(CloudWatchLogGroup, "/aws/x")])


# --- the compat apps ------------------------------------------------------------------------------
@needs_shared
@pytest.mark.parametrize("name", ["error_log_group_event_and_log_event", "error_log_group_input_template"])
def test_compat_error_apps_fail_with_the_cdk_message(name: str, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    cdk_message = (COMPAT / "divergent" / "goldens" / name / "ERROR.txt").read_text().strip().splitlines()[-1]
    cdk_message = cdk_message.split("] ", 1)[1] if "] " in cdk_message else cdk_message.split(": ", 1)[1]
    with pytest.raises(ValidationError) as caught:
        run_divergent_app(name, tmp_path, monkeypatch)
    assert cdk_message in str(caught.value)


@needs_shared
@pytest.mark.parametrize("name", ["target_log_group", "log_group_variants"])
def test_compat_apps_synthesize_and_lint_clean(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = run_divergent_app(name, tmp_path, monkeypatch)
    for golden_file in (COMPAT / "divergent" / "goldens" / name).glob("*.template.json"):
        ours = json.loads((out / golden_file.name).read_text())
        assert lint(ours) == []
        golden_rules = of_type(json.loads(golden_file.read_text()), "AWS::Events::Rule")
        our_rules = of_type(ours, "AWS::Events::Rule")
        assert {k: v["Properties"] for k, v in our_rules.items()} == \
            {k: v["Properties"] for k, v in golden_rules.items()}
