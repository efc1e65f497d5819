"""What the `ApiGateway` (REST API) and `ApiGatewayV2` (HTTP API) targets share: their options, the
path-wildcard check, the `execute-api` role and policy, and the `HttpParameters` they always send."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar

from .._cfn_generated import CfnRule
from .._target import RuleTargetConfig
from ..aws import iam
from ..core import Duration
from ._checks import check_common, require_resource, rule_error
from ._util import add_to_dead_letter_queue_resource_policy, bind_base_target_config, singleton_event_role

if TYPE_CHECKING:
    from .._input import RuleTargetInput
    from .._rule_ref import IRule
    from ..aws.apigateway import IRestApi
    from ..aws.apigatewayv2 import IHttpApi
    from ..aws.iam import IRole
    from ..aws.sqs import IQueue


class ExecuteApiTarget:
    """Base of the targets that call an API Gateway API through an `execute-api` ARN.

    Subclasses name the target (`_TARGET`), the API argument (`_API_PROP`, `_API_WHAT`) and say which
    stage an unset `stage` stands for (`_default_stage`).
    """

    _TARGET: ClassVar[str]
    _API_PROP: ClassVar[str]
    _API_WHAT: ClassVar[str]

    def __init__(self, api: IRestApi | IHttpApi, *, method: str | None = None, path: str | None = None,
                 stage: str | None = None, header_parameters: Mapping[str, str] | None = None,
                 path_parameter_values: Sequence[str] | None = None,
                 query_string_parameters: Mapping[str, str] | None = None,
                 post_body: RuleTargetInput | None = None, event_role: IRole | None = None,
                 dead_letter_queue: IQueue | None = None, max_event_age: Duration | None = None,
                 retry_attempts: int | None = None):
        self._api = api
        self.method = method
        self.path = path
        self.stage = stage
        self.header_parameters = header_parameters
        self.path_parameter_values = path_parameter_values
        self.query_string_parameters = query_string_parameters
        self.post_body = post_body
        self.event_role = event_role
        self.dead_letter_queue = dead_letter_queue
        self.max_event_age = max_event_age
        self.retry_attempts = retry_attempts

    def bind(self, rule: IRule, id: str | None = None) -> RuleTargetConfig:
        """Let the role invoke the API and configure the target (`HttpParameters` is always set)."""
        api = require_resource(rule, self._TARGET, self._API_PROP, self._api, ("arn_for_execute_api", "node"),
                               self._API_WHAT)
        check_common(rule, self._TARGET, role_prop="event_role", role=self.event_role,
                     dead_letter_queue=self.dead_letter_queue, input_prop="post_body", input=self.post_body)
        base = bind_base_target_config(rule, self._TARGET, dead_letter_queue=self.dead_letter_queue,
                                       max_event_age=self.max_event_age, retry_attempts=self.retry_attempts)
        if self.dead_letter_queue is not None:
            add_to_dead_letter_queue_resource_policy(rule, self.dead_letter_queue)
        self._check_options(rule)
        arn = api.arn_for_execute_api(self.method, self.path or "/", self.stage or self._default_stage(rule, api))
        role = self.event_role if self.event_role is not None else singleton_event_role(api)
        role.add_to_principal_policy(iam.PolicyStatement(
            actions=["execute-api:Invoke", "execute-api:ManageConnections"], resources=[arn]))
        return RuleTargetConfig(
            arn=arn, role=role, input=self.post_body, target_resource=api,
            http_parameters=CfnRule.HttpParametersProperty(
                header_parameters=_plain(self.header_parameters),
                path_parameter_values=list(self.path_parameter_values)
                if self.path_parameter_values is not None else None,
                query_string_parameters=_plain(self.query_string_parameters)),
            **base)

    def _default_stage(self, rule: IRule, api: IRestApi | IHttpApi) -> str | None:
        """The stage an unset (or empty) `stage` stands for."""
        raise NotImplementedError

    def _check_options(self, rule: IRule) -> None:
        for prop, what in (("method", "an HTTP method such as 'GET', 'POST', 'ANY' or '*'"),
                           ("path", "a resource path starting with '/' (each '*' takes one path_parameter_values "
                                    "entry)"),
                           ("stage", "a stage name")):
            value = getattr(self, prop)
            if value is not None and not isinstance(value, str):
                self._fail(rule, prop, value, f"{what} or None")
        for prop in ("header_parameters", "query_string_parameters"):
            value = getattr(self, prop)
            if value is not None and not (isinstance(value, Mapping) and all(
                    isinstance(k, str) and isinstance(v, str) for k, v in value.items())):
                self._fail(rule, prop, value, "a mapping of names to string values (or JSON paths like "
                                              "'$.detail.id') or None")
        values = self.path_parameter_values
        if values is not None and (isinstance(values, str) or not isinstance(values, Sequence)
                                   or not all(isinstance(v, str) for v in values)):
            self._fail(rule, "path_parameter_values", values, "a list of strings (or JSON paths like "
                                                              "'$.detail.id'), one per '*' in path, or None")
        wildcards = self.path.count("*") if isinstance(self.path, str) else 0
        count = list(values or [])
        if wildcards != len(count):
            raise rule_error(
                rule, f"{self._TARGET} target: The number of wildcards in the path does not match the number of "
                      f"path pathParameterValues. (path {self.path!r} has {wildcards} '*', path_parameter_values "
                      f"has {len(count)}: {count!r})")

    def _fail(self, rule: IRule, prop: str, value: object, what: str) -> None:
        raise rule_error(rule, f"{self._TARGET} target: '{prop}' must be {what}, got {value!r} "
                               f"(a {type(value).__name__})")


def _plain(mapping: Mapping[str, str] | None) -> dict[str, str] | None:
    return dict(mapping) if mapping is not None else None
