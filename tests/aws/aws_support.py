"""Helpers of the service-module tests: the compat context and goldens (tests skip without them)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from _corpus import COMPAT
from cdk_events.core import App


def make_app(tmp_path: Path) -> App:
    """An app with the `cdk init` flags and path metadata, as the compat goldens were made."""
    if not COMPAT.exists():
        pytest.fail(f"{COMPAT} (compat context and goldens) is missing")
    context = json.loads((COMPAT / "context.json").read_text())
    context["aws:cdk:enable-path-metadata"] = True
    return App(outdir=str(tmp_path / "out"), context=context)


def golden(app: str, stack: str) -> dict[str, Any]:
    """A golden template of the compat suite."""
    result: dict[str, Any] = json.loads((COMPAT / "goldens" / app / f"{stack}.template.json").read_text())
    return result


def synth(app: App, stack: str) -> dict[str, Any]:
    """Synthesize `app` and return the template of the stack named `stack`."""
    template: dict[str, Any] = app.synth().get_stack_by_name(stack).template
    return template


def by_path(resources: dict[str, Any], path: str) -> dict[str, Any]:
    """The one resource whose `aws:cdk:path` metadata is `path`."""
    found = [r for r in resources.values() if r.get("Metadata", {}).get("aws:cdk:path") == path]
    assert len(found) == 1, f"no resource at {path}"
    resource: dict[str, Any] = found[0]
    return resource
