"""cdk_events.aws.sns: SNS topics and topic policies (the `aws_cdk.aws_sns` counterpart)."""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._cfn_generated import CfnTopic, CfnTopicPolicy
    from ._policy import TopicPolicy
    from ._topic import Topic
    from ._topic_base import ITopic, TopicBase

__all__ = ["CfnTopic", "CfnTopicPolicy", "ITopic", "Topic", "TopicBase", "TopicPolicy"]

lazy_exports(globals(), {
    "CfnTopic": "._cfn_generated",
    "CfnTopicPolicy": "._cfn_generated",
    "TopicPolicy": "._policy",
    "Topic": "._topic",
    "ITopic": "._topic_base",
    "TopicBase": "._topic_base",
})
