"""Fixtures of the events-layer tests (helpers live in `events_support`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from events_support import Env


@pytest.fixture
def env(tmp_path: Path) -> Env:
    return Env(tmp_path)


@pytest.fixture(autouse=True)
def _no_cli_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each test starts without the CDK CLI's variables and in an empty folder (no cdk.json)."""
    monkeypatch.delenv("CDK_CONTEXT_JSON", raising=False)
    monkeypatch.delenv("CDK_OUTDIR", raising=False)
    monkeypatch.chdir(tmp_path)
