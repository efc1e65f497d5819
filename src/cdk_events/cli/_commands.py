"""The work behind each `cdk-events` subcommand."""

from __future__ import annotations

import json
import os
import runpy
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from ..core import RECOMMENDED_FEATURE_FLAGS


class UsageError(Exception):
    """Bad command-line input (exit code 2)."""


def _app_path(app: str | None) -> Path:
    if app is None:
        return Path(str(resources.files("cdk_events.cli") / "_quickstart.py"))
    path = Path(app)
    if not path.is_file():
        raise UsageError(f"app file not found: {app}")
    return path


def _parse_context(pairs: Sequence[str]) -> dict[str, Any]:
    context: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise UsageError(f"--context expects KEY=VALUE, got {pair!r}")
        try:
            context[key] = json.loads(value)
        except ValueError:
            context[key] = value
    return context


@contextmanager
def _environment(outdir: Path, context: dict[str, Any]) -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in ("CDK_OUTDIR", "CDK_CONTEXT_JSON")}
    os.environ["CDK_OUTDIR"] = str(outdir)
    from ..core._app import context_from_project

    if saved["CDK_CONTEXT_JSON"]:
        merged = json.loads(saved["CDK_CONTEXT_JSON"])
    elif (Path.cwd() / "cdk.json").is_file():
        merged = context_from_project(Path.cwd())
    else:
        # no CDK project here: behave like a new `cdk init` project (its feature flags)
        merged = dict(RECOMMENDED_FEATURE_FLAGS)
    merged.update(context)
    os.environ["CDK_CONTEXT_JSON"] = json.dumps(merged)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def run_app(app: str | None, outdir: Path, context: dict[str, Any]) -> list[Any]:
    """Run an app file with `CDK_OUTDIR` set; synthesize any App it left unsynthesized; the Apps."""
    from ..core import App

    created: list[App] = []
    original_init = App.__init__

    def tracking_init(self: App, *args: Any, **kwargs: Any) -> None:
        original_init(self, *args, **kwargs)
        created.append(self)

    path = _app_path(app)
    App.__init__ = tracking_init  # type: ignore[method-assign]
    sys.path.insert(0, str(path.resolve().parent))
    try:
        with _environment(outdir, context):
            runpy.run_path(str(path), run_name="__main__")
            for instance in created:
                instance.synth()
    finally:
        App.__init__ = original_init  # type: ignore[method-assign]
        sys.path.pop(0)
    if not created:
        raise UsageError(f"{path} did not create a cdk_events.core.App")
    return created


def command_synth(app: str | None, output: str, context_pairs: Sequence[str]) -> int:
    """`cdk-events synth`: write the assembly and print each stack with its resource count."""
    outdir = Path(output)
    apps = run_app(app, outdir, _parse_context(context_pairs))
    for instance in apps:
        assembly = instance.synth()
        for stack in assembly.stacks:
            count = len(stack.template.get("Resources", {}))
            print(f"{stack.display_name}: {count} resource{'s' if count != 1 else ''} ({stack.template_file})")
        print(f"Cloud assembly written to {assembly.directory}")
    return 0


def command_ls(app: str | None, context_pairs: Sequence[str]) -> int:
    """`cdk-events ls`: print the path of each stack."""
    with tempfile.TemporaryDirectory(prefix="cdk-events-ls-") as tmp:
        apps = run_app(app, Path(tmp) / "cdk.out", _parse_context(context_pairs))
        for instance in apps:
            for stack in instance.synth().stacks:
                print(stack.display_name)
    return 0


def _read_json_text(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    if not path.is_file():
        raise UsageError(f"file not found: {source}")
    return path.read_text()


def command_test_pattern(pattern: str, event: str) -> int:
    """`cdk-events test-pattern`: 0 match, 1 no match, 2 invalid."""
    from ..local import InvalidEventPatternError, test_event_pattern

    pattern_text, event_text = _read_json_text(pattern), _read_json_text(event)
    try:
        matched = test_event_pattern(pattern_text, event_text)
    except InvalidEventPatternError as error:
        raise UsageError(str(error)) from None
    print("match" if matched else "no match")
    return 0 if matched else 1


def command_simulate(app: str, event: str, bus: str | None) -> int:
    """`cdk-events simulate`: print what each matching rule's targets receive."""
    from ..local import InvalidEventPatternError, simulate

    event_text = _read_json_text(event)
    try:
        event_value = json.loads(event_text)
    except ValueError as error:
        raise UsageError(f"event is not valid JSON: {error}") from None
    with tempfile.TemporaryDirectory(prefix="cdk-events-simulate-") as tmp:
        apps = run_app(app, Path(tmp) / "cdk.out", {})
        try:
            result = simulate(apps[0], event_value, bus=bus)
        except InvalidEventPatternError as error:
            raise UsageError(str(error)) from None
    print(json.dumps(result.to_json(), indent=2))
    return 0 if result.matched_rules else 1
