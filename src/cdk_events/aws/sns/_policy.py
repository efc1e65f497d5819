"""`TopicPolicy`: the resource policy of one or more topics (`AWS::SNS::TopicPolicy`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from cdk_events.core import Construct, Resource

from ...core._errors import construct_error
from .. import iam
from ._cfn_generated import CfnTopicPolicy

if TYPE_CHECKING:
    from ._topic_base import ITopic


class TopicPolicy(Resource):
    """A topic policy (mirrors `aws_cdk.aws_sns.TopicPolicy`): `document` numbers the statements
    that have no Sid (`"0"`, `"1"`, ...). `enforce_ssl` (default False) adds a statement denying
    publishing without TLS."""

    def __init__(self, scope: Construct, id: str, *, topics: Sequence[ITopic], enforce_ssl: bool | None = None):
        super().__init__(scope, id)
        if isinstance(topics, str) or not isinstance(topics, (list, tuple)) or not topics:
            raise construct_error(self, f"'topics' must be a non-empty list of topics, got {topics!r}")
        self.document = iam.PolicyDocument(assign_sids=True)
        if enforce_ssl:
            self.document.add_statements(ssl_statement([t.topic_arn for t in topics]))
        self._resource = CfnTopicPolicy(self, "Resource", policy_document=self.document,
                                        topics=[topic.topic_arn for topic in topics])


def ssl_statement(topic_arns: list[str]) -> iam.PolicyStatement:
    """The statement denying `sns:Publish` over plain HTTP."""
    return iam.PolicyStatement(
        sid="AllowPublishThroughSSLOnly", actions=["sns:Publish"], effect=iam.Effect.DENY, resources=topic_arns,
        conditions={"Bool": {"aws:SecureTransport": "false"}}, principals=[iam.AnyPrincipal()])
