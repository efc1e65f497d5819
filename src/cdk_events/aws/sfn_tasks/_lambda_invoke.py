"""`LambdaInvoke`: a task that invokes a Lambda function."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any

from cdk_events.core import Construct, Duration

from ...core._errors import construct_error
from .. import iam
from ..sfn import FieldUtils, IntegrationPattern, QueryLanguage, TaskInput, TaskStateBase
from ._task_utils import integration_resource_arn, pattern_of, validate_pattern_supported

if TYPE_CHECKING:
    from ..lambda_ import IFunction


class LambdaInvocationType(Enum):
    """How the function is invoked (mirrors `LambdaInvocationType`); default REQUEST_RESPONSE."""

    REQUEST_RESPONSE = "RequestResponse"
    EVENT = "Event"
    DRY_RUN = "DryRun"


class LambdaInvoke(TaskStateBase):
    """Invoke a Lambda function (mirrors `aws_cdk.aws_stepfunctions_tasks.LambdaInvoke`).

    `payload` defaults to the state input; `retry_on_service_exceptions` (default true) adds the
    recommended retrier for Lambda service errors. The state machine role gets `lambda:InvokeFunction`.
    """

    _SUPPORTED = (IntegrationPattern.REQUEST_RESPONSE, IntegrationPattern.WAIT_FOR_TASK_TOKEN)

    def __init__(self, scope: Construct, id: str, *, lambda_function: IFunction, payload: TaskInput | None = None,
                 invocation_type: LambdaInvocationType | None = None, client_context: str | None = None,
                 qualifier: str | None = None, payload_response_only: bool | None = None,
                 retry_on_service_exceptions: bool | None = None,
                 integration_pattern: IntegrationPattern | None = None, **props: Any):
        super().__init__(scope, id, integration_pattern=integration_pattern, **props)
        if not hasattr(lambda_function, "function_arn"):
            raise construct_error(self, f"'lambda_function' must be a Lambda function (lambda_.IFunction), "
                                        f"got {lambda_function!r}")
        if payload is not None and not isinstance(payload, TaskInput):
            raise construct_error(self, f"'payload' must be a sfn.TaskInput, got {payload!r}")
        if invocation_type is not None and not isinstance(invocation_type, LambdaInvocationType):
            raise construct_error(self, f"'invocation_type' must be a LambdaInvocationType, got {invocation_type!r}")
        self.integration_pattern = pattern_of(self, integration_pattern)
        validate_pattern_supported(self, self.integration_pattern, self._SUPPORTED)
        if (self.integration_pattern is IntegrationPattern.WAIT_FOR_TASK_TOKEN
                and not FieldUtils.contains_task_token(payload)):
            raise construct_error(self, "Task Token is required in `payload` for callback. Use JsonPath.taskToken "
                                        "to set the token.")
        if payload_response_only and (integration_pattern or invocation_type or client_context or qualifier):
            raise construct_error(self, "The 'payloadResponseOnly' property cannot be used if 'integrationPattern', "
                                        "'invocationType', 'clientContext', or 'qualifier' are specified.")
        self.lambda_function = lambda_function
        self.payload = payload
        self.invocation_type = invocation_type
        self.client_context = client_context
        self.qualifier = qualifier
        self.payload_response_only = payload_response_only
        self.task_policies = [iam.PolicyStatement(
            resources=list(getattr(lambda_function, "resource_arns_for_grant_invoke", None)
                           or [lambda_function.function_arn, f"{lambda_function.function_arn}:*"]),
            actions=["lambda:InvokeFunction"])]
        if retry_on_service_exceptions is None or retry_on_service_exceptions:
            self.add_retry({"errors": ["Lambda.ClientExecutionTimeoutException", "Lambda.ServiceException",
                                       "Lambda.AWSLambdaException", "Lambda.SdkClientException"],
                            "interval": Duration.seconds(2), "max_attempts": 6, "backoff_rate": 2})

    def _render_task(self, top_level_query_language: QueryLanguage | None) -> dict[str, Any]:
        if self.payload_response_only:
            out: dict[str, Any] = {"Resource": self.lambda_function.function_arn}
            if self.payload is not None:
                out.update(self._render_parameters_or_arguments(self.payload.value, top_level_query_language))
            return out
        payload = self.payload.value if self.payload is not None else TaskInput.from_json_path_at("$").value
        return {
            "Resource": integration_resource_arn("lambda", "invoke", self.integration_pattern),
            **self._render_parameters_or_arguments({
                "FunctionName": self.lambda_function.function_arn,
                "Payload": payload,
                "InvocationType": self.invocation_type.value if self.invocation_type is not None else None,
                "ClientContext": self.client_context,
                "Qualifier": self.qualifier,
            }, top_level_query_language),
        }
