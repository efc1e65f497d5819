"""logs.LogGroup: retention, removal policy, names and imports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cdk_events.core import App, Stack, ValidationError

COMPAT = Path("/work/shared/compat")


def make_app(tmp_path: Path) -> App:
    if not COMPAT.exists():
        pytest.skip("/work/shared (compat context and goldens) is not available")
    context = json.loads((COMPAT / "context.json").read_text())
    context["aws:cdk:enable-path-metadata"] = True
    return App(outdir=str(tmp_path / "out"), context=context)


def golden(app: str, stack: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((COMPAT / "goldens" / app / f"{stack}.template.json").read_text())
    return result


def synth(app: App, stack: str) -> dict[str, Any]:
    template: dict[str, Any] = app.synth().get_stack_by_name(stack).template
    return template


def by_path(resources: dict[str, Any], path: str) -> dict[str, Any]:
    found = [r for r in resources.values() if r.get("Metadata", {}).get("aws:cdk:path") == path]
    assert len(found) == 1, f"no resource at {path}"
    resource: dict[str, Any] = found[0]
    return resource


from cdk_events.aws import logs  # noqa: E402
from cdk_events.core import CfnOutput, RemovalPolicy  # noqa: E402


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
