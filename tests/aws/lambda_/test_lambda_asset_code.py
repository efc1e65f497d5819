"""lambda_.Code.from_asset: folders and .zip files as assets, shared between functions, `exclude`,
asset metadata, and the checks of `AssetCode`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from aws_support import COMPAT, make_app

from cdk_events.aws import lambda_
from cdk_events.core import App, Environment, Stack, ValidationError

ASSETS = COMPAT / "porting" / "apps" / "assets"


def _golden(app: str, stack: str) -> str:
    return (COMPAT / "porting" / "goldens" / app / f"{stack}.template.json").read_text()


def _fn(stack: Stack, id: str, code: lambda_.Code, runtime: lambda_.Runtime = lambda_.Runtime.PYTHON_3_12,
        **kwargs: object) -> lambda_.Function:
    return lambda_.Function(stack, id, runtime=runtime, handler="index.handler", code=code, **kwargs)  # type: ignore[arg-type]


def _text(app: App, stack: str) -> str:
    assembly = app.synth()
    return Path(assembly.get_stack_by_name(stack).template_full_path).read_text()


def test_folders_shared_excluded_and_node_match_the_golden_byte_for_byte(tmp_path: Path) -> None:
    from cdk_events import EventPattern, Rule, targets

    app = make_app(tmp_path)
    stack = Stack(app, "AssetFolder")
    py1 = _fn(stack, "PyOne", lambda_.Code.from_asset(str(ASSETS / "handler_py")))
    py2 = _fn(stack, "PyTwo", lambda_.Code.from_asset(str(ASSETS / "handler_py")), lambda_.Runtime.PYTHON_3_13)
    slim = _fn(stack, "PySlim", lambda_.Code.from_asset(str(ASSETS / "handler_py"), exclude=["notes.md", "*.txt"]))
    node = _fn(stack, "Node", lambda_.Code.from_asset(str(ASSETS / "handler_node")), lambda_.Runtime.NODEJS_22_X)
    Rule(stack, "Orders", event_pattern=EventPattern(source=["com.example.orders"]),
         targets=[targets.LambdaFunction(f) for f in (py1, py2, slim, node)])
    assert _text(app, "AssetFolder") == _golden("lambda_asset_folder", "AssetFolder")
    staged = sorted(p.name for p in Path(app.outdir).glob("asset.*"))
    assert len(staged) == 3  # the two functions on the same folder share one asset


def test_zip_file_in_two_stacks(tmp_path: Path) -> None:
    from cdk_events import EventPattern, Rule, Schedule, targets
    from cdk_events.core import Duration

    app = make_app(tmp_path)
    stack = Stack(app, "AssetZip")
    fn = _fn(stack, "Zipped", lambda_.Code.from_asset(str(ASSETS / "handler_bundle.zip")))
    Rule(stack, "Every10", schedule=Schedule.rate(Duration.minutes(10)), targets=[targets.LambdaFunction(fn)])
    other = Stack(app, "AssetZipOther", env=Environment(account="123456789012", region="eu-central-1"))
    fn2 = _fn(other, "ZippedToo", lambda_.Code.from_asset(str(ASSETS / "handler_bundle.zip")),
              lambda_.Runtime.PYTHON_3_11, timeout=Duration.seconds(20))
    Rule(other, "OnUpload", event_pattern=EventPattern(source=["aws.s3"], detail_type=["Object Created"]),
         targets=[targets.LambdaFunction(fn2)])
    assert _text(app, "AssetZip") == _golden("lambda_asset_zip", "AssetZip")
    assert _text(app, "AssetZipOther") == _golden("lambda_asset_zip", "AssetZipOther")


def test_asset_metadata_with_the_cli_context(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path / "out"), context={"aws:cdk:enable-asset-metadata": True})
    stack = Stack(app, "Meta")
    fn = _fn(stack, "Fn", lambda_.Code.from_asset(str(ASSETS / "handler_py")))
    metadata = app.synth().get_stack_by_name("Meta").template["Resources"][
        stack.get_logical_id(fn.node.find_child("Resource"))]["Metadata"]  # type: ignore[arg-type]
    assert metadata == {"aws:asset:path": "asset.75c039a43a5de620c341865065e9570c399a2e037dd913a8f3adc4e9175435cd",
                        "aws:asset:is-bundled": False, "aws:asset:property": "Code"}


def test_asset_manifest_lists_each_asset_once_with_its_display_name(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path / "out"))
    stack = Stack(app, "Manifest")
    code = lambda_.Code.from_asset(str(ASSETS / "handler_py"))
    _fn(stack, "A", code)
    _fn(stack, "B", code)  # the same Code object: one asset, child of the first function
    assembly = app.synth()
    files = json.loads((Path(assembly.directory) / "Manifest.assets.json").read_text())["files"]
    assert [f["displayName"] for f in files.values()] == ["A/Code", "Manifest Template"]


def test_asset_code_checks(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path / "out"))
    stack, other = Stack(app, "One"), Stack(app, "Two")
    code = lambda_.Code.from_asset(str(ASSETS / "handler_py"))
    _fn(stack, "A", code)
    with pytest.raises(ValidationError, match="Asset is already associated with another stack 'One'"):
        _fn(other, "B", code)
    text = tmp_path / "handler.py"
    text.write_text("def handler(e, c): pass\n")
    with pytest.raises(ValidationError, match=r"Asset must be a \.zip file or a directory"):
        _fn(stack, "C", lambda_.Code.from_asset(str(text)))
    with pytest.raises(ValidationError, match="Cannot find asset at"):
        _fn(stack, "D", lambda_.Code.from_asset(str(tmp_path / "missing")))
    with pytest.raises(ValidationError, match="bundling is not offered"):
        _fn(stack, "E", lambda_.Code.from_asset(str(ASSETS / "handler_py"), bundling={"image": "x"}))


def test_asset_code_works_with_runtimes_without_inline_code(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path / "out"))
    stack = Stack(app, "Java")
    _fn(stack, "Fn", lambda_.Code.from_asset(str(ASSETS / "handler_bundle.zip")), lambda_.Runtime.JAVA_21)
    with pytest.raises(ValidationError, match="Inline source not allowed for java21"):
        _fn(stack, "Inline", lambda_.Code.from_inline("x"), lambda_.Runtime.JAVA_21)
