"""`SqsSendMessage`: a task that sends a message to an SQS queue."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cdk_events.core import Construct, Duration

from ...core._errors import construct_error
from .. import iam
from ..sfn import FieldUtils, IntegrationPattern, QueryLanguage, TaskInput, TaskStateBase
from ._task_utils import integration_resource_arn, pattern_of, validate_pattern_supported

if TYPE_CHECKING:
    from ..sqs import IQueue


class SqsSendMessage(TaskStateBase):
    """Send `message_body` to `queue` (mirrors `SqsSendMessage`); `delay`, `message_deduplication_id`,
    `message_group_id` default to none. The role gets `sqs:SendMessage` (and the key's
    `kms:Decrypt` / `kms:GenerateDataKey*` for an encrypted queue)."""

    _SUPPORTED = (IntegrationPattern.REQUEST_RESPONSE, IntegrationPattern.WAIT_FOR_TASK_TOKEN)

    def __init__(self, scope: Construct, id: str, *, queue: IQueue, message_body: TaskInput,
                 delay: Duration | None = None, message_deduplication_id: str | None = None,
                 message_group_id: str | None = None, integration_pattern: IntegrationPattern | None = None,
                 **props: Any):
        super().__init__(scope, id, integration_pattern=integration_pattern, **props)
        if not hasattr(queue, "queue_arn"):
            raise construct_error(self, f"'queue' must be an SQS queue (sqs.IQueue), got {queue!r}")
        if not isinstance(message_body, TaskInput):
            raise construct_error(self, f"'message_body' must be a sfn.TaskInput, got {message_body!r}")
        if delay is not None and not isinstance(delay, Duration):
            raise construct_error(self, f"'delay' must be a Duration, got {delay!r}")
        self.integration_pattern = pattern_of(self, integration_pattern)
        validate_pattern_supported(self, self.integration_pattern, self._SUPPORTED)
        if (self.integration_pattern is IntegrationPattern.WAIT_FOR_TASK_TOKEN
                and not FieldUtils.contains_task_token(message_body)):
            raise construct_error(self, "Task Token is required in `messageBody` Use JsonPath.taskToken to set the "
                                        "token.")
        self.queue = queue
        self.message_body = message_body
        self.delay = delay
        self.message_deduplication_id = message_deduplication_id
        self.message_group_id = message_group_id
        self.task_policies = [iam.PolicyStatement(actions=["sqs:SendMessage"], resources=[queue.queue_arn])]
        key = getattr(queue, "encryption_master_key", None)
        if key is not None:
            self.task_policies.append(iam.PolicyStatement(actions=["kms:Decrypt", "kms:GenerateDataKey*"],
                                                          resources=[key.key_arn]))

    def _render_task(self, top_level_query_language: QueryLanguage | None) -> dict[str, Any]:
        return {
            "Resource": integration_resource_arn("sqs", "sendMessage", self.integration_pattern),
            **self._render_parameters_or_arguments({
                "QueueUrl": self.queue.queue_url,
                "MessageBody": self.message_body.value,
                "DelaySeconds": self.delay.to_seconds() if self.delay is not None else None,
                "MessageDeduplicationId": self.message_deduplication_id,
                "MessageGroupId": self.message_group_id,
            }, top_level_query_language),
        }
