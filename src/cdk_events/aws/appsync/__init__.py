"""cdk_events.aws.appsync: AppSync GraphQL APIs, imported by attributes, with their grants (the
`aws_cdk.aws_appsync` counterpart, as far as event targets need it)."""

from ._graphql_api import AuthorizationType, GraphqlApi, GraphqlApiBase, IGraphqlApi, Visibility

__all__ = ["AuthorizationType", "GraphqlApi", "GraphqlApiBase", "IGraphqlApi", "Visibility"]

for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type) and _obj.__module__.startswith("cdk_events.aws.appsync."):
        _obj.__module__ = "cdk_events.aws.appsync"
del _name, _obj
