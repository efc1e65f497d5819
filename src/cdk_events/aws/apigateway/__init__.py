"""cdk_events.aws.apigateway: API Gateway REST APIs, imported by id or attributes, with their
`execute-api` ARNs (the `aws_cdk.aws_apigateway` counterpart, as far as event targets need it)."""

from ..._public import set_public_module
from ._cfn import CfnRestApi
from ._rest_api import IRestApi, RestApi, RestApiBase

__all__ = ["CfnRestApi", "IRestApi", "RestApi", "RestApiBase"]

set_public_module(globals())
