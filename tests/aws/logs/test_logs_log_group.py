"""logs.LogGroup: retention, removal policy, names and imports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from aws_support import by_path, golden, make_app, synth

from cdk_events.aws import logs
from cdk_events.core import CfnOutput, RemovalPolicy, Stack, ValidationError


def test_owned_log_group_matches_golden(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "OwnedResourceStack")
    group = logs.LogGroup(stack, "Logs", log_group_name="/events/compat", retention=logs.RetentionDays.TWO_WEEKS,
                          removal_policy=RemovalPolicy.DESTROY)
    CfnOutput(stack, "LogGroupArn", value=group.log_group_arn)
    ours = synth(app, "OwnedResourceStack")
    expected = golden("owned_resources", "OwnedResourceStack")
    assert ours["Resources"]["Logs6819BB44"] == expected["Resources"]["Logs6819BB44"]
    assert ours["Outputs"]["LogGroupArn"] == expected["Outputs"]["LogGroupArn"]


def test_defaults_and_infinite(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    logs.LogGroup(stack, "Default")
    logs.LogGroup(stack, "Forever", retention=logs.RetentionDays.INFINITE)
    resources = synth(app, "S")["Resources"]
    default = by_path(resources, "S/Default/Resource")
    assert default["Properties"] == {"RetentionInDays": 731}
    assert (default["DeletionPolicy"], default["UpdateReplacePolicy"]) == ("Retain", "Retain")
    assert "Properties" not in by_path(resources, "S/Forever/Resource")


def test_imports(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    arn = "arn:aws:logs:us-east-1:123456789012:log-group:/my/group:*"
    by_arn = logs.LogGroup.from_log_group_arn(stack, "ByArn", arn)
    assert by_arn.log_group_name == "/my/group"
    assert by_arn.log_group_arn == "arn:aws:logs:us-east-1:123456789012:log-group:/my/group:*"
    by_name = logs.LogGroup.from_log_group_name(stack, "ByName", "/other")
    assert by_name.log_group_name == "/other"


@pytest.mark.parametrize(("props", "message"), [
    ({"retention": 14}, "[S/L] 'retention' must be one of RetentionDays.ONE_DAY"),
    ({"log_group_name": "bad name"}, "Invalid log_group_name 'bad name'"),
    ({"removal_policy": "retain"}, "'removal_policy' must be one of RemovalPolicy.DESTROY"),
])
def test_invalid_props_are_rejected(tmp_path: Path, props: dict[str, Any], message: str) -> None:
    app = make_app(tmp_path)
    stack = Stack(app, "S")
    with pytest.raises(ValidationError) as error:
        logs.LogGroup(stack, "L", **props)
    assert message in str(error.value)
