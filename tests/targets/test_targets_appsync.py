"""The AppSync target (no compat app: AppSync is outside the compat surface): the CDK's own test cases
and the three checks of spec §2.2."""

from __future__ import annotations

from typing import Any

import pytest
from _target_support import unchecked

import cdk_events as events
from cdk_events import core as cdk
from cdk_events.assertions import Template
from cdk_events.aws import appsync, iam
from cdk_events.core import UnscopedValidationError, ValidationError
from cdk_events.targets._appsync import AppSync

OPERATION = "mutation Publish($message: String!){ publish(message: $message) { event } }"
ENDPOINT = "arn:aws:appsync:us-east-2:000000000000:endpoints/graphql-api/00000000000000000000000000"


def _api(stack: cdk.Stack, **attrs: Any) -> Any:
    defaults: dict[str, Any] = {"graphql_api_id": "MyApiId", "graphql_api_arn": "MyApiArn",
                                "graph_ql_endpoint_arn": ENDPOINT, "visibility": appsync.Visibility.GLOBAL,
                                "modes": [appsync.AuthorizationType.IAM]}
    defaults.update(attrs)
    return appsync.GraphqlApi.from_graphql_api_attributes(stack, "ImportedAPI", **defaults)


def _rule(stack: cdk.Stack, target: AppSync) -> None:
    events.Rule(stack, "Rule", schedule=events.Schedule.rate(cdk.Duration.minutes(1)), targets=[target])


def _variables() -> events.RuleTargetInput:
    return events.RuleTargetInput.from_object({"message": events.EventField.from_path("$.detail")})


def test_imported_api_as_target() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    _rule(stack, AppSync(_api(stack), graph_ql_operation=OPERATION, variables=_variables()))
    template = Template.from_stack(stack)
    rule = next(iter(template.find_resources("AWS::Events::Rule").values()))
    assert rule["Properties"]["Targets"] == [{
        "AppSyncParameters": {"GraphQLOperation": OPERATION},
        "Arn": ENDPOINT,
        "Id": "Target0",
        "InputTransformer": {"InputPathsMap": {"detail": "$.detail"}, "InputTemplate": '{"message":<detail>}'},
        "RoleArn": {"Fn::GetAtt": ["ImportedAPIEventsRole9CE171B7", "Arn"]},
    }]
    policy = next(iter(template.find_resources("AWS::IAM::Policy").values()))
    assert policy["Properties"]["PolicyDocument"]["Statement"] == [{
        "Action": "appsync:GraphQL", "Effect": "Allow",
        "Resource": {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":appsync:", {"Ref": "AWS::Region"}, ":",
                                       {"Ref": "AWS::AccountId"}, ":apis/MyApiId/types/Mutation/*"]]}}]


def test_a_given_role_gets_no_statement() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    role = iam.Role(stack, "role", assumed_by=iam.ServicePrincipal("events.amazonaws.com"))
    api = _api(stack)
    _rule(stack, AppSync(api, graph_ql_operation=OPERATION, event_role=role))
    template = Template.from_stack(stack)
    template.resource_count_is("AWS::IAM::Policy", 0)
    target = next(iter(template.find_resources("AWS::Events::Rule").values()))["Properties"]["Targets"][0]
    assert target["RoleArn"] == {"Fn::GetAtt": ["roleC7B7E775", "Arn"]}
    assert "Input" not in target and "InputTransformer" not in target


def test_without_iam_mode() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    api = _api(stack, modes=[appsync.AuthorizationType.API_KEY])
    with pytest.raises(ValidationError, match=r"^\[S/Rule\] You must have AWS_IAM authorization mode enabled on your "
                                              r"API to configure an AppSync target \(the API S/ImportedAPI has modes "
                                              r"\['API_KEY'\]\)"):
        _rule(stack, AppSync(api, graph_ql_operation=OPERATION))


def test_private_api() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    api = _api(stack, visibility=appsync.Visibility.PRIVATE)
    with pytest.raises(ValidationError, match=r'^\[S/Rule\] Your API visibility must be "GLOBAL" \(the API '
                                              r"S/ImportedAPI is PRIVATE\)"):
        _rule(stack, AppSync(api, graph_ql_operation=OPERATION))


def test_without_endpoint_arn() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    api = _api(stack, graph_ql_endpoint_arn=None)
    with pytest.raises(ValidationError, match=r"^\[S/Rule\] You must have a valid `graphQLEndpointArn` set"):
        _rule(stack, AppSync(api, graph_ql_operation=OPERATION))


def test_operation_is_required() -> None:
    with pytest.raises(UnscopedValidationError, match=r"AppSync target: 'graph_ql_operation' must be a GraphQL "
                                                      r"query, mutation or subscription \(a non-empty string\), "
                                                      r"got ''"):
        AppSync(object(), graph_ql_operation="")


def test_not_an_api_is_rejected() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    with pytest.raises(ValidationError, match=r"\[S/Rule\] AppSync target: 'appsync_api' must be a GraphQL API"):
        _rule(stack, unchecked(AppSync, "MyApiId", graph_ql_operation=OPERATION))
