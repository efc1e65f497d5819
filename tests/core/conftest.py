"""Shared helpers of the core tests: the compat goldens and a small app factory."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

GOLDENS = Path(__file__).resolve().parents[2].parent / "shared" / "compat" / "goldens"


def golden_text(app: str, name: str) -> str:
    path = GOLDENS / app / name
    if not path.exists():
        pytest.skip(f"golden {app}/{name} not available")
    return path.read_text(encoding="utf-8")


def golden_json(app: str, name: str) -> Any:
    return json.loads(golden_text(app, name))


@pytest.fixture
def golden() -> Any:
    return golden_text


@pytest.fixture(autouse=True)
def _no_cli_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each test starts without the CDK CLI's variables and in an empty folder (no cdk.json)."""
    monkeypatch.delenv("CDK_CONTEXT_JSON", raising=False)
    monkeypatch.delenv("CDK_OUTDIR", raising=False)
    monkeypatch.chdir(tmp_path)
