"""The ApiGatewayV2 target and apigatewayv2.HttpApi imports: the renderings of aws-cdk's
api-gatewayv2 target tests (on imported HTTP APIs), the rules of spec §2.2 and cfn-lint."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

import pytest

import cdk_events as events
from cdk_events import core as cdk
from cdk_events.assertions import Template
from cdk_events.aws import apigatewayv2, iam, sqs
from cdk_events.core import ValidationError
from cdk_events.targets._api_gateway_v2 import ApiGatewayV2

WILDCARDS = "The number of wildcards in the path does not match the number of path pathParameterValues."


def _stack() -> cdk.Stack:
    return cdk.Stack(cdk.App(), "S")


def _api(stack: cdk.Stack, api_id: str = "abc") -> Any:
    return apigatewayv2.HttpApi.from_http_api_attributes(stack, "Api", http_api_id=api_id)


def _template(stack: cdk.Stack, *targets: Any) -> dict[str, Any]:
    events.Rule(stack, "R", schedule=events.Schedule.rate(cdk.Duration.minutes(1)), targets=list(targets))
    return Template.from_stack(stack).to_json()


def _targets(stack: cdk.Stack, *targets: Any) -> list[dict[str, Any]]:
    return _rule_targets(_template(stack, *targets))


def _rule_targets(template: dict[str, Any]) -> list[dict[str, Any]]:
    (rule,) = [r for r in template["Resources"].values() if r["Type"] == "AWS::Events::Rule"]
    result: list[dict[str, Any]] = rule["Properties"]["Targets"]
    return result


def _arn(tail: str, api_id: str = "abc") -> dict[str, Any]:
    return {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":execute-api:", {"Ref": "AWS::Region"}, ":",
                              {"Ref": "AWS::AccountId"}, f":{api_id}/{tail}"]]}


# --- apigatewayv2.HttpApi -------------------------------------------------------------------------------------


def test_import_exposes_ids_env_and_no_default_stage() -> None:
    stack = cdk.Stack(cdk.App(), "S", env=cdk.Environment(account="111111111111", region="eu-west-1"))
    api = apigatewayv2.HttpApi.from_http_api_attributes(stack, "Api", http_api_id="abc",
                                                        api_endpoint="https://abc.execute-api.eu-west-1.amazonaws.com")
    assert isinstance(api, apigatewayv2.IHttpApi)
    assert isinstance(api, apigatewayv2.HttpApiBase)
    assert (api.api_id, api.http_api_id) == ("abc", "abc")
    assert api.api_endpoint == "https://abc.execute-api.eu-west-1.amazonaws.com"
    assert (api.env.account, api.env.region) == ("111111111111", "eu-west-1")
    assert api.node.path == "S/Api"
    assert api.default_stage is None


def test_arn_for_execute_api_renders_like_the_cdk() -> None:
    app = cdk.App(context={"@aws-cdk/core:enablePartitionLiterals": True})
    stack = cdk.Stack(app, "S", env=cdk.Environment(account="111111111111", region="us-east-1"))
    api = apigatewayv2.HttpApi.from_http_api_attributes(stack, "Api", http_api_id="abc")
    prefix = "arn:aws:execute-api:us-east-1:111111111111:abc/"
    assert stack.resolve(api.arn_for_execute_api()) == prefix + "*/*/*"
    assert stack.resolve(api.arn_for_execute_api("any", "/a", "prod")) == prefix + "prod/*/a"
    assert stack.resolve(api.arn_for_execute_api("GET", "/a/b", "$default")) == prefix + "$default/GET/a/b"
    assert stack.resolve(api.arn_for_execute_api(path="")) == prefix + "*/*"


def test_arn_path_must_start_with_a_slash() -> None:
    api = _api(_stack())
    with pytest.raises(ValidationError, match=r"^\[S/Api\] Path must start with '/': items \('path' must be a "
                                              r"resource path beginning with '/', like '/orders', got 'items'\)$"):
        api.arn_for_execute_api("GET", "items")
    with pytest.raises(ValidationError, match=r"^\[S/Api\] 'stage' must be a stage name or None, got 3 \(a int\)$"):
        api.arn_for_execute_api("GET", "/a", 3)


def test_unset_endpoint_raises_on_read() -> None:
    api = _api(_stack())
    with pytest.raises(ValidationError, match=r"^\[S/Api\] apiEndpoint is not configured on the imported HttpApi\."):
        api.api_endpoint  # noqa: B018


def test_bad_import_attributes_are_rejected() -> None:
    stack = _stack()
    with pytest.raises(ValidationError, match=r"^\[S\] 'http_api_id' must be an HTTP API id \(a non-empty string\), "
                                              r"got ''$"):
        apigatewayv2.HttpApi.from_http_api_attributes(stack, "Api", http_api_id="")
    with pytest.raises(ValidationError, match=r"^\[S\] 'api_endpoint' must be the API's endpoint URL"):
        apigatewayv2.HttpApi.from_http_api_attributes(stack, "Api", http_api_id="abc",
                                                      api_endpoint=5)  # type: ignore[arg-type]


def test_defining_an_http_api_names_the_import() -> None:
    with pytest.raises(ValidationError, match=r"^\[S/Api\] cdk-events does not define HttpApi resources \(it only "
                                              r"imports them\); import one with "
                                              r"apigatewayv2\.HttpApi\.from_http_api_attributes\(\.\.\.\)$"):
        apigatewayv2.HttpApi(_stack(), "Api")


def test_public_names_live_in_the_package() -> None:
    assert set(apigatewayv2.__all__) == {"HttpApi", "HttpApiBase", "IHttpApi"}
    for name in apigatewayv2.__all__:
        assert getattr(apigatewayv2, name).__module__ == "cdk_events.aws.apigatewayv2"


# --- the target -----------------------------------------------------------------------------------------------


def test_defaults_render_any_method_root_path_every_stage_and_empty_http_parameters() -> None:
    stack = _stack()
    api = _api(stack)
    assert _targets(stack, ApiGatewayV2(api)) == [{
        "Arn": _arn("*/*/"), "HttpParameters": {}, "Id": "Target0",
        "RoleArn": {"Fn::GetAtt": ["ApiEventsRole28B420FE", "Arn"]}}]


def test_default_stage_of_the_api_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """aws-cdk's first test: an HttpApi with its `$default` stage gives `/$default/*/`."""
    stack = _stack()
    api = _api(stack)
    monkeypatch.setattr(api, "default_stage", SimpleNamespace(stage_name="$default"))
    assert _targets(stack, ApiGatewayV2(api))[0]["Arn"] == _arn("$default/*/")
    other = _stack()
    api = _api(other)
    monkeypatch.setattr(api, "default_stage", SimpleNamespace(stage_name="$default"))
    assert _targets(other, ApiGatewayV2(api, stage="x"))[0]["Arn"] == _arn("x/*/")


