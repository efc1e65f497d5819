"""The `ApiGateway` target."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .._errors import construct_error
from .._input import RuleTargetInput
from .._target import RuleTargetConfig
from ..core import Duration
from ._checks import check_input, check_queue, check_role, require_resource
from ._util import add_to_dead_letter_queue_resource_policy, bind_base_target_config, singleton_event_role


class ApiGateway:
    """Call an API Gateway REST API (mirrors `aws_cdk.aws_events_targets.ApiGateway`).

    `method` defaults to `*` (any), `path` to `/` (each `*` in it takes one of
    `path_parameter_values`), `stage` to the API's deployment stage (an imported API has none, so
    pass it); `post_body` defaults to the whole event; `event_role` defaults to an `EventsRole`
    under the REST API. Header and query string parameters default to none.
    """

    def __init__(self, rest_api: Any, *, method: str | None = None, path: str | None = None,
                 stage: str | None = None, header_parameters: Mapping[str, str] | None = None,
                 path_parameter_values: Sequence[str] | None = None,
                 query_string_parameters: Mapping[str, str] | None = None,
                 post_body: RuleTargetInput | None = None, event_role: Any = None, dead_letter_queue: Any = None,
                 max_event_age: Duration | None = None, retry_attempts: int | None = None):
        self._rest_api = rest_api
        self.method = method
        self.path = path
        self.stage = stage
        self.header_parameters = header_parameters
        self.path_parameter_values = path_parameter_values
        self.query_string_parameters = query_string_parameters
        self.post_body = check_input("ApiGateway", "post_body", post_body)
        self.event_role = event_role
        self.dead_letter_queue = dead_letter_queue
        self.max_event_age = max_event_age
        self.retry_attempts = retry_attempts

    @property
    def rest_api(self) -> Any:
        """The REST API this target calls."""
        return self._rest_api

    def bind(self, rule: Any, id: str | None = None) -> RuleTargetConfig:
        """Let the role invoke the API and configure the target (`HttpParameters` is always set)."""
        from ..aws import iam

        api = require_resource(rule, "ApiGateway", "rest_api", self._rest_api, ("arn_for_execute_api", "node"),
                               "a REST API (apigateway.RestApi.from_rest_api_id(...) or from_rest_api_attributes(...))")
        check_role(rule, "ApiGateway", "event_role", self.event_role)
        check_queue(rule, "ApiGateway", self.dead_letter_queue)
        base = bind_base_target_config(rule, "ApiGateway", dead_letter_queue=self.dead_letter_queue,
                                       max_event_age=self.max_event_age, retry_attempts=self.retry_attempts)
        if self.dead_letter_queue is not None:
            add_to_dead_letter_queue_resource_policy(rule, self.dead_letter_queue)
        self._check_wildcards(rule)
        arn = api.arn_for_execute_api(self.method, self.path or "/", self.stage or self._deployment_stage(rule, api))
        role = self.event_role if self.event_role is not None else singleton_event_role(api)
        role.add_to_principal_policy(iam.PolicyStatement(
            actions=["execute-api:Invoke", "execute-api:ManageConnections"], resources=[arn]))
        return RuleTargetConfig(
            arn=arn, role=role, input=self.post_body, target_resource=api,
            http_parameters={
                "HeaderParameters": _plain(self.header_parameters),
                "PathParameterValues": list(self.path_parameter_values)
                if self.path_parameter_values is not None else None,
                "QueryStringParameters": _plain(self.query_string_parameters),
            },
            **base)

    def _check_wildcards(self, rule: Any) -> None:
        wildcards = self.path.count("*") if isinstance(self.path, str) else 0
        values = list(self.path_parameter_values or [])
        if wildcards != len(values):
            raise construct_error(
                rule, "ApiGateway target: The number of wildcards in the path does not match the number of path "
                      f"pathParameterValues. (path {self.path!r} has {wildcards} '*', path_parameter_values has "
                      f"{len(values)}: {values!r})")

    @staticmethod
    def _deployment_stage(rule: Any, api: Any) -> str:
        stage = getattr(api, "deployment_stage", None)
        if stage is None:
            raise construct_error(
                rule, f"ApiGateway target: no 'stage' was given and the REST API {api.node.path} has no "
                      "deployment stage (an imported API never has one); pass stage='<stage name>'")
        return str(stage.stage_name)


def _plain(mapping: Mapping[str, str] | None) -> dict[str, str] | None:
    return dict(mapping) if mapping is not None else None
