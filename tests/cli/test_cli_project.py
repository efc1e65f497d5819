"""`cdk-events synth | ls` in a CDK project folder run cdk.json's app as the CDK CLI does: its context,
cdk.context.json, `-c` (strings), the CLI's own context keys, `CDK_OUTDIR`, `CDK_DEFAULT_REGION`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from conftest import Cli

# The app records what it was given, then synthesizes one stack.
RECORDING_APP = """
import json, os
from cdk_events.core import App, Stack, CfnResource
with open("seen.json", "w") as f:
    json.dump({k: os.environ.get(k) for k in ("CDK_CONTEXT_JSON", "CDK_OUTDIR", "CDK_DEFAULT_REGION")}, f)
app = App()
CfnResource(Stack(app, "ProjectStack"), "Topic", type="AWS::SNS::Topic")
app.synth()
"""


def _project(folder: Path, app: str = RECORDING_APP, **config: object) -> None:
    (folder / "app.py").write_text(app)
    (folder / "cdk.json").write_text(json.dumps({"app": f"{sys.executable} app.py", **config}))


def _seen(folder: Path) -> dict[str, object]:
    seen = json.loads((folder / "seen.json").read_text())
    seen["context"] = json.loads(seen.pop("CDK_CONTEXT_JSON"))
    return seen


def test_synth_with_no_argument_runs_the_cdk_json_app_not_the_quickstart(cli: Cli, tmp_path: Path) -> None:
    _project(tmp_path)
    result = cli("synth")
    assert result.code == 0, result.err
    assert result.out.splitlines() == ["ProjectStack: 1 resource (ProjectStack.template.json)",
                                       "Cloud assembly written to cdk.out"]
    assert "quickstart" not in result.err
    assert sorted(p.name for p in (tmp_path / "cdk.out").glob("*.template.json")) == ["ProjectStack.template.json"]
    assert cli("ls").out.split() == ["ProjectStack"]


def test_the_context_is_merged_and_passed_as_the_cdk_cli_passes_it(cli: Cli, tmp_path: Path) -> None:
    _project(tmp_path, context={"shared": "cdk.json", "n": 1, "@aws-cdk/aws-iam:minimizePolicies": True})
    (tmp_path / "cdk.context.json").write_text(json.dumps({"shared": "cached", "cached-only": True}))
    assert cli("synth", "-q", "-c", "n=5", "-c", "extra=a=b").code == 0
    seen = _seen(tmp_path)
    assert seen["CDK_OUTDIR"] == "cdk.out"
    assert seen["CDK_DEFAULT_REGION"] == "us-east-1"
    assert seen["context"] == {
        "shared": "cdk.json", "cached-only": True, "n": "5", "@aws-cdk/aws-iam:minimizePolicies": True,
        "extra": "a=b",  # -c values are strings, split at the first "="
        "aws:cdk:enable-path-metadata": True, "aws:cdk:enable-asset-metadata": True,
        "aws:cdk:version-reporting": True, "aws:cdk:bundling-stacks": ["**"],
        "@aws-cdk/core:failSynthOnValidationErrors": False}
    assert list(seen["context"])[:2] == ["shared", "cached-only"]  # lowest precedence first, as the CLI merges


def test_settings_of_cdk_json_and_the_environment(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _project(tmp_path, output="build/assembly", versionReporting=False, pathMetadata=False)
    monkeypatch.setenv("AWS_REGION", "eu-central-1")
    assert cli("ls").code == 0
    seen = _seen(tmp_path)
    assert seen["CDK_DEFAULT_REGION"] == "eu-central-1"
    context = seen["context"]
    assert isinstance(context, dict)
    assert context["aws:cdk:bundling-stacks"] == []  # ls bundles nothing, as `cdk ls`
    assert context["aws:cdk:disable-version-reporting"] is True
    assert "aws:cdk:enable-path-metadata" not in context
    assert cli("synth", "-q").code == 0
    assert (tmp_path / "build" / "assembly" / "manifest.json").is_file()
    assert cli("synth", "-q", "-o", "elsewhere").code == 0
    assert (tmp_path / "elsewhere" / "manifest.json").is_file()


def test_an_app_file_in_a_project_folder_gets_the_project_context(cli: Cli, tmp_path: Path) -> None:
    _project(tmp_path, context={"from-project": "yes"})
    (tmp_path / "other.py").write_text(RECORDING_APP)
    assert cli("synth", "other.py", "-q").code == 0
    context = _seen(tmp_path)["context"]
    assert isinstance(context, dict) and context["from-project"] == "yes"


def test_reserved_context_keys_and_malformed_pairs_are_bad_input(cli: Cli, tmp_path: Path) -> None:
    _project(tmp_path)
    reserved = cli("synth", "-c", "aws:cdk:enable-path-metadata=false")
    assert reserved.code == 2
    assert reserved.err == ("cdk-events: User-provided context cannot use keys prefixed with 'aws:', but "
                            "aws:cdk:enable-path-metadata was provided.\n")
    malformed = cli("synth", "-c", "novalue")
    assert (malformed.code, malformed.err) == (2, "cdk-events: --context expects KEY=VALUE, got 'novalue'\n")


def test_a_failing_app_command_is_reported_with_its_exit_code(cli: Cli, tmp_path: Path) -> None:
    _project(tmp_path, app=RECORDING_APP + "import sys\nsys.exit(3)\n")
    result = cli("synth")
    assert result.code == 1
    assert result.err.strip() == f"cdk-events: error: {sys.executable} app.py: Subprocess exited with error 3"
    (tmp_path / "exits.py").write_text("import sys\nsys.exit(4)\n")
    as_file = cli("synth", "exits.py")
    assert (as_file.code, as_file.err.strip()) == (1, "cdk-events: error: exits.py: Subprocess exited with error 4")


def test_an_app_that_writes_no_assembly_is_an_error(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "cdk.json").write_text(json.dumps({"app": f"{sys.executable} -c pass"}))
    result = cli("synth")
    assert result.code == 1
    assert "wrote no cloud assembly to cdk.out (does it call app.synth()?)" in result.err


def test_cdk_json_without_app_and_an_assembly_folder_as_app(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "cdk.json").write_text(json.dumps({"context": {}}))
    missing = cli("synth")
    assert (missing.code, missing.err) == (
        2, "cdk-events: --app is required either in command-line, in cdk.json or in ~/.cdk.json\n")
    (tmp_path / "app.py").write_text(RECORDING_APP)
    assert cli("synth", "app.py", "-o", "asm", "-q").code == 0
    (tmp_path / "seen.json").unlink()
    listed = cli("ls", "--app", "asm")  # a cloud assembly folder: read, not run
    assert listed.out.split() == ["ProjectStack"]
    assert not (tmp_path / "seen.json").exists()
