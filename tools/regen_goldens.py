#!/usr/bin/env python3
"""Rebuild the compat goldens of tests/corpus/compat with the real AWS CDK, and show what changed.

    python tools/regen_goldens.py                                  # every suite, aws-cdk-lib 2.275.0
    python tools/regen_goldens.py --cdk-version 2.280.0            # what a newer aws-cdk-lib writes
    python tools/regen_goldens.py --suite porting --only lambda_asset_folder,ssm_parameters
    python tools/regen_goldens.py --python /path/venv/bin/python   # a venv that has aws-cdk-lib already
    python tools/regen_goldens.py --cdk-version 2.280.0 --write    # replace the goldens

The goldens are what aws-cdk-lib wrote for each compat app; they are never written from cdk-events output.
This tool makes a throwaway virtual environment (removed at the end unless --keep-venv), installs the
pinned `aws-cdk-lib==<version>` and `constructs` into it, runs every app of the chosen suites through the
corpus's own `run.py --impl aws-cdk --prune` (Node.js must be on PATH: aws-cdk-lib runs on it, through
jsii), and compares the new output with the goldens file by file. Without --write nothing in the
repository changes: it prints `same`, `changed` (with the first differing lines), `new` or `missing` per
app and exits 1 when anything differs. With --write each regenerated app's golden folder is replaced by
the new output. When moving to a newer aws-cdk-lib, also refresh `context.json` from the `cdk.json` of a
new `cdk init app --language python` project of that version (its feature flags), then run
`pytest tests/compat` to see where cdk-events now differs.
"""

from __future__ import annotations

import argparse
import difflib
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMPAT = ROOT / "tests" / "corpus" / "compat"
PINNED_CDK = "2.275.0"  # the version that wrote the goldens in the repository
PINNED_CONSTRUCTS = "10.8.1"  # the constructs version installed beside it then
# suite -> (apps folder, goldens folder), relative to the compat folder
SUITES = {
    "events": ("apps", "goldens"),
    "porting": ("porting/apps", "porting/goldens"),
    "scheduler": ("scheduler/apps", "scheduler/goldens"),
    "divergent": ("divergent/apps", "divergent/goldens"),
    "porting-divergent": ("porting/divergent/apps", "porting/divergent/goldens"),
    # the synth benchmark's app (1,000 rules; benchmarks/synth.py compares with its goldens): 1.4 MB of
    # templates that this tool makes on request and git does not keep (.gitignore); not in the default run
    "bench": ("../bench/synth", "../bench/synth/goldens"),
}
DEFAULT_SUITES = [name for name in SUITES if name != "bench"]
ONLY_APPS = {"bench": {"rules_app"}}  # the other .py files of the bench folder are not CDK apps


def make_venv(folder: Path, cdk_version: str, constructs: str) -> Path:
    """A fresh virtual environment in `folder` with aws-cdk-lib (pinned) and constructs; its python."""
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    python = folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    print(f"installing aws-cdk-lib=={cdk_version} and {constructs} into {folder} ...", flush=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    f"aws-cdk-lib=={cdk_version}", constructs], check=True)
    return python


