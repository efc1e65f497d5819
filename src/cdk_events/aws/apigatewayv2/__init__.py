"""cdk_events.aws.apigatewayv2: API Gateway v2 HTTP APIs, imported by attributes, with their
`execute-api` ARNs (the `aws_cdk.aws_apigatewayv2` counterpart, as far as event targets need it)."""

from ._http_api import HttpApi, HttpApiBase, IHttpApi

__all__ = ["HttpApi", "HttpApiBase", "IHttpApi"]

for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type) and _obj.__module__.startswith("cdk_events.aws.apigatewayv2."):
        _obj.__module__ = "cdk_events.aws.apigatewayv2"
del _name, _obj
