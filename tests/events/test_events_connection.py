"""`Connection`, `Authorization`, `HttpParameter` (spec §1.11) and the connections of the compat
goldens `target_api_destination` and `api_destination_imports`.
"""

from __future__ import annotations

import pytest
from events_support import assert_same_as_golden, golden_template, synth_template

from cdk_events import Authorization, Connection, HttpMethod, HttpParameter
from cdk_events.core import CfnOutput, SecretValue, Stack, ValidationError


def _connection(env, **kwargs):
    app = env.app()
    stack = Stack(app, "S")
    Connection(stack, "C", **kwargs)
    return synth_template(app, stack)["Resources"]["CConnection72025E57"]


def test_api_key_connection(env):
    resource = _connection(env, authorization=Authorization.api_key("x-api-key", SecretValue.unsafe_plain_text("k")))
    assert resource == {"Type": "AWS::Events::Connection", "Properties": {
        "AuthParameters": {"ApiKeyAuthParameters": {"ApiKeyName": "x-api-key", "ApiKeyValue": "k"}},
        "AuthorizationType": "API_KEY",
    }}


def test_basic_connection_with_name_and_description(env):
    props = _connection(env, authorization=Authorization.basic("user", SecretValue.unsafe_plain_text("pw")),
                        connection_name="conn", description="d")["Properties"]
    assert list(props) == ["AuthParameters", "AuthorizationType", "Description", "Name"]
    assert props["AuthParameters"] == {"BasicAuthParameters": {"Password": "pw", "Username": "user"}}
    assert props["AuthorizationType"] == "BASIC"


def test_oauth_connection_renders_client_parameters_and_http_parameters(env):
    auth = Authorization.oauth(
        authorization_endpoint="https://auth.example.com/token", http_method=HttpMethod.POST, client_id="id",
        client_secret=SecretValue.unsafe_plain_text("secret"),
        header_parameters={"h": HttpParameter.from_string("v")})
    props = _connection(env, authorization=auth)["Properties"]
    assert props["AuthorizationType"] == "OAUTH_CLIENT_CREDENTIALS"
    assert props["AuthParameters"] == {"OAuthParameters": {
        "AuthorizationEndpoint": "https://auth.example.com/token",
        "ClientParameters": {"ClientID": "id", "ClientSecret": "secret"},
        "HttpMethod": "POST",
        "OAuthHttpParameters": {"HeaderParameters": [{"IsValueSecret": False, "Key": "h", "Value": "v"}]},
    }}


def test_oauth_http_method_must_be_get_post_or_put():
    with pytest.raises(ValidationError) as error:
        Authorization.oauth(authorization_endpoint="https://a", http_method=HttpMethod.DELETE, client_id="i",
                            client_secret=SecretValue.unsafe_plain_text("s"))
    assert str(error.value).startswith("httpMethod must be one of GET, POST, PUT (Authorization.oauth got ")


def test_invocation_parameters_only_when_a_map_is_given(env):
    auth = Authorization.api_key("k", SecretValue.unsafe_plain_text("v"))
    without = _connection(env, authorization=auth)["Properties"]["AuthParameters"]
    assert "InvocationHttpParameters" not in without
    with_params = _connection(env, authorization=auth, query_string_parameters={
        "q": HttpParameter.from_string("1"), "s": HttpParameter.from_secret(SecretValue.unsafe_plain_text("x"))})
    assert with_params["Properties"]["AuthParameters"]["InvocationHttpParameters"] == {"QueryStringParameters": [
        {"IsValueSecret": False, "Key": "q", "Value": "1"}, {"IsValueSecret": True, "Key": "s", "Value": "x"}]}


def test_secrets_manager_values_render_as_dynamic_references(env):
    auth = Authorization.api_key("k", SecretValue.secrets_manager("MySecret"))
    props = _connection(env, authorization=auth)["Properties"]
    assert props["AuthParameters"]["ApiKeyAuthParameters"]["ApiKeyValue"] == \
        "{{resolve:secretsmanager:MySecret:SecretString:::}}"


