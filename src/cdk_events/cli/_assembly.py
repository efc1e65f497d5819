"""A cloud assembly folder read as plain JSON (any writer: cdk-events or aws-cdk-lib), and its
annotations printed as the CDK CLI prints them."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._errors import UsageError

STACK_TYPE = "aws:cloudformation:stack"
NESTED_TYPE = "cdk:cloud-assembly"
LEVELS = {"aws:cdk:error": "error", "aws:cdk:warning": "warning", "aws:cdk:info": "info"}
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
_ACK = re.compile(r"\s*\[ack:\s*([^\]]+)\]\s*")


@dataclass
class Message:
    """An annotation of the assembly: level (error, warning, info), construct path, text."""

    level: str
    path: str
    text: str


@dataclass
class StackArtifact:
    """One stack of an assembly: what `simulate`, `ls` and `graph` need (the shape of aws-cdk-lib's
    `CloudFormationStackArtifact`)."""

    artifact_id: str
    display_name: str
    stack_name: str
    environment: str
    template_file: str
    template_path: Path
    messages: list[Message] = field(default_factory=list)
    _template: dict[str, Any] | None = None

    @property
    def template(self) -> dict[str, Any]:
        """The template, parsed."""
        if self._template is None:
            self._template = json.loads(self.template_path.read_text(encoding="utf-8"))
        return self._template

    @property
    def account(self) -> str:
        """The account of the environment (`unknown-account` for an environment-agnostic stack)."""
        return self.environment.removeprefix("aws://").partition("/")[0]

    @property
    def region(self) -> str:
        """The region of the environment (`unknown-region` for an environment-agnostic stack)."""
        return self.environment.removeprefix("aws://").partition("/")[2]


@dataclass
class Assembly:
    """A cloud assembly folder: its stacks in manifest order (nested assemblies of stages included)."""

    directory: Path
    stacks: list[StackArtifact]

    def get_stack_artifact(self, artifact_id: str) -> StackArtifact:
        """The stack with this artifact id."""
        for stack in self.stacks:
            if stack.artifact_id == artifact_id:
                return stack
        raise KeyError(artifact_id)

    @property
    def messages(self) -> list[Message]:
        """Every annotation, stack by stack."""
        return [m for s in self.stacks for m in s.messages]


def _messages(directory: Path, entry: dict[str, Any]) -> list[Message]:
    metadata: dict[str, Any] = dict(entry.get("metadata") or {})
    extra = entry.get("additionalMetadataFile")
    if isinstance(extra, str) and (directory / extra).is_file():
        metadata.update(json.loads((directory / extra).read_text(encoding="utf-8")))
    found = []
    for path, entries in metadata.items():
        for item in entries if isinstance(entries, list) else []:
            level = LEVELS.get(item.get("type", ""))
            if level is not None:
                found.append(Message(level, path.lstrip("/"), str(item.get("data", ""))))
    return found


def _read(directory: Path, stacks: list[StackArtifact]) -> None:
    manifest_path = directory / "manifest.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise UsageError(f"cannot read the cloud assembly manifest {manifest_path}: {error}") from None
    for artifact_id, entry in (manifest.get("artifacts") or {}).items():
        kind = entry.get("type")
        properties = entry.get("properties") or {}
        if kind == NESTED_TYPE and isinstance(properties.get("directoryName"), str):
            _read(directory / properties["directoryName"], stacks)
        if kind != STACK_TYPE:
            continue
        template_file = properties.get("templateFile", f"{artifact_id}.template.json")
        stacks.append(StackArtifact(
            artifact_id=artifact_id, display_name=entry.get("displayName", artifact_id),
            stack_name=properties.get("stackName", artifact_id),
            environment=entry.get("environment", "aws://unknown-account/unknown-region"),
            template_file=template_file, template_path=directory / template_file,
            messages=_messages(directory, entry)))


def read_assembly(directory: str | Path) -> Assembly:
    """The assembly in `directory` (it must hold a `manifest.json`)."""
    folder = Path(directory)
    if not (folder / "manifest.json").is_file():
        raise UsageError(f"{directory} is not a cloud assembly (no manifest.json)")
    stacks: list[StackArtifact] = []
    _read(folder, stacks)
    return Assembly(folder, stacks)


def format_messages(messages: list[Message]) -> list[str]:
    """The annotations as the CDK CLI prints them after synthesis: one block per construct, errors
    first, then warnings, then infos; a warning's `[ack: ID]` becomes its "Acknowledge with" line."""
    groups: dict[tuple[str, str, str], list[Message]] = {}
    for message in messages:
        match = _ACK.search(message.text)
        rule = match.group(1).strip() if match else f"{message.level}-annotation"
        text = _ACK.sub(" ", message.text).strip()
        groups.setdefault((rule, message.level, text), []).append(message)
    blocks: list[tuple[int, str]] = []
    for (rule, level, text), members in groups.items():
        rule_id = "Annotation::" + rule.replace(" ", "-")
        for member in members:
            last = f"Rule {rule_id}" if level == "error" else f"Acknowledge with '{rule_id}'"
            blocks.append((_SEVERITY_ORDER[level],
                           f"{level.upper()} {text} (Construct Annotations)\n   {member.path}\n   {last}"))
    blocks.sort(key=lambda block: block[0])
    return [text for _, text in blocks]
