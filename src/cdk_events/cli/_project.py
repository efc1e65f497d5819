"""Which app to run, with which context and environment: the CDK CLI's rules.

As `cdk synth` does: the settings come from `~/.cdk.json`, then `cdk.json`, then the command line;
the context from `~/.cdk.json`'s `context`, `cdk.context.json`, `cdk.json`'s `context` and `-c`
(later ones win; `-c` values are strings); the CLI's own context keys (path and asset metadata,
version reporting, bundling stacks) are added; the app gets it all in `CDK_CONTEXT_JSON`, with
`CDK_OUTDIR` and `CDK_DEFAULT_REGION`. Nothing else is injected: an app run by `cdk-events` sees
what it sees under `cdk synth`.
"""

from __future__ import annotations

import configparser
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ._errors import UsageError

PROJECT_CONFIG = "cdk.json"
PROJECT_CONTEXT = "cdk.context.json"
USER_DEFAULTS = "~/.cdk.json"

CONTEXT_ENV = "CDK_CONTEXT_JSON"
OUTDIR_ENV = "CDK_OUTDIR"
DEFAULT_REGION_ENV = "CDK_DEFAULT_REGION"
DEFAULT_OUTPUT = "cdk.out"


def quickstart_path() -> Path:
    """The built-in example app (`QuickstartStack`), run where there is neither APP nor cdk.json."""
    return Path(str(resources.files("cdk_events.cli") / "_quickstart.py"))