def test_attributes(env):
    app = env.app()
    stack = Stack(app, "S")
    conn = Connection(stack, "C", authorization=Authorization.api_key("k", SecretValue.unsafe_plain_text("v")))
    CfnOutput(stack, "Name", value=conn.connection_name)
    CfnOutput(stack, "Arn", value=conn.connection_arn)
    CfnOutput(stack, "Secret", value=conn.connection_secret_arn)
    assert synth_template(app, stack)["Outputs"] == {
        "Name": {"Value": {"Ref": "CConnection72025E57"}},
        "Arn": {"Value": {"Fn::GetAtt": ["CConnection72025E57", "Arn"]}},
        "Secret": {"Value": {"Fn::GetAtt": ["CConnection72025E57", "SecretArn"]}},
    }


def test_authorization_must_be_an_authorization(env):
    stack = Stack(env.app(), "S")
    with pytest.raises(ValidationError, match=r"^\[S/C\] 'authorization' must be an Authorization "
                                              r"\(Authorization\.api_key\(\.\.\.\), .*got 'key'$"):
        Connection(stack, "C", authorization="key")  # type: ignore[arg-type]


def test_imports(env):
    stack = Stack(env.app(), "S")
    by_arn = Connection.from_event_bus_arn(
        stack, "ByArn", "arn:aws:events:us-east-1:123456789012:connection/partner-conn/0f1e2d3c",
        "arn:aws:secretsmanager:us-east-1:123456789012:secret:s")
    assert by_arn.connection_name == "partner-conn/0f1e2d3c"
    by_attrs = Connection.from_connection_attributes(stack, "ByAttrs", connection_name="crm", connection_arn="a",
                                                     connection_secret_arn="s")
    assert (by_attrs.connection_name, by_attrs.connection_arn, by_attrs.connection_secret_arn) == ("crm", "a", "s")


def test_connections_of_the_target_api_destination_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "ApiDestinationStack")
    Connection(stack, "ApiKeyConnection", description="API key connection",
               authorization=Authorization.api_key("x-api-key", SecretValue.secrets_manager("ApiSecretName")),
               header_parameters={"Accept": HttpParameter.from_string("application/json")},
               query_string_parameters={"version": HttpParameter.from_string("2")},
               body_parameters={"client": HttpParameter.from_secret(SecretValue.secrets_manager("ClientSecret"))})
    Connection(stack, "BasicConnection", connection_name="basic-connection",
               authorization=Authorization.basic("user", SecretValue.unsafe_plain_text("password")))
    Connection(stack, "OAuthConnection", authorization=Authorization.oauth(
        authorization_endpoint="https://auth.example.com/oauth/token", client_id="client",
        client_secret=SecretValue.secrets_manager("OAuthSecret"), http_method=HttpMethod.POST,
        body_parameters={"grant_type": HttpParameter.from_string("client_credentials")},
        header_parameters={"X-Client": HttpParameter.from_string("events")},
        query_string_parameters={"scope": HttpParameter.from_secret(SecretValue.unsafe_plain_text("s"))}))
    assert_same_as_golden(synth_template(app, stack), golden_template("target_api_destination", "ApiDestinationStack"),
                          ids=["ApiKeyConnection3AAAC45F", "BasicConnection17426334", "OAuthConnectionF669F092"])


def test_connection_with_a_json_field_secret_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "ApiDestinationImportStack")
    Connection(stack, "KeyConnection", authorization=Authorization.api_key(
        "Authorization", SecretValue.secrets_manager("crm/api", json_field="token")))
    assert_same_as_golden(synth_template(app, stack),
                          golden_template("api_destination_imports", "ApiDestinationImportStack"),
                          ids=["KeyConnection7B38AF2B"])
