"""`ApiDestination` and `HttpMethod`: an HTTP endpoint EventBridge can call."""

from __future__ import annotations

from typing import Any, ClassVar, Protocol, runtime_checkable

from ._connection import IConnection
from ._http_method import HttpMethod
from .core import Arn, ArnFormat, Construct, Resource, ValidationError
from .core._checked import Name, Text
from .core._errors import construct_error
from .core._token_encoding import is_unresolved


@runtime_checkable
class IApiDestination(Protocol):
    """An API destination, owned or imported."""

    @property
    def api_destination_arn(self) -> str: ...


class ApiDestination(Resource):
    """An API destination (mirrors `aws_cdk.aws_events.ApiDestination`); `http_method` defaults to POST."""

    # EventBridge's limits (checked with the arguments, core._checked)
    _CHECKS: ClassVar[dict[str, Any]] = {
        "api_destination_name": Name(64, r"[\.\-_A-Za-z0-9]+"), "description": Text(512),
        "endpoint": Name(2048, r"https://\S+", what=" (an HTTPS URL)")}

    def __init__(self, scope: Construct, id: str, *, connection: IConnection, endpoint: str,
                 http_method: HttpMethod | None = None, rate_limit_per_second: int | None = None,
                 api_destination_name: str | None = None, description: str | None = None):
        super().__init__(scope, id, physical_name=api_destination_name)
        if not hasattr(connection, "connection_arn"):
            raise construct_error(self, f"'connection' instance should implement IConnection, but doesn't: "
                                        f"{type(connection).__name__}")
        if http_method is not None and not isinstance(http_method, HttpMethod):
            raise construct_error(self, f"'http_method' must be an HttpMethod (e.g. HttpMethod.POST), got "
                                        f"{http_method!r}")
        if rate_limit_per_second is not None and not is_unresolved(rate_limit_per_second) and \
                rate_limit_per_second < 1:
            raise construct_error(self, f"'rate_limit_per_second' must be at least 1, got {rate_limit_per_second}")
        self.connection = connection
        from ._cfn_generated import CfnApiDestination

        resource = CfnApiDestination(self, "ApiDestination", connection_arn=connection.connection_arn,
                                     description=description, http_method=(http_method or HttpMethod.POST).value,
                                     invocation_endpoint=endpoint,
                                     invocation_rate_limit_per_second=rate_limit_per_second,
                                     name=self.physical_name)
        self.api_destination_name: str = resource.ref
        self.api_destination_arn: str = resource.attr_arn
        self.api_destination_arn_for_policy: str | None = resource.attr_arn_for_policy

    @staticmethod
    def from_api_destination_attributes(scope: Construct, id: str, *, api_destination_arn: str,
                                        connection: IConnection,
                                        api_destination_arn_for_policy: str | None = None) -> IApiDestination:
        """An API destination defined elsewhere."""
        name = None
        if not is_unresolved(api_destination_arn):
            try:
                name = Arn.split(api_destination_arn, ArnFormat.SLASH_RESOURCE_NAME).resource_name
            except ValidationError:
                name = None
        if not name:
            path = f"{scope.node.path}/{id}" if scope.node.path else id
            raise ValidationError(f"[{path}] Could not extract Api Destionation name from ARN: '{api_destination_arn}' "
                                  "(expected arn:<partition>:events:<region>:<account>:api-destination/<name>/<uuid>)")
        return _ImportedApiDestination(scope, id, api_destination_arn, name, connection,
                                       api_destination_arn_for_policy)


class _ImportedApiDestination(Resource):
    def __init__(self, scope: Construct, id: str, arn: str, name: str, connection: Any, arn_for_policy: Any):
        super().__init__(scope, id)
        self.api_destination_arn = arn
        self.api_destination_name = name
        self.connection = connection
        self.api_destination_arn_for_policy = arn_for_policy
