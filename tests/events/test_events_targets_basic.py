"""The basic targets `SqsQueue`, `SnsTopic`, `LambdaFunction` and what all targets share (retry
policy, dead-letter queue, its validation), spec §2.1, §2.2, §8, and the compat goldens
`target_sqs`, `target_sns`, `target_lambda`, `multi_targets`.
"""

from __future__ import annotations

import pytest
from events_support import assert_same_as_golden, golden_error, golden_template, synth_template

from cdk_events import EventField, EventPattern, Rule, RuleTargetInput, Schedule, targets
from cdk_events.aws import iam, kms, lambda_, sns, sqs
from cdk_events.core import Duration, Stack, ValidationError

RETRY_FLAG = "@cdk-events/aws-events-targets:validateRetryPolicy"


def _fn(stack):
    return lambda_.Function(stack, "Fn", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                            code=lambda_.Code.from_inline("def handler(event, context):\n    return event\n"))


def _pattern():
    return EventPattern(source=["aws.ec2"])


# --- spec §8 / §2.1 quick goldens --------------------------------------------------------------

def test_lambda_target_permission(env):
    app = env.app()
    stack = Stack(app, "MyStack")
    fn = _fn(stack)
    Rule(stack, "Rule", schedule=Schedule.rate(Duration.minutes(1)), targets=[targets.LambdaFunction(fn)])
    resources = synth_template(app, stack)["Resources"]
    assert resources["RuleAllowEventRuleMyStackFnA02A693EA1310453"] == {
        "Type": "AWS::Lambda::Permission",
        "Properties": {"Action": "lambda:InvokeFunction", "FunctionName": {"Fn::GetAtt": ["Fn9270CBC0", "Arn"]},
                       "Principal": "events.amazonaws.com", "SourceArn": {"Fn::GetAtt": ["Rule4C995B7F", "Arn"]}},
    }


def test_the_same_function_twice_on_one_rule_gets_one_permission(env):
    app = env.app()
    stack = Stack(app, "MyStack")
    fn = _fn(stack)
    Rule(stack, "Rule", schedule=Schedule.rate(Duration.minutes(1)),
         targets=[targets.LambdaFunction(fn), targets.LambdaFunction(fn)])
    resources = synth_template(app, stack)["Resources"]
    assert [k for k, r in resources.items() if r["Type"] == "AWS::Lambda::Permission"] == [
        "RuleAllowEventRuleMyStackFnA02A693EA1310453"]


def test_sqs_with_dlq_retry_and_group(env):
    app = env.app()
    stack = Stack(app, "SqsDlq")
    queue = sqs.Queue(stack, "Queue", fifo=True)
    dlq = sqs.Queue(stack, "Dlq")
    Rule(stack, "Rule", event_pattern=_pattern(), targets=[targets.SqsQueue(
        queue, dead_letter_queue=dlq, retry_attempts=2, max_event_age=Duration.hours(2), message_group_id="g")])
    resources = synth_template(app, stack)["Resources"]
    target = resources["Rule4C995B7F"]["Properties"]["Targets"][0]
    assert {k: v for k, v in target.items() if k != "Arn"} == {
        "DeadLetterConfig": {"Arn": {"Fn::GetAtt": ["DlqD1FAA4AD", "Arn"]}},
        "Id": "Target0",
        "RetryPolicy": {"MaximumEventAgeInSeconds": 7200, "MaximumRetryAttempts": 2},
        "SqsParameters": {"MessageGroupId": "g"},
    }
    assert resources["DlqPolicyF16811D6"]["Properties"]["PolicyDocument"]["Statement"] == [{
        "Action": "sqs:SendMessage",
        "Condition": {"ArnEquals": {"aws:SourceArn": {"Fn::GetAtt": ["Rule4C995B7F", "Arn"]}}},
        "Effect": "Allow",
        "Principal": {"Service": "events.amazonaws.com"},
        "Resource": {"Fn::GetAtt": ["DlqD1FAA4AD", "Arn"]},
        "Sid": "AllowEventRuleSqsDlqRule444F771D",
    }]


def test_retry_attempts_zero_is_rendered(env):
    app = env.app()
    stack = Stack(app, "S")
    Rule(stack, "Rule", event_pattern=_pattern(), targets=[targets.SqsQueue(sqs.Queue(stack, "Q"), retry_attempts=0)])
    target = synth_template(app, stack)["Resources"]["Rule4C995B7F"]["Properties"]["Targets"][0]
    assert target["RetryPolicy"] == {"MaximumRetryAttempts": 0}


def test_encrypted_queue_uses_a_source_account_condition_under_the_flag(env):
    app = env.app({"@aws-cdk/aws-events:eventsTargetQueueSameAccount": True})
    stack = Stack(app, "S")
    queue = sqs.Queue(stack, "Q", encryption=sqs.QueueEncryption.KMS, encryption_master_key=kms.Key(stack, "Key"))
    Rule(stack, "Rule", event_pattern=_pattern(), targets=[targets.SqsQueue(queue)])
    resources = synth_template(app, stack)["Resources"]
    policies = [r for r in resources.values() if r["Type"] == "AWS::SQS::QueuePolicy"]
    statement = policies[0]["Properties"]["PolicyDocument"]["Statement"][0]
    assert statement["Condition"] == {"StringEquals": {"aws:SourceAccount": {"Ref": "AWS::AccountId"}}}


