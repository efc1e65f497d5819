"""Cross-account and cross-region targets (spec §3): the bus target, the support stack, the mirror
rule, the error messages, and the compat goldens `cross_account_sqs_named`,
`cross_account_lambda_named` and the `error_cross_account_*` apps.
"""

from __future__ import annotations

import json

import pytest
from events_support import GOLDENS, assert_same_as_golden, golden_error, golden_template

from cdk_events import EventPattern, Rule, targets
from cdk_events.aws import lambda_, sqs
from cdk_events.core import CdkEventsError, Environment, Stack, ValidationError

SUPPORT = "EventBusPolicy-111111111111-us-east-1-222222222222"
ACCOUNT_1 = Environment(account="111111111111", region="us-east-1")
ACCOUNT_2 = Environment(account="222222222222", region="us-east-1")


def _golden_manifest(app_name):
    path = GOLDENS / app_name / "manifest.json"
    if not path.is_file():
        pytest.fail(f"golden {path} is missing")
    return json.loads(path.read_text(encoding="utf-8"))


def test_cross_account_sqs_named_golden(env):
    app = env.app(golden=True)
    src = Stack(app, "SourceStack", env=ACCOUNT_1)
    dst = Stack(app, "TargetStack", env=ACCOUNT_2)
    queue = sqs.Queue(dst, "Queue")
    Rule(src, "ToQueue", rule_name="to-queue", event_pattern=EventPattern(source=["com.example.a"]),
         targets=[targets.SqsQueue(queue)])
    assembly = app.synth()
    for stack_id in ("SourceStack", "TargetStack", SUPPORT):
        assert_same_as_golden(assembly.get_stack_artifact(stack_id).template,
                              golden_template("cross_account_sqs_named", stack_id))
    artifacts = _golden_manifest("cross_account_sqs_named")["artifacts"]
    for stack_id in ("SourceStack", "TargetStack", SUPPORT):
        ours = assembly.manifest["artifacts"][stack_id]
        assert ours["environment"] == artifacts[stack_id]["environment"]
        assert ours.get("dependencies") == artifacts[stack_id].get("dependencies")


def test_cross_account_lambda_named_golden(env):
    app = env.app(golden=True)
    src = Stack(app, "SourceStack", env=ACCOUNT_1)
    dst = Stack(app, "TargetStack", env=ACCOUNT_2)
    fn = lambda_.Function(dst, "Fn", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                          function_name="cross-account-target",
                          code=lambda_.Code.from_inline("def handler(event, context):\n    return event\n"))
    Rule(src, "ToLambda", event_pattern=EventPattern(source=["com.example.c"]), targets=[targets.LambdaFunction(fn)])
    assembly = app.synth()
    for stack_id in ("SourceStack", "TargetStack", SUPPORT):
        assert_same_as_golden(assembly.get_stack_artifact(stack_id).template,
                              golden_template("cross_account_lambda_named", stack_id))


def test_source_rule_gets_a_bus_target_and_the_target_stack_a_mirror_rule(env):
    """Spec §3.2: bus ARN, mirror-rule id `<uniqueId(rule)>-<targetId>`, support stack statement."""
    app = env.app()
    src = Stack(app, "SourceStack", env=ACCOUNT_1)
    dst = Stack(app, "TargetStack", env=ACCOUNT_2)
    queue = sqs.Queue(dst, "Queue")
    Rule(src, "MyRule", rule_name="my-rule", event_pattern=EventPattern(source=["a"]),
         targets=[targets.SqsQueue(queue)])
    assembly = app.synth()
    source_rule = assembly.get_stack_artifact("SourceStack").template["Resources"]["MyRuleA44AB831"]
    assert source_rule["Properties"]["Targets"] == [{
        "Arn": {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"},
                                  ":events:us-east-1:222222222222:event-bus/default"]]},
        "Id": "Target0"}]
    target_resources = assembly.get_stack_artifact("TargetStack").template["Resources"]
    assert "SourceStackMyRuleF74BC2B7Target07D4B1ACB" in target_resources
    support = assembly.get_stack_artifact(SUPPORT).template["Resources"]["GivePermToOtherAccount"]
    assert support["Properties"] == {"Action": "events:PutEvents", "Principal": "111111111111",
                                     "StatementId": "Allow-account-111111111111-SourceStackMyRuleF74BC2B7"}


def test_cross_region_adds_a_role_on_the_bus_target(env):
    app = env.app()
    src = Stack(app, "SourceStack", env=ACCOUNT_1)
    dst = Stack(app, "TargetStack", env=Environment(account="111111111111", region="eu-west-1"))
    queue = sqs.Queue(dst, "Queue")
    Rule(src, "MyRule", rule_name="my-rule", event_pattern=EventPattern(source=["a"]),
         targets=[targets.SqsQueue(queue)])
    assembly = app.synth()
    target = assembly.get_stack_artifact("SourceStack").template["Resources"]["MyRuleA44AB831"]["Properties"][
        "Targets"][0]
    assert target["RoleArn"] == {"Fn::GetAtt": ["MyRuleEventsRoleF186CAE5", "Arn"]}
    assert SUPPORT not in [a.artifact_id for a in assembly.stacks]


