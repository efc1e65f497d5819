"""Instructions a synth executes: the apps of `benchmarks/synth.py`, counted by valgrind (cachegrind).

    python benchmarks/instructions.py [--scenario sqs,lambda,ecs] [--rules 1,1000] [--against OTHER_SRC] [--cache]

Wall-clock times on a shared machine vary by ±20 % from run to run; the number of instructions a process
executes does not (the same count, run after run, under `PYTHONHASHSEED=0`). So changes are compared here:
each app runs once, whole (start-up, imports, the construct tree, synthesis, the files written), under
`valgrind --tool=cachegrind --cache-sim=no`, with its bytecode compiled beforehand (as for an installed
package). `--against` gives another source tree (`src` of another checkout, e.g. a `git worktree` of an
earlier commit): each app then runs on both, and "ratio" is this tree's count / the other's (<= 1.0: not
slower). `CDK_EVENTS_UNCHECKED=1` in the environment turns the argument checks off, as for the library.
`--cache` simulates the caches and branch predictor as well and adds the first-level data misses, last-level
misses and mispredicted branches (millions; two to three times slower). Skips with a message where valgrind
is absent (`apt-get install valgrind`). Each run takes 10-30 s (1,000 rules) under valgrind.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APPS = ROOT / "benchmarks" / "apps"
CORPUS = ROOT / "tests" / "corpus"
BENCH = CORPUS / "bench" / "synth"
SHIM = CORPUS / "compat" / "shims" / "cdk_events"


def _context() -> str:
    context = json.loads((CORPUS / "compat" / "context.json").read_text())
    context["aws:cdk:enable-path-metadata"] = True
    context["aws:cdk:version-reporting"] = False
    return json.dumps(context)


_COUNTS = (("I", r"I\s+refs:\s+([\d,]+)"), ("D1 misses", r"D1\s+misses:\s+([\d,]+)"),
           ("LL misses", r"LL misses:\s+([\d,]+)"), ("mispredicts", r"Mispredicts:\s+([\d,]+)"))


def _count(src: Path, scenario: str, rules: int, cache: bool) -> dict[str, int]:
    """What valgrind counts for the scenario's app with `rules` rules on the library in `src`: the
    instructions, and with `cache` the simulated cache misses and mispredicted branches."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(src)], check=True, stdout=subprocess.DEVNULL)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "CDK_OUTDIR")}
    env.update(PYTHONHASHSEED="0", RULES=str(rules))
    if scenario == "sqs":
        env.update(PYTHONPATH=os.pathsep.join([str(SHIM), str(src)]), CDK_CONTEXT_JSON=_context())
        cwd, app = BENCH, "rules_app.py"
    else:
        env.update(PYTHONPATH=str(src))
        cwd, app = APPS, f"{scenario}_rules.py"
    with tempfile.TemporaryDirectory() as tmp:
        env["CDK_OUTDIR"] = str(Path(tmp) / "cdk.out")
        simulate = ["--cache-sim=yes", "--branch-sim=yes"] if cache else ["--cache-sim=no"]
        run = subprocess.run(["valgrind", "--tool=cachegrind", *simulate, "--cachegrind-out-file=/dev/null",
                              sys.executable, app], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    counts: dict[str, int] = {}
    for name, pattern in _COUNTS[:4 if cache else 1]:
        found = re.search(pattern, run.stderr)
        if found is None:
            raise RuntimeError(f"no '{name}' count in valgrind's output:\n{run.stderr[-2000:]}")
        counts[name] = int(found.group(1).replace(",", ""))
    return counts


def _cells(counts: dict[str, int]) -> str:
    return " | ".join(f"{value / 1e6:,.2f}" if name != "I" else f"{value:,}" for name, value in counts.items())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenario", default="sqs,lambda,ecs")
    parser.add_argument("--rules", default="1,1000")
    parser.add_argument("--against", type=Path, help="the src folder of another version of the library")
    parser.add_argument("--cache", action="store_true", help="simulate the caches and the branch predictor too")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("skipped: valgrind is not installed (apt-get install valgrind)")
        return 0
    src = ROOT / "src"
    other = args.against.resolve() if args.against else None
    columns = ["instructions", *(["D1 misses (M)", "LL misses (M)", "mispredicts (M)"] if args.cache else [])]
    print("| scenario | rules | tree | " + " | ".join(columns) + " |" + (" ratio |" if other else ""))
    print("|---|---:|---|" + "---:|" * len(columns) + ("---:|" if other else ""))
    for scenario in args.scenario.split(","):
        if scenario == "sqs" and not BENCH.is_dir():
            print(f"| sqs | skipped: {BENCH} is absent | |")
            continue
        for rules in (int(r) for r in args.rules.split(",")):
            ours = _count(src, scenario, rules, args.cache)
            if other is None:
                print(f"| {scenario} | {rules:,} | this | {_cells(ours)} |", flush=True)
                continue
            theirs = _count(other, scenario, rules, args.cache)
            print(f"| {scenario} | {rules:,} | this | {_cells(ours)} | {ours['I'] / theirs['I']:.3f} |")
            print(f"| {scenario} | {rules:,} | other | {_cells(theirs)} | |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
