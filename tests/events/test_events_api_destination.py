"""`ApiDestination` and `HttpMethod` (spec §1.12) and the destinations of the compat goldens
`target_api_destination` and `api_destination_imports`.
"""

from __future__ import annotations

import pytest
from events_support import assert_same_as_golden, golden_template, synth_template

from cdk_events import ApiDestination, Authorization, Connection, HttpMethod
from cdk_events.core import CfnOutput, SecretValue, Stack, ValidationError


def _connection(stack, id="Conn"):
    return Connection(stack, id, authorization=Authorization.api_key("k", SecretValue.unsafe_plain_text("v")))


def test_defaults_to_post_and_renders_in_cfn_order(env):
    app = env.app()
    stack = Stack(app, "S")
    ApiDestination(stack, "D", connection=_connection(stack), endpoint="https://example.com",
                   description="d", rate_limit_per_second=10, api_destination_name="dest")
    props = synth_template(app, stack)["Resources"]["DApiDestination" +
                                                    _suffix("D/ApiDestination")]["Properties"]
    assert props == {
        "ConnectionArn": {"Fn::GetAtt": ["ConnConnection" + _suffix("Conn/Connection"), "Arn"]},
        "Description": "d",
        "HttpMethod": "POST",
        "InvocationEndpoint": "https://example.com",
        "InvocationRateLimitPerSecond": 10,
        "Name": "dest",
    }


def _suffix(path: str) -> str:
    """The logical-id hash of spec §4.1 (MD5 of the path, 8 upper-case hex digits)."""
    import hashlib

    return hashlib.md5(path.encode()).hexdigest()[:8].upper()


@pytest.mark.parametrize("method", list(HttpMethod))
def test_every_http_method(env, method):
    app = env.app()
    stack = Stack(app, "S")
    ApiDestination(stack, "D", connection=_connection(stack), endpoint="https://e", http_method=method)
    props = synth_template(app, stack)["Resources"]["DApiDestination" + _suffix("D/ApiDestination")]["Properties"]
    assert props["HttpMethod"] == method.value


def test_attributes(env):
    app = env.app()
    stack = Stack(app, "S")
    dest = ApiDestination(stack, "D", connection=_connection(stack), endpoint="https://e")
    CfnOutput(stack, "Name", value=dest.api_destination_name)
    CfnOutput(stack, "Arn", value=dest.api_destination_arn)
    logical_id = "DApiDestination" + _suffix("D/ApiDestination")
    assert synth_template(app, stack)["Outputs"] == {
        "Name": {"Value": {"Ref": logical_id}}, "Arn": {"Value": {"Fn::GetAtt": [logical_id, "Arn"]}}}


def test_connection_must_be_a_connection(env):
    stack = Stack(env.app(), "S")
    with pytest.raises(ValidationError) as error:
        ApiDestination(stack, "D", connection=object(), endpoint="https://e")  # type: ignore[arg-type]
    assert str(error.value) == "[S/D] 'connection' instance should implement IConnection, but doesn't: object"


def test_http_method_must_be_an_http_method(env):
    stack = Stack(env.app(), "S")
    with pytest.raises(ValidationError, match=r"^\[S/D\] 'http_method' must be an HttpMethod \(e\.g\. "
                                              r"HttpMethod\.POST\), got 'GET'$"):
        ApiDestination(stack, "D", connection=_connection(stack), endpoint="https://e",
                       http_method="GET")  # type: ignore[arg-type]


def test_rate_limit_must_be_positive(env):
    stack = Stack(env.app(), "S")
    with pytest.raises(ValidationError, match=r"^\[S/D\] 'rate_limit_per_second' must be at least 1, got 0$"):
        ApiDestination(stack, "D", connection=_connection(stack), endpoint="https://e", rate_limit_per_second=0)


def test_import_takes_the_name_from_the_arn(env):
    stack = Stack(env.app(), "S")
    dest = ApiDestination.from_api_destination_attributes(
        stack, "Imported", connection=_connection(stack),
        api_destination_arn="arn:aws:events:us-east-1:123456789012:api-destination/partner-dest/0a1b")
    assert dest.api_destination_name == "partner-dest/0a1b"


