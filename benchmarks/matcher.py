"""Throughput of cdk_events.local.Matcher on the shared matcher benchmark data.

    python benchmarks/matcher.py [--data DIR] [--events N]

Generates the data with tests/corpus/bench/matcher/gen_bench.py (into a temporary directory
unless --data names a directory that already holds it), compiles 1, 100 and 1,000 rules once,
then times rules_for_event on every event given as JSON text (parsing included), next to
json.loads alone on the same events in the same run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cdk_events.local import Matcher

GENERATOR = Path(__file__).resolve().parents[1] / "tests" / "corpus" / "bench" / "matcher" / "gen_bench.py"
EXPECTED_MATCHES = {1: 219, 100: 23_681, 1000: 234_536}
RULE_COUNTS = (1, 100, 1000)


def _ensure_data(directory: Path) -> None:
    if (
        all((directory / f"rules_{n}.jsonl").exists() for n in RULE_COUNTS)
        and (directory / "events.jsonl").exists()
    ):
        return
    directory.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, str(GENERATOR), str(directory)], check=True, stdout=subprocess.DEVNULL)


def _time_loads(events: list[str]) -> float:
    loads = json.loads
    start = time.perf_counter()
    for text in events:
        loads(text)
    return time.perf_counter() - start


def _time_matcher(matcher: Matcher, events: list[str]) -> tuple[float, int]:
    match = matcher.rules_for_event
    total = 0
    start = time.perf_counter()
    for text in events:
        total += len(match(text))
    return time.perf_counter() - start, total


def run(data: Path, limit: int | None) -> int:
    """Run the benchmark on ``data``; returns a process exit code (1 if a match count is wrong)."""
    _ensure_data(data)
    events = (data / "events.jsonl").read_text().splitlines()[:limit]
    loads_rate = len(events) / min(_time_loads(events) for _ in range(3))
    print(f"{len(events):,} events, Python {sys.version.split()[0]}")
    print(f"| {'rules':>6} | {'compile s':>9} | {'events/s':>10} | {'x json.loads':>12} | {'matches':>9} |")
    print(f"|{'-' * 8}|{'-' * 11}|{'-' * 12}|{'-' * 14}|{'-' * 11}|")
    print(f"| {'loads':>6} | {'':>9} | {loads_rate:>10,.0f} | {1.0:>12.2f} | {'':>9} |")
    status = 0
    for count in RULE_COUNTS:
        matcher = Matcher()
        start = time.perf_counter()
        for i, line in enumerate((data / f"rules_{count}.jsonl").read_text().splitlines()):
            matcher.add_rule(f"rule-{i}", line)
        matcher.rules_for_event(events[0])  # builds the state machine
        compile_seconds = time.perf_counter() - start
        runs = [_time_matcher(matcher, events) for _ in range(3)]
        seconds = min(r[0] for r in runs)
        total = runs[0][1]
        rate = len(events) / seconds
        print(
            f"| {count:>6} | {compile_seconds:>9.3f} | {rate:>10,.0f} "
            f"| {rate / loads_rate:>12.2f} | {total:>9,} |"
        )
        if limit is None and total != EXPECTED_MATCHES[count]:
            print(
                f"WRONG match count for {count} rules: expected {EXPECTED_MATCHES[count]:,}", file=sys.stderr
            )
            status = 1
    return status


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="directory holding (or receiving) the benchmark data")
    parser.add_argument("--events", type=int, default=None, help="use only the first N events")
    args = parser.parse_args(argv)
    if args.data is None and not GENERATOR.exists():
        print(f"skipped: benchmark data generator not found at {GENERATOR}")
        return 0
    if args.data is not None:
        return run(args.data, args.events)
    with tempfile.TemporaryDirectory() as tmp:
        return run(Path(tmp), args.events)


if __name__ == "__main__":
    raise SystemExit(main())
