"""cdk_events.aws.sns: SNS topics and topic policies (the `aws_cdk.aws_sns` counterpart)."""

from ._cfn import CfnTopic, CfnTopicPolicy
from ._policy import TopicPolicy
from ._topic import Topic
from ._topic_base import ITopic, TopicBase

__all__ = ["CfnTopic", "CfnTopicPolicy", "ITopic", "Topic", "TopicBase", "TopicPolicy"]

for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type) and _obj.__module__.startswith("cdk_events.aws.sns."):
        _obj.__module__ = "cdk_events.aws.sns"
del _name, _obj
