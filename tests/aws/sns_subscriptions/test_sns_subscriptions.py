"""sns_subscriptions: email, SQS, Lambda, URL and SMS subscribers against the porting golden."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from aws_support import COMPAT, by_path, make_app, synth

from cdk_events import EventPattern, Rule
from cdk_events import targets as event_targets
from cdk_events.aws import kms, lambda_, sns, sqs
from cdk_events.aws import sns_subscriptions as subs
from cdk_events.core import Environment, Fn, Names, Stack, UnscopedValidationError, ValidationError


def porting_golden(app: str, stack: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((COMPAT / "porting" / "goldens" / app / f"{stack}.template.json").read_text())
    return result


def test_sns_subscriptions_app_matches_golden(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "SnsSubscriptions")
    topic = sns.Topic(stack, "Alerts", display_name="Alerts")
    queue = sqs.Queue(stack, "AlertQueue")
    sub_dlq = sqs.Queue(stack, "SubscriptionDlq")
    fn = lambda_.Function(stack, "Pager", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                          code=lambda_.Code.from_inline("def handler(event, context):\n    return event\n"))
    topic.add_subscription(subs.EmailSubscription("oncall@example.com"))
    topic.add_subscription(subs.EmailSubscription("archive@example.com", json=True))
    topic.add_subscription(subs.SqsSubscription(
        queue, raw_message_delivery=True, dead_letter_queue=sub_dlq,
        filter_policy={"severity": sns.SubscriptionFilter.string_filter(allowlist=["high", "critical"]),
                       "count": sns.SubscriptionFilter.numeric_filter(greater_than=10)}))
    topic.add_subscription(subs.LambdaSubscription(fn))
    topic.add_subscription(subs.UrlSubscription("https://hooks.example.com/alerts"))
    topic.add_subscription(subs.UrlSubscription("http://legacy.example.com/alerts",
                                                protocol=sns.SubscriptionProtocol.HTTP))
    topic.add_subscription(subs.SmsSubscription("+15555550100"))
    sns.Subscription(stack, "Manual", topic=topic, endpoint="ops@example.com",
                     protocol=sns.SubscriptionProtocol.EMAIL_JSON)
    Rule(stack, "Alarms", event_pattern=EventPattern(source=["aws.cloudwatch"],
                                                     detail_type=["CloudWatch Alarm State Change"]),
         targets=[event_targets.SnsTopic(topic)])
    ours = synth(app, "SnsSubscriptions")
    assert json.dumps(ours) == json.dumps(porting_golden("sns_subscriptions", "SnsSubscriptions"))


def test_url_subscription_checks() -> None:
    with pytest.raises(UnscopedValidationError, match="URL must start with either http:// or https://"):
        subs.UrlSubscription("hooks.example.com/alerts")
    with pytest.raises(UnscopedValidationError, match="Must provide protocol if url is unresolved"):
        subs.UrlSubscription(Fn.import_value("Url"))
    subs.UrlSubscription(Fn.import_value("Url"), protocol=sns.SubscriptionProtocol.HTTPS)


def test_encrypted_queue_and_cross_region_subscription(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    topic_stack = Stack(app, "Topics", env=Environment(account="123456789012", region="us-east-1"))
    topic = sns.Topic(topic_stack, "T", topic_name="alerts")
    consumer = Stack(app, "Consumer", env=Environment(account="123456789012", region="eu-west-1"))
    key = kms.Key(consumer, "Key")
    queue = sqs.Queue(consumer, "Q", encryption=sqs.QueueEncryption.KMS, encryption_master_key=key)
    topic.add_subscription(subs.SqsSubscription(queue))
    resources = synth(app, "Consumer")["Resources"]
    subscription = by_path(resources, f"Consumer/Q/{Names.node_unique_id(topic.node)}/Resource")["Properties"]
    assert subscription["Region"] == "us-east-1"
    assert subscription["TopicArn"] == "arn:aws:sns:us-east-1:123456789012:alerts"
    statement = by_path(resources, "Consumer/Key/Resource")["Properties"]["KeyPolicy"]["Statement"][-1]
    assert statement == {"Action": ["kms:Decrypt", "kms:GenerateDataKey"],
                         "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:sns:us-east-1:123456789012:alerts"}},
                         "Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"}, "Resource": "*"}
    assert topic_stack in consumer.dependencies


def test_managed_key_queue_and_bad_subscribers_are_rejected(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    topic = sns.Topic(stack, "T")
    managed = sqs.Queue(stack, "Managed", encryption=sqs.QueueEncryption.KMS_MANAGED)
    with pytest.raises(ValidationError, match="SQS queue encrypted by AWS managed KMS key cannot be used as SNS "
                                              "subscription"):
        topic.add_subscription(subs.SqsSubscription(managed))
    with pytest.raises(UnscopedValidationError, match=r"SqsSubscription: 'queue' must be an sqs\.IQueue"):
        subs.SqsSubscription("arn:aws:sqs:us-east-1:123456789012:q")  # type: ignore[arg-type]
    with pytest.raises(UnscopedValidationError, match="EmailSubscription: 'json' must be a bool"):
        subs.EmailSubscription("a@example.com", json="yes")  # type: ignore[arg-type]
