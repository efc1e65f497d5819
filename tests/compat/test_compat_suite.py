"""The compat suites: every app of tests/corpus/compat (the events suite, the porting suite, the Scheduler
suite) synthesized with cdk-events equals what aws-cdk-lib 2.275 wrote, byte for byte (or is rejected
where the CDK rejects it); the `divergent` apps, whose CDK output holds code bundled in aws-cdk-lib,
synthesize and pass cfn-lint. Runs `run.py` and `compare.py` of the corpus (tests/_corpus.py says where it
is; `CDK_EVENTS_CORPUS` may name another copy, such as a workplace's ../shared)."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from _corpus import COMPAT, needs_compat

ROOT = Path(__file__).resolve().parents[2]

# suite -> (apps folder, goldens folder), relative to the corpus's compat folder
SUITES = {
    "events": ("apps", "goldens"),
    "porting": ("porting/apps", "porting/goldens"),
    "scheduler": ("scheduler/apps", "scheduler/goldens"),
}
DIVERGENT = ("porting/divergent/apps",)

# Apps whose output is not yet byte-identical, with the reason; each is an expected failure that must
# keep failing (strict), so one that starts passing is noticed and taken off this list.
KNOWN_GAPS: dict[str, str] = {}


def _apps(folder: str) -> list[Path]:
    path = COMPAT / folder
    return sorted(p for p in path.glob("*.py") if not p.name.startswith("_")) if path.is_dir() else []


CASES = [(suite, app.stem) for suite, (apps, _) in SUITES.items() for app in _apps(apps)]
DIVERGENT_APPS = [app for folder in DIVERGENT for app in _apps(folder)]

pytestmark = needs_compat


def _load_compare() -> ModuleType:
    spec = importlib.util.spec_from_file_location("compat_compare", COMPAT / "compare.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _synthesize(apps: list[Path], out: Path) -> None:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]))
    env.pop("CDK_CONTEXT_JSON", None)
    env.pop("CDK_OUTDIR", None)

    def run(chunk: list[Path]) -> Any:
        return subprocess.run(
            [sys.executable, str(COMPAT / "run.py"), "--impl", "cdk-events", "--python", sys.executable,
             "--out", str(out), *map(str, chunk)],
            env=env, capture_output=True, text=True, timeout=900, check=True,
        )

    workers = max(1, min(4, os.cpu_count() or 1))
    chunks = [apps[i::workers] for i in range(workers) if apps[i::workers]]
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(run, chunks))


@pytest.fixture(scope="module")
def synthesized(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    outs: dict[str, Path] = {}
    for suite, (apps, _) in SUITES.items():
        outs[suite] = tmp_path_factory.mktemp(f"compat-{suite}")
        _synthesize(_apps(apps), outs[suite])
    return outs


@pytest.mark.parametrize(("suite", "app"), [
    pytest.param(suite, app, marks=pytest.mark.xfail(reason=KNOWN_GAPS[app], strict=True))
    if app in KNOWN_GAPS else (suite, app)
    for suite, app in CASES
], ids=[f"{suite}-{app}" for suite, app in CASES])
def test_app_matches_the_aws_cdk_golden(suite: str, app: str, synthesized: dict[str, Path]) -> None:
    compare = _load_compare()
    compare.ORDER = True  # byte-identical: the key order inside template objects counts too
    problems = compare.compare(COMPAT / SUITES[suite][1] / app, synthesized[suite] / app, 8)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("app", DIVERGENT_APPS, ids=lambda p: p.stem)
def test_divergent_app_synthesizes_and_lints_clean(app: Path, tmp_path: Path) -> None:
    from cfnlint.api import ManualArgs, lint

    _synthesize([app], tmp_path)
    templates = sorted((tmp_path / app.stem).glob("*.template.json"))
    assert templates, f"{app.stem} wrote no template: {(tmp_path / app.stem / 'ERROR.txt').read_text()[-2000:]}"
    for template in templates:
        region = json.loads((tmp_path / app.stem / "manifest.json").read_text())["artifacts"][template.name.split(
            ".")[0]]["environment"].rsplit("/", 1)[-1]
        config = ManualArgs(regions=[region if region != "unknown-region" else "us-east-1"])
        findings = [f"{m.rule.id} {m.message}" for m in lint(template.read_text(), config=config)
                    if m.rule.severity.lower() == "error"]
        assert not findings, f"{template.name}: {findings}"
