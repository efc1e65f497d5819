"""`App`: the root of the construct tree; it reads the context and synthesizes the cloud assembly."""

from __future__ import annotations

import gc
import json
import os
from typing import TYPE_CHECKING, Any

from ._app_synthesis import synthesize
from ._assembly import CloudAssembly
from ._construct import Construct
from ._errors import ValidationError

if TYPE_CHECKING:
    from pathlib import Path

    from ._assets import StagingRequest
    from ._default_synthesizer import StackSynthesizer

CONTEXT_ENV = "CDK_CONTEXT_JSON"
CONTEXT_OVERFLOW_ENVS = ("CONTEXT_OVERFLOW_LOCATION_ENV", "CDK_CONTEXT_OVERFLOW_LOCATION")
OUTDIR_ENV = "CDK_OUTDIR"


def _read_json(path: str | Path) -> Any:
    try:
        with open(path, encoding="utf-8") as file:
            return json.load(file)
    except (OSError, ValueError) as error:
        raise ValidationError(f"Cannot read context from {path}: {error}") from error


def context_from_environment() -> dict[str, Any] | None:
    """The context the CDK CLI passes (`CDK_CONTEXT_JSON`, or the file it overflows into)."""
    text = os.environ.get(CONTEXT_ENV)
    if text:
        try:
            value = json.loads(text)
        except ValueError as error:
            raise ValidationError(f"{CONTEXT_ENV} is not valid JSON: {error}") from error
        if not isinstance(value, dict):
            raise ValidationError(f"{CONTEXT_ENV} must hold a JSON object, got {type(value).__name__}")
        return value
    for name in CONTEXT_OVERFLOW_ENVS:
        location = os.environ.get(name)
        if location:
            value = _read_json(location)
            return value if isinstance(value, dict) else {}
    return None


def context_from_project(directory: str | Path) -> dict[str, Any]:
    """The context of a CDK project folder: `cdk.json`'s `context`, then `cdk.context.json`."""
    from pathlib import Path

    directory = Path(directory)
    merged: dict[str, Any] = {}
    cdk_json = directory / "cdk.json"
    if cdk_json.is_file():
        settings = _read_json(cdk_json)
        if isinstance(settings, dict) and isinstance(settings.get("context"), dict):
            merged.update(settings["context"])
    cached = directory / "cdk.context.json"
    if cached.is_file():
        value = _read_json(cached)
        if isinstance(value, dict):
            merged.update(value)
    return merged


_GC_GEN0_THRESHOLD = 200_000


def _tune_garbage_collector() -> None:
    """Building a construct tree allocates many long-lived objects and few cycles; with CPython's
    default first threshold (700) the collector walks the growing tree again and again (a quarter of
    the build time of a 5,000-rule app). Raise it while it is at its default: young objects of a tree
    being built all survive, so fewer, larger passes free the same (200,000 halves the collector's
    time against 50,000 for a 10,000-rule app; cyclic garbage waits at most 200,000 allocations)."""
    gen0, gen1, gen2 = gc.get_threshold()
    if gen0 == 700:
        gc.set_threshold(_GC_GEN0_THRESHOLD, gen1, gen2)


EXIT_COLLECTION_ENV = "CDK_EVENTS_EXIT_GC"
_exit_hook_registered = False


def _skip_exit_collection() -> None:
    """At interpreter exit, CPython runs a full cyclic garbage collection over everything still alive,
    construct trees included (about 0.1 s of a 1,000-rule synth). Objects alive at exit are frozen
    instead (`gc.freeze()`): that collection skips them and the operating system reclaims the memory.
    `CDK_EVENTS_EXIT_GC=1` keeps the collection."""
    if os.environ.get(EXIT_COLLECTION_ENV) != "1":
        gc.freeze()


def _register_exit_hook() -> None:
    global _exit_hook_registered
    if not _exit_hook_registered:
        import atexit

        atexit.register(_skip_exit_collection)
        _exit_hook_registered = True


class App(Construct):
    """The root of a CDK app (mirrors `aws_cdk.App`).

    `outdir` defaults to `CDK_OUTDIR` (set by the CDK CLI), else a new temporary folder. Context:
    `context` first, then the CLI's `CDK_CONTEXT_JSON` (or, when the app runs without the CLI, the
    `cdk.json`/`cdk.context.json` of the current folder), then `post_cli_context`.
    `default_stack_synthesizer` (default: a `DefaultStackSynthesizer` per stack) is copied for every
    stack created without its own `synthesizer`.
    """

    def __init__(self, *, outdir: str | None = None, context: dict[str, Any] | None = None,
                 post_cli_context: dict[str, Any] | None = None, tree_metadata: bool | None = None,
                 analytics_reporting: bool | None = None, auto_synth: bool | None = None,
                 stack_traces: bool | None = None, default_stack_synthesizer: StackSynthesizer | None = None):
        super().__init__(None, "")
        _tune_garbage_collector()
        if context is not None and not isinstance(context, dict):
            raise ValidationError(f"App: 'context' must be a dict, got {type(context).__name__}")
        for key, value in (context or {}).items():
            self.node.set_context(key, value)
        from_env = context_from_environment()
        if from_env is None:
            from_env = context_from_project(os.getcwd())
        for key, value in from_env.items():
            self.node.set_context(key, value)
        for key, value in (post_cli_context or {}).items():
            self.node.set_context(key, value)
        if analytics_reporting is not None:
            self.node.set_context("aws:cdk:version-reporting", analytics_reporting)
        self._outdir = outdir or os.environ.get(OUTDIR_ENV)
        self.tree_metadata = True if tree_metadata is None else tree_metadata
        self.default_stack_synthesizer = default_stack_synthesizer
        # the file assets the stacks stage (`AssetStaging`), by staged name: copied in by the assembly writer
        self._staged_assets: dict[str, StagingRequest] = {}
        self._assembly: CloudAssembly | None = None

    @property
    def outdir(self) -> str:
        """Where the cloud assembly is written."""
        if self._outdir is None:
            import tempfile

            self._outdir = tempfile.mkdtemp(prefix="cdk.out")
        return self._outdir

    @staticmethod
    def is_app(x: object) -> bool:
        """True if `x` is an App."""
        return isinstance(x, App)

    def synth(self, *, force: bool = False, skip_validation: bool = False,
              validate_on_synthesis: bool | None = None) -> CloudAssembly:
        """Write the cloud assembly to `outdir` and return it (cached: a second call returns the first
        result unless `force`). Nothing is written when synthesis fails."""
        if self._assembly is not None and not force:
            return self._assembly
        self._assembly = synthesize(self, self.outdir, skip_validation=skip_validation)
        _register_exit_hook()
        return self._assembly
