"""Helpers of the Scheduler / Pipes tests: an app with the compat context, synthesis, resources by type."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from _corpus import COMPAT
from cdk_events.core import App, Stack


def make_app(tmp_path: Path) -> App:
    """An app with the `cdk init` flags of the compat suite (plain defaults when it is not there)."""
    context: dict[str, Any] = {}
    if (COMPAT / "context.json").exists():
        context = json.loads((COMPAT / "context.json").read_text())
    return App(outdir=str(tmp_path / "out"), context=context)


def synth(app: App, stack: Stack) -> dict[str, Any]:
    """The template of `stack`."""
    template: dict[str, Any] = app.synth().get_stack_by_name(stack.stack_name).template
    return template


def of_type(template: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    """The resources of `template` of CloudFormation type `kind`, by logical id."""
    return {k: v for k, v in template["Resources"].items() if v["Type"] == kind}


def only(template: dict[str, Any], kind: str) -> dict[str, Any]:
    """The properties of the one resource of type `kind`."""
    found = of_type(template, kind)
    assert len(found) == 1, sorted(found)
    props: dict[str, Any] = next(iter(found.values())).get("Properties", {})
    return props