# --- errors ---------------------------------------------------------------------------------------

def test_cross_account_sqs_without_rule_name_is_rejected(env):
    app = env.app()
    src = Stack(app, "SourceStack", env=ACCOUNT_1)
    dst = Stack(app, "TargetStack", env=ACCOUNT_2)
    queue = sqs.Queue(dst, "Queue")
    Rule(src, "ToQueue", event_pattern=EventPattern(source=["com.example.a"]), targets=[targets.SqsQueue(queue)])
    with pytest.raises(CdkEventsError) as error:
        app.synth()
    expected = "Cannot use resource 'SourceStack/ToQueue' in a cross-environment fashion"
    assert expected in str(error.value)
    assert expected in golden_error("error_cross_account_sqs_unnamed_rule")


def test_imported_target_in_another_environment_is_rejected(env):
    stack = Stack(env.app(), "SourceStack", env=ACCOUNT_1)
    queue = sqs.Queue.from_queue_arn(stack, "Remote", "arn:aws:sqs:us-east-1:222222222222:remote-queue")
    with pytest.raises(ValidationError) as error:
        Rule(stack, "Rule", rule_name="to-remote", event_pattern=EventPattern(source=["com.example"]),
             targets=[targets.SqsQueue(queue)])
    cdk_message = ("Cannot create a cross-account or cross-region rule for an imported resource (create a stack with "
                   "the right environment for the imported resource)")
    assert str(error.value) == f"[SourceStack/Rule] {cdk_message}"
    assert cdk_message in golden_error("error_imported_target_wrong_env")


def test_target_stack_without_an_account_is_rejected(env):
    app = env.app()
    src = Stack(app, "SourceStack", env=ACCOUNT_1)
    dst = Stack(app, "TargetStack", env=Environment(region="eu-west-1"))
    queue = sqs.Queue(dst, "Queue")
    with pytest.raises(ValidationError) as error:
        Rule(src, "Rule", event_pattern=EventPattern(source=["a"]), targets=[targets.SqsQueue(queue)])
    assert str(error.value) == ("[SourceStack/Rule] You need to provide a concrete account for the target stack when "
                                "using cross-account or cross-region events")


def test_source_stack_without_an_account_is_rejected(env):
    app = env.app()
    src = Stack(app, "SourceStack", env=Environment(region="us-east-1"))
    dst = Stack(app, "TargetStack", env=Environment(account="222222222222", region="eu-west-1"))
    queue = sqs.Queue(dst, "Queue")
    with pytest.raises(ValidationError) as error:
        Rule(src, "Rule", event_pattern=EventPattern(source=["a"]), targets=[targets.SqsQueue(queue)])
    assert str(error.value) == ("[SourceStack/Rule] You need to provide a concrete account for the source stack when "
                                "using cross-account or cross-region events")


def test_env_agnostic_source_and_concrete_target_warn_then_need_a_physical_name(env):
    app = env.app()
    stack1 = Stack(app, "Stack1")
    rule = Rule(stack1, "Rule", event_pattern=EventPattern(source=["com.example"]))
    stack2 = Stack(app, "Stack2", env=ACCOUNT_2)
    rule.add_target(targets.SqsQueue(sqs.Queue(stack2, "Queue")))
    warnings = [m.data for m in rule.node.metadata if m.type == "aws:cdk:warning"]
    assert warnings and warnings[0].startswith("Either the Event Rule or target has an unresolved environment. \n"
                                               "           If they are being used in a cross-environment setup")
    with pytest.raises(CdkEventsError) as error:
        app.synth()
    expected = "Cannot use resource 'Stack2/Queue' in a cross-environment fashion"
    assert expected in str(error.value)
    assert expected in golden_error("error_cross_account_env_agnostic")


def test_a_source_stack_with_an_account_and_no_region_counts_as_in_the_targets_region() -> None:
    """The CDK's rule compares environments with its lenient check everywhere (an unresolved side counts
    as the same, with a warning): the bus target on the other account's bus gets no events role."""
    from cdk_events import Rule, Schedule
    from cdk_events import targets as t
    from cdk_events.assertions import Annotations, Match, Template
    from cdk_events.aws import sqs
    from cdk_events.core import App, Duration, Stack

    app = App()
    source = Stack(app, "Source", env={"account": "111111111111"})
    target = Stack(app, "Target", env={"account": "222222222222", "region": "eu-west-1"})
    rule = Rule(source, "Rule", rule_name="source-rule", schedule=Schedule.rate(Duration.hours(1)))
    rule.add_target(t.SqsQueue(sqs.Queue(target, "Queue")))
    template = Template.from_stack(source)
    [entry] = template.to_json()["Resources"]["Rule4C995B7F"]["Properties"]["Targets"]
    assert "RoleArn" not in entry
    template.resource_count_is("AWS::IAM::Role", 0)
    assert Annotations.from_stack(source).find_warning(
        "/Source/Rule", Match.string_like_regexp("unresolved environment"))
