"""Templates as the local engine reads them: cloud assemblies, template files and dicts, plain JSON in.

A :class:`StackModel` is one CloudFormation template with its environment. :func:`load_assembly` reads a
``cdk.out`` folder written by aws-cdk-lib or by cdk-events (``manifest.json``, each
``aws:cloudformation:stack`` artifact's ``templateFile`` and ``environment``, nested assemblies of stages);
:func:`load_template` reads one template: a dict, JSON text, a JSON file, a YAML file when PyYAML is
installed, or anything with ``to_json()`` (an ``assertions.Template``).

:class:`Resolver` turns the deploy-time values of a template (``Ref``, ``Fn::GetAtt``, ``Fn::Join``,
``Fn::Sub`` ...) into readable text: ``${Queue4A7E3555.Arn}``, ``${AWS::Region}``, or into the value the
caller set for them (``set={"Queue4A7E3555.Arn": "arn:..."}``).
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._errors import LocalEngineError

__all__ = ["AssemblyError", "Resolver", "StackModel", "Unresolved", "load_assembly", "load_template", "unresolved_keys"]

_STACK_TYPE = "aws:cloudformation:stack"
_NESTED_TYPE = "cdk:cloud-assembly"
_PLACEHOLDER = re.compile(r"\$\{([^}!][^}]*)\}")
_ENV = re.compile(r"^aws://([^/]*)/(.*)$")


class AssemblyError(LocalEngineError):
    """A cloud assembly or template the local engine cannot read: a missing folder or file, a
    ``manifest.json`` that is not one, a file that is not a CloudFormation template."""


def _concrete(value: str | None, unknown: str) -> str | None:
    """``None`` for an environment-agnostic account or region (``unknown-account``, a token)."""
    if not value or value.startswith(unknown) or "${" in value or "Token[" in value:
        return None
    return value


def parse_environment(env: str | None) -> tuple[str | None, str | None]:
    """``aws://ACCOUNT/REGION`` -> (account, region); an unknown part (``unknown-account``) is ``None``."""
    if env is None:
        return None, None
    match = _ENV.match(env)
    if match is None:
        raise AssemblyError(f"environment {env!r} is not of the form aws://ACCOUNT/REGION")
    return _concrete(match.group(1), "unknown-account"), _concrete(match.group(2), "unknown-region")


@dataclass(frozen=True)
class StackModel:
    """One template and where it is deployed.

    ``name`` is the artifact id (the stack's name unless the manifest gives a ``stackName``);
    ``account`` and ``region`` are ``None`` when the stack is environment-agnostic.
    """

    name: str
    template: Mapping[str, Any]
    account: str | None = None
    region: str | None = None
    stack_name: str = ""

    @property
    def resources(self) -> Mapping[str, Any]:
        """The template's ``Resources`` (empty when it has none)."""
        value = self.template.get("Resources", {})
        return value if isinstance(value, Mapping) else {}

    @property
    def environment(self) -> str:
        """``aws://ACCOUNT/REGION``, with ``unknown-account`` / ``unknown-region`` where agnostic."""
        return f"aws://{self.account or 'unknown-account'}/{self.region or 'unknown-region'}"


# --- reading ---------------------------------------------------------------------------------------------


def _read_json(path: Path, what: str) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AssemblyError(f"{what} {str(path)!r} does not exist") from None
    except OSError as error:
        raise AssemblyError(f"cannot read {what} {str(path)!r}: {error.strerror}") from None
    try:
        return json.loads(text)
    except ValueError as error:
        raise AssemblyError(f"{what} {str(path)!r} is not valid JSON: {error}") from None


def _check_template(value: Any, source: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping) or not isinstance(value.get("Resources"), Mapping):
        found = "no Resources section" if isinstance(value, Mapping) else f"a JSON {type(value).__name__}"
        raise AssemblyError(f"{source} is not a CloudFormation template: it has {found}")
    return value


