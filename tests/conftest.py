"""Hygiene of the whole test session.

- `tests/corpus/` holds the compat apps, goldens and conformance cases the tests read (see `_corpus.py`);
  nothing in it is a test module.
- Nothing a test writes is left in the machine's temporary folder: from collection on, `tempfile` (and,
  through `TMPDIR`, every subprocess) points at a folder of the session (`cdk-events-tests-*`), so an
  `App()` whose output folder defaults to a temporary `cdk.out*` folder writes there, and the session
  removes that folder at its end; `tmp_path` folders stay pytest's (it keeps the last three sessions').
  The session then reports any new `cdk.out*` folder in the machine's temporary folder (another process running at the
  same time may have made it; with `CDK_EVENTS_TEST_STRICT_TMP=1` such a folder fails the session).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest

collect_ignore = ["corpus"]

_SYSTEM_TMP = Path(tempfile.gettempdir())
_STARTED = time.time()
_BEFORE = {p.name for p in _SYSTEM_TMP.glob("cdk.out*")}
_LEFT_IN_SYSTEM_TMP: list[str] = []
_SESSION_TMP: Path | None = None
_SAVED: dict[str, str | None] = {}


def pytest_configure(config: pytest.Config) -> None:
    """From collection on, temporary files (also of subprocesses, through TMPDIR) go to a folder of the session;
    pytest's own tmp_path folders stay where they would be (PYTEST_DEBUG_TEMPROOT)."""
    global _SESSION_TMP
    os.environ.setdefault("PYTEST_DEBUG_TEMPROOT", str(_SYSTEM_TMP))
    _SESSION_TMP = Path(tempfile.mkdtemp(prefix="cdk-events-tests-", dir=_SYSTEM_TMP))
    _SAVED.update(tempdir=tempfile.tempdir, TMPDIR=os.environ.get("TMPDIR"))
    tempfile.tempdir = str(_SESSION_TMP)
    os.environ["TMPDIR"] = str(_SESSION_TMP)


def pytest_unconfigure(config: pytest.Config) -> None:
    """Restore the temporary folder and remove the session's."""
    if _SESSION_TMP is None:
        return
    tempfile.tempdir = _SAVED["tempdir"]
    if _SAVED["TMPDIR"] is None:
        os.environ.pop("TMPDIR", None)
    else:
        os.environ["TMPDIR"] = _SAVED["TMPDIR"]
    shutil.rmtree(_SESSION_TMP, ignore_errors=True)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Note any `cdk.out*` folder that appeared in the machine's temporary folder during the session."""
    for path in _SYSTEM_TMP.glob("cdk.out*"):
        try:
            new = path.name not in _BEFORE and path.stat().st_mtime >= _STARTED and path.stat().st_uid == os.getuid()
        except OSError:
            continue
        if new:
            _LEFT_IN_SYSTEM_TMP.append(str(path))
    if _LEFT_IN_SYSTEM_TMP and os.environ.get("CDK_EVENTS_TEST_STRICT_TMP") == "1" and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _LEFT_IN_SYSTEM_TMP:
        terminalreporter.write_sep("=", "cdk.out folders left in the temporary folder", yellow=True)
        terminalreporter.write_line(
            f"{len(_LEFT_IN_SYSTEM_TMP)} new cdk.out* folder(s) in {_SYSTEM_TMP} (from this session, or another "
            "process running at the same time): " + ", ".join(sorted(_LEFT_IN_SYSTEM_TMP)[:5]))
