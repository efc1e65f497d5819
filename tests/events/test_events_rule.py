"""`Rule`: props, rendering, validation, targets list, imports, tags, `matches()`.

Expected values: spec §1.2 (props, render order, validation messages), §8 (quick goldens), and
the compat goldens `rule_props`, `rule_tags`, `many_targets_5`, `error_*`.
"""

from __future__ import annotations

import json

import pytest
from events_support import assert_same_as_golden, golden_error, golden_template, make_event, synth_template

from cdk_events import EventPattern, Match, Rule, Schedule, targets
from cdk_events.aws import iam, sqs
from cdk_events.core import CfnOutput, Duration, Environment, Stack, Tags, ValidationError


def _rule_props(template: dict, logical_id: str = "Rule4C995B7F") -> dict:
    return template["Resources"][logical_id]["Properties"]


# --- spec §8 quick goldens -----------------------------------------------------------------

def test_schedule_rule_with_queue_target_quick_golden(env):
    app = env.app()
    stack = Stack(app, "MyStack")
    queue = sqs.Queue(stack, "Queue")
    Rule(stack, "Rule", schedule=Schedule.rate(Duration.minutes(1)), targets=[targets.SqsQueue(queue)])
    template = synth_template(app, stack)
    assert template["Resources"]["Rule4C995B7F"] == {
        "Type": "AWS::Events::Rule",
        "Properties": {
            "ScheduleExpression": "rate(1 minute)",
            "State": "ENABLED",
            "Targets": [{"Arn": {"Fn::GetAtt": ["Queue4A7E3555", "Arn"]}, "Id": "Target0"}],
        },
    }
    policy = template["Resources"]["QueuePolicy25439813"]["Properties"]
    assert policy["Queues"] == [{"Ref": "Queue4A7E3555"}]
    assert policy["PolicyDocument"]["Statement"] == [{
        "Action": ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"],
        "Condition": {"ArnEquals": {"aws:SourceArn": {"Fn::GetAtt": ["Rule4C995B7F", "Arn"]}}},
        "Effect": "Allow",
        "Principal": {"Service": "events.amazonaws.com"},
        "Resource": {"Fn::GetAtt": ["Queue4A7E3555", "Arn"]},
    }]


def test_properties_render_in_alphabetical_cfn_order(env):
    app = env.app()
    stack = Stack(app, "S")
    role = iam.Role(stack, "Role", assumed_by=iam.ServicePrincipal("events.amazonaws.com"))
    rule = Rule(stack, "Rule", description="d", rule_name="named", role=role, enabled=False,
                event_pattern=EventPattern(source=["aws.ec2"]))
    rule.add_target(targets.SqsQueue(sqs.Queue(stack, "Q")))
    Tags.of(rule).add("k", "v")
    props = _rule_props(synth_template(app, stack))
    assert list(props) == ["Description", "EventPattern", "Name", "RoleArn", "State", "Tags", "Targets"]
    assert props["State"] == "DISABLED"
    assert props["Name"] == "named"
    assert props["RoleArn"] == {"Fn::GetAtt": ["Role1ABCC5F0", "Arn"]}


def test_enabled_defaults_to_enabled_and_targets_omitted_when_empty(env):
    app = env.app()
    stack = Stack(app, "S")
    Rule(stack, "Rule", enabled=True, event_pattern=EventPattern(source=["aws.ec2"]))
    assert _rule_props(synth_template(app, stack)) == {"EventPattern": {"source": ["aws.ec2"]}, "State": "ENABLED"}


def test_attributes_are_getatt_and_ref(env):
    app = env.app()
    stack = Stack(app, "S")
    rule = Rule(stack, "Rule", schedule=Schedule.rate(Duration.minutes(5)))
    CfnOutput(stack, "Arn", value=rule.rule_arn)
    CfnOutput(stack, "Name", value=rule.rule_name)
    outputs = synth_template(app, stack)["Outputs"]
    assert outputs == {"Arn": {"Value": {"Fn::GetAtt": ["Rule4C995B7F", "Arn"]}},
                       "Name": {"Value": {"Ref": "Rule4C995B7F"}}}


def test_tags_render_sorted_by_key(env):
    app = env.app()
    stack = Stack(app, "S")
    rule = Rule(stack, "Rule", schedule=Schedule.rate(Duration.minutes(5)))
    Tags.of(rule).add("b", "2")
    Tags.of(rule).add("a", "1")
    assert _rule_props(synth_template(app, stack))["Tags"] == [{"Key": "a", "Value": "1"}, {"Key": "b", "Value": "2"}]


# --- add_target -----------------------------------------------------------------------------