def test_stage_path_and_method() -> None:
    stack = _stack()
    target = _targets(stack, ApiGatewayV2(_api(stack), stage="test-stage", path="/test-path", method="GET"))[0]
    assert target["Arn"] == _arn("test-stage/GET/test-path")
    assert target["HttpParameters"] == {}


def test_any_method_becomes_star_and_empty_strings_fall_back() -> None:
    stack = _stack()
    target = ApiGatewayV2(_api(stack), method="any", path="", stage="")
    assert _targets(stack, target)[0]["Arn"] == _arn("*/*/")


def test_http_parameters_and_post_body() -> None:
    stack = _stack()
    headers = {"TestHeader1": "test-header-value-1", "TestHeader2": "test-header-value-2"}
    query = {"TestQueryParameter1": "test-query-parameter-value-1", "TestQueryParameter2": "v2"}
    target = _targets(stack, ApiGatewayV2(
        _api(stack), path="/*/*", path_parameter_values=("path1", "path2"), header_parameters=headers,
        query_string_parameters=query, post_body=events.RuleTargetInput.from_object({"a": 1})))[0]
    assert target["HttpParameters"] == {"HeaderParameters": headers, "PathParameterValues": ["path1", "path2"],
                                        "QueryStringParameters": query}
    assert target["Arn"] == _arn("*/*/*/*")
    assert target["Input"] == '{"a":1}'


def test_role_lives_under_the_http_api_and_is_shared() -> None:
    stack = _stack()
    api = _api(stack)
    template = _template(stack, ApiGatewayV2(api, stage="prod", method="POST", path="/a"),
                         ApiGatewayV2(api, stage="prod", method="GET", path="/b"))
    resources = template["Resources"]
    assert api.node.try_find_child("EventsRole") is not None
    assert sorted(resources) == ["ApiEventsRole28B420FE", "ApiEventsRoleDefaultPolicy85E157BE", "RC21A1702"]
    assert [t["RoleArn"] for t in _rule_targets(template)] == [
        {"Fn::GetAtt": ["ApiEventsRole28B420FE", "Arn"]}] * 2
    (role,) = [r for r in resources.values() if r["Type"] == "AWS::IAM::Role"]
    assert role["Properties"]["AssumeRolePolicyDocument"]["Statement"] == [{
        "Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"}}]
    (policy,) = [r for r in resources.values() if r["Type"] == "AWS::IAM::Policy"]
    assert policy["Properties"]["PolicyDocument"]["Statement"] == [
        {"Action": ["execute-api:Invoke", "execute-api:ManageConnections"], "Effect": "Allow",
         "Resource": _arn("prod/POST/a")},
        {"Action": ["execute-api:Invoke", "execute-api:ManageConnections"], "Effect": "Allow",
         "Resource": _arn("prod/GET/b")},
    ]


def test_explicit_event_role() -> None:
    stack = _stack()
    role = iam.Role(stack, "Trigger-test-role", assumed_by=iam.ServicePrincipal("events.amazonaws.com"))
    api = _api(stack)
    target = _targets(stack, ApiGatewayV2(api, event_role=role))[0]
    assert target["RoleArn"] == {"Fn::GetAtt": ["TriggertestroleBCF8E6AD", "Arn"]}
    assert api.node.try_find_child("EventsRole") is None


