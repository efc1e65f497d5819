"""Synth benchmark: whole-process time of the shared rules app with cdk-events, next to troposphere.

    python benchmarks/synth.py [--rules 1,100,1000,10000] [--repeat 3]

For each size it runs `../shared/bench/synth/rules_app.py` through the compat shim (a fresh
process, as `cdk synth` would: startup, imports, construct tree, synthesis, files written) and
`troposphere_rules.py` building the same templates, takes the best of `--repeat` runs of each,
and prints both times and their ratio (cdk-events / troposphere; the target is <= 1.0). The
1,000-rule output is compared byte for byte with `../shared/bench/synth/goldens/rules_app`.
Bytecode caching is on for both (as for any installed package); it skips with a message when
`../shared` is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BENCH = SHARED / "bench" / "synth"
SHIM = SHARED / "compat" / "shims" / "cdk_events"


def _context() -> str:
    context = json.loads((SHARED / "compat" / "context.json").read_text())
    context["aws:cdk:enable-path-metadata"] = True
    context["aws:cdk:version-reporting"] = False
    return json.dumps(context)


def _run(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, cwd=str(BENCH))
    return time.perf_counter() - start


def _best(command: list[str], env: dict[str, str], repeat: int) -> float:
    return min(_run(command, env) for _ in range(repeat))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rules", default="1,100,1000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not BENCH.is_dir():
        print(f"skipped: {BENCH} is absent (the benchmark app and its goldens live in ../shared)")
        return 0
    try:
        import troposphere  # noqa: F401
    except ImportError:
        print("skipped: troposphere is not installed (pip install -e '.[bench]')")
        return 0
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=True, env=base)
    print(f"{'rules':>7} {'cdk-events':>11} {'troposphere':>12} {'ratio':>6}")
    for rules in (int(r) for r in args.rules.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            ours_env = dict(base, RULES=str(rules), CDK_OUTDIR=f"{tmp}/ours", CDK_CONTEXT_JSON=_context(),
                            PYTHONPATH=os.pathsep.join([str(SHIM), str(ROOT / "src")]))
            tropo_env = dict(base, RULES=str(rules))
            ours = _best([sys.executable, "rules_app.py"], ours_env, args.repeat)
            tropo = _best([sys.executable, "troposphere_rules.py", f"{tmp}/tropo"], tropo_env, args.repeat)
            same = ""
            if rules == 1000:
                goldens = BENCH / "goldens" / "rules_app"
                equal = all((Path(tmp) / "ours" / f.name).read_bytes() == f.read_bytes()
                            for f in goldens.glob("*.template.json"))
                same = "  (templates equal the aws-cdk-lib goldens)" if equal else "  (TEMPLATES DIFFER)"
            print(f"{rules:>7} {ours:>10.3f}s {tropo:>11.3f}s {ours / tropo:>6.2f}{same}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
