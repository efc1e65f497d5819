"""`ITopic` and the base shared by owned and imported topics."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from cdk_events.core import Construct, Node, Resource, ResourceEnvironment, Token

from ...core._errors import construct_error
from .. import iam
from ._policy import TopicPolicy
from ._subscription import ITopicSubscription, Subscription, TopicSubscriptionConfig

if TYPE_CHECKING:
    from ..kms import IKey


@runtime_checkable
class ITopic(Protocol):
    """An SNS topic, defined here or imported (mirrors `aws_cdk.aws_sns.ITopic`)."""

    @property
    def topic_arn(self) -> str: ...

    @property
    def topic_name(self) -> str: ...

    @property
    def fifo(self) -> bool: ...

    @property
    def master_key(self) -> IKey | None: ...

    @property
    def node(self) -> Node: ...

    @property
    def env(self) -> ResourceEnvironment: ...

    def add_to_resource_policy(self, statement: iam.PolicyStatement) -> iam.AddToResourcePolicyResult: ...

    def grant_publish(self, grantee: iam.IGrantable) -> iam.Grant: ...

    def add_subscription(self, topic_subscription: ITopicSubscription) -> Subscription: ...


class TopicBase(Resource):
    """What owned and imported topics share: the topic policy and the grants."""

    topic_arn: str
    topic_name: str
    fifo: bool = False
    content_based_deduplication: bool = False
    master_key: IKey | None = None
    _auto_create_policy: bool = False
    _enforce_ssl: bool = False

    def __init__(self, scope: Construct, id: str, **kwargs: Any):
        super().__init__(scope, id, **kwargs)
        self._policy: TopicPolicy | None = None
        self.node.add_validation(_PolicyValidation(self))

    @property
    def policy(self) -> TopicPolicy | None:
        """The topic policy, once a statement was added (None for an imported topic)."""
        return self._policy

    def add_to_resource_policy(self, statement: iam.PolicyStatement) -> iam.AddToResourcePolicyResult:
        """Add a statement to the topic policy (created as child `Policy` on first use); an
        imported topic's policy cannot be changed (not added)."""
        if self._policy is None and self._auto_create_policy:
            self._policy = TopicPolicy(self, "Policy", topics=[self], enforce_ssl=self._enforce_ssl)
        if self._policy is None:
            return iam.AddToResourcePolicyResult(statement_added=False)
        self._policy.document.add_statements(statement)
        return iam.AddToResourcePolicyResult(statement_added=True, policy_dependable=self._policy)

    def grant_publish(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant `sns:Publish` (and `kms:Decrypt`, `kms:GenerateDataKey*` on the topic's key, if any):
        on the principal's policy, or the topic policy when the principal has none."""
        grant = iam.Grant.add_to_principal_or_resource(
            grantee=grantee, actions=["sns:Publish"], resource_arns=[self.topic_arn], resource=self)
        if self.master_key is not None:
            self.master_key.grant(grantee, "kms:Decrypt", "kms:GenerateDataKey*")
        return grant

    def add_subscription(self, topic_subscription: ITopicSubscription) -> Subscription:
        """Subscribe an endpoint (`sns_subscriptions.SqsSubscription(queue)`, ...): a `Subscription`
        under the subscriber's scope (default this topic), named by the subscriber's id."""
        bind = getattr(topic_subscription, "bind", None)
        if not callable(bind):
            raise construct_error(self, f"add_subscription: expected an sns.ITopicSubscription (an "
                                        f"sns_subscriptions.* subscription), got {topic_subscription!r}")
        config = bind(self)
        if not isinstance(config, TopicSubscriptionConfig):
            raise construct_error(self, f"add_subscription: bind() must return an sns.TopicSubscriptionConfig, "
                                        f"got {config!r}")
        scope = config.subscriber_scope if config.subscriber_scope is not None else self
        sub_id = config.subscriber_id
        if Token.is_unresolved(sub_id):
            sub_id = _next_token_id(scope)
        if scope.node.try_find_child(sub_id) is not None:
            raise construct_error(scope, f'A subscription with id "{sub_id}" already exists under the scope '
                                         f"{scope.node.path}")
        subscription = Subscription(
            scope, sub_id, topic=self, endpoint=config.endpoint, protocol=config.protocol,
            raw_message_delivery=config.raw_message_delivery, filter_policy=config.filter_policy,
            filter_policy_with_message_body=config.filter_policy_with_message_body, region=config.region,
            dead_letter_queue=config.dead_letter_queue, subscription_role_arn=config.subscription_role_arn,
            delivery_policy=config.delivery_policy)
        if config.subscription_dependency is not None:
            subscription.node.add_dependency(config.subscription_dependency)
        return subscription

    def grant_subscribe(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant `sns:Subscribe`."""
        return iam.Grant.add_to_principal_or_resource(
            grantee=grantee, actions=["sns:Subscribe"], resource_arns=[self.topic_arn], resource=self)


class _PolicyValidation:
    def __init__(self, topic: TopicBase):
        self._topic = topic

    def validate(self) -> list[str]:
        policy = self._topic._policy
        return policy.document.validate_for_resource_policy() if policy is not None else []


_TOKEN_SUBSCRIPTION = re.compile(r"TokenSubscription:(\d*)")


def _next_token_id(scope: Construct) -> str:
    """`TokenSubscription:<n>` for a subscriber whose id is a token: one more than any such id below `scope`."""
    suffix = 1
    for construct in scope.node.find_all():
        match = _TOKEN_SUBSCRIPTION.search(construct.node.id)
        if match is not None and match.group(1) and int(match.group(1)) >= suffix:
            suffix = int(match.group(1)) + 1
    return f"TokenSubscription:{suffix}"
