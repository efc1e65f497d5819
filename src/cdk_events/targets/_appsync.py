"""The `AppSync` target."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .._cfn_generated import CfnRule
from .._target import RuleTargetConfig
from ..core import Duration, UnscopedValidationError
from ._checks import check_common, require_resource, rule_error
from ._util import add_to_dead_letter_queue_resource_policy, bind_base_target_config, singleton_event_role

if TYPE_CHECKING:
    from .._input import RuleTargetInput
    from .._rule_ref import IRule
    from ..aws.appsync import IGraphqlApi
    from ..aws.iam import IRole
    from ..aws.sqs import IQueue


class AppSync:
    """Run a GraphQL operation on an AppSync API (mirrors `aws_cdk.aws_events_targets.AppSync`).

    The API must allow AWS_IAM authorization and be GLOBAL, with a known `graph_ql_endpoint_arn`.
    `variables` defaults to the whole event; `event_role` defaults to an `EventsRole` under the API,
    which then gets `appsync:GraphQL` on `mutation_fields` (default: every mutation; a given role gets
    nothing added).
    """

    def __init__(self, appsync_api: IGraphqlApi, *, graph_ql_operation: str,
                 variables: RuleTargetInput | None = None, event_role: IRole | None = None,
                 mutation_fields: Sequence[str] | None = None, dead_letter_queue: IQueue | None = None,
                 max_event_age: Duration | None = None, retry_attempts: int | None = None):
        if not isinstance(graph_ql_operation, str) or not graph_ql_operation:
            raise UnscopedValidationError(
                "AppSync target: 'graph_ql_operation' must be a GraphQL query, mutation or subscription "
                f"(a non-empty string), got {graph_ql_operation!r}")
        self.api = appsync_api
        self.mutation_fields = list(mutation_fields) if mutation_fields is not None else []
        self.graph_ql_operation = graph_ql_operation
        self.variables = variables
        self.event_role = event_role
        self.dead_letter_queue = dead_letter_queue
        self.max_event_age = max_event_age
        self.retry_attempts = retry_attempts

    def bind(self, rule: IRule, id: str | None = None) -> RuleTargetConfig:
        """Check the API, let the role run mutations and configure the target."""
        from ..aws.appsync import AuthorizationType, Visibility

        api = require_resource(rule, "AppSync", "appsync_api", self.api,
                               ("graph_ql_endpoint_arn", "modes", "visibility", "grant_mutation", "node"),
                               "a GraphQL API (appsync.GraphqlApi.from_graphql_api_attributes(...))")
        check_common(rule, "AppSync", role_prop="event_role", role=self.event_role,
                     dead_letter_queue=self.dead_letter_queue, input_prop="variables", input=self.variables)
        base = bind_base_target_config(rule, "AppSync", dead_letter_queue=self.dead_letter_queue,
                                       max_event_age=self.max_event_age, retry_attempts=self.retry_attempts)
        if self.dead_letter_queue is not None:
            add_to_dead_letter_queue_resource_policy(rule, self.dead_letter_queue)
        if AuthorizationType.IAM not in api.modes:
            raise rule_error(rule, "You must have AWS_IAM authorization mode enabled on your API to configure "
                                   f"an AppSync target (the API {api.node.path} has modes "
                                   f"{[m.value for m in api.modes]})")
        if api.visibility is not Visibility.GLOBAL:
            raise rule_error(rule, f'Your API visibility must be "GLOBAL" (the API {api.node.path} is '
                                   f"{getattr(api.visibility, 'value', api.visibility)})")
        if api.graph_ql_endpoint_arn == "":
            raise rule_error(rule, "You must have a valid `graphQLEndpointArn` set (pass graph_ql_endpoint_arn "
                                   f"when importing the API {api.node.path})")
        role = self.event_role if self.event_role is not None else singleton_event_role(api)
        if self.event_role is None:
            api.grant_mutation(role, *self.mutation_fields)
        return RuleTargetConfig(
            arn=api.graph_ql_endpoint_arn, role=role, input=self.variables, target_resource=api,
            app_sync_parameters=CfnRule.AppSyncParametersProperty(graph_ql_operation=self.graph_ql_operation),
            **base)
