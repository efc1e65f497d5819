"""Helpers of the core tests: reading the compat goldens (the tests skip when they are absent)."""

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
