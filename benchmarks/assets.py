"""Asset benchmark: a Lambda function whose code is a 50 MB folder, synthesized in a fresh process,
next to the time it takes just to hash 50 MB.

    python benchmarks/assets.py [--megabytes 50] [--repeat 5]

The folder (written once into a temporary directory) looks like a Python deployment package: 60 % text
files (ASCII source, 20 KB each) and 40 % binary files (100 KB each, random bytes). Timed, best of
`--repeat` rounds:

* `sha256`: `hashlib.sha256` over every file's bytes, in one process that only reads and hashes (the
  floor: what any content hash of the folder costs);
* `fingerprint`: the CDK fingerprint of the folder (`cdk_events.core._fingerprint`) in one process;
* `synth`: the whole `python app.py` process (start-up, imports, a stack with the function and a rule,
  fingerprint, templates, the folder staged into a new `cdk.out`), as `cdk synth` runs it;
* `synth, staged already`: the same, run a second time into the same output folder (`cdk synth` again
  after a change elsewhere): `asset.<hash>` is there, so only the fingerprint is computed;
* `synth, no asset`: the same app with inline code (what the asset adds is the difference);
* `cp -r`: copying the folder with `cp -r` into a new folder (what staging into a new `cdk.out` costs at
  least; aws-cdk-lib copies it too).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

APP = """
import sys
from cdk_events import Rule, Schedule, targets
from cdk_events.aws import lambda_
from cdk_events.core import App, Duration, Stack

app = App()
stack = Stack(app, "AssetBench")
code = lambda_.Code.from_asset(sys.argv[1]) if sys.argv[1] != "-" else lambda_.Code.from_inline("x = 1")
fn = lambda_.Function(stack, "Handler", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler", code=code)
Rule(stack, "Tick", schedule=Schedule.rate(Duration.minutes(5)), targets=[targets.LambdaFunction(fn)])
app.synth()
"""


def make_folder(root: Path, megabytes: int) -> None:
    rng = random.Random(0)
    total = megabytes * 1024 * 1024
    text_budget, written, index = total * 6 // 10, 0, 0
    line = b"def handler(event, context):  # a line of Python source, about sixty bytes\n"
    while written < total:
        folder = root / f"pkg{index // 50:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        if written < text_budget:
            data = line * (20_000 // len(line))
            name = f"module_{index:05d}.py"
        else:
            data = rng.randbytes(100_000)
            name = f"_native_{index:05d}.so"
        (folder / name).write_bytes(data)
        written += len(data)
        index += 1


def _env(outdir: str | None = None) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    if outdir:
        env["CDK_OUTDIR"] = outdir
    return env


SHA256 = """
import hashlib, os, sys, time
started = time.perf_counter()
for base, _, files in os.walk(sys.argv[1]):
    for name in sorted(files):
        with open(os.path.join(base, name), "rb") as f:
            hashlib.sha256(f.read()).hexdigest()
print(time.perf_counter() - started)
"""

FINGERPRINT = """
import sys, time
from cdk_events.core._fingerprint import fingerprint
from cdk_events.core._ignore import IgnoreStrategy
started = time.perf_counter()
fingerprint(sys.argv[1], ignore=IgnoreStrategy("glob", [".is_custom_resource"]))
print(time.perf_counter() - started)
"""


def measured(code: str, folder: Path) -> float:
    out = subprocess.run([sys.executable, "-c", code, str(folder)], check=True, env=_env(), capture_output=True,
                         text=True).stdout
    return float(out.strip())


def synth_time(app: Path, folder: str, *, again: bool = False) -> float:
    """One `python app.py` into a new output folder (`again`: the second run into the same folder)."""
    with tempfile.TemporaryDirectory() as outdir:
        if again:
            subprocess.run([sys.executable, str(app), folder], check=True, env=_env(outdir))
        started = time.perf_counter()
        subprocess.run([sys.executable, str(app), folder], check=True, env=_env(outdir))
        return time.perf_counter() - started


def copy_time(folder: Path) -> float:
    with tempfile.TemporaryDirectory() as target:
        started = time.perf_counter()
        subprocess.run(["cp", "-r", str(folder), str(Path(target) / "copy")], check=True)
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "package"
        make_folder(folder, args.megabytes)
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        files = sum(1 for p in folder.rglob("*") if p.is_file())
        app = Path(work) / "app.py"
        app.write_text(APP)
        rounds: dict[str, list[float]] = {"sha256": [], "fingerprint": [], "synth": [], "synth, staged already": [],
                                          "synth, no asset": [], "cp -r": []}
        for _ in range(args.repeat):
            rounds["sha256"].append(measured(SHA256, folder))
            rounds["fingerprint"].append(measured(FINGERPRINT, folder))
            rounds["synth"].append(synth_time(app, str(folder)))
            rounds["synth, staged already"].append(synth_time(app, str(folder), again=True))
            rounds["synth, no asset"].append(synth_time(app, "-"))
            rounds["cp -r"].append(copy_time(folder))
        print(f"folder: {files} files, {size / 1024 / 1024:.1f} MB; best of {args.repeat} rounds")
        print("| measure | time |\n|---|---:|")
        for name, times in rounds.items():
            print(f"| {name} | {min(times):.3f} s |")
        print(f"\nsynth - synth without the asset: {min(rounds['synth']) - min(rounds['synth, no asset']):.3f} s "
              f"(sha256 alone: {min(rounds['sha256']):.3f} s)")


if __name__ == "__main__":
    main()
