"""The cloud assembly a synthesis produced (mirrors `aws_cdk.cx_api.CloudAssembly`)."""

from __future__ import annotations

import json
import os
from typing import Any

from ._errors import ValidationError


class CloudFormationStackArtifact:
    """One stack of the assembly: its template, environment, dependencies and messages."""

    def __init__(self, assembly: CloudAssembly, artifact_id: str, manifest_entry: dict[str, Any],
                 template_text: str, messages: list[dict[str, Any]]):
        self.assembly = assembly
        self.id = artifact_id
        self.artifact_id = artifact_id
        self.manifest = manifest_entry
        self._template_text = template_text
        self._template: dict[str, Any] | None = None
        self.messages = messages
        properties = manifest_entry.get("properties", {})
        self.template_file: str = properties["templateFile"]
        self.stack_name: str = properties.get("stackName", artifact_id)
        self.environment: str = manifest_entry["environment"]
        self.display_name: str = manifest_entry.get("displayName", artifact_id)
        self.tags: dict[str, str] = dict(properties.get("tags", {}))
        self.termination_protection: bool = properties.get("terminationProtection", False)
        self.dependency_ids: list[str] = [d for d in manifest_entry.get("dependencies", [])
                                          if not d.endswith(".assets")]

    @property
    def template(self) -> dict[str, Any]:
        """The template as JSON data (parsed from the written file's text)."""
        if self._template is None:
            self._template = json.loads(self._template_text)
        return self._template

    @property
    def template_full_path(self) -> str:
        """The template file's path."""
        return os.path.join(self.assembly.directory, self.template_file)

    @property
    def dependencies(self) -> list[CloudFormationStackArtifact]:
        """The stack artifacts this one depends on."""
        return [self.assembly.get_stack_artifact(d) for d in self.dependency_ids]

    def __repr__(self) -> str:
        return f"<CloudFormationStackArtifact {self.artifact_id}>"


class CloudAssembly:
    """What `App.synth()` returns: the output folder and its stacks."""

    def __init__(self, directory: str, manifest: dict[str, Any]):
        self.directory = directory
        self.manifest = manifest
        self._stacks: dict[str, CloudFormationStackArtifact] = {}

    @property
    def version(self) -> str:
        """The cloud assembly schema version."""
        return str(self.manifest["version"])

    def _add(self, artifact: CloudFormationStackArtifact) -> None:
        self._stacks[artifact.artifact_id] = artifact

    @property
    def stacks(self) -> list[CloudFormationStackArtifact]:
        """The stack artifacts, in creation order."""
        return list(self._stacks.values())

    @property
    def artifacts(self) -> list[CloudFormationStackArtifact]:
        """Same as `stacks` (the only artifacts with content here)."""
        return self.stacks

    def get_stack_artifact(self, artifact_id: str) -> CloudFormationStackArtifact:
        """The stack artifact with this artifact id."""
        try:
            return self._stacks[artifact_id]
        except KeyError:
            raise ValidationError(f"Unable to find artifact with id \"{artifact_id}\"") from None

    def get_stack_by_name(self, stack_name: str) -> CloudFormationStackArtifact:
        """The only stack with this CloudFormation stack name."""
        found = [s for s in self._stacks.values() if s.stack_name == stack_name]
        if not found:
            raise ValidationError(f"Unable to find stack with stack name \"{stack_name}\"")
        if len(found) > 1:
            raise ValidationError(f"There are multiple stacks with the stack name \"{stack_name}\" "
                                  f"({', '.join(s.artifact_id for s in found)}). Use \"getStackArtifact(id)\" instead")
        return found[0]

    def try_get_artifact(self, artifact_id: str) -> CloudFormationStackArtifact | None:
        """The stack artifact with this id, or None."""
        return self._stacks.get(artifact_id)
