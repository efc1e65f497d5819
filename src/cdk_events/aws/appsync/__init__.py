"""cdk_events.aws.appsync: AppSync GraphQL APIs, imported by attributes, with their grants (the
`aws_cdk.aws_appsync` counterpart, as far as event targets need it)."""

from ..._public import set_public_module
from ._graphql_api import AuthorizationType, GraphqlApi, GraphqlApiBase, IGraphqlApi, Visibility

__all__ = ["AuthorizationType", "GraphqlApi", "GraphqlApiBase", "IGraphqlApi", "Visibility"]

set_public_module(globals())