def _read_config(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise UsageError(f"cannot read {path}: {error}") from None
    if not isinstance(value, dict):
        raise UsageError(f"{path} must hold a JSON object")
    return value


def _context_of(config: dict[str, Any], path: Path) -> dict[str, Any]:
    context = config.get("context", {})
    if not isinstance(context, dict):
        raise UsageError(f"'context' in {path} must be a JSON object")
    for key in ("default-account", "default-region"):
        if key in context:
            raise UsageError(f"The 'context.{key}' key was found in {path.resolve()}, but it is no longer "
                             "supported. Please remove it.")
    return context


def parse_context_pairs(pairs: Sequence[str]) -> dict[str, str]:
    """`-c KEY=VALUE` values, as the CDK CLI reads them: VALUE stays a string; `aws:` keys are refused."""
    context: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise UsageError(f"--context expects KEY=VALUE, got {pair!r}")
        if key.startswith("aws:") and len(key) > 4:
            raise UsageError(f"User-provided context cannot use keys prefixed with 'aws:', but {key} was provided.")
        context[key] = value
    return context


def default_region() -> str:
    """The region the CDK CLI would pass as `CDK_DEFAULT_REGION` without calling AWS: `AWS_REGION`,
    `AWS_DEFAULT_REGION`, the profile's region in `~/.aws/config`, else us-east-1."""
    for name in ("AWS_REGION", "AWS_DEFAULT_REGION"):
        if os.environ.get(name):
            return os.environ[name]
    config_file = os.environ.get("AWS_CONFIG_FILE") or os.path.expanduser("~/.aws/config")
    profile = os.environ.get("AWS_PROFILE") or "default"
    parser = configparser.ConfigParser()
    try:
        parser.read(config_file, encoding="utf-8")
    except (OSError, configparser.Error):
        return "us-east-1"
    for section in (profile if profile == "default" else f"profile {profile}", profile):
        if parser.has_option(section, "region"):
            return parser.get(section, "region")
    return "us-east-1"


@dataclass
class Project:
    """The folder the command runs in: its `cdk.json`, `cdk.context.json` and the user's `~/.cdk.json`."""

    directory: Path
    config: dict[str, Any] = field(default_factory=dict)
    user_config: dict[str, Any] = field(default_factory=dict)
    has_config: bool = False

    @staticmethod
    def load(directory: Path | None = None) -> Project:
        """Read the project files of `directory` (default: the current folder)."""
        folder = directory or Path.cwd()
        config_path = folder / PROJECT_CONFIG
        user = Path(os.path.expanduser(USER_DEFAULTS))
        return Project(folder, _read_config(config_path), _read_config(user), config_path.is_file())

    def setting(self, name: str, command_line: Any = None, default: Any = None) -> Any:
        """A setting: the command line's, else cdk.json's, else ~/.cdk.json's, else `default`."""
        if command_line is not None:
            return command_line
        for config in (self.config, self.user_config):
            if config.get(name) is not None:
                return config[name]
        return default

    def context(self, command_line: dict[str, str], *, bundling: bool) -> dict[str, Any]:
        """The context `CDK_CONTEXT_JSON` carries (lowest precedence first, as the CLI merges it)."""
        merged: dict[str, Any] = {}
        merged.update(_context_of(self.user_config, Path(os.path.expanduser(USER_DEFAULTS))))
        merged.update(_read_config(self.directory / PROJECT_CONTEXT))
        merged.update(_context_of(self.config, self.directory / PROJECT_CONFIG))
        merged.update(command_line)
        if self.setting("pathMetadata", default=True):
            merged["aws:cdk:enable-path-metadata"] = True
        if self.setting("assetMetadata", default=True):
            merged["aws:cdk:enable-asset-metadata"] = True
        if self.setting("versionReporting", default=True):
            merged["aws:cdk:version-reporting"] = True
        else:
            merged["aws:cdk:disable-version-reporting"] = True
        if not self.setting("staging", default=True):
            merged["aws:cdk:disable-asset-staging"] = True
        merged["aws:cdk:bundling-stacks"] = self.setting("bundlingStacks", default=["**"]) if bundling else []
        merged["@aws-cdk/core:failSynthOnValidationErrors"] = False
        return merged


@dataclass(frozen=True)
class AppSource:
    """What to synthesize: a Python file, a shell command line, or an existing cloud assembly folder."""

    kind: str  # "python" | "command" | "assembly"
    value: str
    display: str

    def command(self) -> list[str] | str:
        """The process to run (a list for a Python file, a shell command line otherwise)."""
        if self.kind == "python":
            return [sys.executable, "-m", "cdk_events.cli._run_app", self.value]
        return self.value


def _looks_like_python(path: Path) -> bool:
    if path.suffix == ".py":
        return True
    try:
        with open(path, "rb") as file:
            first = file.readline(200)
    except OSError:
        return False
    return first.startswith(b"#!") and b"python" in first


def _json_text(path: Path) -> bool:
    try:
        json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return True


def python_app_file(app: str) -> AppSource:
    """An APP argument that names a file: it must be a Python app (a `.py` file or a Python script)."""
    path = Path(app)
    if path.is_dir():
        if (path / "manifest.json").is_file():
            return AppSource("assembly", app, app)
        raise UsageError(f"app {app} is a folder, not a Python file (nor a cloud assembly: it has no manifest.json)")
    if not path.exists():
        raise UsageError(f"app file not found: {app}")
    if not path.is_file():
        raise UsageError(f"app {app} is not a regular file")
    if not _looks_like_python(path):
        if path.suffix == ".json" or _json_text(path):
            raise UsageError(f"app {app} is a JSON file, not a Python app (for a pattern and an event use "
                             "`cdk-events test-pattern PATTERN EVENT`)")
        raise UsageError(f"app {app} is not a Python app file (expected a .py file)")
    return AppSource("python", app, app)


def resolve_app(project: Project, positional: str | None, option: str | None) -> AppSource:
    """The app to run: APP, else `--app`, else cdk.json's `app`, else the built-in quickstart."""
    if positional is not None and option is not None:
        raise UsageError(f"give the app once: APP ({positional}) or --app ({option}), not both")
    if positional is not None:
        return python_app_file(positional)
    app = option if option is not None else project.setting("app")
    if app is None:
        if project.has_config:
            raise UsageError(f"--app is required either in command-line, in {PROJECT_CONFIG} or in {USER_DEFAULTS}")
        return AppSource("python", str(quickstart_path()), "the built-in quickstart app")
    if isinstance(app, list):
        app = " ".join(str(part) for part in app)
    if not isinstance(app, str) or not app.strip():
        raise UsageError(f"'app' in {PROJECT_CONFIG} must be a command line, got {json.dumps(app)}")
    if Path(app).is_dir() and (Path(app) / "manifest.json").is_file():
        return AppSource("assembly", app, app)
    if Path(app).is_file() or Path(app).is_dir():  # `--app app.py`: a file, checked as APP is
        return python_app_file(app)
    return AppSource("command", app, app)


def app_environment(outdir: Path, context: dict[str, Any], *, debug: bool) -> dict[str, str]:
    """The environment of the app's process: ours, with what the CDK CLI sets."""
    env = dict(os.environ)
    for name in ("CDK_CONTEXT_OVERFLOW_LOCATION", "CONTEXT_OVERFLOW_LOCATION_ENV"):
        env.pop(name, None)
    env[OUTDIR_ENV] = str(outdir)
    env[CONTEXT_ENV] = json.dumps(context, separators=(",", ":"))
    env[DEFAULT_REGION_ENV] = default_region()
    if debug:
        env["CDK_DEBUG"] = "true"
    return env
