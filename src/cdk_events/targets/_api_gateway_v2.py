"""The `ApiGatewayV2` target."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, cast

from ..core import Duration
from ._execute_api import ExecuteApiTarget

if TYPE_CHECKING:
    from .._input import RuleTargetInput
    from .._rule_ref import IRule
    from ..aws.apigateway import IRestApi
    from ..aws.apigatewayv2 import IHttpApi
    from ..aws.iam import IRole
    from ..aws.sqs import IQueue


class ApiGatewayV2(ExecuteApiTarget):
    """Call an API Gateway v2 HTTP API (mirrors `aws_cdk.aws_events_targets.ApiGatewayV2`).

    `method` defaults to `*` (any), `path` to `/` (each `*` in it takes one of
    `path_parameter_values`), `stage` to the API's default stage; an imported HTTP API has none, so
    without `stage` the ARN covers every stage (`*`), as in the AWS CDK. `post_body` defaults to the
    whole event; `event_role` defaults to an `EventsRole` under the HTTP API. Header and query string
    parameters default to none; `HttpParameters` is always rendered (`{}` when none are set).
    """

    _TARGET = "ApiGatewayV2"
    _API_PROP = "http_api"
    _API_WHAT = "an HTTP API (apigatewayv2.HttpApi.from_http_api_attributes(...))"

    def __init__(self, http_api: IHttpApi, *, method: str | None = None, path: str | None = None,
                 stage: str | None = None, header_parameters: Mapping[str, str] | None = None,
                 path_parameter_values: Sequence[str] | None = None,
                 query_string_parameters: Mapping[str, str] | None = None,
                 post_body: RuleTargetInput | None = None, event_role: IRole | None = None,
                 dead_letter_queue: IQueue | None = None,
                 retry_attempts: int | None = None, max_event_age: Duration | None = None):
        super().__init__(http_api, method=method, path=path, stage=stage, header_parameters=header_parameters,
                         path_parameter_values=path_parameter_values,
                         query_string_parameters=query_string_parameters, post_body=post_body,
                         event_role=event_role, dead_letter_queue=dead_letter_queue, max_event_age=max_event_age,
                         retry_attempts=retry_attempts)

    @property
    def http_api(self) -> IHttpApi:
        """The HTTP API this target calls."""
        return cast("IHttpApi", self._api)

    @property
    def i_http_api(self) -> IHttpApi:
        """The HTTP API this target calls (the CDK's `iHttpApi`)."""
        return cast("IHttpApi", self._api)

    def _default_stage(self, rule: IRule, api: IRestApi | IHttpApi) -> str | None:
        stage = getattr(api, "default_stage", None)
        return None if stage is None else str(stage.stage_name)
