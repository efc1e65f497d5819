"""Stack synthesizers: Default (every prop), Bootstrapless, CliCredentials, Legacy, and
`App(default_stack_synthesizer=...)` — templates, manifest entries and asset manifests as aws-cdk-lib."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from _corpus import PORTING
from cdk_events.aws import lambda_
from cdk_events.core import (
    App,
    BootstraplessSynthesizer,
    CfnResource,
    CliCredentialsStackSynthesizer,
    DefaultStackSynthesizer,
    Environment,
    LegacyStackSynthesizer,
    Stack,
    Token,
    UnscopedValidationError,
    ValidationError,
)

ASSETS = PORTING / "apps" / "assets"


def _app(tmp_path: Path, **kwargs: Any) -> App:
    if not PORTING.exists():
        pytest.fail(f"{PORTING} is missing (the compat corpus)")
    context = json.loads((PORTING.parent / "context.json").read_text())
    context["aws:cdk:enable-path-metadata"] = True
    return App(outdir=str(tmp_path / "out"), context=context, **kwargs)


def _golden(app: str, name: str) -> Any:
    return json.loads((PORTING / "goldens" / app / name).read_text())


def _artifacts(manifest: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in manifest["artifacts"].items() if k not in ("Tree", "aws-cdk-lib/feature-flag-report")}


def _function(stack: Stack, id: str, path: str, runtime: lambda_.Runtime = lambda_.Runtime.PYTHON_3_12) -> None:
    lambda_.Function(stack, id, runtime=runtime, handler="index.handler", code=lambda_.Code.from_asset(path))


def test_default_synthesizer_props_give_the_cdk_manifest_and_asset_manifest(tmp_path: Path) -> None:
    app = _app(tmp_path)
    custom = DefaultStackSynthesizer(
        qualifier="porting1", file_assets_bucket_name="porting-assets-${AWS::AccountId}-${AWS::Region}",
        bucket_prefix="functions/", image_assets_repository_name="porting-images", docker_tag_prefix="v1-",
        deploy_role_arn="arn:${AWS::Partition}:iam::${AWS::AccountId}:role/porting-deploy",
        deploy_role_external_id="deploy-ext",
        cloud_formation_execution_role="arn:${AWS::Partition}:iam::${AWS::AccountId}:role/porting-cfn-exec",
        file_asset_publishing_role_arn="arn:${AWS::Partition}:iam::${AWS::AccountId}:role/porting-files",
        file_asset_publishing_external_id="files-ext",
        image_asset_publishing_role_arn="arn:${AWS::Partition}:iam::${AWS::AccountId}:role/porting-images",
        lookup_role_arn="arn:${AWS::Partition}:iam::${AWS::AccountId}:role/porting-lookup",
        generate_bootstrap_version_rule=False, bootstrap_stack_version_ssm_parameter="/porting/bootstrap/version",
        use_lookup_role_for_stack_operations=False)
    stack = Stack(app, "DefaultSynthesizerProps", synthesizer=custom,
                  env=Environment(account="123456789012", region="eu-west-1"))
    _function(stack, "Handler", str(ASSETS / "handler_py"))
    assembly = app.synth()
    out = Path(assembly.directory)
    manifest = json.loads((out / "manifest.json").read_text())
    expected = _artifacts(_golden("synth_default_props", "manifest.json"))
    assert _artifacts(manifest)["DefaultSynthesizerProps.assets"] == expected["DefaultSynthesizerProps.assets"]
    ours = json.loads((out / "DefaultSynthesizerProps.assets.json").read_text())
    golden = _golden("synth_default_props", "DefaultSynthesizerProps.assets.json")
    # the template differs (one rule fewer here), so compare the function's asset entry and the roles
    code_hash = "75c039a43a5de620c341865065e9570c399a2e037dd913a8f3adc4e9175435cd"
    assert json.dumps(ours["files"][code_hash]) == json.dumps(golden["files"][code_hash])
    properties = _artifacts(manifest)["DefaultSynthesizerProps"]["properties"]
    golden_properties = expected["DefaultSynthesizerProps"]["properties"]
    for key in ("assumeRoleExternalId", "assumeRoleArn", "cloudFormationExecutionRoleArn",
                "requiresBootstrapStackVersion", "bootstrapStackVersionSsmParameter", "additionalDependencies"):
        assert properties[key] == golden_properties[key]
    assert list(properties) == list(golden_properties)  # the same keys in the same order (no lookupRole)
    assert properties["stackTemplateAssetObjectUrl"].startswith("s3://porting-assets-123456789012-eu-west-1/functions/")
    template = assembly.get_stack_by_name("DefaultSynthesizerProps").template
    assert "Parameters" not in template and "Rules" not in template
    assert template["Resources"]["Handler886CB40B"]["Properties"]["Code"] == {
        "S3Bucket": "porting-assets-123456789012-eu-west-1", "S3Key": f"functions/{code_hash}.zip"}


def test_the_qualifier_reaches_the_bootstrap_parameter_and_every_name(tmp_path: Path) -> None:
    app = _app(tmp_path)
    stack = Stack(app, "DefaultSynthesizerQualifier",
                  synthesizer=DefaultStackSynthesizer(qualifier="porting2", bucket_prefix="p2/"))
    _function(stack, "Handler", str(ASSETS / "handler_node"), lambda_.Runtime.NODEJS_20_X)
    assembly = app.synth()
    template = assembly.get_stack_by_name("DefaultSynthesizerQualifier").template
    golden = _golden("synth_default_props", "DefaultSynthesizerQualifier.template.json")
    assert template["Parameters"] == golden["Parameters"] and template["Rules"] == golden["Rules"]
    assert template["Resources"]["Handler886CB40B"]["Properties"]["Code"] == \
        golden["Resources"]["Handler886CB40B"]["Properties"]["Code"]
    manifest = json.loads((Path(assembly.directory) / "manifest.json").read_text())
    ours = _artifacts(manifest)["DefaultSynthesizerQualifier"]["properties"]
    expected = _artifacts(_golden("synth_default_props", "manifest.json"))["DefaultSynthesizerQualifier"]["properties"]
    assert ours["lookupRole"] == expected["lookupRole"] and ours["assumeRoleArn"] == expected["assumeRoleArn"]
    assert _artifacts(manifest)["DefaultSynthesizerQualifier.assets"] == \
        _artifacts(_golden("synth_default_props", "manifest.json"))["DefaultSynthesizerQualifier.assets"]


def test_qualifier_from_context(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path / "out"), context={"@aws-cdk/core:bootstrapQualifier": "ctx123"})
    stack = Stack(app, "S")
    CfnResource(stack, "R", type="AWS::SNS::Topic")
    template = app.synth().get_stack_by_name("S").template
    assert template["Parameters"]["BootstrapVersion"]["Default"] == "/cdk-bootstrap/ctx123/version"


def test_bootstrapless_writes_roles_only_and_refuses_assets(tmp_path: Path) -> None:
    app = _app(tmp_path)
    stack = Stack(app, "Bootstrapless", synthesizer=BootstraplessSynthesizer(
        deploy_role_arn="arn:aws:iam::123456789012:role/pipeline-deploy",
        cloud_formation_execution_role_arn="arn:aws:iam::123456789012:role/pipeline-cfn-exec"))
    CfnResource(stack, "R", type="AWS::SNS::Topic")
    plain = Stack(app, "BootstraplessPlain", synthesizer=BootstraplessSynthesizer())
    CfnResource(plain, "R", type="AWS::SNS::Topic")
    assembly = app.synth()
    manifest = json.loads((Path(assembly.directory) / "manifest.json").read_text())
    golden = _artifacts(_golden("synth_bootstrapless", "manifest.json"))
    assert _artifacts(manifest) == golden
    assert not list(Path(assembly.directory).glob("*.assets.json"))
    assert "Parameters" not in assembly.get_stack_by_name("Bootstrapless").template
    with pytest.raises(UnscopedValidationError, match="Cannot add assets to a Stack that uses the Bootstrapless"):
        _function(stack, "Handler", str(ASSETS / "handler_py"))


def test_cli_credentials_synthesizer(tmp_path: Path) -> None:
    app = _app(tmp_path)
    custom = Stack(app, "CliCredentialsCustom", env=Environment(account="123456789012", region="us-west-2"),
                   synthesizer=CliCredentialsStackSynthesizer(
                       qualifier="cli1", file_assets_bucket_name="cli-assets-${AWS::AccountId}", bucket_prefix="cli/"))
    _function(custom, "Handler", str(ASSETS / "handler_bundle.zip"))
    assembly = app.synth()
    out = Path(assembly.directory)
    code = assembly.get_stack_by_name("CliCredentialsCustom").template["Resources"]["Handler886CB40B"]
    golden = _golden("synth_cli_credentials", "CliCredentialsCustom.template.json")["Resources"]["Handler886CB40B"]
    assert code["Properties"]["Code"] == golden["Properties"]["Code"]
    ours = json.loads((out / "CliCredentialsCustom.assets.json").read_text())
    expected = _golden("synth_cli_credentials", "CliCredentialsCustom.assets.json")
    zip_hash = "9c7a4fa25c50f6c42c70a7d2994828723c78425223a7137cac3b5089dcb5e2da"
    assert ours["files"][zip_hash] == expected["files"][zip_hash]
    manifest = _artifacts(json.loads((out / "manifest.json").read_text()))
    assert manifest["CliCredentialsCustom.assets"] == \
        _artifacts(_golden("synth_cli_credentials", "manifest.json"))["CliCredentialsCustom.assets"]
    assert "assumeRoleArn" not in manifest["CliCredentialsCustom"]["properties"]
    assert (out / f"asset.{zip_hash}.zip").is_file()


def test_legacy_synthesizer_matches_the_golden_template(tmp_path: Path) -> None:
    app = _app(tmp_path)
    stack = Stack(app, "LegacySynth", synthesizer=LegacyStackSynthesizer())
    _function(stack, "First", str(ASSETS / "handler_py"))
    _function(stack, "Second", str(ASSETS / "handler_py"))
    _function(stack, "Zipped", str(ASSETS / "handler_bundle.zip"))
    assembly = app.synth()
    template = assembly.get_stack_by_name("LegacySynth").template
    golden = _golden("synth_legacy_assets", "LegacySynth.template.json")
    assert json.dumps(template["Parameters"]) == json.dumps(golden["Parameters"])
    for name in ("First8D4707F1", "Second394350F9"):
        assert template["Resources"][name]["Properties"]["Code"] == golden["Resources"][name]["Properties"]["Code"]
    manifest = _artifacts(json.loads((Path(assembly.directory) / "manifest.json").read_text()))
    assert manifest == _artifacts(_golden("synth_legacy_assets", "manifest.json"))
    metadata = json.loads((Path(assembly.directory) / "LegacySynth.metadata.json").read_text())
    assert [e for e in metadata["/LegacySynth"] if e["type"] == "aws:cdk:asset"] == [
        e for e in _golden("synth_legacy_assets", "LegacySynth.metadata.json")["/LegacySynth"]
        if e["type"] == "aws:cdk:asset"]


def test_app_default_synthesizer_is_copied_for_every_stack(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path / "out"), default_stack_synthesizer=CliCredentialsStackSynthesizer(qualifier="q1"))
    first, second = Stack(app, "First"), Stack(app, "Second")
    for stack in (first, second):
        CfnResource(stack, "R", type="AWS::SNS::Topic")
    assert isinstance(first.synthesizer, CliCredentialsStackSynthesizer)
    assert first.synthesizer is not second.synthesizer
    own = Stack(app, "Own", synthesizer=LegacyStackSynthesizer())
    CfnResource(own, "R", type="AWS::SNS::Topic")
    manifest = json.loads((Path(app.synth().directory) / "manifest.json").read_text())
    assert "First.assets" in manifest["artifacts"] and "Own.assets" not in manifest["artifacts"]
    assert manifest["artifacts"]["Second"]["properties"]["stackTemplateAssetObjectUrl"].startswith(
        "s3://cdk-q1-assets-${AWS::AccountId}-${AWS::Region}/")


def test_synthesizer_checks(tmp_path: Path) -> None:
    with pytest.raises(UnscopedValidationError, match="property 'bucketPrefix' cannot contain tokens"):
        DefaultStackSynthesizer(bucket_prefix=Token.as_string({"Ref": "X"}))
    with pytest.raises(UnscopedValidationError, match="'qualifier' must be a string"):
        CliCredentialsStackSynthesizer(qualifier=5)  # type: ignore[arg-type]
    app = App(outdir=str(tmp_path / "out"))
    synthesizer = DefaultStackSynthesizer()
    Stack(app, "One", synthesizer=synthesizer)
    with pytest.raises(ValidationError, match="can only be used for one Stack"):
        Stack(app, "Two", synthesizer=synthesizer)
    with pytest.raises(ValidationError, match="'synthesizer' must be a stack synthesizer"):
        Stack(app, "Three", synthesizer="default")  # type: ignore[arg-type]


def test_session_tags_raise_the_required_bootstrap_version(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path / "out"))
    stack = Stack(app, "Tagged", synthesizer=DefaultStackSynthesizer(
        deploy_role_additional_options={"Tags": [{"Key": "a", "Value": "b"}]}))
    CfnResource(stack, "R", type="AWS::SNS::Topic")
    assembly = app.synth()
    rule = assembly.get_stack_by_name("Tagged").template["Rules"]["CheckBootstrapVersion"]["Assertions"][0]
    assert rule["Assert"]["Fn::Not"][0]["Fn::Contains"][0] == [str(n) for n in range(1, 22)]
    properties = json.loads((Path(assembly.directory) / "manifest.json").read_text())["artifacts"]["Tagged"][
        "properties"]
    assert properties["requiresBootstrapStackVersion"] == 22
    assert properties["assumeRoleAdditionalOptions"] == {"Tags": [{"Key": "a", "Value": "b"}]}


def test_a_second_synthesis_replaces_the_template_entry(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path / "out"))
    stack = Stack(app, "Again")
    CfnResource(stack, "R", type="AWS::SNS::Topic")
    app.synth()
    CfnResource(stack, "Q", type="AWS::SQS::Queue")
    assembly = app.synth(force=True)
    files = json.loads((Path(assembly.directory) / "Again.assets.json").read_text())["files"]
    assert [f["displayName"] for f in files.values()] == ["Again Template"]
    text = (Path(assembly.directory) / "Again.template.json").read_bytes()
    assert list(files) == [hashlib.sha256(text).hexdigest()]
