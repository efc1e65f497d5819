"""Small apps whose templates aws-cdk-lib 2.275 wrote (tests/core/awscdk_goldens): the same app with
cdk-events — its imports swapped, nothing else — writes the same bytes (CDKMetadata aside)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent / "awscdk_goldens"
CASES = sorted(p.name for p in HERE.iterdir() if (p / "app.py").exists())
SWAPS = {
    "import aws_cdk as cdk": "from cdk_events import core as cdk",
    "from aws_cdk import aws_sqs as sqs": "from cdk_events.aws import sqs",
    "from aws_cdk import aws_events as events": "import cdk_events as events",
    "from aws_cdk import aws_events_targets as targets": "from cdk_events import targets",
}


def _ported(source: str) -> str:
    lines = []
    for line in source.splitlines():
        assert not line.startswith(("import aws_cdk", "from aws_cdk")) or line in SWAPS, f"no swap for {line!r}"
        lines.append(SWAPS.get(line, line))
    return "\n".join(lines) + "\n"


def _without_metadata(text: str) -> str:
    template = json.loads(text)
    template.get("Resources", {}).pop("CDKMetadata", None)
    conditions = template.get("Conditions", {})
    conditions.pop("CDKMetadataAvailable", None)
    if "Conditions" in template and not conditions:
        del template["Conditions"]
    return json.dumps(template, indent=1)


@pytest.mark.parametrize("case", CASES)
def test_cdk_events_writes_the_bytes_aws_cdk_lib_wrote(case: str, tmp_path: Path) -> None:
    app = tmp_path / "app.py"
    app.write_text(_ported((HERE / case / "app.py").read_text()))
    env = {k: v for k, v in os.environ.items() if k not in ("CDK_CONTEXT_JSON",)}
    env["CDK_OUTDIR"] = str(tmp_path / "out")
    run = subprocess.run([sys.executable, str(app)], cwd=tmp_path, env=env, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr[-3000:]
    goldens = sorted(p.name for p in (HERE / case).glob("*.template.json"))
    assert goldens == sorted(p.name for p in (tmp_path / "out").glob("*.template.json"))
    for name in goldens:
        golden = _without_metadata((HERE / case / name).read_text())
        ours = _without_metadata((tmp_path / "out" / name).read_text())
        assert ours == golden, name
