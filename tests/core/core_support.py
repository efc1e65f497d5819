"""Helpers of the core tests: reading the compat goldens (tests/corpus; a missing golden fails the test)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from _corpus import GOLDENS


def golden_text(app: str, name: str) -> str:
    path = GOLDENS / app / name
    if not path.exists():
        pytest.fail(f"golden {path} is missing")
    return path.read_text(encoding="utf-8")


def golden_json(app: str, name: str) -> Any:
    return json.loads(golden_text(app, name))
