"""`Topic`: an SNS topic, and topic imports."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from cdk_events.core import ArnComponents, ArnFormat, Construct, Names, Stack, Token, ValidationError

from ...core._errors import construct_error
from ...core._prop_checks import check_bool, check_number, check_str
from ._cfn_generated import CfnTopic
from ._topic_base import ITopic, TopicBase

if TYPE_CHECKING:
    from ..kms import IKey

_TOPIC_NAME = re.compile(r"^[a-zA-Z0-9_-]{1,256}\Z")
_FIFO_TOPIC_NAME = re.compile(r"^[a-zA-Z0-9_-]{1,251}\.fifo\Z")


class Topic(TopicBase):
    """An SNS topic (mirrors `aws_cdk.aws_sns.Topic`).

    Defaults: a CloudFormation-generated name (for a FIFO topic a generated name ending in
    `.fifo`; a given FIFO name gets `.fifo` appended when missing); no display name; a standard
    topic; no KMS key (`master_key`); no SSL enforcement; the default signature version.
    """

    _auto_create_policy = True

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        topic_name: str | None = None,
        display_name: str | None = None,
        fifo: bool | None = None,
        content_based_deduplication: bool | None = None,
        master_key: IKey | None = None,
        enforce_ssl: bool | None = None,
        signature_version: str | None = None,
        message_retention_period_in_days: int | None = None,
    ):
        super().__init__(scope, id, physical_name=topic_name)
        self._check_props(topic_name, display_name, fifo, content_based_deduplication, master_key, enforce_ssl,
                          signature_version, message_retention_period_in_days)
        self._enforce_ssl = bool(enforce_ssl)
        resource = CfnTopic(
            self, "Resource",
            display_name=display_name,
            topic_name=self._cfn_topic_name(topic_name, fifo),
            kms_master_key_id=master_key.key_arn if master_key is not None else None,
            content_based_deduplication=content_based_deduplication,
            fifo_topic=fifo,
            signature_version=signature_version,
            archive_policy=({"MessageRetentionPeriod": message_retention_period_in_days}
                            if message_retention_period_in_days is not None else None),
        )
        self.topic_arn = self._get_resource_arn_attribute(
            resource.ref, ArnComponents(service="sns", resource=self.physical_name or ""))
        self.topic_name = self._get_resource_name_attribute(resource.attr_topic_name)
        self.master_key = master_key
        self.content_based_deduplication = bool(content_based_deduplication)
        self.fifo = bool(fifo)

    def _check_props(self, topic_name: Any, display_name: Any, fifo: Any, content_based_deduplication: Any,
                     master_key: Any, enforce_ssl: Any, signature_version: Any, retention: Any) -> None:
        check_str(self, "topic_name", topic_name)
        check_str(self, "display_name", display_name)
        check_bool(self, "fifo", fifo)
        check_bool(self, "content_based_deduplication", content_based_deduplication)
        check_bool(self, "enforce_ssl", enforce_ssl)
        check_str(self, "signature_version", signature_version)
        check_number(self, "message_retention_period_in_days", retention)
        if master_key is not None and not hasattr(master_key, "key_arn"):
            raise construct_error(self, f"'master_key' must be a kms.IKey (a kms.Key or an imported key), "
                                        f"got {master_key!r}")
        if content_based_deduplication and not fifo:
            raise construct_error(self, "Content based deduplication can only be enabled for FIFO SNS topics.")
        if retention is not None and not fifo:
            raise construct_error(self, "`messageRetentionPeriodInDays` is only valid for FIFO SNS topics.")
        if retention is not None and not Token.is_unresolved(retention) and (
                not float(retention).is_integer() or not 1 <= retention <= 365):
            raise construct_error(self, "`messageRetentionPeriodInDays` must be an integer between 1 and 365")
        if signature_version is not None and not Token.is_unresolved(signature_version) and \
                signature_version not in ("1", "2"):
            raise construct_error(self, f'signatureVersion must be "1" or "2", received: "{signature_version}"')
        if display_name is not None and not Token.is_unresolved(display_name) and len(display_name) > 100:
            raise construct_error(self, f"displayName must be less than or equal to 100 characters, "
                                        f"got {len(display_name)}")
        if topic_name is not None and not Token.is_unresolved(topic_name):
            name = topic_name + ".fifo" if fifo and not topic_name.endswith(".fifo") else topic_name
            pattern = _FIFO_TOPIC_NAME if fifo else _TOPIC_NAME
            if not pattern.match(name):
                raise construct_error(
                    self, f"Invalid topic_name '{topic_name}': a topic name has 1 to 256 characters out of a-z, "
                          "A-Z, 0-9, '-' and '_' (a FIFO topic name ends in '.fifo', included in the 256)")

    def _cfn_topic_name(self, topic_name: str | None, fifo: bool | None) -> str | None:
        if fifo and topic_name and not topic_name.endswith(".fifo"):
            return f"{self.physical_name}.fifo"
        if fifo and not topic_name:
            prefix = Names.unique_resource_name(self, max_length=256 - 5, separator="-")
            return f"{prefix}.fifo"
        return self.physical_name

    @staticmethod
    def from_topic_arn(scope: Construct, id: str, topic_arn: str) -> ITopic:
        """A topic defined elsewhere, by ARN (`arn:aws:sns:<region>:<account>:<name>`); its account
        and region come from the ARN."""
        return Topic.from_topic_attributes(scope, id, topic_arn=topic_arn)

    @staticmethod
    def from_topic_attributes(scope: Construct, id: str, *, topic_arn: str, key_arn: str | None = None,
                              content_based_deduplication: bool | None = None) -> ITopic:
        """A topic defined elsewhere; `key_arn` names its KMS key, if any."""
        if not isinstance(topic_arn, str):
            raise ValidationError(f"Topic.from_topic_attributes ({scope.node.path}/{id}): 'topic_arn' must be a "
                                  f"string, got {topic_arn!r}")
        return _ImportedTopic(scope, id, topic_arn, key_arn, bool(content_based_deduplication))


class _ImportedTopic(TopicBase):
    def __init__(self, scope: Construct, id: str, topic_arn: str, key_arn: str | None,
                 content_based_deduplication: bool):
        super().__init__(scope, id, environment_from_arn=topic_arn)
        self.topic_arn = topic_arn
        self.topic_name = Stack.of(scope).split_arn(topic_arn, ArnFormat.NO_RESOURCE_NAME).resource
        self.fifo = not Token.is_unresolved(self.topic_name) and self.topic_name.endswith(".fifo")
        self.content_based_deduplication = content_based_deduplication
        if key_arn is not None:
            from ..kms import Key  # kms loads only when encryption asks for a key

            self.master_key = Key.from_key_arn(self, "Key", key_arn)
