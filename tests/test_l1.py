"""The generated L1 classes (`tools/gen_l1.py`): golden rendering, schema coverage, naming, dict props."""



from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from _corpus import GOLDENS
from cdk_events._cfn_generated import (
    CfnApiDestination,
    CfnArchive,
    CfnConnection,
    CfnEndpoint,
    CfnEventBus,
    CfnEventBusPolicy,
    CfnRule,
)
from cdk_events.core import App, CfnOutput, Stack, Tags, Token
from cdk_events.core._cfn_runtime import CfnTag

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = GOLDENS / "l1_classes" / "L1Stack.template.json"

sys.path.insert(0, str(ROOT / "tools"))
gen_l1 = importlib.import_module("gen_l1")


def _ordered(value: Any) -> Any:
    """`value` with dicts turned into lists of items, so that == compares key order too."""
    if isinstance(value, dict):
        return [(k, _ordered(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [_ordered(v) for v in value]
    return value


def _synth(app: App, stack_name: str) -> dict[str, Any]:
    assembly = app.synth()
    del assembly
    return json.loads((Path(app.outdir) / f"{stack_name}.template.json").read_text())  # type: ignore[no-any-return]


def _resources(build: Any, tmp_path: Path) -> dict[str, Any]:
    app = App(outdir=str(tmp_path), context={"aws:cdk:enable-path-metadata": True})
    stack = Stack(app, "S")
    build(stack)
    return _synth(app, "S")["Resources"]  # type: ignore[no-any-return]


# --- (a) the l1_classes compat app --------------------------------------------------------------


def test_l1_classes_app_matches_golden(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path), context={"aws:cdk:enable-path-metadata": True})
    stack = Stack(app, "L1Stack")
    bus = CfnEventBus(stack, "Bus", name="l1-bus", description="created with CfnEventBus")
    CfnRule(
        stack, "Rule", name="l1-rule", state="ENABLED", event_bus_name=bus.ref,
        event_pattern={"source": ["com.example"], "detailType": ["Created"], "account": ["123456789012"]},
        targets=[CfnRule.TargetProperty(
            id="bus-forward", arn=bus.attr_arn,
            retry_policy=CfnRule.RetryPolicyProperty(maximum_retry_attempts=4, maximum_event_age_in_seconds=600))],
    )  # fmt: skip
    CfnEventBusPolicy(
        stack, "Policy", statement_id="AllowAccount", event_bus_name=bus.ref,
        statement={"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::222222222222:root"},
                   "Action": "events:PutEvents", "Resource": bus.attr_arn},
    )  # fmt: skip
    CfnArchive(stack, "Archive", source_arn=bus.attr_arn, archive_name="l1-archive", retention_days=14,
               event_pattern={"source": ["com.example"]})  # fmt: skip
    conn = CfnConnection(
        stack, "Connection", name="l1-connection", authorization_type="API_KEY",
        auth_parameters=CfnConnection.AuthParametersProperty(
            api_key_auth_parameters=CfnConnection.ApiKeyAuthParametersProperty(
                api_key_name="x-api-key", api_key_value="secret")),
    )  # fmt: skip
    CfnApiDestination(
        stack, "Destination", connection_arn=conn.attr_arn, http_method="PUT",
        invocation_endpoint="https://example.com/hook", invocation_rate_limit_per_second=5, name="l1-destination",
    )  # fmt: skip
    CfnEndpoint(
        stack, "Endpoint", name="l1-endpoint",
        routing_config=CfnEndpoint.RoutingConfigProperty(failover_config=CfnEndpoint.FailoverConfigProperty(
            primary=CfnEndpoint.PrimaryProperty(
                health_check="arn:aws:route53:::healthcheck/abcdef01-2345-6789-abcd-ef0123456789"),
            secondary=CfnEndpoint.SecondaryProperty(route="us-west-2"))),
        event_buses=[
            CfnEndpoint.EndpointEventBusProperty(event_bus_arn="arn:aws:events:us-east-1:123456789012:event-bus/global"),
            CfnEndpoint.EndpointEventBusProperty(event_bus_arn="arn:aws:events:us-west-2:123456789012:event-bus/global"),
        ],
        replication_config=CfnEndpoint.ReplicationConfigProperty(state="DISABLED"),
    )  # fmt: skip
    CfnOutput(stack, "BusName", value=bus.attr_name)

    ours = _synth(app, "L1Stack")
    golden = json.loads(GOLDEN.read_text())
    assert _ordered(ours["Resources"]) == _ordered(golden["Resources"])
    assert ours["Outputs"] == golden["Outputs"]


# --- (b) every schema property is a keyword --------------------------------------------------------


def _all_classes() -> list[tuple[str, type]]:
    out = []
    for rel, type_names in gen_l1.MODULES.items():
        module_name = rel.removeprefix("src/").removesuffix(".py").replace("/", ".")
        module = importlib.import_module(module_name)
        for type_name in type_names:
            out.append((type_name, getattr(module, "Cfn" + type_name.split("::")[-1])))
    return out


@pytest.mark.parametrize(("type_name", "cls"), _all_classes(), ids=lambda x: x if isinstance(x, str) else "")
def test_class_covers_schema_properties(type_name: str, cls: type) -> None:
    import inspect

    schema = gen_l1.load_schema(type_name)
    read_only = {p.removeprefix("/properties/") for p in schema.get("readOnlyProperties", [])}
    expected = {gen_l1.py_name(name) for name in schema["properties"] if name not in read_only}
    params = inspect.signature(cls.__init__).parameters  # type: ignore[misc]
    keywords = {n for n, p in params.items() if p.kind is inspect.Parameter.KEYWORD_ONLY}
    assert keywords == expected
    assert type_name == cls.CFN_RESOURCE_TYPE_NAME  # type: ignore[attr-defined]


def test_rendered_property_names_are_the_schema_names(tmp_path: Path) -> None:
    schema = gen_l1.load_schema("AWS::Events::Connection")
    read_only = {p.removeprefix("/properties/") for p in schema.get("readOnlyProperties", [])}
    writable = sorted(n for n in schema["properties"] if n not in read_only)

    def build(stack: Stack) -> None:
        kwargs = {gen_l1.py_name(n): Token.as_any(f"v-{n}") for n in writable}  # (any type: a token)
        CfnConnection(stack, "C", **kwargs)

    props = _resources(build, tmp_path)["C"]["Properties"]
    assert list(props) == writable
    assert list(props) == sorted(props)


# --- (c) naming -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cfn", "python"),
    [
        ("EventBusName", "event_bus_name"),
        ("KmsKeyIdentifier", "kms_key_identifier"),
        ("InvocationRateLimitPerSecond", "invocation_rate_limit_per_second"),
        ("ClientID", "client_id"),
        ("Arn", "arn"),
        ("SageMakerPipelineParameters", "sage_maker_pipeline_parameters"),
        ("AppSyncParameters", "app_sync_parameters"),
        ("GraphQLOperation", "graph_ql_operation"),
        ("EnableECSManagedTags", "enable_ecs_managed_tags"),
        ("S3Bucket", "s3_bucket"),
        ("SourceKMSKeyArn", "source_kms_key_arn"),
        ("CidrIpv6", "cidr_ipv6"),
        ("PrincipalOrgID", "principal_org_id"),
        ("ProviderARNs", "provider_arns"),
    ],
)
def test_snake_case_names(cfn: str, python: str) -> None:
    assert gen_l1.py_name(cfn) == python


