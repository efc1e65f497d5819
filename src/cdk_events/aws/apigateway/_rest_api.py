"""`RestApi` imports: API Gateway REST APIs defined elsewhere, and their `execute-api` ARNs."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from cdk_events.core import ArnFormat, Construct, Node, Resource, ResourceEnvironment, Stack
from cdk_events.core._token_encoding import is_unresolved

from ...core import ValidationError
from ...core._errors import construct_error
from ...core._import_checks import require_str


@runtime_checkable
class IRestApi(Protocol):
    """An API Gateway REST API (mirrors `aws_cdk.aws_apigateway.IRestApi`)."""

    @property
    def rest_api_id(self) -> str: ...

    @property
    def env(self) -> ResourceEnvironment: ...

    @property
    def node(self) -> Node: ...

    def arn_for_execute_api(self, method: str | None = None, path: str | None = None,
                            stage: str | None = None) -> str: ...


class RestApiBase(Resource):
    """What every REST API offers: its id, name, deployment stage and `execute-api` ARNs."""

    rest_api_id: str

    def __init__(self, scope: Construct, id: str, *, rest_api_name: str | None = None):
        name = rest_api_name if rest_api_name is not None else id
        super().__init__(scope, id, physical_name=name)
        self.rest_api_name = name
        self.deployment_stage: Any = None

    def arn_for_execute_api(self, method: str | None = None, path: str | None = None,
                            stage: str | None = None) -> str:
        """The `execute-api` ARN of `method` (default `*`, any; `ANY` means `*`) on `path` (default `/*`, must
        start with `/`) in `stage` (default `*`)."""
        method = "*" if method is None else method
        path = "/*" if path is None else path
        stage = "*" if stage is None else stage
        if not is_unresolved(path) and not path.startswith("/"):
            raise construct_error(self, f'"path" must begin with a "/": \'{path}\'')
        if method.upper() == "ANY":
            method = "*"
        return Stack.of(self).format_arn(service="execute-api", resource=self.rest_api_id,
                                         arn_format=ArnFormat.SLASH_RESOURCE_NAME,
                                         resource_name=f"{stage}/{method}{path}")


class _ImportedRestApi(RestApiBase):
    def __init__(self, scope: Construct, id: str, *, rest_api_id: str, root_resource_id: str | None,
                 rest_api_name: str | None):
        super().__init__(scope, id, rest_api_name=rest_api_name)
        self.rest_api_id = rest_api_id
        self._root_resource_id = root_resource_id

    @property
    def rest_api_root_resource_id(self) -> str:
        """The id of the root resource (`/`); only known for `from_rest_api_attributes` imports."""
        if self._root_resource_id is None:
            raise construct_error(self, "restApiRootResourceId is not configured when imported using "
                                        "`fromRestApiId()`. Use `fromRestApiAttributes()` API instead.")
        return self._root_resource_id


class RestApi(RestApiBase):
    """An API Gateway REST API (mirrors `aws_cdk.aws_apigateway.RestApi`).

    cdk-events only imports REST APIs: use `from_rest_api_id` or `from_rest_api_attributes`.
    """

    def __init__(self, scope: Construct, id: str, **props: Any) -> None:
        raise ValidationError(
            f"[{scope.node.path}/{id}] cdk-events cannot define REST APIs; import one with "
            "apigateway.RestApi.from_rest_api_id(...) or from_rest_api_attributes(...)")

    @staticmethod
    def from_rest_api_id(scope: Construct, id: str, rest_api_id: str) -> IRestApi:
        """A REST API of this stack's account and region, by id (it has no deployment stage)."""
        api_id = require_str(scope, "rest_api_id", rest_api_id, "a REST API id (a non-empty string)")
        return _ImportedRestApi(scope, id, rest_api_id=api_id, root_resource_id=None, rest_api_name=None)

    @staticmethod
    def from_rest_api_attributes(scope: Construct, id: str, *, rest_api_id: str, root_resource_id: str,
                                 rest_api_name: str | None = None) -> IRestApi:
        """A REST API of this stack's account and region, by id and root resource id; `rest_api_name`
        defaults to the construct id."""
        api_id = require_str(scope, "rest_api_id", rest_api_id, "a REST API id (a non-empty string)")
        root = require_str(scope, "root_resource_id", root_resource_id, "a resource id (a non-empty string)")
        return _ImportedRestApi(scope, id, rest_api_id=api_id, root_resource_id=root, rest_api_name=rest_api_name)
