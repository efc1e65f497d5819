"""The real AWS CDK CLI (`npm install aws-cdk@2`) drives cdk-events apps: `cdk ls`, `cdk synth`,
`cdk synth --strict`, `cdk diff --template`, and `cdk ls --app cdk.out` on our assembly.

The CLI is installed once, with npm, into the folder `CDK_EVENTS_TEST_NPM_CACHE` names (default
`$XDG_CACHE_HOME/cdk-events-tests`, that is `~/.cache/cdk-events-tests`); npm's own download cache goes
there too, and nothing else is written outside the test's temporary folders. `CDK_EVENTS_TEST_CLI=0`
turns these tests off. They skip, saying why, where npm or the registry is not reachable. They run
offline: `--no-notices`, telemetry off, `CDK_HOME` in a temporary folder.
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
CACHE = Path(os.environ.get("CDK_EVENTS_TEST_NPM_CACHE") or
             Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "cdk-events-tests").expanduser()
QUICKSTART = ROOT / "src" / "cdk_events" / "cli" / "_quickstart.py"


@pytest.fixture(scope="module")
def cdk_cli() -> Path:
    if os.environ.get("CDK_EVENTS_TEST_CLI", "1").strip().lower() in ("0", "false", "no", "off"):
        pytest.skip("CDK_EVENTS_TEST_CLI=0: the tests with the real AWS CDK CLI are turned off")
    binary = CACHE / "node_modules" / ".bin" / "cdk"
    if binary.exists():
        return binary
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not installed: cannot install the AWS CDK CLI (aws-cdk@2)")
    CACHE.mkdir(parents=True, exist_ok=True)
    if not (CACHE / "package.json").exists():  # else npm would look for a project in the parent folders
        (CACHE / "package.json").write_text('{"name": "cdk-events-tests", "private": true}\n')
    # npm's download cache in the same folder: the install writes nowhere else (not ~/.npm)
    env = dict(os.environ, npm_config_cache=str(CACHE / "npm-cache"), npm_config_update_notifier="false")
    result = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--silent", "aws-cdk@2"], cwd=CACHE, env=env,
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
    synth = subprocess.run([sys.executable, "-m", "cdk_events.cli", "synth", "-o", str(out)],
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


PROJECT_APP = QUICKSTART.read_text().replace("app.synth()", """
import os
from cdk_events.core import CfnResource, Environment

regional = Stack(app, "Regional", env=Environment(account="111111111111", region=os.environ["CDK_DEFAULT_REGION"]))
CfnResource(regional, "Topic", type="AWS::SNS::Topic",
            properties={"TopicName": repr(app.node.try_get_context("flag")),
                        "DisplayName": repr(app.node.try_get_context("cached"))})
app.synth()
""")


def _templates(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text() for p in sorted(folder.glob("*.template.json"))}


def _cdk_events(args: list[str], cwd: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cdk_events.cli", *args], cwd=cwd, env=_env(tmp_path),
                          capture_output=True, text=True, timeout=120)


def test_cdk_events_synth_writes_the_templates_cdk_synth_writes(cdk_cli: Path, tmp_path: Path) -> None:
    project = _project(tmp_path, PROJECT_APP)  # cdk.json: the app, and minimizePolicies in its context
    (project / "cdk.context.json").write_text(json.dumps({"cached": True}))
    by_cdk = _cdk(cdk_cli, ["synth", "-q", "-c", "flag=true"], project, tmp_path)
    assert by_cdk.returncode == 0, by_cdk.stderr
    expected = _templates(project / "cdk.out")
    shutil.rmtree(project / "cdk.out")
    ours = _cdk_events(["synth", "-q", "-c", "flag=true"], project, tmp_path)
    assert ours.returncode == 0, ours.stderr
    assert _templates(project / "cdk.out") == expected
    assert set(expected) == {"QuickstartStack.template.json", "Regional.template.json"}
    topic = json.loads(expected["Regional.template.json"])["Resources"]["Topic"]["Properties"]
    assert topic == {"TopicName": "'true'", "DisplayName": "True"}  # -c gives a string; cdk.context.json JSON


def test_cdk_events_synth_app_py_is_cdk_synth_app_python_app_py(cdk_cli: Path, tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(PROJECT_APP)  # no cdk.json: no context beyond the CLI's own
    by_cdk = _cdk(cdk_cli, ["synth", "-q", "--app", f"{sys.executable} app.py", "-o", "by-cdk"], tmp_path, tmp_path)
    assert by_cdk.returncode == 0, by_cdk.stderr
    ours = _cdk_events(["synth", "app.py", "-q", "-o", "ours"], tmp_path, tmp_path)
    assert ours.returncode == 0, ours.stderr
    assert _templates(tmp_path / "ours") == _templates(tmp_path / "by-cdk")