def test_attribute_and_nested_names() -> None:
    assert gen_l1.attr_name("ArnForPolicy") == "attr_arn_for_policy"
    assert gen_l1.attr_name("SnapStartResponse.ApplyOn") == "attr_snap_start_response_apply_on"
    assert hasattr(CfnConnection, "attr_secret_arn")
    assert hasattr(CfnEventBus, "attr_name")
    assert hasattr(CfnRule, "attr_arn")
    for name in (
        "TargetProperty",
        "RetryPolicyProperty",
        "EcsParametersProperty",
        "DeadLetterConfigProperty",
    ):
        assert hasattr(CfnRule, name)
    assert hasattr(CfnConnection, "InvocationConnectivityParametersProperty")
    assert hasattr(CfnEventBus, "LogConfigProperty")
    fields = set(CfnRule.TargetProperty._CFN_NAMES)
    assert {"arn", "id", "role_arn", "ecs_parameters", "sqs_parameters", "app_sync_parameters",
            "redshift_data_parameters", "sage_maker_pipeline_parameters", "dead_letter_config"} <= fields  # fmt: skip


# --- (d) dict props, mutation, tags -------------------------------------------------------------------


def test_dict_props_are_reordered_and_converted(tmp_path: Path) -> None:
    """Dicts inside L1 property values are read by their camelCase (or CloudFormation) names and
    rendered in CloudFormation's alphabetical order."""
    def build(stack: Stack) -> None:
        CfnRule(stack, "R", targets=[{
            "roleArn": "arn:role", "Id": "t1", "arn": "arn:target",
            "retryPolicy": {"maximumRetryAttempts": 2, "MaximumEventAgeInSeconds": 60},
            "ecsParameters": {"taskDefinitionArn": "arn:td", "TaskCount": 1,
                              "networkConfiguration": {"awsVpcConfiguration": {
                                  "subnets": ["s-1"], "AssignPublicIp": "ENABLED"}}},
            "inputTransformer": {"inputTemplate": "<x>", "inputPathsMap": {"x": "$.detail.x"}},
        }])  # fmt: skip

    target = _resources(build, tmp_path)["R"]["Properties"]["Targets"][0]
    assert _ordered(target) == _ordered({
        "Arn": "arn:target",
        "EcsParameters": {
            "NetworkConfiguration": {"AwsVpcConfiguration": {"AssignPublicIp": "ENABLED", "Subnets": ["s-1"]}},
            "TaskCount": 1,
            "TaskDefinitionArn": "arn:td",
        },
        "Id": "t1",
        "InputTransformer": {"InputPathsMap": {"x": "$.detail.x"}, "InputTemplate": "<x>"},
        "RetryPolicy": {"MaximumEventAgeInSeconds": 60, "MaximumRetryAttempts": 2},
        "RoleArn": "arn:role",
    })  # fmt: skip