def load_assembly(directory: str | Path) -> list[StackModel]:
    """The stacks of the cloud assembly in ``directory`` (and of the assemblies nested in it), in manifest
    order. Raises :class:`AssemblyError` when the folder, its ``manifest.json`` or a template is missing
    or unreadable."""
    root = Path(directory)
    if not root.is_dir():
        if root.is_file():
            raise AssemblyError(f"{str(root)!r} is a file, not a cloud assembly folder (cdk.out); "
                                "use from_template() for a template file")
        raise AssemblyError(f"cloud assembly folder {str(root)!r} does not exist")
    stacks: list[StackModel] = []
    _read_manifest(root, stacks, set())
    return stacks


def _read_manifest(root: Path, out: list[StackModel], seen: set[Path]) -> None:
    if root.resolve() in seen:
        return
    seen.add(root.resolve())
    manifest_path = root / "manifest.json"
    if not manifest_path.is_file():
        raise AssemblyError(f"{str(root)!r} is not a cloud assembly: it has no manifest.json")
    manifest = _read_json(manifest_path, "manifest")
    artifacts = manifest.get("artifacts") if isinstance(manifest, Mapping) else None
    if not isinstance(artifacts, Mapping):
        raise AssemblyError(f"{str(manifest_path)!r} is not a cloud assembly manifest: it has no artifacts")
    for artifact_id, artifact in artifacts.items():
        if not isinstance(artifact, Mapping):
            continue
        props = artifact.get("properties") or {}
        if artifact.get("type") == _NESTED_TYPE and isinstance(props.get("directoryName"), str):
            _read_manifest(root / props["directoryName"], out, seen)
        elif artifact.get("type") == _STACK_TYPE:
            template_file = props.get("templateFile")
            if not isinstance(template_file, str):
                raise AssemblyError(f"stack artifact {artifact_id!r} of {str(manifest_path)!r} has no templateFile")
            template_path = root / template_file
            template = _check_template(_read_json(template_path, "template"), f"template {str(template_path)!r}")
            account, region = parse_environment(artifact.get("environment"))
            stack_name = props["stackName"] if isinstance(props.get("stackName"), str) else str(artifact_id)
            out.append(StackModel(artifact_id, template, account, region, stack_name))