# --- retry policy validation (our addition) ----------------------------------------------------

@pytest.mark.parametrize(("kwargs", "fragment"), [
    ({"retry_attempts": 186}, "retry_attempts must be a whole number from 0 to 185, got 186"),
    ({"retry_attempts": -1}, "retry_attempts must be a whole number from 0 to 185, got -1"),
    ({"retry_attempts": 1.5}, "retry_attempts must be a whole number from 0 to 185, got 1.5"),
    ({"max_event_age": Duration.seconds(59)}, "max_event_age must be between 60 seconds and 24 hours, got 59 seconds"),
    ({"max_event_age": Duration.hours(25)}, "max_event_age must be between 60 seconds and 24 hours, got 1 day 1 hour"),
])
@pytest.mark.parametrize("kind", ["sqs", "sns", "lambda"])
def test_retry_policy_out_of_range_is_rejected_when_the_target_is_added(env, kwargs, fragment, kind):
    stack = Stack(env.app(), "ErrStack")
    target_class, resource, name = {
        "sqs": (targets.SqsQueue, lambda: sqs.Queue(stack, "Queue"), "SqsQueue"),
        "sns": (targets.SnsTopic, lambda: sns.Topic(stack, "Topic"), "SnsTopic"),
        "lambda": (targets.LambdaFunction, lambda: _fn(stack), "LambdaFunction"),
    }[kind]
    rule = Rule(stack, "Rule", event_pattern=_pattern())
    with pytest.raises(ValidationError) as error:
        rule.add_target(target_class(resource(), **kwargs))
    assert str(error.value) == f"[ErrStack/Rule] {name} target: {fragment}"


def test_retry_policy_limits_are_inclusive(env):
    app = env.app()
    stack = Stack(app, "S")
    queue = sqs.Queue(stack, "Q")
    Rule(stack, "Rule", event_pattern=_pattern(), targets=[
        targets.SqsQueue(queue, retry_attempts=185, max_event_age=Duration.seconds(60)),
        targets.SqsQueue(queue, retry_attempts=0, max_event_age=Duration.hours(24))])
    policies = [t["RetryPolicy"] for t in
                synth_template(app, stack)["Resources"]["Rule4C995B7F"]["Properties"]["Targets"]]
    assert policies == [{"MaximumEventAgeInSeconds": 60, "MaximumRetryAttempts": 185},
                        {"MaximumEventAgeInSeconds": 86400, "MaximumRetryAttempts": 0}]


def test_retry_policy_validation_can_be_turned_off(env):
    app = env.app({RETRY_FLAG: False})
    stack = Stack(app, "ErrStack")
    Rule(stack, "Rule", event_pattern=_pattern(),
         targets=[targets.SqsQueue(sqs.Queue(stack, "Queue"), retry_attempts=200)])
    target = synth_template(app, stack)["Resources"]["Rule4C995B7F"]["Properties"]["Targets"][0]
    assert target["RetryPolicy"] == {"MaximumRetryAttempts": 200}


def test_the_cdk_rejects_200_attempts_at_synth_too():
    assert "MaximumRetryAttempts: 200 is greater than the maximum of 185" in golden_error(
        "error_retry_attempts_out_of_range")


# --- SNS ----------------------------------------------------------------------------------------

def test_sns_role_with_authorize_using_role_false_is_rejected(env):
    stack = Stack(env.app(), "S")
    role = iam.Role(stack, "Role", assumed_by=iam.ServicePrincipal("events.amazonaws.com"))
    rule = Rule(stack, "Rule", event_pattern=_pattern())
    with pytest.raises(ValidationError) as error:
        rule.add_target(targets.SnsTopic(sns.Topic(stack, "T"), role=role, authorize_using_role=False))
    assert str(error.value) == "[S/Rule] Cannot provide a role when authorizeUsingRole is false"


def test_sns_topic_policy_gets_numbered_sids(env):
    app = env.app()
    stack = Stack(app, "S")
    topic = sns.Topic(stack, "T")
    Rule(stack, "Rule", event_pattern=_pattern(), targets=[targets.SnsTopic(topic)])
    policies = [r for r in synth_template(app, stack)["Resources"].values() if r["Type"] == "AWS::SNS::TopicPolicy"]
    topic_ref = {"Ref": "T" + _md5_suffix("T/Resource")}
    assert policies[0]["Properties"]["Topics"] == [topic_ref]
    assert policies[0]["Properties"]["PolicyDocument"]["Statement"] == [{
        "Action": "sns:Publish", "Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"},
        "Resource": topic_ref, "Sid": "0"}]


def _md5_suffix(path: str) -> str:
    """The logical-id hash of spec §4.1."""
    import hashlib

    return hashlib.md5(path.encode()).hexdigest()[:8].upper()


