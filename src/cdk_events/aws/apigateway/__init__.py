"""cdk_events.aws.apigateway: API Gateway REST APIs, imported by id or attributes, with their
`execute-api` ARNs (the `aws_cdk.aws_apigateway` counterpart, as far as event targets need it)."""

from ._cfn import CfnRestApi
from ._rest_api import IRestApi, RestApi, RestApiBase

__all__ = ["CfnRestApi", "IRestApi", "RestApi", "RestApiBase"]

for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type) and _obj.__module__.startswith("cdk_events.aws.apigateway."):
        _obj.__module__ = "cdk_events.aws.apigateway"
del _name, _obj
