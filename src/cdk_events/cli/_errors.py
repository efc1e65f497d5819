"""The two kinds of failure the command reports on one line, and the input-file checks they share.

Exit codes: 0 success (or "matched"), 1 failure or "not matched", 2 bad input of any kind.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2

REPORTED_ENV = "CDK_EVENTS_REPORTED"
"""Where the app runner (`_run_app`) writes the error it printed, so that it is not reported twice."""


class UsageError(Exception):
    """Bad command-line input: a missing or unreadable file, a folder given as a file, invalid JSON,
    an invalid pattern, an unknown bus (exit code 2)."""


class CommandFailed(Exception):
    """The app or the synthesis failed (exit code 1); the message is one line (or already printed)."""

    def __init__(self, message: str = "", *, printed: bool = False) -> None:
        super().__init__(message)
        self.printed = printed


def check_file(source: str, what: str) -> Path:
    """The path of an input file that must exist and be a regular file, else a `UsageError` naming it."""
    path = Path(source)
    if path.is_dir():
        raise UsageError(f"{what} {source} is a folder, not a file")
    if not path.exists():
        raise UsageError(f"{what} not found: {source}")
    if not path.is_file():
        raise UsageError(f"{what} {source} is not a regular file")
    return path


def read_text(source: str, what: str) -> str:
    """The text of an input file, or of standard input for `-`."""
    if source == "-":
        return sys.stdin.read()
    path = check_file(source, what)
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"cannot read {what} {source}: {error}") from None


def read_json(source: str, what: str) -> tuple[str, Any]:
    """The text and the parsed value of a JSON input file (or `-`); invalid JSON is a `UsageError`."""
    text = read_text(source, what)
    try:
        return text, json.loads(text)
    except ValueError as error:
        name = "standard input" if source == "-" else source
        raise UsageError(f"{what} {name} is not valid JSON: {error}") from None
