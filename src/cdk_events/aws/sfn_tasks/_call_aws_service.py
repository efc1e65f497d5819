"""`CallAwsService`: a task that calls any AWS SDK API action."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from cdk_events.core import Construct, Token

from ...core._errors import construct_error
from .. import iam
from ..sfn import IntegrationPattern, QueryLanguage, TaskStateBase
from ._task_utils import integration_resource_arn

_IAM_SERVICE = {"sfn": "states", "cloudwatchlogs": "logs"}


class CallAwsService(TaskStateBase):
    """Call an AWS API action through the SDK integration (mirrors `CallAwsService`).

    The state machine role gets `<service>:<action>` (or `iam_action`) on `iam_resources`, plus
    `additional_iam_statements`. `parameters` default to none (rendered as `{}`).
    """

    def __init__(self, scope: Construct, id: str, *, service: str, action: str, iam_resources: Sequence[str],
                 parameters: Mapping[str, Any] | None = None, iam_action: str | None = None,
                 additional_iam_statements: Sequence[iam.PolicyStatement] | None = None,
                 integration_pattern: IntegrationPattern | None = None, **props: Any):
        super().__init__(scope, id, integration_pattern=integration_pattern, **props)
        for prop, value in (("service", service), ("action", action)):
            if not isinstance(value, str) or not value:
                raise construct_error(self, f"'{prop}' must be a non-empty string, got {value!r}")
        if not isinstance(iam_resources, (list, tuple)) or not all(isinstance(r, str) for r in iam_resources):
            raise construct_error(self, f"'iam_resources' must be a list of strings, got {iam_resources!r}")
        if integration_pattern is IntegrationPattern.RUN_JOB:
            raise construct_error(self, "The RUN_JOB integration pattern is not supported for CallAwsService")
        if not Token.is_unresolved(action) and not action[0].islower():
            raise construct_error(self, f"action must be camelCase, got: {action}")
        if parameters is not None:
            invalid = [k for k in parameters if not k[:1].isupper()]
            if invalid:
                raise construct_error(self, f"parameter names must be PascalCase, got: {', '.join(invalid)}")
        self.service = service
        self.action = action
        self.parameters_ = parameters
        self.integration_pattern = integration_pattern
        iam_service = _IAM_SERVICE.get(service, service)
        self.task_policies = [
            iam.PolicyStatement(resources=list(iam_resources), actions=[iam_action or f"{iam_service}:{action}"]),
            *(additional_iam_statements or []),
        ]

    def _render_task(self, top_level_query_language: QueryLanguage | None) -> dict[str, Any]:
        service = self.service if Token.is_unresolved(self.service) else self.service.lower()
        rendered = self._render_parameters_or_arguments(self.parameters_ or {}, top_level_query_language)
        return {
            "Resource": integration_resource_arn("aws-sdk", f"{service}:{self.action}", self.integration_pattern),
            **{k: (v if v is not None else {}) for k, v in rendered.items()},
        }
