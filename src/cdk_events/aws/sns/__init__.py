"""cdk_events.aws.sns: SNS topics and topic policies (the `aws_cdk.aws_sns` counterpart)."""

from ..._public import set_public_module
from ._cfn import CfnTopic, CfnTopicPolicy
from ._policy import TopicPolicy
from ._topic import Topic
from ._topic_base import ITopic, TopicBase

__all__ = ["CfnTopic", "CfnTopicPolicy", "ITopic", "Topic", "TopicBase", "TopicPolicy"]

set_public_module(globals())
