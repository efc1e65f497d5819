"""Helpers of the events-layer tests: tiny apps, synthesis, and the compat goldens.

Expected values come from the spec (`shared/spec/cdk-events-inventory.md`) or from the goldens
that aws-cdk-lib 2.275 wrote (`tests/corpus/compat/goldens`, see `tests/_corpus.py`); a golden that is
missing fails the test.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from _corpus import COMPAT, GOLDENS
from cdk_events.core import RECOMMENDED_FEATURE_FLAGS, App, Stack


def cdk_init_context() -> dict[str, Any]:
    """The feature flags of a new `cdk init` project (the compat context, else our recommended subset)."""
    path = COMPAT / "context.json"
    if path.is_file():
        return dict(json.loads(path.read_text(encoding="utf-8")))
    return dict(RECOMMENDED_FEATURE_FLAGS)


def golden_context() -> dict[str, Any]:
    """The context the goldens were made with: the `cdk init` flags plus path metadata."""
    if not (COMPAT / "context.json").is_file():
        pytest.fail(f"{COMPAT / 'context.json'} is missing (the compat corpus)")
    return {**cdk_init_context(), "aws:cdk:enable-path-metadata": True, "aws:cdk:version-reporting": False}


def golden_template(app_name: str, stack_id: str) -> dict[str, Any]:
    """The template aws-cdk-lib 2.275 wrote for a compat app."""
    path = GOLDENS / app_name / f"{stack_id}.template.json"
    if not path.is_file():
        pytest.fail(f"golden {path} is missing")
    return dict(json.loads(path.read_text(encoding="utf-8")))


def golden_error(app_name: str) -> str:
    path = GOLDENS / app_name / "ERROR.txt"
    if not path.is_file():
        pytest.fail(f"golden {path} is missing")
    return path.read_text(encoding="utf-8")


def synth_template(app: App, stack: Stack) -> dict[str, Any]:
    """Synthesize `app` and return `stack`'s template."""
    return dict(app.synth().get_stack_artifact(stack.artifact_id).template)


def resources_of(template: dict[str, Any], cfn_type: str) -> dict[str, Any]:
    return {k: v for k, v in template.get("Resources", {}).items() if v.get("Type") == cfn_type}


def assert_same_as_golden(ours: dict[str, Any], golden: dict[str, Any], *, ids: list[str] | None = None) -> None:
    """Our template equals the golden's (all resources, or those in `ids`), CDKMetadata aside."""
    golden_resources = {k: v for k, v in golden.get("Resources", {}).items() if k != "CDKMetadata"}
    our_resources = {k: v for k, v in ours.get("Resources", {}).items() if k != "CDKMetadata"}
    whole = ids is None
    if ids is None:
        assert sorted(our_resources) == sorted(golden_resources)
        ids = list(golden_resources)
    for logical_id in ids:
        assert our_resources.get(logical_id) == golden_resources[logical_id], logical_id
    if whole:
        assert ours.get("Outputs") == golden.get("Outputs")


class Env:
    """A tiny app factory bound to a test's temporary folder."""

    def __init__(self, tmp_path: Path):
        self.tmp_path = tmp_path
        self._count = 0

    def app(self, context: dict[str, Any] | None = None, *, golden: bool = False) -> App:
        self._count += 1
        ctx = {**golden_context(), **(context or {})} if golden else dict(context or {})
        return App(outdir=str(self.tmp_path / f"out{self._count}"), context=ctx)


def make_event(**fields: Any) -> dict[str, Any]:
    """A complete EventBridge event (the local engine, like TestEventPattern, requires the envelope)."""
    event: dict[str, Any] = {
        "version": "0", "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718", "detail-type": "Test", "source": "com.example",
        "account": "123456789012", "time": "2024-01-01T00:00:00Z", "region": "us-east-1", "resources": [],
        "detail": {},
    }
    for key, value in fields.items():
        event["detail-type" if key == "detail_type" else key] = value
    return event