def test_dead_letter_queue_and_retry_policy() -> None:
    stack = _stack()
    queue = sqs.Queue(stack, "Queue")
    template = _template(stack, ApiGatewayV2(_api(stack), dead_letter_queue=queue, retry_attempts=2,
                                             max_event_age=cdk.Duration.hours(2)))
    target = _rule_targets(template)[0]
    assert target["DeadLetterConfig"] == {"Arn": {"Fn::GetAtt": ["Queue4A7E3555", "Arn"]}}
    assert target["RetryPolicy"] == {"MaximumEventAgeInSeconds": 7200, "MaximumRetryAttempts": 2}
    (policy,) = [r for r in template["Resources"].values() if r["Type"] == "AWS::SQS::QueuePolicy"]
    assert policy["Properties"]["PolicyDocument"]["Statement"][0]["Action"] == "sqs:SendMessage"


@pytest.mark.parametrize(("path", "values", "count"), [
    (None, ["value1"], 0), ("/*", None, 1), ("/*/*", ["value1"], 2)])
def test_wildcards_must_match_path_parameter_values(path: str | None, values: list[str] | None, count: int) -> None:
    stack = _stack()
    given = values or []
    expected = (f"[S/R] ApiGatewayV2 target: {WILDCARDS} (path {path!r} has {count} '*', path_parameter_values "
                f"has {len(given)}: {given!r})")
    with pytest.raises(ValidationError) as caught:
        _template(stack, ApiGatewayV2(_api(stack), path=path, path_parameter_values=values))
    assert str(caught.value) == expected


def test_matching_wildcards_are_accepted() -> None:
    stack = _stack()
    target = ApiGatewayV2(_api(stack), path="/*/*", path_parameter_values=["value1", "value2"])
    assert _targets(stack, target)[0]["HttpParameters"] == {"PathParameterValues": ["value1", "value2"]}


def test_path_without_slash_names_the_api() -> None:
    stack = _stack()
    with pytest.raises(ValidationError, match=r"^\[S/Api\] Path must start with '/': items"):
        _template(stack, ApiGatewayV2(_api(stack), path="items"))


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"method": 1}, r"'method' must be an HTTP method such as 'GET', 'POST', 'ANY' or '\*' or None, got 1 \(a int\)"),
    ({"stage": ["a"]}, r"'stage' must be a stage name or None, got \['a'\] \(a list\)"),
    ({"header_parameters": {"h": 1}}, r"'header_parameters' must be a mapping of names to string values .*"
                                      r"got \{'h': 1\} \(a dict\)"),
    ({"path": "/*", "path_parameter_values": "a"}, r"'path_parameter_values' must be a list of strings .*"
                                                   r"got 'a' \(a str\)"),
    ({"event_role": "role"}, r"'event_role' must be an IAM role .*got 'role' \(a str\)"),
    ({"dead_letter_queue": "q"}, r"'dead_letter_queue' must be an SQS queue .*got 'q' \(a str\)"),
    ({"retry_attempts": 186}, r"retry_attempts must be a whole number from 0 to 185, got 186"),
])
def test_bad_options_name_the_rule_property_and_value(kwargs: dict[str, Any], message: str) -> None:
    stack = _stack()
    with pytest.raises(ValidationError, match=r"^\[S/R\] ApiGatewayV2 target: " + message):
        _template(stack, ApiGatewayV2(_api(stack), **kwargs))


def test_not_an_http_api_is_rejected() -> None:
    with pytest.raises(ValidationError, match=r"^\[S/R\] ApiGatewayV2 target: 'http_api' must be an HTTP API "
                                              r"\(apigatewayv2\.HttpApi\.from_http_api_attributes\(\.\.\.\)\), got "
                                              r"'abc' \(a str\)$"):
        _template(_stack(), ApiGatewayV2("abc"))


def test_post_body_must_be_a_rule_target_input() -> None:
    stack = _stack()
    with pytest.raises(ValidationError, match=r"^\[S/R\] ApiGatewayV2 target: 'post_body' must be a "
                                              r"RuleTargetInput"):
        _template(stack, ApiGatewayV2(_api(stack), post_body={"a": 1}))  # type: ignore[arg-type]


def test_target_exposes_the_api() -> None:
    api = _api(_stack())
    target = ApiGatewayV2(api)
    assert target.http_api is api
    assert target.i_http_api is api


def test_synthesized_template_passes_cfn_lint() -> None:
    from cfnlint.api import lint_all  # type: ignore[import-untyped]

    stack = _stack()
    api = _api(stack)
    queue = sqs.Queue(stack, "Queue")
    template = _template(stack, ApiGatewayV2(api), ApiGatewayV2(
        api, stage="prod", method="POST", path="/orders/*", path_parameter_values=["$.detail.id"],
        header_parameters={"X-Source": "$.source"}, query_string_parameters={"q": "1"},
        post_body=events.RuleTargetInput.from_event_path("$.detail"), dead_letter_queue=queue, retry_attempts=3))
    assert len(_rule_targets(template)) == 2
    findings = [m for m in lint_all(json.dumps(template)) if m.rule.severity.lower() != "informational"]
    assert [f"{m.rule.id} {m.message}" for m in findings] == []
