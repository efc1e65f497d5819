"""The `ApiDestination` target."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from .._cfn_generated import CfnRule
from .._target import RuleTargetConfig
from ..aws import iam
from ..core import Duration
from ._checks import as_construct, check_common, require_resource
from ._util import add_to_dead_letter_queue_resource_policy, bind_base_target_config, singleton_event_role

if TYPE_CHECKING:
    from .._api_destination import IApiDestination
    from .._input import RuleTargetInput
    from .._rule_ref import IRule
    from ..aws.iam import IRole
    from ..aws.sqs import IQueue

_DESTINATION = ("an API destination (events.ApiDestination(...) or "
                "events.ApiDestination.from_api_destination_attributes(...))")


class ApiDestination:
    """Call an EventBridge API destination (mirrors `aws_cdk.aws_events_targets.ApiDestination`).

    `event` defaults to the whole event; `event_role` to an `EventsRole` under the API destination.
    `header_parameters`, `path_parameter_values` (one per `*` of the endpoint) and
    `query_string_parameters` default to none (then no `HttpParameters` is written).
    """

    def __init__(self, api_destination: IApiDestination, *, event: RuleTargetInput | None = None,
                 event_role: IRole | None = None, header_parameters: Mapping[str, str] | None = None,
                 path_parameter_values: Sequence[str] | None = None,
                 query_string_parameters: Mapping[str, str] | None = None,
                 dead_letter_queue: IQueue | None = None, max_event_age: Duration | None = None,
                 retry_attempts: int | None = None):
        self.api_destination = api_destination
        self.event = event
        self.event_role = event_role
        self.header_parameters = header_parameters
        self.path_parameter_values = path_parameter_values
        self.query_string_parameters = query_string_parameters
        self.dead_letter_queue = dead_letter_queue
        self.max_event_age = max_event_age
        self.retry_attempts = retry_attempts

    def bind(self, rule: IRule, id: str | None = None) -> RuleTargetConfig:
        """Let the role invoke the API destination and configure the target."""
        destination = require_resource(rule, "ApiDestination", "api_destination", self.api_destination,
                                       ("api_destination_arn", "node"), _DESTINATION)
        check_common(rule, "ApiDestination", role_prop="event_role", role=self.event_role,
                     dead_letter_queue=self.dead_letter_queue, input_prop="event", input=self.event)
        base = bind_base_target_config(rule, "ApiDestination", dead_letter_queue=self.dead_letter_queue,
                                       max_event_age=self.max_event_age, retry_attempts=self.retry_attempts)
        http_parameters = None
        if any(p is not None for p in (self.header_parameters, self.path_parameter_values,
                                       self.query_string_parameters)):
            http_parameters = CfnRule.HttpParametersProperty(
                header_parameters=dict(self.header_parameters) if self.header_parameters is not None else None,
                path_parameter_values=list(self.path_parameter_values)
                if self.path_parameter_values is not None else None,
                query_string_parameters=dict(self.query_string_parameters)
                if self.query_string_parameters is not None else None)
        if self.dead_letter_queue is not None:
            add_to_dead_letter_queue_resource_policy(rule, self.dead_letter_queue)
        scope = as_construct(rule, "ApiDestination", "api_destination", destination)
        role = self.event_role if self.event_role is not None else singleton_event_role(scope)
        role.add_to_principal_policy(iam.PolicyStatement(actions=["events:InvokeApiDestination"],
                                                         resources=[destination.api_destination_arn]))
        return RuleTargetConfig(arn=destination.api_destination_arn, role=role, input=self.event,
                                target_resource=scope, http_parameters=http_parameters, **base)
