"""`Subscription`: an endpoint subscribed to a topic, and what `ITopicSubscription.bind` returns."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import attrs

from cdk_events.core import Construct, Duration, IDependable, Resource

from ...core._errors import construct_error
from ...core._prop_checks import check_bool, check_enum, check_str
from ...core._struct import struct_converter, to_struct
from ...core._struct_methods import struct_methods
from .. import iam
from ._cfn_generated import CfnSubscription
from ._subscription_filter import FilterOrPolicy, SubscriptionFilter, build_filter_policy_with_message_body

if TYPE_CHECKING:
    from ..sqs import IQueue
    from ._topic_base import ITopic


class SubscriptionProtocol(Enum):
    """The kind of endpoint of a subscription."""

    HTTP = "http"
    HTTPS = "https"
    EMAIL = "email"
    EMAIL_JSON = "email-json"
    SMS = "sms"
    SQS = "sqs"
    APPLICATION = "application"
    LAMBDA = "lambda"
    FIREHOSE = "firehose"


class BackoffFunction(Enum):
    """How the delay between HTTP/S delivery retries grows."""

    ARITHMETIC = "arithmetic"
    EXPONENTIAL = "exponential"
    GEOMETRIC = "geometric"
    LINEAR = "linear"


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class HealthyRetryPolicy:
    """Retries of HTTP/S deliveries (defaults: 20 s delays, 3 retries, linear backoff)."""

    min_delay_target: Duration | None = None
    max_delay_target: Duration | None = None
    num_retries: int | None = None
    num_no_delay_retries: int | None = None
    num_min_delay_retries: int | None = None
    num_max_delay_retries: int | None = None
    backoff_function: BackoffFunction | None = None


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class ThrottlePolicy:
    """The most deliveries per second to an HTTP/S endpoint (default: no limit)."""

    max_receives_per_second: int | None = None


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class RequestPolicy:
    """The Content-Type of HTTP/S deliveries (default `text/plain; charset=UTF-8`)."""

    header_content_type: str | None = None


def _to_retry(value: Any) -> HealthyRetryPolicy | None:
    return struct_converter(HealthyRetryPolicy, "healthy_retry_policy")(value)


def _to_throttle(value: Any) -> ThrottlePolicy | None:
    return struct_converter(ThrottlePolicy, "throttle_policy")(value)


def _to_request(value: Any) -> RequestPolicy | None:
    return struct_converter(RequestPolicy, "request_policy")(value)


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class DeliveryPolicy:
    """The delivery policy of an HTTP/S subscription (default: SNS's)."""

    healthy_retry_policy: HealthyRetryPolicy | None = attrs.field(default=None, converter=_to_retry)
    throttle_policy: ThrottlePolicy | None = attrs.field(default=None, converter=_to_throttle)
    request_policy: RequestPolicy | None = attrs.field(default=None, converter=_to_request)


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class TopicSubscriptionConfig:
    """What `ITopicSubscription.bind` returns: the subscription's endpoint and options, and where the
    `Subscription` construct goes (`subscriber_scope`, default the topic; id `subscriber_id`)."""

    subscriber_id: str
    endpoint: str
    protocol: SubscriptionProtocol
    subscriber_scope: Construct | None = None
    subscription_dependency: IDependable | None = None
    raw_message_delivery: bool | None = None
    filter_policy: Mapping[str, SubscriptionFilter] | None = None
    filter_policy_with_message_body: Mapping[str, FilterOrPolicy] | None = None
    region: str | None = None
    dead_letter_queue: IQueue | None = None
    subscription_role_arn: str | None = None
    delivery_policy: DeliveryPolicy | None = None


@runtime_checkable
class ITopicSubscription(Protocol):
    """Something that can subscribe to a topic (`cdk_events.aws.sns_subscriptions`)."""

    def bind(self, topic: ITopic) -> TopicSubscriptionConfig: ...


_RAW_PROTOCOLS = (SubscriptionProtocol.HTTP, SubscriptionProtocol.HTTPS, SubscriptionProtocol.SQS,
                  SubscriptionProtocol.FIREHOSE)


class Subscription(Resource):
    """A subscription of an endpoint to a topic (mirrors `aws_cdk.aws_sns.Subscription`); prefer
    `topic.add_subscription(...)`.

    Defaults: no raw message delivery, no filter policy (every message), the stack's region, no
    dead-letter queue, no role, SNS's delivery policy.
    """

    def __init__(self, scope: Construct, id: str, *, topic: ITopic, endpoint: str, protocol: SubscriptionProtocol,
                 raw_message_delivery: bool | None = None,
                 filter_policy: Mapping[str, SubscriptionFilter] | None = None,
                 filter_policy_with_message_body: Mapping[str, FilterOrPolicy] | None = None,
                 region: str | None = None, dead_letter_queue: IQueue | None = None,
                 subscription_role_arn: str | None = None,
                 delivery_policy: DeliveryPolicy | Mapping[str, Any] | None = None):
        super().__init__(scope, id)
        if not hasattr(topic, "topic_arn"):
            raise construct_error(self, f"'topic' must be an sns.ITopic, got {topic!r}")
        check_str(self, "endpoint", endpoint)
        if endpoint is None:
            raise construct_error(self, "'endpoint' is required")
        if check_enum(self, "protocol", protocol, SubscriptionProtocol) is None:
            raise construct_error(self, "'protocol' is required (an sns.SubscriptionProtocol)")
        check_bool(self, "raw_message_delivery", raw_message_delivery)
        check_str(self, "region", region)
        check_str(self, "subscription_role_arn", subscription_role_arn)
        delivery = to_struct(DeliveryPolicy, delivery_policy, prop="delivery_policy", scope=self)
        if raw_message_delivery and protocol not in _RAW_PROTOCOLS:
            raise construct_error(
                self, "Raw message delivery can only be enabled for HTTP, HTTPS, SQS, and Firehose subscriptions.")
        rendered_filter: dict[str, Any] | None = None
        scope_value = None
        if filter_policy:
            if len(filter_policy) > 5:
                raise construct_error(self, "A filter policy can have a maximum of 5 attribute names.")
            rendered_filter = {}
            total = 1
            for key, value in filter_policy.items():
                if not isinstance(value, SubscriptionFilter):
                    raise construct_error(self, f"filter_policy['{key}'] must be an sns.SubscriptionFilter "
                                                f"(SubscriptionFilter.string_filter(...), ...), got {value!r}")
                rendered_filter[key] = value.conditions
                total *= len(value.conditions)
            if total > 150:
                raise construct_error(self, f"The total combination of values ({total}) must not exceed 150.")
        elif filter_policy_with_message_body:
            if len(filter_policy_with_message_body) > 5:
                raise construct_error(self, "A filter policy can have a maximum of 5 attribute names.")
            rendered_filter = build_filter_policy_with_message_body(filter_policy_with_message_body)
            scope_value = "MessageBody"
        if protocol is SubscriptionProtocol.FIREHOSE and not subscription_role_arn:
            raise construct_error(self, "Subscription role arn is required field for subscriptions with a firehose "
                                        "protocol.")
        self.dead_letter_queue = dead_letter_queue
        redrive = None
        if dead_letter_queue is not None:
            if not hasattr(dead_letter_queue, "queue_arn"):
                raise construct_error(self, f"'dead_letter_queue' must be an sqs.IQueue, got {dead_letter_queue!r}")
            dead_letter_queue.add_to_resource_policy(iam.PolicyStatement(
                resources=[dead_letter_queue.queue_arn], actions=["sqs:SendMessage"],
                principals=[iam.ServicePrincipal("sns.amazonaws.com")],
                conditions={"ArnEquals": {"aws:SourceArn": topic.topic_arn}}))
            redrive = {"deadLetterTargetArn": dead_letter_queue.queue_arn}
        self._resource = CfnSubscription(
            self, "Resource",
            endpoint=endpoint,
            protocol=protocol.value,
            topic_arn=topic.topic_arn,
            raw_message_delivery=raw_message_delivery,
            filter_policy=rendered_filter,
            filter_policy_scope=scope_value,
            region=region,
            redrive_policy=redrive,
            subscription_role_arn=subscription_role_arn,
            delivery_policy=self._render_delivery_policy(delivery, protocol) if delivery is not None else None,
        )

    def _render_delivery_policy(self, policy: DeliveryPolicy, protocol: SubscriptionProtocol) -> dict[str, Any]:
        if protocol not in (SubscriptionProtocol.HTTP, SubscriptionProtocol.HTTPS):
            raise construct_error(self, f"Delivery policy is only supported for HTTP and HTTPS subscriptions, got: "
                                        f"{protocol.value}")
        retry = policy.healthy_retry_policy
        rendered: dict[str, Any] = {}
        if retry is not None:
            low, high = retry.min_delay_target, retry.max_delay_target
            for name, delay in (("minDelayTarget", low), ("maxDelayTarget", high)):
                if delay is None:
                    continue
                if delay.to_milliseconds() % 1000 != 0:
                    raise construct_error(self, f"{name} must be a whole number of seconds, got: {delay}")
                if not 1 <= delay.to_seconds() <= 3600:
                    raise construct_error(self, f"{name} must be between 1 and 3600 seconds inclusive, got: "
                                                f"{delay.to_seconds()}s")
            if low is not None and high is not None and low.to_seconds() > high.to_seconds():
                raise construct_error(self, "minDelayTarget must not exceed maxDelayTarget")
            if retry.num_retries and not 0 <= retry.num_retries <= 100:
                raise construct_error(self, f"numRetries must be between 0 and 100 inclusive, got: "
                                            f"{retry.num_retries}")
            for name, count in (("numNoDelayRetries", retry.num_no_delay_retries),
                                ("numMinDelayRetries", retry.num_min_delay_retries),
                                ("numMaxDelayRetries", retry.num_max_delay_retries)):
                if count and (count < 0 or not float(count).is_integer()):
                    raise construct_error(self, f"{name} must be an integer zero or greater, got: {count}")
            rendered["healthyRetryPolicy"] = {
                "minDelayTarget": 20 if low is None else low.to_seconds(),
                "maxDelayTarget": 20 if high is None else high.to_seconds(),
                "numRetries": 3 if retry.num_retries is None else retry.num_retries,
                "numNoDelayRetries": retry.num_no_delay_retries,
                "numMinDelayRetries": retry.num_min_delay_retries,
                "numMaxDelayRetries": retry.num_max_delay_retries,
                "backoffFunction": retry.backoff_function.value if retry.backoff_function is not None else None,
            }
        if policy.throttle_policy is not None:
            per_second = policy.throttle_policy.max_receives_per_second
            if per_second is not None and (per_second < 1 or not float(per_second).is_integer()):
                raise construct_error(self, f"maxReceivesPerSecond must be an integer greater than zero, got: "
                                            f"{per_second}")
            rendered["throttlePolicy"] = {"maxReceivesPerSecond": per_second}
        if policy.request_policy is not None:
            rendered["requestPolicy"] = {"headerContentType": policy.request_policy.header_content_type}
        return rendered
