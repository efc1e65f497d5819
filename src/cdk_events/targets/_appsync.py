"""The `AppSync` target."""

from __future__ import annotations

from typing import Any

from .._input import RuleTargetInput
from .._target import RuleTargetConfig
from ..core import Duration, UnscopedValidationError
from ..core._errors import construct_error
from ._checks import check_input, check_queue, check_role, require_resource
from ._util import add_to_dead_letter_queue_resource_policy, bind_base_target_config, singleton_event_role


class AppSync:
    """Run a GraphQL operation on an AppSync API (mirrors `aws_cdk.aws_events_targets.AppSync`).

    The API must allow AWS_IAM authorization and be GLOBAL, with a known `graph_ql_endpoint_arn`.
    `variables` defaults to the whole event; `event_role` defaults to an `EventsRole` under the API,
    which then gets `appsync:GraphQL` on every mutation (a given role gets nothing added).
    """

    def __init__(self, api: Any, *, graph_ql_operation: str, variables: RuleTargetInput | None = None,
                 event_role: Any = None, dead_letter_queue: Any = None, max_event_age: Duration | None = None,
                 retry_attempts: int | None = None):
        if not isinstance(graph_ql_operation, str) or not graph_ql_operation:
            raise UnscopedValidationError(
                "AppSync target: 'graph_ql_operation' must be a GraphQL query, mutation or subscription "
                f"(a non-empty string), got {graph_ql_operation!r}")
        self.api = api
        self.graph_ql_operation = graph_ql_operation
        self.variables = check_input("AppSync", "variables", variables)
        self.event_role = event_role
        self.dead_letter_queue = dead_letter_queue
        self.max_event_age = max_event_age
        self.retry_attempts = retry_attempts

    def bind(self, rule: Any, id: str | None = None) -> RuleTargetConfig:
        """Check the API, let the role run mutations and configure the target."""
        from ..aws.appsync import AuthorizationType, Visibility

        api = require_resource(rule, "AppSync", "api", self.api,
                               ("graph_ql_endpoint_arn", "modes", "visibility", "grant_mutation", "node"),
                               "a GraphQL API (appsync.GraphqlApi.from_graphql_api_attributes(...))")
        check_role(rule, "AppSync", "event_role", self.event_role)
        check_queue(rule, "AppSync", self.dead_letter_queue)
        base = bind_base_target_config(rule, "AppSync", dead_letter_queue=self.dead_letter_queue,
                                       max_event_age=self.max_event_age, retry_attempts=self.retry_attempts)
        if self.dead_letter_queue is not None:
            add_to_dead_letter_queue_resource_policy(rule, self.dead_letter_queue)
        if AuthorizationType.IAM not in api.modes:
            raise construct_error(rule, "You must have AWS_IAM authorization mode enabled on your API to configure "
                                        f"an AppSync target (the API {api.node.path} has modes "
                                        f"{[m.value for m in api.modes]})")
        if api.visibility is not Visibility.GLOBAL:
            raise construct_error(rule, f'Your API visibility must be "GLOBAL" (the API {api.node.path} is '
                                        f"{getattr(api.visibility, 'value', api.visibility)})")
        if api.graph_ql_endpoint_arn == "":
            raise construct_error(rule, "You must have a valid `graphQLEndpointArn` set (pass graph_ql_endpoint_arn "
                                        f"when importing the API {api.node.path})")
        role = self.event_role if self.event_role is not None else singleton_event_role(api)
        if self.event_role is None:
            api.grant_mutation(role)
        return RuleTargetConfig(arn=api.graph_ql_endpoint_arn, role=role, input=self.variables,
                                target_resource=api,
                                app_sync_parameters={"GraphQLOperation": self.graph_ql_operation}, **base)
