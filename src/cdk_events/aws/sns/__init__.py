"""cdk_events.aws.sns: SNS topics, topic policies and subscriptions (the `aws_cdk.aws_sns` counterpart)."""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._cfn_generated import CfnSubscription, CfnTopic, CfnTopicPolicy
    from ._policy import TopicPolicy
    from ._subscription import (
        BackoffFunction,
        DeliveryPolicy,
        HealthyRetryPolicy,
        ITopicSubscription,
        RequestPolicy,
        Subscription,
        SubscriptionProtocol,
        ThrottlePolicy,
        TopicSubscriptionConfig,
    )
    from ._subscription_filter import (
        BetweenCondition,
        Filter,
        FilterOrPolicy,
        FilterOrPolicyType,
        Policy,
        SubscriptionFilter,
    )
    from ._topic import Topic
    from ._topic_base import ITopic, TopicBase

__all__ = ["BackoffFunction", "BetweenCondition", "CfnSubscription", "CfnTopic", "CfnTopicPolicy", "DeliveryPolicy",
           "Filter", "FilterOrPolicy", "FilterOrPolicyType", "HealthyRetryPolicy", "ITopic", "ITopicSubscription",
           "Policy", "RequestPolicy", "Subscription", "SubscriptionFilter", "SubscriptionProtocol", "ThrottlePolicy",
           "Topic", "TopicBase", "TopicPolicy", "TopicSubscriptionConfig"]

lazy_exports(globals(), {
    "CfnSubscription": "._cfn_generated",
    "CfnTopic": "._cfn_generated",
    "CfnTopicPolicy": "._cfn_generated",
    "TopicPolicy": "._policy",
    "BackoffFunction": "._subscription",
    "DeliveryPolicy": "._subscription",
    "HealthyRetryPolicy": "._subscription",
    "ITopicSubscription": "._subscription",
    "RequestPolicy": "._subscription",
    "Subscription": "._subscription",
    "SubscriptionProtocol": "._subscription",
    "ThrottlePolicy": "._subscription",
    "TopicSubscriptionConfig": "._subscription",
    "BetweenCondition": "._subscription_filter",
    "Filter": "._subscription_filter",
    "FilterOrPolicy": "._subscription_filter",
    "FilterOrPolicyType": "._subscription_filter",
    "Policy": "._subscription_filter",
    "SubscriptionFilter": "._subscription_filter",
    "Topic": "._topic",
    "ITopic": "._topic_base",
    "TopicBase": "._topic_base",
})
