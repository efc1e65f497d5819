"""cdk_events.aws.apigatewayv2: API Gateway v2 HTTP APIs, imported by attributes, with their
`execute-api` ARNs (the `aws_cdk.aws_apigatewayv2` counterpart, as far as event targets need it)."""

from ..._public import set_public_module
from ._http_api import HttpApi, HttpApiBase, IHttpApi

__all__ = ["HttpApi", "HttpApiBase", "IHttpApi"]

set_public_module(globals())
