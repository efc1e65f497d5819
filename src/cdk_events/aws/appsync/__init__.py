"""cdk_events.aws.appsync: AppSync GraphQL APIs, imported by attributes, with their grants (the
`aws_cdk.aws_appsync` counterpart, as far as event targets need it)."""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._graphql_api import AuthorizationType, GraphqlApi, GraphqlApiBase, IGraphqlApi, Visibility

__all__ = ["AuthorizationType", "GraphqlApi", "GraphqlApiBase", "IGraphqlApi", "Visibility"]

lazy_exports(globals(), {
    "AuthorizationType": "._graphql_api",
    "GraphqlApi": "._graphql_api",
    "GraphqlApiBase": "._graphql_api",
    "IGraphqlApi": "._graphql_api",
    "Visibility": "._graphql_api",
})
