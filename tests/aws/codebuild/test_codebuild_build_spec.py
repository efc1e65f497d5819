"""codebuild.BuildSpec: inline JSON as the CDK writes it (tokens spliced in), YAML, source files."""

from __future__ import annotations

from typing import Any

import pytest

from cdk_events import core as cdk
from cdk_events.aws import codebuild
from cdk_events.core import ValidationError


def _build_spec(spec: codebuild.BuildSpec) -> Any:
    app = cdk.App()
    stack = cdk.Stack(app, "S")
    codebuild.Project(stack, "P", build_spec=spec)
    resources = app.synth().get_stack_by_name("S").template["Resources"]
    return next(v for v in resources.values() if v["Type"] == "AWS::CodeBuild::Project")["Properties"]["Source"][
        "BuildSpec"]


def test_from_object_is_indented_json_with_javascript_numbers() -> None:
    spec = codebuild.BuildSpec.from_object({"version": "0.2", "env": {"variables": {"A": 1.0, "B": 1e21, "C": "é"}},
                                            "phases": {}})
    assert _build_spec(spec) == ('{\n  "version": "0.2",\n  "env": {\n    "variables": {\n      "A": 1,\n'
                                 '      "B": 1e+21,\n      "C": "é"\n    }\n  },\n  "phases": {}\n}')


def test_from_object_splices_tokens() -> None:
    spec = codebuild.BuildSpec.from_object({"version": "0.2", "env": {"variables": {"REGION": cdk.Aws.REGION}}})
    assert _build_spec(spec) == {"Fn::Join": ["", [
        '{\n  "version": "0.2",\n  "env": {\n    "variables": {\n      "REGION": "', {"Ref": "AWS::Region"},
        '"\n    }\n  }\n}']]}


def test_from_object_to_yaml() -> None:
    spec = codebuild.BuildSpec.from_object_to_yaml({"version": "0.2", "phases": {"build": {"commands": [
        "make", "echo a: b", "- x"]}}, "env": {"variables": {"ON": "yes", "N": 2}}, "artifacts": {"files": []}})
    assert _build_spec(spec) == ('version: "0.2"\nphases:\n  build:\n    commands:\n      - make\n'
                                 '      - "echo a: b"\n      - "- x"\nenv:\n  variables:\n    "ON": "yes"\n'
                                 '    "N": 2\nartifacts:\n  files: []\n')
    assert codebuild.BuildSpec.from_object_to_yaml({"a": [{"b": 1, "c": [1, 2]}]}).to_build_spec() == (
        "a:\n  - b: 1\n    c:\n      - 1\n      - 2\n")
    with pytest.raises(ValidationError, match="multi-line strings and tokens are not offered"):
        codebuild.BuildSpec.from_object_to_yaml({"a": "x\ny"}).to_build_spec()


def test_from_source_filename_and_bad_values() -> None:
    spec = codebuild.BuildSpec.from_source_filename("ci/buildspec.yml")
    assert spec.to_build_spec() == "ci/buildspec.yml" and not spec.is_immediate
    with pytest.raises(ValidationError, match="'value' must be a dict"):
        codebuild.BuildSpec.from_object(["x"])  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"BuildSpec\.from_asset is not offered"):
        codebuild.BuildSpec.from_asset("buildspec.yml")
