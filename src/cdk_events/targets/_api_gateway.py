"""The `ApiGateway` target."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, cast

from ..core import Duration
from ._checks import rule_error
from ._execute_api import ExecuteApiTarget

if TYPE_CHECKING:
    from .._input import RuleTargetInput
    from .._rule_ref import IRule
    from ..aws.apigateway import IRestApi
    from ..aws.apigatewayv2 import IHttpApi
    from ..aws.iam import IRole
    from ..aws.sqs import IQueue


class ApiGateway(ExecuteApiTarget):
    """Call an API Gateway REST API (mirrors `aws_cdk.aws_events_targets.ApiGateway`).

    `method` defaults to `*` (any), `path` to `/` (each `*` in it takes one of
    `path_parameter_values`), `stage` to the API's deployment stage (an imported API has none, so
    pass it); `post_body` defaults to the whole event; `event_role` defaults to an `EventsRole`
    under the REST API. Header and query string parameters default to none.
    """

    _TARGET = "ApiGateway"
    _API_PROP = "rest_api"
    _API_WHAT = "a REST API (apigateway.RestApi.from_rest_api_id(...) or from_rest_api_attributes(...))"

    def __init__(self, rest_api: IRestApi, *, method: str | None = None, path: str | None = None,
                 stage: str | None = None, header_parameters: Mapping[str, str] | None = None,
                 path_parameter_values: Sequence[str] | None = None,
                 query_string_parameters: Mapping[str, str] | None = None,
                 post_body: RuleTargetInput | None = None, event_role: IRole | None = None,
                 dead_letter_queue: IQueue | None = None,
                 max_event_age: Duration | None = None, retry_attempts: int | None = None):
        super().__init__(rest_api, method=method, path=path, stage=stage, header_parameters=header_parameters,
                         path_parameter_values=path_parameter_values,
                         query_string_parameters=query_string_parameters, post_body=post_body,
                         event_role=event_role, dead_letter_queue=dead_letter_queue, max_event_age=max_event_age,
                         retry_attempts=retry_attempts)

    @property
    def rest_api(self) -> IRestApi:
        """The REST API this target calls."""
        return cast("IRestApi", self._api)

    def _default_stage(self, rule: IRule, api: IRestApi | IHttpApi) -> str:
        stage = getattr(api, "deployment_stage", None)
        if stage is None:
            raise rule_error(
                rule, f"ApiGateway target: no 'stage' was given and the REST API {api.node.path} has no "
                      "deployment stage (an imported API never has one); pass stage='<stage name>'")
        return str(stage.stage_name)