def test_snake_case_keys_inside_property_dicts_are_dropped_as_aws_cdk_lib_drops_them(tmp_path: Path) -> None:
    """jsii hands a dict inside a property value to the CDK unconverted and the CDK reads camelCase
    names only: `retry_policy={"maximum_retry_attempts": 2}` renders `RetryPolicy: {}` in aws-cdk-lib
    (the porting suite's core_dict_structs golden); single-word keys are the same in both spellings."""
    from cdk_events import CfnRule as Rule

    def build(stack: Stack) -> None:
        CfnRule(stack, "R", targets=[Rule.TargetProperty(
            arn="arn:target", id="t1", retry_policy={"maximum_retry_attempts": 2, "maximum_event_age_in_seconds": 60},
            dead_letter_config={"arn": "arn:dlq"})])

    target = _resources(build, tmp_path)["R"]["Properties"]["Targets"][0]
    assert target["RetryPolicy"] == {}
    assert target["DeadLetterConfig"] == {"Arn": "arn:dlq"}


def test_unknown_dict_key_is_rejected(tmp_path: Path) -> None:
    def build(stack: Stack) -> None:
        CfnRule(stack, "R", targets=[{"id": "a", "arn": "b", "bogus": 1}])

    with pytest.raises(Exception, match="bogus"):
        _resources(build, tmp_path)


def test_free_form_json_and_detail_type(tmp_path: Path) -> None:
    pattern = {"detail": {"detailType": ["kept"], "b": 1, "a": 2}, "detailType": ["X"], "source": ["s"]}

    def build(stack: Stack) -> None:
        CfnRule(stack, "R", event_pattern=pattern)
        CfnArchive(stack, "A", source_arn="arn:bus", event_pattern=pattern)
        CfnEventBus(stack, "B", name="b", policy={"Z": 1, "A": 2})

    res = _resources(build, tmp_path)
    rule_pattern = res["R"]["Properties"]["EventPattern"]
    assert list(rule_pattern) == ["detail", "source", "detail-type"]
    assert list(rule_pattern["detail"]) == ["detailType", "b", "a"]
    assert list(res["A"]["Properties"]["EventPattern"]) == ["detail", "detailType", "source"]
    assert list(res["B"]["Properties"]["Policy"]) == ["Z", "A"]
    assert list(pattern) == ["detail", "detailType", "source"]  # the given dict is not changed


def test_properties_are_mutable(tmp_path: Path) -> None:
    def build(stack: Stack) -> None:
        rule = CfnRule(stack, "R", name="n")
        rule.description = "later"
        rule.targets = [CfnRule.TargetProperty(id="i", arn="a")]

    props = _resources(build, tmp_path)["R"]["Properties"]
    assert props == {"Description": "later", "Name": "n", "Targets": [{"Arn": "a", "Id": "i"}]}


def test_tags_merge_with_tag_aspects(tmp_path: Path) -> None:
    from cdk_events.aws.sqs._cfn_generated import CfnQueue

    def build(stack: Stack) -> None:
        rule = CfnRule(stack, "R", tags=[CfnTag(key="b", value="1"), {"Key": "a", "Value": "2"}])
        Tags.of(rule).add("c", "3")
        CfnQueue(stack, "Q", tags=[{"key": "z", "value": "9"}, CfnTag(key="y", value="8")])

    res = _resources(build, tmp_path)
    assert res["R"]["Properties"]["Tags"] == [
        {"Key": "a", "Value": "2"},
        {"Key": "b", "Value": "1"},
        {"Key": "c", "Value": "3"},
    ]
    assert res["Q"]["Properties"]["Tags"] == [{"Key": "y", "Value": "8"}, {"Key": "z", "Value": "9"}]


def test_generated_files_are_up_to_date() -> None:
    import shutil
    import subprocess

    # gen_l1 formats its output with ruff (the `lint` extra); with only `[test]` installed there is none
    if not Path(sys.executable).with_name("ruff").exists() and shutil.which("ruff") is None:
        pytest.skip("ruff is not installed (pip install -e '.[lint]'): tools/gen_l1.py formats with it")
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_l1.py"), "--check"],
                            capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
