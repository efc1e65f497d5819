"""The subscribers of a topic: email addresses, queues, functions, URLs and phone numbers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

from cdk_events.core import (
    ArnFormat,
    Construct,
    FeatureFlags,
    Names,
    Stack,
    Token,
    UnscopedValidationError,
    ValidationError,
)

from ...core._struct import to_struct
from .. import iam
from ..sns import (
    DeliveryPolicy,
    FilterOrPolicy,
    ITopic,
    SubscriptionFilter,
    SubscriptionProtocol,
    Topic,
    TopicSubscriptionConfig,
)
from ..sqs import QueueEncryption

if TYPE_CHECKING:
    from ..lambda_ import IFunction
    from ..sqs import IQueue

RESTRICT_SQS_DECRYPTION = "@aws-cdk/aws-sns-subscriptions:restrictSqsDescryption"

Filters = Mapping[str, SubscriptionFilter]
BodyFilters = Mapping[str, FilterOrPolicy]


def _check(value: Any, ok: bool, cls: str, prop: str, what: str) -> None:
    if value is not None and not ok:
        raise UnscopedValidationError(f"{cls}: '{prop}' must be {what}, got {value!r}")


def _check_common(cls: str, filter_policy: Any, body: Any, dead_letter_queue: Any) -> None:
    _check(filter_policy, isinstance(filter_policy, Mapping), cls, "filter_policy",
           "a dict of sns.SubscriptionFilter")
    _check(body, isinstance(body, Mapping), cls, "filter_policy_with_message_body", "a dict of sns.FilterOrPolicy")
    _check(dead_letter_queue, hasattr(dead_letter_queue, "queue_arn"), cls, "dead_letter_queue", "an sqs.IQueue")


def _region_from_arn(topic: ITopic, resource: Any) -> str | None:
    """The topic's region when the subscription lives elsewhere (None in the topic's own stack)."""
    if isinstance(topic, Topic):
        if Stack.of(topic) is not Stack.of(resource) and not Token.is_unresolved(topic.env.region) \
                and topic.env.region != resource.env.region:
            return topic.env.region
        return None
    return Stack.of(cast(Construct, topic)).split_arn(topic.topic_arn, ArnFormat.SLASH_RESOURCE_NAME).region


class EmailSubscription:
    """Deliver messages to an email address (mirrors `aws_cdk.aws_sns_subscriptions.EmailSubscription`);
    `json` (default False) sends the whole notification as JSON. The address must confirm."""

    def __init__(self, email_address: str, *, json: bool | None = None, dead_letter_queue: IQueue | None = None,
                 filter_policy: Filters | None = None, filter_policy_with_message_body: BodyFilters | None = None):
        _check(email_address, isinstance(email_address, str), "EmailSubscription", "email_address", "a string")
        _check(json, isinstance(json, bool), "EmailSubscription", "json", "a bool")
        _check_common("EmailSubscription", filter_policy, filter_policy_with_message_body, dead_letter_queue)
        self._email_address = email_address
        self._json = bool(json)
        self._dead_letter_queue = dead_letter_queue
        self._filter_policy = filter_policy
        self._body = filter_policy_with_message_body

    def bind(self, topic: ITopic) -> TopicSubscriptionConfig:
        """A subscription named by the address, under the topic."""
        return TopicSubscriptionConfig(
            subscriber_id=self._email_address, endpoint=self._email_address,
            protocol=SubscriptionProtocol.EMAIL_JSON if self._json else SubscriptionProtocol.EMAIL,
            filter_policy=self._filter_policy, filter_policy_with_message_body=self._body,
            dead_letter_queue=self._dead_letter_queue)


class SmsSubscription:
    """Deliver messages by SMS to a phone number (mirrors `aws_cdk.aws_sns_subscriptions.SmsSubscription`)."""

    def __init__(self, phone_number: str, *, dead_letter_queue: IQueue | None = None,
                 filter_policy: Filters | None = None, filter_policy_with_message_body: BodyFilters | None = None):
        _check(phone_number, isinstance(phone_number, str), "SmsSubscription", "phone_number", "a string")
        _check_common("SmsSubscription", filter_policy, filter_policy_with_message_body, dead_letter_queue)
        self._phone_number = phone_number
        self._filter_policy = filter_policy
        self._body = filter_policy_with_message_body

    def bind(self, topic: ITopic) -> TopicSubscriptionConfig:
        """A subscription named by the number, under the topic (a dead-letter queue is not used)."""
        return TopicSubscriptionConfig(
            subscriber_id=self._phone_number, endpoint=self._phone_number, protocol=SubscriptionProtocol.SMS,
            filter_policy=self._filter_policy, filter_policy_with_message_body=self._body)


class UrlSubscription:
    """POST messages to an HTTP or HTTPS URL (mirrors `aws_cdk.aws_sns_subscriptions.UrlSubscription`).

    Defaults: the protocol from the URL's scheme (required when the URL is a token); no raw message
    delivery; SNS's delivery policy.
    """

    def __init__(self, url: str, *, protocol: SubscriptionProtocol | None = None,
                 raw_message_delivery: bool | None = None,
                 delivery_policy: DeliveryPolicy | Mapping[str, Any] | None = None,
                 dead_letter_queue: IQueue | None = None, filter_policy: Filters | None = None,
                 filter_policy_with_message_body: BodyFilters | None = None):
        if not isinstance(url, str):
            raise UnscopedValidationError(f"UrlSubscription: 'url' must be a string, got {url!r}")
        _check(protocol, isinstance(protocol, SubscriptionProtocol), "UrlSubscription", "protocol",
               "an sns.SubscriptionProtocol")
        _check(raw_message_delivery, isinstance(raw_message_delivery, bool), "UrlSubscription",
               "raw_message_delivery", "a bool")
        _check_common("UrlSubscription", filter_policy, filter_policy_with_message_body, dead_letter_queue)
        unresolved = Token.is_unresolved(url)
        if not unresolved and not url.startswith("http://") and not url.startswith("https://"):
            raise UnscopedValidationError("URL must start with either http:// or https://")
        if unresolved and protocol is None:
            raise UnscopedValidationError("Must provide protocol if url is unresolved")
        if unresolved:
            assert protocol is not None
            self._protocol = protocol
        else:
            self._protocol = SubscriptionProtocol.HTTPS if url.startswith("https:") else SubscriptionProtocol.HTTP
        self._url = url
        self._raw = raw_message_delivery
        self._delivery_policy = to_struct(DeliveryPolicy, delivery_policy, prop="delivery_policy")
        self._dead_letter_queue = dead_letter_queue
        self._filter_policy = filter_policy
        self._body = filter_policy_with_message_body

    def bind(self, topic: ITopic) -> TopicSubscriptionConfig:
        """A subscription named by the URL, under the topic."""
        return TopicSubscriptionConfig(
            subscriber_id=self._url, endpoint=self._url, protocol=self._protocol, raw_message_delivery=self._raw,
            filter_policy=self._filter_policy, filter_policy_with_message_body=self._body,
            dead_letter_queue=self._dead_letter_queue, delivery_policy=self._delivery_policy)


class SqsSubscription:
    """Deliver messages to a queue (mirrors `aws_cdk.aws_sns_subscriptions.SqsSubscription`): the
    queue's policy lets the topic send (and its key, if any, lets SNS encrypt); the subscription is
    created under the queue (id: the topic's unique id) and depends on the queue policy.

    Defaults: messages wrapped in the SNS envelope (`raw_message_delivery` False), no filter, no DLQ.
    """

    def __init__(self, queue: IQueue, *, raw_message_delivery: bool | None = None,
                 dead_letter_queue: IQueue | None = None, filter_policy: Filters | None = None,
                 filter_policy_with_message_body: BodyFilters | None = None):
        _check(queue, hasattr(queue, "queue_arn"), "SqsSubscription", "queue", "an sqs.IQueue")
        _check(raw_message_delivery, isinstance(raw_message_delivery, bool), "SqsSubscription",
               "raw_message_delivery", "a bool")
        _check_common("SqsSubscription", filter_policy, filter_policy_with_message_body, dead_letter_queue)
        self._queue = queue
        self._raw = raw_message_delivery
        self._dead_letter_queue = dead_letter_queue
        self._filter_policy = filter_policy
        self._body = filter_policy_with_message_body

    def bind(self, topic: ITopic) -> TopicSubscriptionConfig:
        """Allow the topic on the queue policy; the subscription's configuration."""
        queue = self._queue
        if not isinstance(queue, Construct):
            raise UnscopedValidationError("The supplied Queue object must be an instance of Construct")
        if getattr(queue, "encryption_type", None) is QueueEncryption.KMS_MANAGED:
            raise ValidationError(f"[{queue.node.path}] SQS queue encrypted by AWS managed KMS key cannot be used as "
                                  "SNS subscription")
        dlq = self._dead_letter_queue
        if dlq is not None and getattr(dlq, "encryption_type", None) is QueueEncryption.KMS_MANAGED:
            raise ValidationError(f"[{queue.node.path}] SQS queue encrypted by AWS managed KMS key cannot be used as "
                                  "dead-letter queue")
        sns_principal = iam.ServicePrincipal("sns.amazonaws.com")
        dependable = queue.add_to_resource_policy(iam.PolicyStatement(
            resources=[queue.queue_arn], actions=["sqs:SendMessage"], principals=[sns_principal],
            conditions={"ArnEquals": {"aws:SourceArn": topic.topic_arn}})).policy_dependable
        key = getattr(queue, "encryption_master_key", None)
        if key is not None:
            restrict = FeatureFlags.of(cast(Construct, topic)).is_enabled(RESTRICT_SQS_DECRYPTION)
            key.add_to_resource_policy(iam.PolicyStatement(
                resources=["*"], actions=["kms:Decrypt", "kms:GenerateDataKey"], principals=[sns_principal],
                conditions={"ArnEquals": {"aws:SourceArn": topic.topic_arn}} if restrict else None))
        if isinstance(topic, Topic) and Stack.of(topic) is not Stack.of(queue):
            Stack.of(queue).add_dependency(Stack.of(topic))
        return TopicSubscriptionConfig(
            subscriber_scope=queue, subscriber_id=Names.node_unique_id(topic.node), endpoint=queue.queue_arn,
            protocol=SubscriptionProtocol.SQS, raw_message_delivery=self._raw, filter_policy=self._filter_policy,
            filter_policy_with_message_body=self._body, region=_region_from_arn(topic, queue),
            dead_letter_queue=dlq, subscription_dependency=dependable)


class LambdaSubscription:
    """Invoke a function with each message (mirrors `aws_cdk.aws_sns_subscriptions.LambdaSubscription`):
    a permission lets SNS invoke it (`AllowInvoke:<topic unique id>`); the subscription is created
    under the function, named by the topic's id."""

    def __init__(self, fn: IFunction, *, dead_letter_queue: IQueue | None = None,
                 filter_policy: Filters | None = None, filter_policy_with_message_body: BodyFilters | None = None):
        _check(fn, hasattr(fn, "function_arn"), "LambdaSubscription", "fn", "a lambda_.IFunction")
        _check_common("LambdaSubscription", filter_policy, filter_policy_with_message_body, dead_letter_queue)
        self._fn = fn
        self._dead_letter_queue = dead_letter_queue
        self._filter_policy = filter_policy
        self._body = filter_policy_with_message_body

    def bind(self, topic: ITopic) -> TopicSubscriptionConfig:
        """Let SNS invoke the function; the subscription's configuration."""
        fn = self._fn
        if not isinstance(fn, Construct):
            raise ValidationError(f"[{topic.node.path}] The supplied lambda Function object must be an instance of "
                                  "Construct")
        fn.add_permission(f"AllowInvoke:{Names.node_unique_id(topic.node)}", source_arn=topic.topic_arn,
                          principal=iam.ServicePrincipal("sns.amazonaws.com"))
        if isinstance(topic, Topic) and Stack.of(topic) is not Stack.of(fn):
            Stack.of(fn).add_dependency(Stack.of(topic))
        return TopicSubscriptionConfig(
            subscriber_scope=fn, subscriber_id=topic.node.id, endpoint=fn.function_arn,
            protocol=SubscriptionProtocol.LAMBDA, filter_policy=self._filter_policy,
            filter_policy_with_message_body=self._body, region=_region_from_arn(topic, fn),
            dead_letter_queue=self._dead_letter_queue)
