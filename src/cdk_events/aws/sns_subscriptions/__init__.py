"""cdk_events.aws.sns_subscriptions: what subscribes to a topic (the `aws_cdk.aws_sns_subscriptions`
counterpart): `topic.add_subscription(SqsSubscription(queue))`."""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._subscriptions import (
        EmailSubscription,
        LambdaSubscription,
        SmsSubscription,
        SqsSubscription,
        UrlSubscription,
    )

__all__ = ["EmailSubscription", "LambdaSubscription", "SmsSubscription", "SqsSubscription", "UrlSubscription"]

lazy_exports(globals(), {
    "EmailSubscription": "._subscriptions",
    "LambdaSubscription": "._subscriptions",
    "SmsSubscription": "._subscriptions",
    "SqsSubscription": "._subscriptions",
    "UrlSubscription": "._subscriptions",
})