def test_import_without_a_name_in_the_arn_is_rejected(env):
    stack = Stack(env.app(), "S")
    arn = "arn:aws:events:us-east-1:123456789012:api-destination"
    with pytest.raises(ValidationError) as error:
        ApiDestination.from_api_destination_attributes(stack, "Imported", connection=_connection(stack),
                                                       api_destination_arn=arn)
    assert str(error.value).startswith(f"[S/Imported] Could not extract Api Destionation name from ARN: '{arn}'")


def test_destinations_of_the_target_api_destination_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "ApiDestinationStack")
    api_key_conn = Connection(
        stack, "ApiKeyConnection", description="API key connection",
        authorization=Authorization.api_key("x-api-key", SecretValue.secrets_manager("ApiSecretName")))
    basic_conn = Connection(stack, "BasicConnection", connection_name="basic-connection",
                            authorization=Authorization.basic("user", SecretValue.unsafe_plain_text("password")))
    oauth_conn = Connection(stack, "OAuthConnection", authorization=Authorization.oauth(
        authorization_endpoint="https://auth.example.com/oauth/token", client_id="client",
        client_secret=SecretValue.secrets_manager("OAuthSecret"), http_method=HttpMethod.POST))
    ApiDestination(stack, "Destination", connection=api_key_conn, endpoint="https://httpbin.org/post/*",
                   description="Calling example.com", http_method=HttpMethod.POST, rate_limit_per_second=10)
    ApiDestination(stack, "BasicDestination", connection=basic_conn, endpoint="https://example.com",
                   api_destination_name="basic-destination")
    ApiDestination(stack, "OAuthDestination", connection=oauth_conn, endpoint="https://example.com/oauth",
                   http_method=HttpMethod.PUT)
    assert_same_as_golden(synth_template(app, stack), golden_template("target_api_destination", "ApiDestinationStack"),
                          ids=["DestinationApiDestinationA879FAE5", "BasicDestinationApiDestination12D47C01",
                               "OAuthDestinationApiDestination2EC79180"])


def test_owned_destinations_and_imports_of_the_api_destination_imports_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "ApiDestinationImportStack")
    conn = Connection.from_event_bus_arn(
        stack, "ByArn",
        "arn:aws:events:us-east-1:123456789012:connection/partner-conn/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
        "arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/partner-conn/abcdef-AbCdEf")
    conn2 = Connection.from_connection_attributes(
        stack, "ByAttrs", connection_name="crm",
        connection_arn="arn:aws:events:us-east-1:123456789012:connection/crm/11111111-2222-3333-4444-555555555555",
        connection_secret_arn="arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/crm/xyz-123456")
    dest = ApiDestination.from_api_destination_attributes(
        stack, "Imported", connection=conn,
        api_destination_arn="arn:aws:events:us-east-1:123456789012:api-destination/partner-dest/"
                            "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d")
    key_conn = Connection(stack, "KeyConnection", authorization=Authorization.api_key(
        "Authorization", SecretValue.secrets_manager("crm/api", json_field="token")))
    for method in [HttpMethod.GET, HttpMethod.DELETE, HttpMethod.PATCH]:
        ApiDestination(stack, f"Dest{method.value}", connection=key_conn, http_method=method,
                       endpoint=f"https://api.example.com/{method.value.lower()}/*")
    CfnOutput(stack, "ImportedConnectionName", value=conn2.connection_name)
    CfnOutput(stack, "ImportedDestinationName", value=dest.api_destination_name)
    golden = golden_template("api_destination_imports", "ApiDestinationImportStack")
    ours = synth_template(app, stack)
    assert_same_as_golden(ours, golden, ids=["KeyConnection7B38AF2B", "DestGETApiDestination88F6EFB9",
                                             "DestDELETEApiDestinationC1A7A615", "DestPATCHApiDestinationB3148848"])
    assert ours["Outputs"] == golden["Outputs"]
