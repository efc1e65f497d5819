"""Synth benchmark: whole-process time of cdk-events apps next to troposphere building the same templates.

    python benchmarks/synth.py [--scenario sqs,lambda,ecs] [--rules 1,100,1000,10000] [--repeat 3]

Scenarios (each run in a fresh process, as `cdk synth` would: start-up, imports, construct tree,
synthesis, files written; cdk-events and troposphere take turns, `--repeat` rounds):

* `sqs`: `tests/corpus/bench/synth/rules_app.py` through the compat shim (content-filtered rules with
  an SQS target and an input transformer) vs `troposphere_rules.py`; at 1,000 rules the templates
  are compared byte for byte with the aws-cdk-lib goldens in `tests/corpus/bench/synth/goldens` (made by
  `tools/regen_goldens.py --suite bench --write`, not kept in git) or `../shared/bench/synth/goldens`.
* `lambda`: `benchmarks/apps/lambda_rules.py` (a LambdaFunction target per rule, one function per
  stack) vs `benchmarks/apps/troposphere_targets.py lambda`;
* `ecs`: `benchmarks/apps/ecs_rules.py` (an EcsTask target per rule) vs `troposphere_targets.py ecs`.
  For these two the resources of both outputs are compared as JSON.

The times are the best of the rounds; "ratio" is best / best (the target is <= 1.0), "median ratio"
the median of the rounds' ratios (steadier on a noisy machine). Bytecode caching is on for both (as for
any installed package). The `sqs` scenario compares with the goldens only where they are (see above).
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
APPS = ROOT / "benchmarks" / "apps"
CORPUS = ROOT / "tests" / "corpus"  # the bench apps, the compat shim and context (tests/_corpus.py)
BENCH = CORPUS / "bench" / "synth"
SHIM = CORPUS / "compat" / "shims" / "cdk_events"
GOLDENS = next((p for p in (BENCH / "goldens" / "rules_app", ROOT.parent / "shared" / "bench" / "synth" / "goldens"
                            / "rules_app") if p.is_dir()), None)


def _context(path_metadata: bool) -> str:
    path = CORPUS / "compat" / "context.json"
    if path.exists():
        context = json.loads(path.read_text())
    else:
        from cdk_events.core import RECOMMENDED_FEATURE_FLAGS

        context = dict(RECOMMENDED_FEATURE_FLAGS)
    context["aws:cdk:enable-path-metadata"] = path_metadata
    context["aws:cdk:version-reporting"] = False
    return json.dumps(context)


def _timed(command: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, cwd=str(cwd))
    return time.perf_counter() - start


Run = tuple[list[str], dict[str, str], Path]


def _compare(ours: Run, theirs: Run, repeat: int) -> tuple[float, float, float]:
    """Best time of each, and the median of the per-round ratios. The two run in turns, so that a burst
    of load on the (shared, noisy) machine slows both rather than one of them."""
    pairs = [(_timed(*ours), _timed(*theirs)) for _ in range(repeat)]
    ratios = sorted(a / b for a, b in pairs)
    return min(a for a, _ in pairs), min(b for _, b in pairs), ratios[len(ratios) // 2]


def _same_resources(ours: Path, theirs: Path) -> bool:
    files = sorted(ours.glob("*.template.json"))
    return bool(files) and all(
        json.loads(f.read_text())["Resources"] == json.loads((theirs / f.name).read_text())["Resources"]
        for f in files)


def _run_scenario(scenario: str, rules: int, repeat: int, base: dict[str, str]) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        ours_out, tropo_out = Path(tmp) / "ours", Path(tmp) / "tropo"
        env = dict(base, RULES=str(rules), CDK_OUTDIR=str(ours_out), CDK_CONTEXT_JSON=_context(scenario == "sqs"))
        tropo_env = dict(base, RULES=str(rules))
        if scenario == "sqs":
            env["PYTHONPATH"] = os.pathsep.join([str(SHIM), str(ROOT / "src")])
            ours, tropo, median = _compare(([sys.executable, "rules_app.py"], env, BENCH),
                                           ([sys.executable, "troposphere_rules.py", str(tropo_out)], tropo_env, BENCH),
                                           repeat)
            check = ""
            if rules == 1000:
                goldens = sorted(GOLDENS.glob("*.template.json")) if GOLDENS else []
                equal = all((ours_out / f.name).read_bytes() == f.read_bytes() for f in goldens)
                check = ("templates equal the aws-cdk-lib goldens" if equal else "TEMPLATES DIFFER FROM THE GOLDENS") \
                    if goldens else "not compared (no goldens: tools/regen_goldens.py --suite bench --write)"
        else:
            env["PYTHONPATH"] = str(ROOT / "src")
            ours, tropo, median = _compare(
                ([sys.executable, f"{scenario}_rules.py"], env, APPS),
                ([sys.executable, "troposphere_targets.py", scenario, str(tropo_out)], tropo_env, APPS), repeat)
            check = "same resources" if _same_resources(ours_out, tropo_out) else "RESOURCES DIFFER"
        ratio = ours / tropo
        return f"| {scenario} | {rules:,} | {ours:.3f} s | {tropo:.3f} s | {ratio:.2f} | {median:.2f} | {check} |"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenario", default="sqs,lambda,ecs")
    parser.add_argument("--rules", default="1,100,1000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    try:
        import troposphere  # noqa: F401
    except ImportError:
        print("skipped: troposphere is not installed (pip install -e '.[bench]')")
        return 0
    base = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "CDK_OUTDIR")}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=True, env=base)
    print("| scenario | rules | cdk-events | troposphere | ratio | median ratio | output check |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for scenario in args.scenario.split(","):
        if scenario == "sqs" and not BENCH.is_dir():
            print(f"| sqs | skipped: {BENCH} is absent | | | | | |")
            continue
        for rules in (int(r) for r in args.rules.split(",")):
            print(_run_scenario(scenario, rules, args.repeat, base), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