def test_target_ids_count_this_rules_targets_and_none_is_a_no_op(env):
    app = env.app()
    stack = Stack(app, "S")
    queue = sqs.Queue(stack, "Queue")
    rule = Rule(stack, "Rule", event_pattern=EventPattern(source=["aws.ec2"]))
    rule.add_target()
    rule.add_target(None)
    rule.add_target(targets.SqsQueue(queue))
    rule.add_target(targets.SqsQueue(queue))
    assert [t["Id"] for t in _rule_props(synth_template(app, stack))["Targets"]] == ["Target0", "Target1"]
    assert rule.target_count == 2


def test_unwrapped_queue_as_target_says_how_to_wrap_it(env):
    stack = Stack(env.app(), "S")
    queue = sqs.Queue(stack, "Queue")
    with pytest.raises(ValidationError) as error:
        Rule(stack, "Rule", event_pattern=EventPattern(source=["a"]), targets=[queue])
    message = str(error.value)
    assert message.startswith("[S/Rule] ")
    assert "wrap it: targets.SqsQueue(...)" in message


def test_targets_must_be_a_list(env):
    stack = Stack(env.app(), "S")
    queue = sqs.Queue(stack, "Queue")
    with pytest.raises(ValidationError, match=r"^\[S/Rule\] 'targets' must be a list of targets, got "):
        Rule(stack, "Rule", event_pattern=EventPattern(source=["a"]), targets=targets.SqsQueue(queue))  # type: ignore[arg-type]


def test_schedule_must_be_a_schedule(env):
    stack = Stack(env.app(), "S")
    with pytest.raises(ValidationError, match=r"^\[S/Rule\] 'schedule' must be a Schedule .*got 'rate\(5 minutes\)'"):
        Rule(stack, "Rule", schedule="rate(5 minutes)")  # type: ignore[arg-type]


# --- validation (spec §1.2) -----------------------------------------------------------------

def _synth_error(app) -> str:
    with pytest.raises(ValidationError) as error:
        app.synth()
    return str(error.value)


def test_no_pattern_and_no_schedule_is_rejected_at_synth(env):
    app = env.app()
    Rule(Stack(app, "ErrStack"), "Rule")
    assert _synth_error(app) == ("Validation failed with the following errors:\n"
                                 "  [ErrStack/Rule] Either 'eventPattern' or 'schedule' must be defined")


def test_no_pattern_message_is_the_cdks():
    text = golden_error("error_no_pattern_no_schedule")
    assert "  [ErrStack/Rule] Either 'eventPattern' or 'schedule' must be defined" in text


def test_rule_name_too_long_is_rejected_at_synth(env):
    app = env.app()
    Rule(Stack(app, "ErrStack"), "Rule", rule_name="r" * 65, schedule=Schedule.rate(Duration.minutes(5)))
    expected = "  [ErrStack/Rule] Event rule name must be between 1 and 64 characters. Received: " + "r" * 65
    assert expected in _synth_error(app)
    assert expected in golden_error("error_rule_name_invalid")


def test_rule_name_with_a_space_is_rejected_at_synth(env):
    app = env.app()
    Rule(Stack(app, "S"), "Rule", rule_name="my rule", schedule=Schedule.rate(Duration.minutes(5)))
    assert ("[S/Rule] Event rule name my rule can contain only letters, numbers, periods, hyphens, or underscores "
            "with no spaces.") in _synth_error(app)


def test_rule_name_of_64_characters_is_accepted(env):
    app = env.app()
    stack = Stack(app, "S")
    Rule(stack, "Rule", rule_name="a.b-c_" + "d" * 58, schedule=Schedule.rate(Duration.minutes(5)))
    assert _rule_props(synth_template(app, stack))["Name"] == "a.b-c_" + "d" * 58


def test_six_targets_are_rejected_at_synth(env):
    app = env.app()
    stack = Stack(app, "SixTargetStack")
    rule = Rule(stack, "Rule", event_pattern=EventPattern(source=["aws.ec2"]))
    for i in range(6):
        rule.add_target(targets.SqsQueue(sqs.Queue(stack, f"Queue{i}")))
    expected = "  [SixTargetStack/Rule] Event rule cannot have more than 5 targets."
    assert expected in _synth_error(app)
    assert expected in golden_error("error_six_targets")


def test_all_errors_are_collected_in_one_message(env):
    app = env.app()
    stack = Stack(app, "S")
    Rule(stack, "A")
    Rule(stack, "B", rule_name="bad name", schedule=Schedule.rate(Duration.minutes(5)))
    message = _synth_error(app)
    assert message.startswith("Validation failed with the following errors:\n")
    assert "[S/A] Either 'eventPattern' or 'schedule' must be defined" in message
    assert "[S/B] Event rule name bad name can contain only" in message


