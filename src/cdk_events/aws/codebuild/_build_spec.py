"""`BuildSpec`: an inline buildspec (rendered as the CDK renders it) or a file of the source."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cdk_events.core import Construct, ValidationError
from cdk_events.core._cfn_json import to_json_string

from ._yaml import to_yaml


class BuildSpec:
    """A project's buildspec (mirrors `aws_cdk.aws_codebuild.BuildSpec`): `from_object` (inline, written
    as JSON with two-space indentation), `from_source_filename` (a file in the source), or
    `from_object_to_yaml`."""

    is_immediate: bool = False
    """Whether the buildspec is known at synthesis (inline) rather than read from the source at build time."""

    def __init__(self) -> None:
        raise TypeError("use BuildSpec.from_object(...), from_object_to_yaml(...) or from_source_filename(...)")

    @staticmethod
    def from_object(value: Mapping[str, Any]) -> BuildSpec:
        """An inline buildspec, written into the template as JSON text (`JSON.stringify(value, undefined, 2)`,
        tokens spliced in)."""
        if not isinstance(value, Mapping):
            raise ValidationError(f"BuildSpec.from_object: 'value' must be a dict, got {value!r}")
        return _ObjectBuildSpec(value)

    @staticmethod
    def from_object_to_yaml(value: Mapping[str, Any]) -> BuildSpec:
        """An inline buildspec written as YAML text."""
        if not isinstance(value, Mapping):
            raise ValidationError(f"BuildSpec.from_object_to_yaml: 'value' must be a dict, got {value!r}")
        return _YamlBuildSpec(value)

    @staticmethod
    def from_source_filename(filename: str) -> BuildSpec:
        """A buildspec file of the source other than `buildspec.yml` (read at build time)."""
        if not isinstance(filename, str) or not filename:
            raise ValidationError(f"BuildSpec.from_source_filename: 'filename' must be a non-empty string, "
                                  f"got {filename!r}")
        return _FilenameBuildSpec(filename)

    @staticmethod
    def from_asset(path: str) -> BuildSpec:
        """Not offered: a buildspec from a local file needs an S3 asset; use `from_object`."""
        raise ValidationError("BuildSpec.from_asset is not offered by cdk-events (it needs an S3 asset); "
                              "load the file and use BuildSpec.from_object(...) instead")

    def to_build_spec(self, scope: Construct | None = None) -> str:
        """The `Source.BuildSpec` value."""
        raise NotImplementedError


class _ObjectBuildSpec(BuildSpec):
    is_immediate = True

    def __init__(self, spec: Mapping[str, Any]):
        self.spec = spec

    def to_build_spec(self, scope: Construct | None = None) -> str:
        return to_json_string(self.spec, 2)

    def __repr__(self) -> str:
        return f"BuildSpec.from_object({dict(self.spec)!r})"


class _FilenameBuildSpec(BuildSpec):
    is_immediate = False

    def __init__(self, filename: str):
        self.filename = filename

    def to_build_spec(self, scope: Construct | None = None) -> str:
        return self.filename

    def __str__(self) -> str:
        return f"<buildspec file: {self.filename}>"


class _YamlBuildSpec(BuildSpec):
    is_immediate = True

    def __init__(self, spec: Mapping[str, Any]):
        self.spec = spec

    def to_build_spec(self, scope: Construct | None = None) -> str:
        return to_yaml(self.spec)
