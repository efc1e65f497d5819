"""Exit codes: 0 matched / success, 1 not matched or failed, 2 any bad input, each with a one-line
message naming the file or argument."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli_commands import EVENT, SIMULATE_APP

from conftest import Cli

PATTERN = {"source": ["com.example.orders"]}


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "event.json").write_text(json.dumps(EVENT))
    (tmp_path / "pattern.json").write_text(json.dumps(PATTERN))
    (tmp_path / "app.py").write_text(SIMULATE_APP)
    (tmp_path / "broken.json").write_text('{"source": [')
    (tmp_path / "folder").mkdir()
    return tmp_path


@pytest.mark.parametrize(("args", "message"), [
    (["test-pattern", "nope.json", "event.json"], "pattern not found: nope.json"),
    (["test-pattern", "pattern.json", "nope.json"], "event not found: nope.json"),
    (["test-pattern", "folder", "event.json"], "pattern folder is a folder, not a file"),
    (["test-pattern", "pattern.json", "folder"], "event folder is a folder, not a file"),
    (["simulate", "app.py", "folder"], "event folder is a folder, not a file"),
    (["synth", "nope.py"], "app file not found: nope.py"),
    (["synth", "folder"], "app folder is a folder, not a Python file (nor a cloud assembly: it has no manifest.json)"),
    (["simulate", "folder", "event.json"],
     "app folder is a folder, not a Python file (nor a cloud assembly: it has no manifest.json)"),
    (["synth", "pattern.json"], "app pattern.json is a JSON file, not a Python app (for a pattern and an event use "
                                "`cdk-events test-pattern PATTERN EVENT`)"),
    (["ls", "event.json"], "app event.json is a JSON file, not a Python app (for a pattern and an event use "
                           "`cdk-events test-pattern PATTERN EVENT`)"),
])
def test_missing_files_and_folders_are_bad_input(cli: Cli, files: Path, args: list[str], message: str) -> None:
    result = cli(*args)
    assert (result.code, result.err) == (2, f"cdk-events: {message}\n")


def test_invalid_json_names_the_file(cli: Cli, files: Path) -> None:
    as_pattern = cli("test-pattern", "broken.json", "event.json")
    assert as_pattern.code == 2
    assert as_pattern.err.startswith("cdk-events: pattern broken.json is not valid JSON: ")
    as_event = cli("simulate", "app.py", "broken.json")
    assert as_event.code == 2
    assert as_event.err.startswith("cdk-events: event broken.json is not valid JSON: ")
    from_stdin = cli("test-pattern", "pattern.json", "-", stdin="{")
    assert from_stdin.err.startswith("cdk-events: event standard input is not valid JSON: ")
    assert len(from_stdin.err.splitlines()) == 1


def test_an_invalid_event_says_which_field_is_missing(cli: Cli, files: Path) -> None:
    event = {k: v for k, v in EVENT.items() if k not in ("time", "detail-type")}
    (files / "partial.json").write_text(json.dumps(event))
    for args in (["test-pattern", "pattern.json", "partial.json"], ["simulate", "app.py", "partial.json"]):
        result = cli(*args)
        assert (result.code, result.err) == (2, (
            'cdk-events: event partial.json: Parameter Event is not valid. Reason: the event has no "time", '
            '"detail-type" (TestEventPattern requires id, account, source, time, region and detail-type)\n'))
    (files / "list.json").write_text("[1]")
    result = cli("test-pattern", "pattern.json", "list.json")
    assert (result.code, result.err) == (
        2, "cdk-events: event list.json: Parameter Event is not valid. Reason: the event is a JSON array, "
           "not an object\n")


def test_an_unknown_bus_lists_the_buses_that_exist(cli: Cli, files: Path) -> None:
    result = cli("simulate", "app.py", "event.json", "--bus", "nosuch")
    assert (result.code, result.out) == (2, "")
    assert result.err == "cdk-events: no bus 'nosuch': the buses are default, orders\n"
    for name in ("orders", "OrdersBus", "default"):  # bus name, construct id
        assert cli("simulate", "app.py", "event.json", "--bus", name).code == 0


def test_usage_errors_exit_2(cli: Cli, files: Path) -> None:
    assert cli().code == 2
    assert cli("frobnicate").code == 2
    assert cli("test-pattern", "pattern.json").code == 2
    assert cli("graph", "--format", "png").code == 2
    both = cli("test-pattern", "-", "-", stdin="{}")
    assert (both.code, both.err) == (2, "cdk-events: PATTERN and EVENT cannot both be - (standard input)\n")
    twice = cli("synth", "app.py", "--app", "other.py")
    assert (twice.code, twice.err) == (2, "cdk-events: give the app once: APP (app.py) or --app (other.py), not both\n")


def test_match_and_no_match(cli: Cli, files: Path) -> None:
    assert (cli("test-pattern", "pattern.json", "event.json").code, cli("simulate", "app.py", "event.json").code) \
        == (0, 0)
    (files / "other.json").write_text(json.dumps(dict(EVENT, source="elsewhere")))
    assert (cli("test-pattern", "pattern.json", "other.json").code, cli("simulate", "app.py", "other.json").code) \
        == (1, 1)