def installed_cdk_version(python: str) -> str:
    result = subprocess.run([python, "-c", "import importlib.metadata as m; print(m.version('aws-cdk-lib'))"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{python} has no aws-cdk-lib: {result.stderr.strip()[-300:]}")
    return result.stdout.strip()


def app_files(compat: Path, folder: str, only: set[str] | None) -> list[Path]:
    path = compat / folder
    apps = sorted(p for p in path.glob("*.py") if not p.name.startswith("_")) if path.is_dir() else []
    return [p for p in apps if only is None or p.stem in only]


def synthesize(compat: Path, python: str, apps: list[Path], out: Path, jobs: int, timeout: int) -> None:
    """Run the apps with aws-cdk-lib through the corpus's run.py (--prune: what compare.py reads)."""
    env = dict(os.environ)
    env.pop("CDK_OUTDIR", None)
    env.pop("CDK_CONTEXT_JSON", None)

    def run(chunk: list[Path]) -> None:
        result = subprocess.run(
            [sys.executable, str(compat / "run.py"), "--impl", "aws-cdk", "--python", python, "--prune",
             "--timeout", str(timeout), "--out", str(out), *map(str, chunk)],
            env=env, capture_output=True, text=True)
        print(result.stdout.rstrip(), flush=True)
        if result.returncode != 0:
            raise RuntimeError(f"run.py failed: {result.stderr[-2000:]}")

    chunks = [apps[i::jobs] for i in range(jobs) if apps[i::jobs]]
    with ThreadPoolExecutor(len(chunks) or 1) as pool:
        list(pool.map(run, chunks))


def text_diff(old: Path, new: Path, show: int) -> list[str]:
    try:
        a, b = old.read_text().splitlines(), new.read_text().splitlines()
    except UnicodeDecodeError:
        return ["    (binary files differ)"]
    lines = list(difflib.unified_diff(a, b, str(old.relative_to(ROOT) if old.is_relative_to(ROOT) else old),
                                      "new", n=1, lineterm=""))
    return ["    " + line for line in lines[:show]] + (["    ..."] if len(lines) > show else [])


def compare(golden: Path, new: Path, show: int) -> tuple[str, list[str]]:
    """('same' | 'changed' | 'new' | 'missing', detail lines) for one app."""
    if not new.is_dir():
        return "missing", ["    no output was written"]
    if not golden.is_dir():
        return "new", ["    " + ", ".join(sorted(p.name for p in new.iterdir()))]
    old_files = {p.name for p in golden.iterdir() if p.is_file()}
    new_files = {p.name for p in new.iterdir() if p.is_file()}
    detail = [f"    only in the golden: {name}" for name in sorted(old_files - new_files)]
    detail += [f"    only in the new output: {name}" for name in sorted(new_files - old_files)]
    for name in sorted(old_files & new_files):
        if not filecmp.cmp(golden / name, new / name, shallow=False):
            detail += [f"    {name} differs", *text_diff(golden / name, new / name, show)]
    return ("changed" if detail else "same"), detail


def write(golden: Path, new: Path) -> None:
    if golden.exists():
        shutil.rmtree(golden)
    shutil.copytree(new, golden)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cdk-version", default=PINNED_CDK, help=f"aws-cdk-lib version to install (default {PINNED_CDK})")
    ap.add_argument("--constructs", help=f"constructs requirement (default constructs=={PINNED_CONSTRUCTS} with "
                                         f"aws-cdk-lib {PINNED_CDK}, else constructs>=10,<11)")
    ap.add_argument("--python", help="an interpreter that has aws-cdk-lib already (no venv is made)")
    ap.add_argument("--suite", action="append", choices=sorted(SUITES),
                    help="suite(s) to rebuild (default: all but bench)")
    ap.add_argument("--only", help="comma-separated app names")
    ap.add_argument("--jobs", type=int, default=2, help="apps synthesized at the same time (default 2)")
    ap.add_argument("--timeout", type=int, default=600, help="seconds per app (default 600)")
    ap.add_argument("--show", type=int, default=12, help="diff lines shown per changed file (default 12)")
    ap.add_argument("--out", help="keep the new output in this folder (default: a temporary folder)")
    ap.add_argument("--write", action="store_true", help="replace the goldens of the regenerated apps")
    ap.add_argument("--keep-venv", action="store_true", help="do not delete the throwaway venv")
    ap.add_argument("--compat", default=str(COMPAT), help="the compat folder (default tests/corpus/compat)")
    a = ap.parse_args()

    compat = Path(a.compat).resolve()
    if shutil.which("node") is None:
        print("Node.js is not on PATH: aws-cdk-lib runs on it (through jsii); install Node.js 20 or newer",
              file=sys.stderr)
        return 2
    only = set(a.only.split(",")) if a.only else None
    suites = a.suite or DEFAULT_SUITES
    work = Path(tempfile.mkdtemp(prefix="cdk-events-regen-"))
    venv_dir = work / "venv"
    try:
        if a.python:
            python = a.python
        else:
            constructs = a.constructs or (f"constructs=={PINNED_CONSTRUCTS}" if a.cdk_version == PINNED_CDK
                                          else "constructs>=10,<11")
            python = str(make_venv(venv_dir, a.cdk_version, constructs))
        version = installed_cdk_version(python)
        print(f"aws-cdk-lib {version} ({python})", flush=True)
        out_root = Path(a.out).resolve() if a.out else work / "out"
        counts: dict[str, int] = {}
        for suite in suites:
            apps_folder, goldens_folder = SUITES[suite]
            wanted = only
            if suite in ONLY_APPS:
                wanted = ONLY_APPS[suite] & only if only else ONLY_APPS[suite]
            apps = app_files(compat, apps_folder, wanted)
            if not apps:
                continue
            print(f"--- {suite}: {len(apps)} app(s)", flush=True)
            out = out_root / suite
            synthesize(compat, python, apps, out, max(1, a.jobs), a.timeout)
            for app in apps:
                golden = compat / goldens_folder / app.stem
                status, detail = compare(golden, out / app.stem, a.show)
                counts[status] = counts.get(status, 0) + 1
                print(f"{status:8} {suite}/{app.stem}")
                for line in detail[:4 * a.show]:
                    print(line)
                if a.write and status in ("changed", "new"):
                    write(golden, out / app.stem)
            goldens_path = compat / goldens_folder
            orphans = sorted(p.name for p in goldens_path.iterdir() if p.is_dir() and only is None
                             and not (compat / apps_folder / f"{p.name}.py").exists()) if goldens_path.is_dir() else []
            for name in orphans:
                print(f"orphan   {suite}/{name}: a golden without an app (delete it by hand if the app is gone)")
        summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
        print(f"aws-cdk-lib {version}: {summary or 'no apps'}" + (" (goldens written)" if a.write else ""))
        if a.write and version != PINNED_CDK:
            print(f"note: update PINNED_CDK in {Path(__file__).name} and the version named in the docs to {version}")
        changed = counts.get("changed", 0) + counts.get("new", 0) + counts.get("missing", 0)
        return 0 if a.write or not changed else 1
    finally:
        if a.keep_venv and venv_dir.exists():
            print(f"venv kept: {venv_dir}")
            shutil.rmtree(work / "out", ignore_errors=True)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
