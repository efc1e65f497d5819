"""`SnsPublish`: a task that publishes a message to an SNS topic."""

from __future__ import annotations

import json
from collections.abc import Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any

import attrs

from cdk_events.core import Construct, Token, js_number

from ...core._errors import construct_error
from ...core._struct import to_struct
from ...core._struct_methods import struct_methods
from .. import iam
from ..sfn import FieldUtils, IntegrationPattern, JsonPath, QueryLanguage, TaskInput, TaskStateBase
from ._task_utils import integration_resource_arn, pattern_of, validate_pattern_supported

if TYPE_CHECKING:
    from ..sns import ITopic


class MessageAttributeDataType(Enum):
    """The data type of an SNS message attribute (mirrors `MessageAttributeDataType`)."""

    STRING = "String"
    STRING_ARRAY = "String.Array"
    NUMBER = "Number"
    BINARY = "Binary"


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class MessageAttribute:
    """A message attribute (mirrors `MessageAttribute`); `data_type` defaults to what the value's type says."""

    value: Any
    data_type: MessageAttributeDataType | None = None


class SnsPublish(TaskStateBase):
    """Publish `message` to `topic` (mirrors `SnsPublish`); `subject`, `message_attributes`,
    `message_per_subscription_type` (false), `message_group_id` and `message_deduplication_id` (FIFO
    topics) default to none. The role gets `sns:Publish` on the topic."""

    _SUPPORTED = (IntegrationPattern.REQUEST_RESPONSE, IntegrationPattern.WAIT_FOR_TASK_TOKEN)

    def __init__(self, scope: Construct, id: str, *, topic: ITopic, message: TaskInput,
                 message_attributes: Mapping[str, MessageAttribute | Mapping[str, Any]] | None = None,
                 message_per_subscription_type: bool | None = None, subject: str | None = None,
                 message_group_id: str | None = None, message_deduplication_id: str | None = None,
                 integration_pattern: IntegrationPattern | None = None, **props: Any):
        super().__init__(scope, id, integration_pattern=integration_pattern, **props)
        if not hasattr(topic, "topic_arn"):
            raise construct_error(self, f"'topic' must be an SNS topic (sns.ITopic), got {topic!r}")
        if not isinstance(message, TaskInput):
            raise construct_error(self, f"'message' must be a sfn.TaskInput, got {message!r}")
        self.integration_pattern = pattern_of(self, integration_pattern)
        validate_pattern_supported(self, self.integration_pattern, self._SUPPORTED)
        if (self.integration_pattern is IntegrationPattern.WAIT_FOR_TASK_TOKEN
                and not FieldUtils.contains_task_token(message)):
            raise construct_error(self, "Task Token is required in `message` Use JsonPath.taskToken to set the "
                                        "token.")
        if getattr(topic, "fifo", False):
            if not message_group_id:
                raise construct_error(self, "'messageGroupId' is required for FIFO topics")
            if len(message_group_id) > 128:
                raise construct_error(self, "'messageGroupId' must be at most 128 characters long, got "
                                            f"{len(message_group_id)}")
            if not getattr(topic, "content_based_deduplication", False) and not message_deduplication_id:
                raise construct_error(self, "'messageDeduplicationId' is required for FIFO topics with "
                                            "'contentBasedDeduplication' disabled")
            if message_deduplication_id and len(message_deduplication_id) > 128:
                raise construct_error(self, "'messageDeduplicationId' must be at most 128 characters long, got "
                                            f"{len(message_deduplication_id)}")
        self.topic = topic
        self.message = message
        self.message_attributes = None if message_attributes is None else {
            k: self._attribute(k, v) for k, v in message_attributes.items()}
        self.message_per_subscription_type = message_per_subscription_type
        self.subject = subject
        self.message_group_id = message_group_id
        self.message_deduplication_id = message_deduplication_id
        self.task_policies = [iam.PolicyStatement(actions=["sns:Publish"], resources=[topic.topic_arn])]

    def _attribute(self, key: str, value: Any) -> MessageAttribute:
        attribute = to_struct(MessageAttribute, value, prop=f"message_attributes.{key}", scope=self)
        if not isinstance(attribute, MessageAttribute):
            raise construct_error(self, f"'message_attributes.{key}' must be a MessageAttribute, got {value!r}")
        return attribute

    def _render_task(self, top_level_query_language: QueryLanguage | None) -> dict[str, Any]:
        attributes = None
        if self.message_attributes is not None:
            attributes = TaskInput.from_object(
                {k: self._render_attribute(v) for k, v in self.message_attributes.items()}).value
        return {
            "Resource": integration_resource_arn("sns", "publish", self.integration_pattern),
            **self._render_parameters_or_arguments({
                "TopicArn": self.topic.topic_arn,
                "Message": self.message.value,
                "MessageDeduplicationId": self.message_deduplication_id,
                "MessageGroupId": self.message_group_id,
                "MessageStructure": "json" if self.message_per_subscription_type else None,
                "MessageAttributes": attributes,
                "Subject": self.subject,
            }, top_level_query_language),
        }

    def _render_attribute(self, attribute: MessageAttribute) -> dict[str, Any]:
        data_type = attribute.data_type
        value = attribute.value
        binary = data_type is MessageAttributeDataType.BINARY
        if isinstance(value, TaskInput):
            return {"DataType": (data_type or MessageAttributeDataType.STRING).value,
                    "StringValue": None if binary else value.value, "BinaryValue": value.value if binary else None}
        if binary:
            return {"DataType": MessageAttributeDataType.BINARY.value, "BinaryValue": f"{value}"}
        if Token.is_unresolved(value):
            return {"DataType": (data_type or MessageAttributeDataType.STRING).value, "StringValue": value}
        self._validate_attribute(attribute)
        if isinstance(value, list):
            return {"DataType": MessageAttributeDataType.STRING_ARRAY.value,
                    "StringValue": json.dumps(value, separators=(",", ":"))}
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return {"DataType": MessageAttributeDataType.NUMBER.value, "StringValue": js_number(value)}
        text = ("true" if value else "false") if isinstance(value, bool) else f"{value}"
        return {"DataType": MessageAttributeDataType.STRING.value, "StringValue": text}

    def _validate_attribute(self, attribute: MessageAttribute) -> None:
        data_type, value = attribute.data_type, attribute.value
        if data_type is None:
            return
        if isinstance(value, list):
            if data_type is not MessageAttributeDataType.STRING_ARRAY:
                raise construct_error(self, f"Requested SNS message attribute type was {data_type.value} but "
                                            f"{value} was of type Array")
            return
        error = construct_error(self, f"Requested SNS message attribute type was {data_type.value} but {value!r} "
                                      f"was of type {type(value).__name__}")
        if isinstance(value, str):
            if JsonPath.is_encoded_json_path(value) or data_type in (MessageAttributeDataType.STRING,
                                                                     MessageAttributeDataType.BINARY):
                return
            raise error
        if isinstance(value, bool):
            if data_type is MessageAttributeDataType.STRING:
                return
            raise error
        if isinstance(value, (int, float)):
            if data_type is MessageAttributeDataType.NUMBER:
                return
            raise error
        raise error
