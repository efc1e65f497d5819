"""cdk_events.aws.apigatewayv2: API Gateway v2 HTTP APIs, imported by attributes, with their
`execute-api` ARNs (the `aws_cdk.aws_apigatewayv2` counterpart, as far as event targets need it)."""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._http_api import HttpApi, HttpApiBase, IHttpApi

__all__ = ["HttpApi", "HttpApiBase", "IHttpApi"]

lazy_exports(globals(), {
    "HttpApi": "._http_api",
    "HttpApiBase": "._http_api",
    "IHttpApi": "._http_api",
})
