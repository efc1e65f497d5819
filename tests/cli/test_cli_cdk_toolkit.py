"""The real AWS CDK CLI (`npm install aws-cdk@2`) drives cdk-events apps: `cdk ls`, `cdk synth`,
`cdk synth --strict`, `cdk diff --template`, and `cdk ls --app cdk.out` on our assembly.

The CLI is installed once into ~/.cache/cdk-events-cli; the tests skip, saying why, where npm or
the registry is not reachable. They run offline: `--no-notices`, telemetry off, `CDK_HOME` in a
temporary folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path.home() / ".cache" / "cdk-events-cli"
QUICKSTART = ROOT / "src" / "cdk_events" / "cli" / "_quickstart.py"


@pytest.fixture(scope="module")
def cdk_cli() -> Path:
    binary = CACHE / "node_modules" / ".bin" / "cdk"
    if binary.exists():
        return binary
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not installed: cannot install the AWS CDK CLI (aws-cdk@2)")
    CACHE.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--silent", "aws-cdk@2"], cwd=CACHE,
                            capture_output=True, text=True, timeout=600)
    if result.returncode != 0 or not binary.exists():
        pytest.skip(f"could not install aws-cdk@2 from npm (registry unreachable?): {result.stderr[-300:]}")
    return binary


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CDK_")}
    env.update(CDK_DISABLE_CLI_TELEMETRY="true", CDK_HOME=str(tmp_path / "cdk-home"),
               PYTHONPATH=os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]))
    return env


def _cdk(cli: Path, args: list[str], cwd: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(cli), *args, "--no-notices"], cwd=cwd, env=_env(tmp_path), capture_output=True,
                          text=True, timeout=300)


def _project(tmp_path: Path, app_source: str) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    (project / "app.py").write_text(app_source)
    (project / "cdk.json").write_text(json.dumps({"app": f"{sys.executable} app.py",
                                                  "context": {"@aws-cdk/aws-iam:minimizePolicies": True}}))
    return project


def test_cdk_ls_reads_an_assembly_written_by_cdk_events(cdk_cli: Path, tmp_path: Path) -> None:
    out = tmp_path / "cdk.out"
    synth = subprocess.run([sys.executable, "-m", "cdk_events.cli._main", "synth", "-o", str(out)],
                           env=_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert synth.returncode == 0, synth.stderr
    result = _cdk(cdk_cli, ["ls", "--app", str(out)], tmp_path, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["QuickstartStack"]


def test_cdk_synth_ls_and_diff_run_a_cdk_events_project(cdk_cli: Path, tmp_path: Path) -> None:
    project = _project(tmp_path, QUICKSTART.read_text())
    listed = _cdk(cdk_cli, ["ls"], project, tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.split() == ["QuickstartStack"]
    synth = _cdk(cdk_cli, ["synth", "-q"], project, tmp_path)
    assert synth.returncode == 0, synth.stderr
    template = project / "cdk.out" / "QuickstartStack.template.json"
    resources = json.loads(template.read_text())["Resources"]
    assert {r["Type"] for r in resources.values()} >= {"AWS::Events::Rule", "AWS::Events::EventBus"}
    diff = _cdk(cdk_cli, ["diff", "--template", str(template), "QuickstartStack"], project, tmp_path)
    assert diff.returncode == 0, diff.stderr
    assert "There were no differences" in diff.stdout + diff.stderr


WARNING_APP = """
from cdk_events import EventPattern, Rule, Schedule
from cdk_events.core import App, Stack

app = App()
stack = Stack(app, "WarnStack")
Rule(stack, "EveryMinuteByAccident", schedule=Schedule.cron(hour="4"))
app.synth()
"""


def test_cdk_synth_strict_turns_our_warnings_into_errors(cdk_cli: Path, tmp_path: Path) -> None:
    project = _project(tmp_path, WARNING_APP)
    relaxed = _cdk(cdk_cli, ["synth", "-q"], project, tmp_path)
    assert relaxed.returncode == 0, relaxed.stderr
    assert "by default the event runs every minute" in relaxed.stdout + relaxed.stderr
    strict = _cdk(cdk_cli, ["synth", "-q", "--strict"], project, tmp_path)
    assert strict.returncode != 0
    assert "WarnStack/EveryMinuteByAccident" in strict.stdout + strict.stderr
