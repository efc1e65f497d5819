"""cdk_events.aws.apigateway: API Gateway REST APIs, imported by id or attributes, with their
`execute-api` ARNs (the `aws_cdk.aws_apigateway` counterpart, as far as event targets need it)."""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._cfn_generated import CfnRestApi
    from ._rest_api import IRestApi, RestApi, RestApiBase

__all__ = ["CfnRestApi", "IRestApi", "RestApi", "RestApiBase"]

lazy_exports(globals(), {
    "CfnRestApi": "._cfn_generated",
    "IRestApi": "._rest_api",
    "RestApi": "._rest_api",
    "RestApiBase": "._rest_api",
})
