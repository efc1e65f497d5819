"""appsync.GraphqlApi imports and grants."""

from __future__ import annotations

import pytest

from cdk_events import core as cdk
from cdk_events.aws import appsync, iam
from cdk_events.core import ValidationError


def _stack() -> cdk.Stack:
    app = cdk.App(context={"@aws-cdk/core:enablePartitionLiterals": True})
    return cdk.Stack(app, "S", env=cdk.Environment(account="111111111111", region="us-east-1"))


def test_import_defaults() -> None:
    stack = _stack()
    api = appsync.GraphqlApi.from_graphql_api_attributes(stack, "Api", graphql_api_id="abc")
    assert stack.resolve(api.arn) == "arn:aws:appsync:us-east-1:111111111111:apis/abc"
    assert (api.graph_ql_endpoint_arn, api.visibility, api.modes) == ("", appsync.Visibility.GLOBAL, [])


def test_grant_mutation_on_all_or_some_fields() -> None:
    stack = _stack()
    api = appsync.GraphqlApi.from_graphql_api_attributes(stack, "Api", graphql_api_id="abc")
    role = iam.Role(stack, "R", assumed_by=iam.ServicePrincipal("events.amazonaws.com"))
    every = api.grant_mutation(role)
    some = api.grant_mutation(role, "publish", "remove")
    assert every.principal_statement is not None and some.principal_statement is not None
    assert stack.resolve(every.principal_statement.to_statement_json())["Resource"] == \
        "arn:aws:appsync:us-east-1:111111111111:apis/abc/types/Mutation/*"
    assert stack.resolve(some.principal_statement.to_statement_json())["Resource"] == [
        "arn:aws:appsync:us-east-1:111111111111:apis/abc/types/Mutation/fields/publish",
        "arn:aws:appsync:us-east-1:111111111111:apis/abc/types/Mutation/fields/remove"]


def test_bad_attributes_are_rejected() -> None:
    stack = _stack()
    with pytest.raises(ValidationError, match=r"^\[S\] 'graphql_api_id' must be a GraphQL API id"):
        appsync.GraphqlApi.from_graphql_api_attributes(stack, "A", graphql_api_id="")
    with pytest.raises(ValidationError, match=r"^\[S\] 'visibility' must be one of Visibility.GLOBAL, "
                                              r"Visibility.PRIVATE, got 'GLOBAL'"):
        appsync.GraphqlApi.from_graphql_api_attributes(stack, "B", graphql_api_id="x", visibility="GLOBAL")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"^\[S\] 'modes' must be one of AuthorizationType.API_KEY"):
        appsync.GraphqlApi.from_graphql_api_attributes(stack, "C", graphql_api_id="x", modes=["AWS_IAM"])  # type: ignore[list-item]


def test_defining_an_api_is_not_offered() -> None:
    with pytest.raises(ValidationError, match="cdk-events cannot define GraphQL APIs"):
        appsync.GraphqlApi(_stack(), "Api")
