"""Every `examples/*.py` (except `_*.py`) runs as the CDK CLI runs an app, writes a cloud assembly
with its stacks, and every template it writes passes cfn-lint with no errors or warnings.

Each example runs in its own process with `CDK_OUTDIR` and `CDK_CONTEXT_JSON` set (the context of
a new `cdk init` project: `tests/corpus/compat/context.json` when present, else
`cdk_events.core.RECOMMENDED_FEATURE_FLAGS`), as `cdk synth` would run it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from _corpus import COMPAT

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for p in (ROOT / "examples").glob("*.py") if not p.name.startswith("_"))
CONTEXT_JSON = COMPAT / "context.json"

# Stacks the examples of this folder are known to write; for any other example, the stacks named by
# a literal `Stack(app, "<id>"` in its source are expected.
EXPECTED_STACKS = {
    "archive.py": {"ArchiveStack"},
    "grant_put_events.py": {"GrantPutEventsStack"},
    "quickstart.py": {"QuickstartStack"},
    "seed_sns_message.py": {"SeedSnsStack"},
}

# cfn-lint findings we do not count: informational rules (I*), and one warning that is aws-cdk-lib's
# own output. Every other error (E*) or warning (W*) fails the test.
IGNORED_LEVELS = ("informational",)
# W3005 "dependency already enforced": a Lambda function's `DependsOn` lists its service role although
# `Role` already references it. aws-cdk-lib 2.275 writes exactly this (compat golden `event_bus_grants`,
# `Fn9270CBC0.DependsOn == ["FnServiceRoleDefaultPolicyC6A839BF", "FnServiceRoleB9001A96"]`), so we keep
# it for byte-compatible templates; it is harmless (a redundant dependency). Only this shape is ignored.
IGNORED_FINDINGS = (
    ("W3005", re.compile(r"^'\w*ServiceRole[0-9A-F]{8}' dependency already enforced by a 'GetAtt' at "
                         r"'Resources/\w+/Properties/Role'$")),
)


def _context() -> dict[str, Any]:
    if CONTEXT_JSON.is_file():
        return dict(json.loads(CONTEXT_JSON.read_text(encoding="utf-8")))
    from cdk_events.core import RECOMMENDED_FEATURE_FLAGS

    return dict(RECOMMENDED_FEATURE_FLAGS)


def _expected_stacks(example: Path) -> set[str]:
    if example.name in EXPECTED_STACKS:
        return EXPECTED_STACKS[example.name]
    return set(re.findall(r"""\bStack\(\s*app\s*,\s*["']([A-Za-z][A-Za-z0-9-]*)["']""", example.read_text()))


@cache
def _lint_config() -> Any:
    from cfnlint.api import ManualArgs

    return ManualArgs(regions=["us-east-1"])


def _lint(template_text: str) -> list[str]:
    from cfnlint.api import lint

    findings = lint(template_text, config=_lint_config())
    return [f"{m.rule.id} {m.message} (at {'/'.join(str(p) for p in m.path)})" for m in findings
            if m.rule.severity.lower() not in IGNORED_LEVELS and not _ignored(m.rule.id, m.message)]


def _ignored(rule_id: str, message: str) -> bool:
    return any(rule_id == ignored_id and pattern.match(message) for ignored_id, pattern in IGNORED_FINDINGS)


def test_there_are_examples() -> None:
    assert EXAMPLES, "examples/ holds no example"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_example_synthesizes_and_lints_clean(example: Path, tmp_path: Path) -> None:
    outdir = tmp_path / "cdk.out"
    env = {**os.environ, "CDK_OUTDIR": str(outdir), "CDK_CONTEXT_JSON": json.dumps(_context())}
    run = subprocess.run([sys.executable, str(example)], cwd=tmp_path, env=env, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, f"{example.name} failed:\n{run.stdout}\n{run.stderr}"

    manifest = json.loads((outdir / "manifest.json").read_text(encoding="utf-8"))
    stacks = {artifact_id: artifact for artifact_id, artifact in manifest["artifacts"].items()
              if artifact["type"] == "aws:cloudformation:stack"}
    assert stacks, f"{example.name} wrote no stack"
    assert _expected_stacks(example) <= set(stacks)

    problems: dict[str, list[str]] = {}
    for artifact_id, artifact in stacks.items():
        template_file = outdir / artifact["properties"]["templateFile"]
        assert template_file.is_file(), f"{artifact_id}: {template_file.name} missing"
        findings = _lint(template_file.read_text(encoding="utf-8"))
        if findings:
            problems[artifact_id] = findings
    assert not problems, f"cfn-lint findings in {example.name}: {json.dumps(problems, indent=2)}"
