"""The ApiGateway target: the compat apps against the goldens, then the rules of spec §2.2."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from _compat_apps import assert_matches_golden, golden_error, needs_shared, run_app
from _target_support import unchecked

import cdk_events as events
from cdk_events import core as cdk
from cdk_events.assertions import Template
from cdk_events.aws import apigateway
from cdk_events.core import ValidationError
from cdk_events.targets._api_gateway import ApiGateway


@needs_shared
def test_compat_app_matches_golden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert_matches_golden("target_api_gateway", run_app("target_api_gateway", tmp_path, monkeypatch))


@needs_shared
def test_compat_error_app_is_rejected_with_the_cdk_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cdk_message = golden_error("error_api_gateway_path_wildcards").split(": ", 1)[1]
    with pytest.raises(ValidationError) as caught:
        run_app("error_api_gateway_path_wildcards", tmp_path, monkeypatch)
    assert str(caught.value) == (
        f"[ErrStack/Rule] ApiGateway target: {cdk_message} (path '/orders/*/items/*' has 2 '*', "
        "path_parameter_values has 1: ['$.detail.order'])")


def _target(stack: cdk.Stack, target: Any) -> dict[str, Any]:
    events.Rule(stack, "R", event_pattern=events.EventPattern(source=["a"]), targets=[target])
    rule = next(iter(Template.from_stack(stack).find_resources("AWS::Events::Rule").values()))
    result: dict[str, Any] = rule["Properties"]["Targets"][0]
    return result


def _arn(tail: str) -> dict[str, Any]:
    return {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":execute-api:", {"Ref": "AWS::Region"}, ":",
                              {"Ref": "AWS::AccountId"}, f":abc/{tail}"]]}


def test_defaults_render_any_method_root_path_and_empty_http_parameters() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    api = apigateway.RestApi.from_rest_api_id(stack, "Api", "abc")
    target = _target(stack, ApiGateway(api, stage="prod"))
    assert target["Arn"] == _arn("prod/*/")
    assert target["HttpParameters"] == {}
    assert api.node.try_find_child("EventsRole") is not None


def test_any_method_becomes_star() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    api = apigateway.RestApi.from_rest_api_id(stack, "Api", "abc")
    assert _target(stack, ApiGateway(api, stage="prod", method="any", path="/x"))["Arn"] == _arn("prod/*/x")


def test_path_must_begin_with_a_slash() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    api = apigateway.RestApi.from_rest_api_id(stack, "Api", "abc")
    with pytest.raises(ValidationError, match=r"""\[S/Api\] "path" must begin with a "/": 'items'"""):
        _target(stack, ApiGateway(api, stage="prod", path="items"))


def test_wildcards_without_values_are_rejected() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    api = apigateway.RestApi.from_rest_api_id(stack, "Api", "abc")
    with pytest.raises(ValidationError, match=r"\[S/R\] ApiGateway target: The number of wildcards in the path does "
                                              r"not match the number of path pathParameterValues. \(path '/a/\*' has 1 "
                                              r"'\*', path_parameter_values has 0: \[\]\)"):
        _target(stack, ApiGateway(api, stage="prod", path="/a/*"))


def test_imported_api_without_stage_is_rejected() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    api = apigateway.RestApi.from_rest_api_id(stack, "Api", "abc")
    with pytest.raises(ValidationError, match=r"\[S/R\] ApiGateway target: no 'stage' was given and the REST API "
                                              r"S/Api has no deployment stage"):
        _target(stack, ApiGateway(api))


def test_not_a_rest_api_is_rejected() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    with pytest.raises(ValidationError, match=r"\[S/R\] ApiGateway target: 'rest_api' must be a REST API .*got "
                                              r"'abc' \(a str\)"):
        _target(stack, unchecked(ApiGateway, "abc", stage="prod"))