def test_schedule_on_custom_bus_is_rejected_at_construction(env):
    from cdk_events import EventBus

    stack = Stack(env.app(), "ErrStack")
    bus = EventBus(stack, "Bus")
    with pytest.raises(ValidationError) as error:
        Rule(stack, "Rule", event_bus=bus, schedule=Schedule.rate(Duration.minutes(5)))
    assert str(error.value) == "[ErrStack/Rule] Cannot associate rule with 'eventBus' when using 'schedule'"


def test_description_over_512_characters_is_rejected_at_synth(env):
    app = env.app()
    Rule(Stack(app, "ErrStack"), "Rule", description="d" * 513, schedule=Schedule.rate(Duration.minutes(5)))
    message = _synth_error(app)
    assert message.startswith("Validation failed with the following errors:\n")
    assert "  [ErrStack/Rule] description is 513 characters long; EventBridge allows at most 512" in message


def test_description_of_512_characters_is_accepted(env):
    app = env.app()
    stack = Stack(app, "S")
    Rule(stack, "Rule", description="d" * 512, schedule=Schedule.rate(Duration.minutes(5)))
    assert _rule_props(synth_template(app, stack))["Description"] == "d" * 512


def test_the_cdk_rejects_the_long_description_too():
    assert "Description: length 513 exceeds maximum 512" in golden_error("error_description_too_long")


# --- imports --------------------------------------------------------------------------------

def test_from_event_rule_arn(env):
    stack = Stack(env.app(), "S")
    imported = Rule.from_event_rule_arn(stack, "Imported", "arn:aws:events:us-east-1:123456789012:rule/imported-rule")
    assert imported.rule_name == "imported-rule"
    assert imported.rule_arn == "arn:aws:events:us-east-1:123456789012:rule/imported-rule"
    assert (imported.env.account, imported.env.region) == ("123456789012", "us-east-1")


def test_from_event_rule_arn_with_an_11_digit_account_is_rejected(env):
    stack = Stack(env.app(), "S")
    with pytest.raises(ValidationError) as error:
        Rule.from_event_rule_arn(stack, "Imported", "arn:aws:events:us-east-1:11111111111:rule/r")
    message = str(error.value)
    assert message.startswith("[S/Imported] ")
    assert "'11111111111'" in message and "12 digits" in message


def test_account_id_check_can_be_turned_off(env):
    stack = Stack(env.app({"@cdk-events/core:validateAccountIds": False}), "S")
    imported = Rule.from_event_rule_arn(stack, "Imported", "arn:aws:events:us-east-1:11111111111:rule/r")
    assert imported.env.account == "11111111111"


# --- cross_stack_scope ----------------------------------------------------------------------

def test_cross_stack_scope_in_the_same_environment_moves_the_rule(env):
    app = env.app()
    home = Stack(app, "Home")
    other = Stack(app, "Other")
    rule = Rule(other, "Moved", cross_stack_scope=home, event_pattern=EventPattern(source=["x"]))
    assert rule.node.path == "Home/Moved"


def test_cross_stack_scope_in_another_environment_keeps_the_scope(env):
    app = env.app()
    home = Stack(app, "Home", env=Environment(account="111111111111", region="us-east-1"))
    other = Stack(app, "Other", env=Environment(account="222222222222", region="us-east-1"))
    rule = Rule(other, "Stays", cross_stack_scope=home, event_pattern=EventPattern(source=["x"]))
    assert rule.node.path == "Other/Stays"


# --- matches() (local engine) ---------------------------------------------------------------

def test_matches_runs_the_pattern_locally(env):
    stack = Stack(env.app(), "S")
    rule = Rule(stack, "Rule", event_pattern=EventPattern(
        source=["aws.ec2"], detail_type=["EC2 Instance State-change Notification"],
        detail={"state": Match.anything_but("terminated"), "size": Match.greater_than(10)}))
    event = make_event(source="aws.ec2", detail_type="EC2 Instance State-change Notification",
                       detail={"state": "running", "size": 11})
    assert rule.matches(event)
    assert not rule.matches({**event, "detail": {"state": "terminated", "size": 11}})
    assert not rule.matches({**event, "source": "aws.s3"})


def test_matches_accepts_json_text_and_null_values(env):
    stack = Stack(env.app(), "S")
    rule = Rule(stack, "Rule", event_pattern=EventPattern(source=["a"], detail={"x": Match.null_value()}))
    assert rule.matches(json.dumps(make_event(source="a", detail={"x": None})))
    assert not rule.matches(json.dumps(make_event(source="a", detail={"x": 1})))


def test_matches_follows_add_event_pattern(env):
    stack = Stack(env.app(), "S")
    rule = Rule(stack, "Rule", event_pattern=EventPattern(source=["a"]))
    rule.add_event_pattern(source=["b"])
    assert rule.matches(make_event(source="b"))


