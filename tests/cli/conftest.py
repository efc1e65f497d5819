"""`cli`: run `cdk-events` in-process in a clean temporary project folder and capture what it prints
(the app's process too: capture is at the file-descriptor level)."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from cdk_events.cli import main


@dataclass
class Ran:
    """What one `cdk-events` run returned and printed."""

    code: int
    out: str
    err: str


Cli = Callable[..., Ran]


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]) -> Cli:
    """`cli("synth", "app.py", stdin=None)` runs `cdk-events synth app.py` in `tmp_path`."""
    import os

    for name in list(os.environ):
        if name.startswith("CDK_") or name in ("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_CONFIG_FILE"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # no ~/.cdk.json or ~/.aws/config of the machine
    monkeypatch.chdir(tmp_path)

    def run(*args: str, stdin: str | None = None) -> Ran:
        capfd.readouterr()
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = main(list(args))
        out, err = capfd.readouterr()
        return Ran(code, out, err)

    return run
