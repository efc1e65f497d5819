"""`HttpApi` imports: API Gateway v2 HTTP APIs defined elsewhere, and their `execute-api` ARNs."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from cdk_events.core import ArnFormat, Construct, Node, Resource, ResourceEnvironment, Stack
from cdk_events.core._token_encoding import is_unresolved

from ...core._errors import construct_error
from ...core._import_checks import require_str
from ...core._import_only import ImportOnly


@runtime_checkable
class IHttpApi(Protocol):
    """An API Gateway v2 HTTP API (mirrors `aws_cdk.aws_apigatewayv2.IHttpApi`)."""

    @property
    def api_id(self) -> str: ...

    @property
    def http_api_id(self) -> str: ...

    @property
    def api_endpoint(self) -> str: ...

    @property
    def env(self) -> ResourceEnvironment: ...

    @property
    def node(self) -> Node: ...

    def arn_for_execute_api(self, method: str | None = None, path: str | None = None,
                            stage: str | None = None) -> str: ...


def _optional_str(scope: Construct, prop: str, value: Any, what: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise construct_error(scope, f"'{prop}' must be {what} or None, got {value!r} (a {type(value).__name__})")


class HttpApiBase(Resource):
    """What every HTTP API offers: its id, endpoint, default stage and `execute-api` ARNs."""

    def __init__(self, scope: Construct, id: str, *, http_api_id: str):
        super().__init__(scope, id)
        self._http_api_id = http_api_id
        self.default_stage: Any = None
        """The stage every route is deployed to by default (an imported HTTP API has none)."""

    @property
    def api_id(self) -> str:
        """The id of the API (the same as `http_api_id`)."""
        return self._http_api_id

    @property
    def http_api_id(self) -> str:
        """The id of the HTTP API."""
        return self._http_api_id

    @property
    def api_endpoint(self) -> str:
        """The default endpoint URL of the API."""
        raise NotImplementedError

    def arn_for_execute_api(self, method: str | None = None, path: str | None = None,
                            stage: str | None = None) -> str:
        """The `execute-api` ARN of `method` (default `*`, any; `ANY` in any case means `*`) on `path`
        (default `/*`; a non-empty path must start with `/`) in `stage` (default `*`, every stage)."""
        method = _optional_str(self, "method", method, "an HTTP method such as 'GET', 'ANY' or '*'")
        path = _optional_str(self, "path", path, "a resource path starting with '/'")
        stage = _optional_str(self, "stage", stage, "a stage name")
        if path and not is_unresolved(path) and not path.startswith("/"):
            raise construct_error(self, f"Path must start with '/': {path} ('path' must be a resource path "
                                        f"beginning with '/', like '/orders', got {path!r})")
        if method and method.upper() == "ANY":
            method = "*"
        return Stack.of(self).format_arn(
            service="execute-api", account=self.env.account, region=self.env.region, resource=self.http_api_id,
            arn_format=ArnFormat.SLASH_RESOURCE_NAME,
            resource_name=f"{'*' if stage is None else stage}/{'*' if method is None else method}"
                          f"{'/*' if path is None else path}")


class _ImportedHttpApi(HttpApiBase):
    def __init__(self, scope: Construct, id: str, *, http_api_id: str, api_endpoint: str | None):
        super().__init__(scope, id, http_api_id=http_api_id)
        self._api_endpoint = api_endpoint

    @property
    def api_endpoint(self) -> str:
        """The endpoint given to the import (raises when none was given)."""
        if not self._api_endpoint:
            raise construct_error(self, "apiEndpoint is not configured on the imported HttpApi. (pass "
                                        "api_endpoint='https://<id>.execute-api.<region>.amazonaws.com' to "
                                        "HttpApi.from_http_api_attributes to use it)")
        return self._api_endpoint


class HttpApi(ImportOnly):
    """API Gateway v2 HTTP API imports (mirrors the static methods of `aws_cdk.aws_apigatewayv2.HttpApi`).

    cdk-events only imports HTTP APIs: use `from_http_api_attributes`.
    """

    _IMPORT_HINT = "import one with apigatewayv2.HttpApi.from_http_api_attributes(...)"

    @staticmethod
    def from_http_api_attributes(scope: Construct, id: str, *, http_api_id: str,
                                 api_endpoint: str | None = None) -> IHttpApi:
        """An HTTP API of this stack's account and region, by id; `api_endpoint` (default: none, reading
        it raises) is the API's default endpoint URL. The import has no default stage."""
        api_id = require_str(scope, "http_api_id", http_api_id, "an HTTP API id (a non-empty string)")
        if api_endpoint is not None and not isinstance(api_endpoint, str):
            raise construct_error(scope, f"'api_endpoint' must be the API's endpoint URL (a string) or None, got "
                                         f"{api_endpoint!r} (a {type(api_endpoint).__name__})")
        return _ImportedHttpApi(scope, id, http_api_id=api_id, api_endpoint=api_endpoint)