def test_matches_without_a_pattern_names_the_rule(env):
    stack = Stack(env.app(), "S")
    rule = Rule(stack, "Rule", schedule=Schedule.rate(Duration.minutes(5)))
    with pytest.raises(ValidationError, match=r"^\[S/Rule\] matches\(\): the rule has no event pattern"):
        rule.matches({"source": "a"})


# --- pattern validation (our addition) -------------------------------------------------------

def test_invalid_pattern_is_rejected_at_synth_with_the_path(env):
    app = env.app()
    Rule(Stack(app, "S"), "Rule", event_pattern={"source": [{"prefix": 5}]})
    message = _synth_error(app)
    assert "[S/Rule] event_pattern is not valid:" in message


def test_pattern_validation_can_be_turned_off(env):
    app = env.app({"@cdk-events/aws-events:validateEventPattern": False})
    stack = Stack(app, "S")
    Rule(stack, "Rule", event_pattern={"source": [{"prefix": 5}]})
    assert _rule_props(synth_template(app, stack))["EventPattern"] == {"source": [{"prefix": 5}]}


def test_null_value_matcher_passes_pattern_validation(env):
    app = env.app()
    stack = Stack(app, "S")
    Rule(stack, "Rule", event_pattern=EventPattern(source=["a"], detail={"x": Match.null_value()}))
    assert _rule_props(synth_template(app, stack))["EventPattern"] == {"source": ["a"], "detail": {"x": [None]}}


# --- compat goldens ---------------------------------------------------------------------------

def test_rule_props_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "RulePropsStack")
    queue = sqs.Queue(stack, "Queue")
    disabled = Rule(stack, "DisabledRule", enabled=False, description="A disabled rule",
                    rule_name="my-disabled-rule", schedule=Schedule.rate(Duration.minutes(5)))
    role = iam.Role(stack, "RuleRole", assumed_by=iam.ServicePrincipal("events.amazonaws.com"))
    Rule(stack, "WithRole", role=role, schedule=Schedule.cron(minute="0", hour="4"), targets=[targets.SqsQueue(queue)])
    explicit = Rule(stack, "ExplicitEnabled", enabled=True, event_pattern=EventPattern(source=["aws.ec2"]))
    other = Stack(app, "OtherStack")
    Rule(other, "MovedRule", cross_stack_scope=stack, event_pattern=EventPattern(source=["com.example.moved"]))
    sqs.Queue(other, "OtherQueue")
    CfnOutput(stack, "RuleArn", value=disabled.rule_arn)
    CfnOutput(stack, "RuleName", value=explicit.rule_name)
    assert_same_as_golden(synth_template(app, stack), golden_template("rule_props", "RulePropsStack"))
    assert_same_as_golden(synth_template(app, other), golden_template("rule_props", "OtherStack"))


def test_rule_tags_golden(env):
    from cdk_events import EventBus

    app = env.app(golden=True)
    stack = Stack(app, "TagStack")
    Tags.of(stack).add("project", "events-compat")
    queue = sqs.Queue(stack, "Queue")
    Tags.of(queue).add("tier", "messaging")
    bus = EventBus(stack, "Bus", event_bus_name="tagged-bus")
    Tags.of(bus).add("owner", "platform")
    rule = Rule(stack, "Tagged", event_bus=bus, event_pattern=EventPattern(source=["com.example"]),
                targets=[targets.SqsQueue(queue)])
    for key, value in [("b", "2"), ("10", "ten"), ("0", "zero"), ("a", "1")]:
        Tags.of(rule).add(key, value)
    Tags.of(stack).add("rules-only", "yes", include_resource_types=["AWS::Events::Rule"])
    Tags.of(stack).add("not-on-queues", "yes", exclude_resource_types=["AWS::SQS::Queue"])
    Tags.of(stack).add("cost", "shared", priority=200)
    Tags.of(bus).add("cost", "bus-only", priority=100)
    Tags.of(stack).add("scratch", "x")
    Tags.of(rule).remove("scratch")
    imported = Rule.from_event_rule_arn(stack, "Imported", "arn:aws:events:us-east-1:123456789012:rule/imported-rule")
    CfnOutput(stack, "ImportedRuleName", value=imported.rule_name)
    CfnOutput(stack, "ImportedRuleArn", value=imported.rule_arn)
    CfnOutput(stack, "TaggedRuleName", value=rule.rule_name)
    assert_same_as_golden(synth_template(app, stack), golden_template("rule_tags", "TagStack"))


def test_five_targets_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "FiveTargetStack")
    rule = Rule(stack, "Rule", event_pattern=EventPattern(source=["aws.ec2"]))
    rule.add_target()
    for i in range(5):
        rule.add_target(targets.SqsQueue(sqs.Queue(stack, f"Queue{i}")))
    assert_same_as_golden(synth_template(app, stack), golden_template("many_targets_5", "FiveTargetStack"))
