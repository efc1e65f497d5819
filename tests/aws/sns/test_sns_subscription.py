"""sns.Subscription, SubscriptionFilter, FilterOrPolicy, delivery policies and topic.add_subscription."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from aws_support import by_path, make_app, synth

from cdk_events.aws import sns, sqs
from cdk_events.core import Duration, Stack, Token, UnscopedValidationError, ValidationError


def test_filters_render_conditions() -> None:
    f = sns.SubscriptionFilter
    assert f.string_filter(allowlist=["a"], denylist=["b"], match_prefixes=["p"], match_suffixes=["s"]).conditions == [
        "a", {"anything-but": ["b"]}, {"prefix": "p"}, {"suffix": "s"}]
    assert f.numeric_filter(allowlist=[1], greater_than=2, greater_than_or_equal_to=3, less_than=4,
                            less_than_or_equal_to=5, between={"start": 6, "stop": 7},
                            between_strict=sns.BetweenCondition(start=8, stop=9)).conditions == [
        {"numeric": ["=", 1]}, {"numeric": [">", 2]}, {"numeric": [">=", 3]}, {"numeric": ["<", 4]},
        {"numeric": ["<=", 5]}, {"numeric": [">=", 6, "<=", 7]}, {"numeric": [">", 8, "<", 9]}]
    assert f.exists_filter().conditions == [{"exists": True}]
    assert f.not_exists_filter().conditions == [{"exists": False}]
    with pytest.raises(UnscopedValidationError, match="`whitelist` is deprecated; please use `allowlist` instead"):
        f.string_filter(whitelist=["a"], allowlist=["b"])
    with pytest.raises(UnscopedValidationError, match="'allowlist' must be a list of strings"):
        f.string_filter(allowlist="abc")  # type: ignore[arg-type]


def test_subscription_with_message_body_policy_dlq_and_delivery_policy(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    topic = sns.Topic(stack, "T")
    dlq = sqs.Queue(stack, "Dlq")
    sns.Subscription(
        stack, "Hook", topic=topic, endpoint="https://example.com", protocol=sns.SubscriptionProtocol.HTTPS,
        raw_message_delivery=True, dead_letter_queue=dlq,
        filter_policy_with_message_body={"order": sns.FilterOrPolicy.policy({
            "kind": sns.FilterOrPolicy.filter(sns.SubscriptionFilter.string_filter(allowlist=["x", "y"]))})},
        delivery_policy={"healthy_retry_policy": {"min_delay_target": Duration.seconds(5), "num_retries": 6,
                                                  "backoff_function": sns.BackoffFunction.EXPONENTIAL},
                         "throttle_policy": {"max_receives_per_second": 10}})
    resources = synth(app, "S")["Resources"]
    props = by_path(resources, "S/Hook/Resource")["Properties"]
    assert props["FilterPolicy"] == {"order": {"kind": ["x", "y"]}}
    assert props["FilterPolicyScope"] == "MessageBody"
    assert props["RawMessageDelivery"] is True
    assert props["RedrivePolicy"] == {"deadLetterTargetArn": {"Fn::GetAtt": [_id(resources, "S/Dlq/Resource"), "Arn"]}}
    assert props["DeliveryPolicy"] == {
        "healthyRetryPolicy": {"minDelayTarget": 5, "maxDelayTarget": 20, "numRetries": 6,
                               "backoffFunction": "exponential"},
        "throttlePolicy": {"maxReceivesPerSecond": 10}}
    statement = by_path(resources, "S/Dlq/Policy/Resource")["Properties"]["PolicyDocument"]["Statement"][0]
    assert statement["Principal"] == {"Service": "sns.amazonaws.com"}
    assert statement["Condition"] == {"ArnEquals": {"aws:SourceArn": {"Ref": _id(resources, "S/T/Resource")}}}


def _id(resources: dict[str, Any], path: str) -> str:
    return next(k for k, r in resources.items() if r.get("Metadata", {}).get("aws:cdk:path") == path)


@pytest.mark.parametrize(("props", "message"), [
    ({"protocol": sns.SubscriptionProtocol.EMAIL, "raw_message_delivery": True},
     "Raw message delivery can only be enabled for HTTP, HTTPS, SQS, and Firehose subscriptions."),
    ({"filter_policy": {str(i): sns.SubscriptionFilter.exists_filter() for i in range(6)}},
     "A filter policy can have a maximum of 5 attribute names."),
    ({"filter_policy": {"a": sns.SubscriptionFilter.string_filter(allowlist=[str(i) for i in range(13)]),
                        "b": sns.SubscriptionFilter.string_filter(allowlist=[str(i) for i in range(12)])}},
     "The total combination of values (156) must not exceed 150."),
    ({"protocol": sns.SubscriptionProtocol.FIREHOSE},
     "Subscription role arn is required field for subscriptions with a firehose protocol."),
    ({"protocol": sns.SubscriptionProtocol.SQS, "delivery_policy": {"throttle_policy": {"max_receives_per_second": 1}}},
     "Delivery policy is only supported for HTTP and HTTPS subscriptions, got: sqs"),
    ({"protocol": "email"}, "'protocol' must be"),
    ({"filter_policy": {"a": ["x"]}}, "filter_policy['a'] must be an sns.SubscriptionFilter"),
])
def test_invalid_subscriptions_are_rejected(tmp_path: Path, props: dict[str, Any], message: str) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    topic = sns.Topic(stack, "T")
    kwargs = {"topic": topic, "endpoint": "https://example.com", "protocol": sns.SubscriptionProtocol.HTTPS, **props}
    with pytest.raises(ValidationError) as error:
        sns.Subscription(stack, "Sub", **kwargs)
    assert message in str(error.value)


class _Subscriber:
    def __init__(self, subscriber_id: str):
        self.subscriber_id = subscriber_id

    def bind(self, topic: sns.ITopic) -> sns.TopicSubscriptionConfig:
        return sns.TopicSubscriptionConfig(subscriber_id=self.subscriber_id, endpoint="a@example.com",
                                           protocol=sns.SubscriptionProtocol.EMAIL)


def test_add_subscription_ids_and_duplicates(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    topic = sns.Topic(stack, "T")
    token_id = Token.as_string({"Ref": "Address"})
    first = topic.add_subscription(_Subscriber(token_id))
    second = topic.add_subscription(_Subscriber(token_id))
    assert (first.node.id, second.node.id) == ("TokenSubscription:1", "TokenSubscription:2")
    topic.add_subscription(_Subscriber("x"))
    with pytest.raises(ValidationError, match='A subscription with id "x" already exists under the scope S/T'):
        topic.add_subscription(_Subscriber("x"))
    with pytest.raises(ValidationError, match=r"expected an sns\.ITopicSubscription"):
        topic.add_subscription("a@example.com")  # type: ignore[arg-type]