def _yaml_loader() -> Any:
    """A PyYAML SafeLoader that reads CloudFormation's short-form tags (``!Ref``, ``!GetAtt``, ``!Sub``...)
    as their long form, and dates as text; ``None`` when PyYAML is not installed."""
    try:
        yaml = importlib.import_module("yaml")
    except ImportError:
        return None

    class Loader(yaml.SafeLoader):  # type: ignore[misc, name-defined]
        pass

    Loader.yaml_implicit_resolvers = {
        key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct(loader: Any, suffix: str, node: Any) -> Any:
        if isinstance(node, yaml.ScalarNode):
            value: Any = loader.construct_scalar(node)
        elif isinstance(node, yaml.SequenceNode):
            value = loader.construct_sequence(node, deep=True)
        else:
            value = loader.construct_mapping(node, deep=True)
        if suffix == "Ref":
            return {"Ref": value}
        if suffix == "Condition":
            return {"Condition": value}
        if suffix == "GetAtt" and isinstance(value, str):
            value = value.split(".", 1)
        return {f"Fn::{suffix}": value}

    Loader.add_multi_constructor("!", construct)
    return Loader


def _parse_text(text: str, source: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as error:
        if text.lstrip().startswith(("{", "[")):
            raise AssemblyError(f"{source} is not valid JSON: {error}") from None
    loader = _yaml_loader()
    if loader is None:
        raise AssemblyError(f"{source} is not JSON, and YAML templates need PyYAML (pip install pyyaml)")
    yaml = importlib.import_module("yaml")
    try:
        return yaml.load(text, Loader=loader)  # a SafeLoader subclass
    except yaml.YAMLError as error:
        raise AssemblyError(f"{source} is neither JSON nor valid YAML: {error}") from None


def load_template(source: Any, *, name: str | None = None, env: str | None = None) -> StackModel:
    """One template as a :class:`StackModel`: ``source`` is a dict, an object with ``to_json()`` (an
    ``assertions.Template``), a path to a JSON or YAML file, or JSON text. ``name`` defaults to the
    file's stem (``"Template"`` otherwise); ``env`` (``aws://ACCOUNT/REGION``) defaults to agnostic."""
    account, region = parse_environment(env)
    if hasattr(source, "to_json") and not isinstance(source, (str, Path, Mapping)):
        value, label, default_name = source.to_json(), f"{type(source).__name__} object", "Template"
    elif isinstance(source, Mapping):
        value, label, default_name = source, "the template dict", "Template"
    elif isinstance(source, (str, Path)):
        text_like = isinstance(source, str) and source.lstrip().startswith("{")
        if text_like:
            value, label, default_name = _parse_text(str(source), "the template text"), "the template text", "Template"
        else:
            path = Path(source)
            if path.is_dir():
                raise AssemblyError(f"{str(path)!r} is a folder, not a template file; "
                                    "use from_assembly() for a cloud assembly (cdk.out)")
            try:
                text = path.read_text(encoding="utf-8")
            except FileNotFoundError:
                raise AssemblyError(f"template file {str(path)!r} does not exist") from None
            except (OSError, UnicodeDecodeError) as error:
                raise AssemblyError(f"cannot read template file {str(path)!r}: {error}") from None
            label = f"template file {str(path)!r}"
            value, default_name = _parse_text(text, label), path.name.split(".")[0] or "Template"
    else:
        raise AssemblyError(f"expected a template (dict, path, JSON text or Template), got {type(source).__name__}")
    template = _check_template(value, label)
    stack = name or default_name
    return StackModel(stack, template, account, region, stack)


# --- deploy-time values -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unresolved:
    """A deploy-time value nobody set: ``text`` is its placeholder (``${Bucket83908E77}``), ``keys`` the
    names that ``set`` would need (``Bucket83908E77``)."""

    text: str
    keys: tuple[str, ...]


_PSEUDO_DEFAULTS = {"AWS::URLSuffix": "amazonaws.com", "AWS::NoValue": ""}


@dataclass
class Resolver:
    """Resolves the intrinsic functions of one stack's template to text.

    Known values: the stack's account and region (``AWS::AccountId``, ``AWS::Region``), an
    ``AWS::Events::EventBus``'s literal name (its ``Ref`` and ``Name``/``Arn`` attributes), and
    everything in ``values`` (keys as in the placeholders: ``Logical``, ``Logical.Attr``, ``AWS::Region``).
    Anything else stays a placeholder ``${...}``.
    """

    stack: StackModel
    values: Mapping[str, Any] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    _hits: list[str] = field(default_factory=list, repr=False)

    def known(self, key: str) -> tuple[bool, Any]:
        """(True, value) when ``key`` (a placeholder's inside) has a value, else (False, None)."""
        if key in self.values:
            return True, self.values[key]
        if key == "AWS::AccountId" and self.stack.account:
            return True, self.stack.account
        if key == "AWS::Region" and self.stack.region:
            return True, self.stack.region
        if key == "AWS::StackName" and self.stack.stack_name:
            return True, self.stack.stack_name
        if key in _PSEUDO_DEFAULTS:
            return True, _PSEUDO_DEFAULTS[key]
        logical, _, attribute = key.partition(".")
        resource = self.stack.resources.get(logical)
        if isinstance(resource, Mapping) and resource.get("Type") == "AWS::Events::EventBus":
            name = (resource.get("Properties") or {}).get("Name")
            if isinstance(name, str) and attribute in ("", "Name"):
                return True, name
            if isinstance(name, str) and attribute == "Arn":
                account = self.text({"Ref": "AWS::AccountId"})
                region = self.text({"Ref": "AWS::Region"})
                return True, f"arn:{self.text({'Ref': 'AWS::Partition'})}:events:{region}:{account}:event-bus/{name}"
        return False, None

    def _key(self, key: str) -> str:
        found, value = self.known(key)
        if found:
            return value if isinstance(value, str) else json.dumps(value, separators=(",", ":"))
        if key not in self.missing:
            self.missing.append(key)
        self._hits.append(key)
        return "${" + key + "}"

    def text(self, value: Any) -> str:
        """``value`` as text: a literal as is (JSON for non-strings), a deploy-time value as placeholder."""
        if isinstance(value, str):
            return value
        intrinsic = _intrinsic(value)
        if intrinsic is None:
            return json.dumps(value, separators=(",", ":"))
        name, arg = intrinsic
        if name == "Ref" and isinstance(arg, str):
            return self._key(arg)
        if name == "Fn::GetAtt":
            parts = arg.split(".", 1) if isinstance(arg, str) else arg
            if isinstance(parts, list) and len(parts) == 2:
                return self._key(f"{self.text(parts[0])}.{self.text(parts[1])}")
        if name == "Fn::Join" and isinstance(arg, list) and len(arg) == 2 and isinstance(arg[1], list):
            return self.text(arg[0]).join(self.text(part) for part in arg[1])
        if name == "Fn::Sub":
            return self._sub(arg)
        if name == "Fn::Select" and isinstance(arg, list) and len(arg) == 2 and isinstance(arg[1], list):
            index = self.text(arg[0])
            if index.isdigit() and int(index) < len(arg[1]):
                return self.text(arg[1][int(index)])
        if name == "Fn::ImportValue":
            return self._key(f"ImportValue:{self.text(arg)}")
        return self._key(f"{name}:{json.dumps(arg, separators=(',', ':'))}")

    def _sub(self, arg: Any) -> str:
        if isinstance(arg, list) and len(arg) == 2 and isinstance(arg[1], Mapping):
            template, variables = arg[0], arg[1]
        else:
            template, variables = arg, {}
        if not isinstance(template, str):
            return self._key(f"Fn::Sub:{json.dumps(arg, separators=(',', ':'))}")

        def replace(match: re.Match[str]) -> str:
            key = match.group(1).strip()
            if key in variables:
                return self.text(variables[key])
            return self._key(key)

        return _PLACEHOLDER.sub(replace, template).replace("${!", "${")

    def value(self, value: Any) -> Any:
        """``value`` with its deploy-time values resolved: a ``Ref`` / ``Fn::GetAtt`` that was set becomes
        the value set (any JSON), other intrinsics become text; one that stays unknown becomes an
        :class:`Unresolved`. Literals (and their nesting) are kept."""
        intrinsic = _intrinsic(value)
        if intrinsic is not None:
            before = len(self._hits)
            name, arg = intrinsic
            if name in ("Ref", "Fn::GetAtt"):
                parts = arg.split(".", 1) if name == "Fn::GetAtt" and isinstance(arg, str) else arg
                key = arg if name == "Ref" else ".".join(str(p) for p in parts) if isinstance(parts, list) else ""
                found, known = self.known(key) if isinstance(key, str) else (False, None)
                if found:
                    return known
            text = self.text(value)
            if len(self._hits) > before:
                return Unresolved(text, tuple(dict.fromkeys(self._hits[before:])))
            return text
        if isinstance(value, Mapping):
            return {k: self.value(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.value(v) for v in value]
        return value


def _intrinsic(value: Any) -> tuple[str, Any] | None:
    if isinstance(value, Mapping) and len(value) == 1:
        ((name, arg),) = value.items()
        if (name == "Ref" and isinstance(arg, str)) or (isinstance(name, str) and name.startswith("Fn::")):
            return name, arg
    return None


def unresolved_keys(value: Any) -> tuple[str, ...]:
    """The keys (for ``set``) of the :class:`Unresolved` values inside ``value``, each once, in order."""
    keys: dict[str, None] = {}

    def visit(node: Any) -> None:
        if isinstance(node, Unresolved):
            keys.update(dict.fromkeys(node.keys))
        elif isinstance(node, Mapping):
            for item in node.values():
                visit(item)
        elif isinstance(node, list):
            for item in node:
                visit(item)

    visit(value)
    return tuple(keys)
