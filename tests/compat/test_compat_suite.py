"""The compat suite: every app of ../shared/compat synthesized with cdk-events equals what
aws-cdk-lib 2.275 wrote (or is rejected where the CDK rejects it). Runs `run.py` and `compare.py`
from ../shared/compat; skips when ../shared is absent (a user's clone has none)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
COMPAT = ROOT.parent / "shared" / "compat"
APPS = sorted(p for p in (COMPAT / "apps").glob("*.py") if not p.name.startswith("_")) if COMPAT.is_dir() else []

pytestmark = pytest.mark.skipif(
    not COMPAT.is_dir(), reason=f"{COMPAT} is absent (the compat goldens live in ../shared)"
)


def _load_compare() -> ModuleType:
    spec = importlib.util.spec_from_file_location("compat_compare", COMPAT / "compare.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def synthesized(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("compat-out")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]))
    env.pop("CDK_CONTEXT_JSON", None)
    env.pop("CDK_OUTDIR", None)

    def run(chunk: list[Path]) -> Any:
        return subprocess.run(
            [
                sys.executable,
                str(COMPAT / "run.py"),
                "--impl",
                "cdk-events",
                "--python",
                sys.executable,
                "--out",
                str(out),
                *map(str, chunk),
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=True,
        )

    workers = max(1, min(4, os.cpu_count() or 1))
    chunks = [APPS[i::workers] for i in range(workers)]
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(run, chunks))
    return out


@pytest.mark.parametrize("app", [p.stem for p in APPS])
def test_app_matches_the_aws_cdk_golden(app: str, synthesized: Path) -> None:
    compare = _load_compare()
    compare.ORDER = True  # byte-identical: the key order inside template objects counts too
    problems = compare.compare(COMPAT / "goldens" / app, synthesized / app, 8)
    assert not problems, "\n".join(problems)
