"""Fixtures of the core tests (helpers live in `core_support`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from core_support import golden_text


@pytest.fixture
def golden() -> Any:
    return golden_text


@pytest.fixture(autouse=True)
def _no_cli_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each test starts without the CDK CLI's variables and in an empty folder (no cdk.json)."""
    monkeypatch.delenv("CDK_CONTEXT_JSON", raising=False)
    monkeypatch.delenv("CDK_OUTDIR", raising=False)
    monkeypatch.chdir(tmp_path)
