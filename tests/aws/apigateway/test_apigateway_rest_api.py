"""apigateway.RestApi imports and `arn_for_execute_api`."""

from __future__ import annotations

import pytest

from cdk_events import core as cdk
from cdk_events.aws import apigateway
from cdk_events.core import ValidationError


def _stack() -> cdk.Stack:
    app = cdk.App(context={"@aws-cdk/core:enablePartitionLiterals": True})
    return cdk.Stack(app, "S", env=cdk.Environment(account="111111111111", region="us-east-1"))


def test_arn_for_execute_api_defaults() -> None:
    stack = _stack()
    api = apigateway.RestApi.from_rest_api_id(stack, "Api", "abc")
    assert stack.resolve(api.arn_for_execute_api()) == "arn:aws:execute-api:us-east-1:111111111111:abc/*/*/*"
    assert stack.resolve(api.arn_for_execute_api("ANY", "/a", "prod")) == \
        "arn:aws:execute-api:us-east-1:111111111111:abc/prod/*/a"
    assert stack.resolve(api.arn_for_execute_api("GET", "/a/b", "v1")) == \
        "arn:aws:execute-api:us-east-1:111111111111:abc/v1/GET/a/b"


def test_path_must_begin_with_a_slash() -> None:
    stack = _stack()
    api = apigateway.RestApi.from_rest_api_id(stack, "Api", "abc")
    with pytest.raises(ValidationError, match=r"""^\[S/Api\] "path" must begin with a "/": 'a'$"""):
        api.arn_for_execute_api("GET", "a")


def test_imports_have_no_deployment_stage() -> None:
    stack = _stack()
    api = apigateway.RestApi.from_rest_api_attributes(stack, "Api", rest_api_id="abc", root_resource_id="r00t")
    assert api.deployment_stage is None  # type: ignore[attr-defined]
    assert api.rest_api_root_resource_id == "r00t"  # type: ignore[attr-defined]
    assert api.rest_api_name == "Api"  # type: ignore[attr-defined]


def test_root_resource_id_needs_attributes() -> None:
    stack = _stack()
    api = apigateway.RestApi.from_rest_api_id(stack, "Api", "abc")
    with pytest.raises(ValidationError, match=r"restApiRootResourceId is not configured when imported using "
                                              r"`fromRestApiId\(\)`"):
        api.rest_api_root_resource_id  # type: ignore[attr-defined]  # noqa: B018


def test_bad_ids_are_rejected() -> None:
    stack = _stack()
    with pytest.raises(ValidationError, match=r"^\[S\] 'rest_api_id' must be a REST API id \(a non-empty string\), "
                                              r"got None"):
        apigateway.RestApi.from_rest_api_id(stack, "Api", None)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"^\[S\] 'root_resource_id' must be a resource id"):
        apigateway.RestApi.from_rest_api_attributes(stack, "Api2", rest_api_id="abc", root_resource_id="")


def test_defining_a_rest_api_is_not_offered() -> None:
    with pytest.raises(ValidationError, match="cdk-events cannot define REST APIs"):
        apigateway.RestApi(_stack(), "Api")
