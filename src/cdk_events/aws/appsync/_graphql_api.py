"""`GraphqlApi` imports: AppSync GraphQL APIs defined elsewhere, with their grants."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Any, Protocol, runtime_checkable

from cdk_events.core import ArnFormat, Construct, Node, Resource, ResourceEnvironment, Stack

from ...core import ValidationError
from ...core._errors import construct_error
from ...core._import_checks import require_str
from ...core._prop_checks import check_enum
from .. import iam


class AuthorizationType(Enum):
    """How clients authorize calls to a GraphQL API."""

    API_KEY = "API_KEY"
    IAM = "AWS_IAM"
    USER_POOL = "AMAZON_COGNITO_USER_POOLS"
    OIDC = "OPENID_CONNECT"
    LAMBDA = "AWS_LAMBDA"


class Visibility(Enum):
    """Whether a GraphQL API is reachable from the internet (GLOBAL) or only from a VPC (PRIVATE)."""

    GLOBAL = "GLOBAL"
    PRIVATE = "PRIVATE"


@runtime_checkable
class IGraphqlApi(Protocol):
    """An AppSync GraphQL API (mirrors `aws_cdk.aws_appsync.IGraphqlApi`)."""

    @property
    def api_id(self) -> str: ...

    @property
    def arn(self) -> str: ...

    @property
    def graph_ql_endpoint_arn(self) -> str: ...

    @property
    def visibility(self) -> Visibility: ...

    @property
    def modes(self) -> list[AuthorizationType]: ...

    @property
    def env(self) -> ResourceEnvironment: ...

    @property
    def node(self) -> Node: ...

    def grant_mutation(self, grantee: iam.IGrantable, *fields: str) -> iam.Grant: ...


class GraphqlApiBase(Resource):
    """What every GraphQL API offers: its id, ARNs, authorization modes and grants on its types."""

    api_id: str
    arn: str
    graph_ql_endpoint_arn: str
    visibility: Visibility
    modes: list[AuthorizationType]

    def _type_arns(self, type_name: str, fields: Sequence[str]) -> list[str]:
        names = [f"types/{type_name}/fields/{f}" for f in fields] if fields else [f"types/{type_name}/*"]
        return [Stack.of(self).format_arn(service="appsync", resource=f"apis/{self.api_id}",
                                          arn_format=ArnFormat.SLASH_RESOURCE_NAME, resource_name=name)
                for name in names]

    def _grant_type(self, grantee: iam.IGrantable, type_name: str, fields: Sequence[str]) -> iam.Grant:
        return iam.Grant.add_to_principal(grantee=grantee, actions=["appsync:GraphQL"],
                                          resource_arns=self._type_arns(type_name, fields), scope=self)

    def grant_mutation(self, grantee: iam.IGrantable, *fields: str) -> iam.Grant:
        """Grant `appsync:GraphQL` on the Mutation type (on the given fields; default all of them)."""
        return self._grant_type(grantee, "Mutation", fields)

    def grant_query(self, grantee: iam.IGrantable, *fields: str) -> iam.Grant:
        """Grant `appsync:GraphQL` on the Query type (on the given fields; default all of them)."""
        return self._grant_type(grantee, "Query", fields)

    def grant_subscription(self, grantee: iam.IGrantable, *fields: str) -> iam.Grant:
        """Grant `appsync:GraphQL` on the Subscription type (on the given fields; default all of them)."""
        return self._grant_type(grantee, "Subscription", fields)


class _ImportedGraphqlApi(GraphqlApiBase):
    def __init__(self, scope: Construct, id: str, *, api_id: str, arn: str, endpoint_arn: str,
                 visibility: Visibility, modes: list[AuthorizationType]):
        super().__init__(scope, id)
        self.api_id = api_id
        self.arn = arn
        self.graph_ql_endpoint_arn = endpoint_arn
        self.visibility = visibility
        self.modes = modes


class GraphqlApi(GraphqlApiBase):
    """An AppSync GraphQL API (mirrors `aws_cdk.aws_appsync.GraphqlApi`).

    cdk-events only imports GraphQL APIs: use `from_graphql_api_attributes`.
    """

    def __init__(self, scope: Construct, id: str, **props: Any) -> None:
        raise ValidationError(
            f"[{scope.node.path}/{id}] cdk-events cannot define GraphQL APIs; import one with "
            "appsync.GraphqlApi.from_graphql_api_attributes(...)")

    @staticmethod
    def from_graphql_api_attributes(scope: Construct, id: str, *, graphql_api_id: str,
                                    graphql_api_arn: str | None = None, graph_ql_endpoint_arn: str | None = None,
                                    visibility: Visibility | None = None,
                                    modes: Sequence[AuthorizationType] | None = None) -> IGraphqlApi:
        """A GraphQL API of this stack's account and region. `graphql_api_arn` defaults to the ARN built from
        the id; `graph_ql_endpoint_arn` (default empty), `visibility` (default GLOBAL) and `modes` (default
        none) are only needed to use the API as an event target."""
        api_id = require_str(scope, "graphql_api_id", graphql_api_id, "a GraphQL API id (a non-empty string)")
        arn = graphql_api_arn if graphql_api_arn is not None else Stack.of(scope).format_arn(
            service="appsync", resource=f"apis/{api_id}")
        vis = check_enum(scope, "visibility", visibility, Visibility) or Visibility.GLOBAL
        mode_list = list(modes or [])
        for mode in mode_list:
            check_enum(scope, "modes", mode, AuthorizationType)
        if graph_ql_endpoint_arn is not None and not isinstance(graph_ql_endpoint_arn, str):
            raise construct_error(scope, f"'graph_ql_endpoint_arn' must be a string, got {graph_ql_endpoint_arn!r}")
        return _ImportedGraphqlApi(scope, id, api_id=api_id, arn=arn, endpoint_arn=graph_ql_endpoint_arn or "",
                                   visibility=vis, modes=mode_list)
