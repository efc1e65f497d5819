"""Where a synthesis spends its time: the phases of the benchmark app, in one process.

    python benchmarks/synth_phases.py [--rules 1000] [--repeat 5]

Runs `tests/corpus/bench/synth/rules_app.py`'s construct code (through the compat shim) `--repeat` times in
this process and prints the best round: importing, building the constructs, and synthesis split into
resolving the templates, the template checks (event patterns), the metadata and tree files, writing the
files; then the time to write the app's templates with the C writer (python-rapidjson) and with the exact
Python writer. Imports are measured once (the first round); later rounds reuse them.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"  # the bench app, the compat shim and context (tests/_corpus.py)
SHIM = CORPUS / "compat" / "shims" / "cdk_events"
PHASES = ("_render_templates", "_template_problems", "_stack_metadata", "_tree", "write_assembly")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rules", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not SHIM.is_dir():
        print(f"skipped: {SHIM} is absent")
        return 0
    context = json.loads((CORPUS / "compat" / "context.json").read_text())
    context.update({"aws:cdk:enable-path-metadata": True, "aws:cdk:version-reporting": False})
    os.environ["CDK_CONTEXT_JSON"] = json.dumps(context)
    os.environ["CDK_OUTDIR"] = tempfile.mkdtemp(prefix="synth-phases-")
    sys.path[:0] = [str(SHIM), str(ROOT / "src")]

    start = time.perf_counter()
    from cdkapi import cdk, events, sqs, targets

    imports = time.perf_counter() - start
    import cdk_events.core._app_synthesis as synthesis
    from cdk_events.core._json import js_stringify, template_text

    spent: Counter[str] = Counter()

    def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def run(*a: Any, **k: Any) -> Any:
            began = time.perf_counter()
            try:
                return function(*a, **k)
            finally:
                spent[name] += time.perf_counter() - began
        return run

    for name in PHASES:
        setattr(synthesis, name, timed(name, getattr(synthesis, name)))

    best: tuple[float, float, dict[str, float], Any] | None = None
    for _ in range(args.repeat):
        spent.clear()
        began = time.perf_counter()
        app = cdk.App()
        for s in range((args.rules + 249) // 250):
            stack = cdk.Stack(app, f"Bench{s}")
            queue = sqs.Queue(stack, "Queue")
            for i in range(s * 250, min(args.rules, (s + 1) * 250)):
                events.Rule(stack, f"Rule{i}", event_pattern=events.EventPattern(
                    source=[f"com.example.service{i % 20}"], detail_type=["OrderCreated"],
                    detail={"order": {"amount": events.Match.greater_than(i)}}),
                    targets=[targets.SqsQueue(queue, message=events.RuleTargetInput.from_object(
                        {"order": events.EventField.from_path("$.detail.order.id"), "rule": i}))])
        built = time.perf_counter()
        assembly = app.synth()
        done = time.perf_counter()
        if best is None or done - began < best[0] + best[1]:
            best = (built - began, done - built, dict(spent), assembly)
    assert best is not None
    build, synth, phases, assembly = best
    print(f"{args.rules:,} rules, best of {args.repeat} rounds")
    print(f"imports                 {imports:.3f} s")
    print(f"building the constructs {build:.3f} s")
    print(f"synthesis               {synth:.3f} s")
    labels = {"_render_templates": "resolving the templates", "_template_problems": "template checks",
              "_stack_metadata": "metadata files", "_tree": "tree.json", "write_assembly": "writing the files"}
    for name in PHASES:
        print(f"  {labels[name]:<24}{phases.get(name, 0.0):.3f} s")
    templates = [artifact.template for artifact in assembly.stacks]
    for label, write in (("C writer", lambda t: template_text(t, 1, regular=True)),
                         ("exact writer", lambda t: js_stringify(t, 1))):
        rounds = []
        for _ in range(args.repeat):
            began = time.perf_counter()
            for template in templates:
                write(template)
            rounds.append(time.perf_counter() - began)
        print(f"templates, {label:<13}{min(rounds):.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