# --- compat goldens ---------------------------------------------------------------------------

def test_target_sqs_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "SqsTargetStack")
    pattern = _pattern()
    queue = sqs.Queue(stack, "Queue")
    Rule(stack, "Plain", event_pattern=pattern, targets=[targets.SqsQueue(queue)])
    fifo = sqs.Queue(stack, "Fifo", fifo=True, content_based_deduplication=True)
    Rule(stack, "FifoRule", event_pattern=pattern,
         targets=[targets.SqsQueue(fifo, message_group_id="MyMessageGroupId")])
    dlq = sqs.Queue(stack, "DLQ")
    Rule(stack, "WithDlq", event_pattern=pattern, targets=[targets.SqsQueue(
        queue, dead_letter_queue=dlq, retry_attempts=3, max_event_age=Duration.minutes(60))])
    key = kms.Key(stack, "Key")
    encrypted = sqs.Queue(stack, "Encrypted", encryption=sqs.QueueEncryption.KMS, encryption_master_key=key)
    Rule(stack, "EncryptedRule", event_pattern=pattern, targets=[targets.SqsQueue(encrypted)])
    imported = sqs.Queue.from_queue_arn(stack, "Imported", "arn:aws:sqs:us-east-1:123456789012:imported-queue")
    Rule(stack, "ImportedRule", event_pattern=pattern, targets=[targets.SqsQueue(imported)])
    assert_same_as_golden(synth_template(app, stack), golden_template("target_sqs", "SqsTargetStack"))


def test_target_sns_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "SnsTargetStack")
    pattern = _pattern()
    topic = sns.Topic(stack, "Topic")
    Rule(stack, "Plain", event_pattern=pattern, targets=[targets.SnsTopic(topic)])
    Rule(stack, "TextMessage", event_pattern=pattern, targets=[targets.SnsTopic(
        topic, message=RuleTargetInput.from_text(f"Instance {EventField.from_path('$.detail.instance-id')} changed"))])
    dlq = sqs.Queue(stack, "DLQ")
    Rule(stack, "WithDlq", event_pattern=pattern, targets=[targets.SnsTopic(
        topic, dead_letter_queue=dlq, retry_attempts=1,
        message=RuleTargetInput.from_object({"state": EventField.from_path("$.detail.state")}))])
    topic2 = sns.Topic(stack, "RoleTopic")
    Rule(stack, "AuthorizeUsingRole", event_pattern=pattern,
         targets=[targets.SnsTopic(topic2, authorize_using_role=True)])
    role = iam.Role(stack, "ExplicitRole", assumed_by=iam.ServicePrincipal("events.amazonaws.com"))
    Rule(stack, "ExplicitRoleRule", event_pattern=pattern, targets=[targets.SnsTopic(topic2, role=role)])
    imported = sns.Topic.from_topic_arn(stack, "Imported", "arn:aws:sns:us-east-1:123456789012:imported-topic")
    Rule(stack, "ImportedRule", event_pattern=pattern, targets=[targets.SnsTopic(imported)])
    assert_same_as_golden(synth_template(app, stack), golden_template("target_sns", "SnsTargetStack"))


def test_target_lambda_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "LambdaTargetStack")
    fn = _fn(stack)
    Rule(stack, "Plain", schedule=Schedule.rate(Duration.minutes(5)), targets=[targets.LambdaFunction(fn)])
    dlq = sqs.Queue(stack, "DLQ")
    Rule(stack, "WithOptions", event_pattern=_pattern(), targets=[targets.LambdaFunction(
        fn, dead_letter_queue=dlq, retry_attempts=2, max_event_age=Duration.hours(2),
        event=RuleTargetInput.from_object({"k": "v"}))])
    imported = lambda_.Function.from_function_arn(stack, "Imported",
                                                  "arn:aws:lambda:us-east-1:123456789012:function:imported-fn")
    Rule(stack, "ImportedFn", event_pattern=EventPattern(source=["aws.s3"]), targets=[targets.LambdaFunction(imported)])
    no_perm = lambda_.Function.from_function_attributes(
        stack, "NoPermissions", function_arn="arn:aws:lambda:us-east-1:123456789012:function:managed-elsewhere",
        skip_permissions=True)
    Rule(stack, "SkipPermissions", event_pattern=EventPattern(source=["com.example"]),
         targets=[targets.LambdaFunction(no_perm)])
    assert_same_as_golden(synth_template(app, stack), golden_template("target_lambda", "LambdaTargetStack"))


def test_multi_targets_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "MultiTargetStack")
    queue = sqs.Queue(stack, "Queue")
    topic = sns.Topic(stack, "Topic")
    fn = _fn(stack)
    rule = Rule(stack, "Rule", event_pattern=_pattern(), targets=[targets.SqsQueue(queue), targets.SnsTopic(topic)])
    rule.add_target(targets.LambdaFunction(fn))
    rule.add_target(targets.SqsQueue(queue, message=RuleTargetInput.from_text("second")))
    assert_same_as_golden(synth_template(app, stack), golden_template("multi_targets", "MultiTargetStack"))
