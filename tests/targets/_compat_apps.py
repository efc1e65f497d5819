"""Run a compat app (`tests/corpus/compat/apps/<name>.py`) in this process, as `run.py` runs it,
and compare the templates it writes with the aws-cdk-lib 2.275 goldens."""

from __future__ import annotations

import json
import runpy
import sys
from pathlib import Path
from typing import Any

import pytest

import cdk_events.targets
from _corpus import COMPAT, needs_compat

# the compat corpus is in the repository (tests/corpus, see tests/_corpus.py); `needs_shared` stays for the decorators
needs_shared = needs_compat


def _expose_targets(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the targets of this work item reachable as `targets.<Name>` even before
    `cdk_events.targets` exports them."""
    from cdk_events.targets import (
        _api_destination,
        _api_gateway,
        _appsync,
        _codebuild,
        _codepipeline,
        _event_bus,
        _firehose,
        _kinesis,
        _redshift,
        _sfn,
    )

    for module in (_api_destination, _api_gateway, _appsync, _codebuild, _codepipeline, _event_bus, _firehose,
                   _kinesis, _redshift, _sfn):
        for name, value in vars(module).items():
            if isinstance(value, type) and value.__module__ == module.__name__ and not name.startswith("_") \
                    and not hasattr(cdk_events.targets, name):
                monkeypatch.setattr(cdk_events.targets, name, value, raising=False)


def run_app(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Synthesize compat app `name` into `tmp_path` and return that folder."""
    context = json.loads((COMPAT / "context.json").read_text())
    context["aws:cdk:enable-path-metadata"] = True
    context["aws:cdk:version-reporting"] = False
    monkeypatch.setenv("CDK_OUTDIR", str(tmp_path))
    monkeypatch.setenv("CDK_CONTEXT_JSON", json.dumps(context))
    monkeypatch.syspath_prepend(str(COMPAT / "shims" / "cdk_events"))
    monkeypatch.delitem(sys.modules, "cdkapi", raising=False)
    _expose_targets(monkeypatch)
    runpy.run_path(str(COMPAT / "apps" / f"{name}.py"), run_name="__main__")
    return tmp_path


def _without_metadata(template: dict[str, Any]) -> dict[str, Any]:
    template = dict(template)
    template["Resources"] = {k: v for k, v in template.get("Resources", {}).items() if k != "CDKMetadata"}
    template.get("Conditions", {}).pop("CDKMetadataAvailable", None)
    if "Conditions" in template and not template["Conditions"]:
        del template["Conditions"]
    return template


def assert_matches_golden(name: str, out: Path) -> None:
    """Every template of the golden of `name` equals ours (as JSON, without `CDKMetadata`)."""
    goldens = sorted((COMPAT / "goldens" / name).glob("*.template.json"))
    assert goldens, f"no golden templates for {name}"
    for golden in goldens:
        ours = out / golden.name
        assert ours.exists(), f"{name}: we wrote no {golden.name}"
        assert _without_metadata(json.loads(ours.read_text())) == _without_metadata(json.loads(golden.read_text()))


def golden_error(name: str) -> str:
    """The last line of the golden ERROR.txt of `name` (the CDK's message)."""
    return (COMPAT / "goldens" / name / "ERROR.txt").read_text().strip().splitlines()[-1]
