"""`Connection`, `Authorization` and `HttpParameter`: how EventBridge authenticates to an API."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

from .core import ArnFormat, Construct, Resource, SecretValue, Stack, ValidationError
from .core._checked import Name, Text
from .core._errors import construct_error

if TYPE_CHECKING:
    from ._http_method import HttpMethod


class HttpParameter:
    """A header, query string or body parameter of a connection (plain or secret)."""

    def __init__(self, value: Any, secret: bool):
        self._value = value
        self._secret = secret

    @staticmethod
    def from_string(value: str) -> HttpParameter:
        """A plain value."""
        return HttpParameter(value, False)

    @staticmethod
    def from_secret(value: SecretValue) -> HttpParameter:
        """A secret value (never shown in logs)."""
        return HttpParameter(value.unsafe_unwrap() if isinstance(value, SecretValue) else value, True)

    def _render(self, name: str) -> dict[str, Any]:
        return {"IsValueSecret": self._secret, "Key": name, "Value": self._value}


def _render_parameters(params: Mapping[str, HttpParameter] | None) -> list[dict[str, Any]] | None:
    if not params:
        return None
    return [p._render(name) for name, p in params.items()]


class Authorization:
    """How a connection authorizes (API key, basic, or OAuth client credentials)."""

    _EXAMPLE: ClassVar[str] = "Authorization.api_key(...), .basic(...) or .oauth(...)"

    def __init__(self, authorization_type: str, auth_parameters: dict[str, Any]):
        self.authorization_type = authorization_type
        self.auth_parameters = auth_parameters

    @staticmethod
    def api_key(api_key_name: str, api_key_value: SecretValue) -> Authorization:
        """An API key sent in header `api_key_name`."""
        return Authorization("API_KEY", {"ApiKeyAuthParameters": {
            "ApiKeyName": api_key_name, "ApiKeyValue": _unwrap(api_key_value)}})

    @staticmethod
    def basic(username: str, password: SecretValue) -> Authorization:
        """HTTP basic authentication."""
        return Authorization("BASIC", {"BasicAuthParameters": {"Password": _unwrap(password), "Username": username}})

    @staticmethod
    def oauth(*, authorization_endpoint: str, http_method: HttpMethod, client_id: str, client_secret: SecretValue,
              body_parameters: Mapping[str, HttpParameter] | None = None,
              header_parameters: Mapping[str, HttpParameter] | None = None,
              query_string_parameters: Mapping[str, HttpParameter] | None = None) -> Authorization:
        """OAuth client credentials; `http_method` must be GET, POST or PUT."""
        method = getattr(http_method, "value", http_method)
        if method not in ("GET", "POST", "PUT"):
            raise ValidationError(f"httpMethod must be one of GET, POST, PUT (Authorization.oauth got {method!r})")
        return Authorization("OAUTH_CLIENT_CREDENTIALS", {"OAuthParameters": {
            "AuthorizationEndpoint": authorization_endpoint,
            "ClientParameters": {"ClientID": client_id, "ClientSecret": _unwrap(client_secret)},
            "HttpMethod": method,
            "OAuthHttpParameters": {
                "BodyParameters": _render_parameters(body_parameters),
                "HeaderParameters": _render_parameters(header_parameters),
                "QueryStringParameters": _render_parameters(query_string_parameters),
            },
        }})


def _unwrap(value: Any) -> Any:
    return value.unsafe_unwrap() if isinstance(value, SecretValue) else value


@runtime_checkable
class IConnection(Protocol):
    """A connection, owned or imported."""

    @property
    def connection_name(self) -> str: ...

    @property
    def connection_arn(self) -> str: ...

    @property
    def connection_secret_arn(self) -> str: ...


class Connection(Resource):
    """An EventBridge connection (mirrors `aws_cdk.aws_events.Connection`)."""

    # EventBridge's limits (checked with the arguments, core._checked)
    _CHECKS: ClassVar[dict[str, Any]] = {"connection_name": Name(64, r"[\.\-_A-Za-z0-9]+"),
                                         "description": Text(512)}

    def __init__(self, scope: Construct, id: str, *, authorization: Authorization,
                 connection_name: str | None = None, description: str | None = None,
                 body_parameters: Mapping[str, HttpParameter] | None = None,
                 header_parameters: Mapping[str, HttpParameter] | None = None,
                 query_string_parameters: Mapping[str, HttpParameter] | None = None):
        super().__init__(scope, id, physical_name=connection_name)
        if not isinstance(authorization, Authorization):
            raise construct_error(self, f"'authorization' must be an Authorization (Authorization.api_key(...), "
                                        f".basic(...) or .oauth(...)), got {authorization!r}")
        invocation = None
        if body_parameters is not None or header_parameters is not None or query_string_parameters is not None:
            invocation = {"BodyParameters": _render_parameters(body_parameters),
                          "HeaderParameters": _render_parameters(header_parameters),
                          "QueryStringParameters": _render_parameters(query_string_parameters)}
        auth = dict(authorization.auth_parameters)
        auth["InvocationHttpParameters"] = invocation
        from ._cfn_generated import CfnConnection

        resource = CfnConnection(self, "Connection", authorization_type=authorization.authorization_type,
                                 auth_parameters=auth, description=description, name=self.physical_name)
        self.connection_name: str = resource.ref
        self.connection_arn: str = resource.attr_arn
        self.connection_secret_arn: str = resource.attr_secret_arn

    @staticmethod
    def from_event_bus_arn(scope: Construct, id: str, connection_arn: str, connection_secret_arn: str) -> IConnection:
        """A connection defined elsewhere, by ARN and secret ARN."""
        parts = Stack.of(scope).split_arn(connection_arn, ArnFormat.SLASH_RESOURCE_NAME)
        return _ImportedConnection(scope, id, connection_name=parts.resource_name or "",
                                   connection_arn=connection_arn, connection_secret_arn=connection_secret_arn)

    @staticmethod
    def from_connection_attributes(scope: Construct, id: str, *, connection_name: str, connection_arn: str,
                                   connection_secret_arn: str) -> IConnection:
        """A connection defined elsewhere, from its attributes."""
        return _ImportedConnection(scope, id, connection_name=connection_name, connection_arn=connection_arn,
                                   connection_secret_arn=connection_secret_arn)


class _ImportedConnection(Resource):
    def __init__(self, scope: Construct, id: str, *, connection_name: str, connection_arn: str,
                 connection_secret_arn: str):
        super().__init__(scope, id)
        self.connection_name = connection_name
        self.connection_arn = connection_arn
        self.connection_secret_arn = connection_secret_arn
