"""The real AWS CDK CLI on a cdk-events project with file assets: a function with
`Code.from_asset` and a `LayerVersion`; `cdk synth` and `cdk ls` accept the assembly, the assets are
staged, and the CLI's asset-metadata context reaches the template.

Reuses the CLI the toolkit tests install (skips where npm or the registry is absent)."""

from __future__ import annotations

import json
from pathlib import Path

from test_cli_cdk_toolkit import _cdk, _project, cdk_cli

__all__ = ["cdk_cli"]  # the fixture, imported for pytest

APP = """
from cdk_events import Rule, Schedule, targets
from cdk_events.aws import lambda_
from cdk_events.core import App, Duration, Stack

app = App()
stack = Stack(app, "AssetStack")
layer = lambda_.LayerVersion(stack, "Helpers", code=lambda_.Code.from_asset("layer"),
                             compatible_runtimes=[lambda_.Runtime.PYTHON_3_12])
fn = lambda_.Function(stack, "Handler", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                      code=lambda_.Code.from_asset("handler", exclude=["*.md"]), layers=[layer])
Rule(stack, "Tick", schedule=Schedule.rate(Duration.minutes(5)), targets=[targets.LambdaFunction(fn)])
app.synth()
"""


def test_cdk_synth_and_ls_run_a_project_with_assets_and_a_layer(cdk_cli: Path, tmp_path: Path) -> None:
    project = _project(tmp_path, APP)
    (project / "handler").mkdir()
    (project / "handler" / "index.py").write_text("def handler(event, context):\n    return event\n")
    (project / "handler" / "README.md").write_text("left out\n")
    (project / "layer" / "python").mkdir(parents=True)
    (project / "layer" / "python" / "helpers.py").write_text("VALUE = 1\n")
    listed = _cdk(cdk_cli, ["ls"], project, tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.split() == ["AssetStack"]
    synth = _cdk(cdk_cli, ["synth", "-q"], project, tmp_path)
    assert synth.returncode == 0, synth.stderr
    out = project / "cdk.out"
    template = json.loads((out / "AssetStack.template.json").read_text())
    function = next(r for r in template["Resources"].values() if r["Type"] == "AWS::Lambda::Function")
    staged = out / function["Metadata"]["aws:asset:path"]  # the CLI turns asset metadata on
    assert function["Properties"]["Code"]["S3Key"] == staged.name.removeprefix("asset.") + ".zip"
    assert sorted(p.name for p in staged.iterdir()) == ["index.py"]
    layer = next(r for r in template["Resources"].values() if r["Type"] == "AWS::Lambda::LayerVersion")
    assert layer["Metadata"]["aws:asset:property"] == "Content"
    assert function["Properties"]["Layers"] == [{"Ref": next(k for k, r in template["Resources"].items()
                                                             if r["Type"] == "AWS::Lambda::LayerVersion")}]
    assets = json.loads((out / "AssetStack.assets.json").read_text())
    assert [f["source"]["packaging"] for f in assets["files"].values()] == ["zip", "zip", "file"]
