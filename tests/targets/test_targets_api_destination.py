"""The ApiDestination target: the compat apps against the goldens, then the rules of spec §2.2."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from _compat_apps import assert_matches_golden, needs_shared, run_app
from _target_support import unchecked

import cdk_events as events
from cdk_events import core as cdk
from cdk_events.assertions import Template
from cdk_events.core import ValidationError
from cdk_events.targets._api_destination import ApiDestination

ARN = "arn:aws:events:us-east-1:123456789012:api-destination/dest/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"


@needs_shared
@pytest.mark.parametrize("app", ["target_api_destination", "api_destination_imports"])
def test_compat_app_matches_golden(app: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert_matches_golden(app, run_app(app, tmp_path, monkeypatch))


def _target(**props: Any) -> tuple[dict[str, Any], Any]:
    stack = cdk.Stack(cdk.App(), "S")
    connection = events.Connection.from_event_bus_arn(
        stack, "Conn", "arn:aws:events:us-east-1:123456789012:connection/c/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
        "arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/c/abcdef-AbCdEf")
    destination = events.ApiDestination.from_api_destination_attributes(
        stack, "Dest", api_destination_arn=ARN, connection=connection)
    events.Rule(stack, "R", event_pattern=events.EventPattern(source=["a"]),
                targets=[ApiDestination(destination, **props)])
    rule = next(iter(Template.from_stack(stack).find_resources("AWS::Events::Rule").values()))
    return rule["Properties"]["Targets"][0], destination


def test_no_http_parameters_unless_one_is_given() -> None:
    target, destination = _target()
    assert "HttpParameters" not in target
    assert target["Arn"] == ARN
    assert destination.node.try_find_child("EventsRole") is not None


def test_an_empty_mapping_still_writes_http_parameters() -> None:
    target, _ = _target(header_parameters={})
    assert target["HttpParameters"] == {"HeaderParameters": {}}


def test_not_an_api_destination_is_rejected() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    with pytest.raises(ValidationError, match=r"\[S/R\] ApiDestination target: 'api_destination' must be an API "
                                              rf"destination .*got '{ARN}' \(a str\)"):
        events.Rule(stack, "R", event_pattern=events.EventPattern(source=["a"]),
                    targets=[unchecked(ApiDestination, ARN)])
