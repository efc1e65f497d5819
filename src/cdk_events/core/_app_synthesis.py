"""Synthesis: aspects, validation, templates, and the cloud assembly written in one move."""

from __future__ import annotations

import gc
import hashlib
from typing import TYPE_CHECKING, Any

from . import _assembly
from ._annotations import ERROR, INFO, WARNING
from ._assembly import CloudAssembly, CloudFormationStackArtifact
from ._cfn_element import CfnElement
from ._checked import user_code
from ._construct import DEPENDENCIES_IN_TREE, Construct
from ._default_synthesizer import MANIFEST_VERSION
from ._errors import ValidationError
from ._json import _needs_reorder, js_stringify, template_text
from ._resolve import ValueKinds, resolve
from ._tags import invoke_aspects
from ._version import VERSION

if TYPE_CHECKING:
    from ._app import App
    from ._assets import StagingRequest
    from ._stack import Stack

RESOURCE_LIMIT_CONTEXT = "@aws-cdk/core:stackResourceLimit"
VALIDATE_TEMPLATES_CONTEXT = "@aws-cdk/core:validateAgainstDefaultRules"
_MESSAGE_LEVELS = {WARNING: "warning", ERROR: "error", INFO: "info"}
# files with fewer resources (or metadata entries) are written by the Python writer: for them the C writer
# does not repay its import (a few milliseconds, once)
_C_WRITER_MIN_ITEMS = 25


def resolve_construct_dependencies(root: Construct) -> None:
    """Turn `node.add_dependency` between constructs into `DependsOn` (same stack) or stack dependencies,
    as the CDK does when it prepares an app: every resource below the source depends on every
    resource below the target."""
    from ._cfn_element import CfnResource

    if not root.__dict__.get(DEPENDENCIES_IN_TREE):
        return  # nobody called `node.add_dependency`: nothing to turn into DependsOn
    for source in root.node.iter_preorder():
        dependencies = source.node._dependencies
        if not dependencies:
            continue
        seen: set[int] = set()
        source_resources: list[CfnResource] | None = None
        for dependable in dependencies:
            target = dependable if isinstance(dependable, Construct) else dependable.node.host
            if id(target) in seen:
                continue
            seen.add(id(target))
            if source_resources is None:
                source_resources = [c for c in source.node.iter_preorder() if isinstance(c, CfnResource)]
            targets = [c for c in target.node.iter_preorder() if isinstance(c, CfnResource)]
            for resource in source_resources:
                for other in targets:
                    resource.add_dependency(other)


def _stacks(app: App) -> list[Stack]:
    stacks: list[Stack] = [c for c in app.node.iter_preorder() if type(c)._is_stack_scope]  # type: ignore[misc]
    return stacks


def validate_tree(root: Construct) -> None:
    """Run every construct's validations and raise them all at once."""
    errors: list[tuple[str, str]] = []
    for construct in root.node.iter_preorder():
        node = construct.node
        if node._validations:
            errors.extend((node.path, message) for message in node.validate())
    if errors:
        lines = "\n".join(f"  [{path}] {message}" for path, message in errors)
        raise ValidationError(f"Validation failed with the following errors:\n{lines}")


def _render_templates(stacks: list[Stack]) -> tuple[dict[Stack, dict[str, Any]], dict[Stack, ValueKinds]]:
    templates: dict[Stack, dict[str, Any]] = {}
    kinds: dict[Stack, ValueKinds] = {}
    for stack in stacks:
        kinds[stack] = ValueKinds()
        templates[stack] = stack._to_template(kinds[stack])
    for _ in range(len(stacks) + 1):
        dirty = [s for s in stacks if s._dirty]
        if not dirty:
            break
        for stack in dirty:
            kinds[stack] = ValueKinds()
            templates[stack] = stack._to_template(kinds[stack])
    return templates, kinds


def _template_problems(stack: Stack, template: dict[str, Any]) -> list[str]:
    problems = stack._validate_template(template)
    if not template.get("Resources") and stack.node.try_get_context(VALIDATE_TEMPLATES_CONTEXT):
        # what the CDK's "CloudFormation Validate" step reports (it runs when this flag is on)
        problems.append(f"  [{stack.node.path}] the stack has no resources: CloudFormation requires at least one "
                        "resource in a template")
    return problems


def _check_resource_limit(stack: Stack, template: dict[str, Any]) -> None:
    limit = stack.node.try_get_context(RESOURCE_LIMIT_CONTEXT)
    limit = 500 if limit is None else int(limit)
    resources = template.get("Resources", {})
    if limit and len(resources) > limit:
        counts: dict[str, int] = {}
        for resource in resources.values():
            counts[resource["Type"]] = counts.get(resource["Type"], 0) + 1
        summary = ", ".join(f"{t} ({n})" for t, n in counts.items())
        raise ValidationError(f"Number of resources in stack '{stack.node.path}': {len(resources)} is greater than "
                              f"allowed maximum of {limit}: {summary}")


def _stack_metadata(stack: Stack) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]], bool]:
    """The `<stack>.metadata.json` content, the annotation messages of one stack, and whether every
    entry's data is a string (then any JSON writer writes the file as JavaScript does)."""
    strings_only = True
    metadata: dict[str, list[dict[str, Any]]] = {}
    messages: list[dict[str, Any]] = []
    pending: list[Construct] = [stack]
    while pending:
        construct = pending.pop()
        node = construct.node
        entries: list[dict[str, Any]] = []
        if isinstance(construct, CfnElement):
            entries.append({"type": "aws:cdk:logicalId", "data": construct.resolved_logical_id()})
        for entry in node._metadata:
            data = entry.data if isinstance(entry.data, (str, int, float, bool)) else resolve(entry.data, construct)
            if type(data) is not str:
                strings_only = False
            item: dict[str, Any] = {"type": entry.type, "data": data}
            if entry.trace:
                item["trace"] = list(entry.trace)
            entries.append(item)
            level = _MESSAGE_LEVELS.get(entry.type)
            if level is not None:
                messages.append({"id": "/" + node.path, "level": level,
                                 "entry": {"type": entry.type, "data": data, "trace": entry.trace}})
        if entries:
            metadata["/" + node.path] = entries
        children = [c for c in node._children.values() if not type(c)._is_stack_scope]
        pending.extend(reversed(children))
    return metadata, messages, strings_only


def _tree(app: App) -> tuple[dict[str, Any], bool]:
    """`tree.json`, and whether no construct id starts with a digit (JavaScript would order such keys first,
    the C writer would not)."""
    version = _version()
    digit_ids = False
    infos: dict[type, dict[str, str]] = {}  # one (never modified) constructInfo per class

    def node_of(construct: Construct) -> dict[str, Any]:
        nonlocal digit_ids
        node = construct.node
        out: dict[str, Any] = {"id": node.id or "App", "path": node.path}
        if node._children:
            children = out["children"] = {c.node.id: node_of(c) for c in node._children.values()}
            digit_ids = digit_ids or _needs_reorder(children)
        kind = type(construct)
        info = infos.get(kind)
        if info is None:
            info = infos[kind] = {"fqn": f"cdk-events.{kind.__name__}", "version": version}
        out["constructInfo"] = info
        return out

    tree = {"version": "tree-0.1", "tree": node_of(app)}
    return tree, not digit_ids


def _version() -> str:
    return VERSION


def synthesize(app: App, outdir: str, *, skip_validation: bool = False) -> CloudAssembly:
    """Synthesize `app` into `outdir`; nothing in `outdir` changes unless everything succeeded."""
    # synthesis allocates many short-lived objects and no garbage cycles worth collecting meanwhile:
    # the cyclic garbage collector is paused rather than run again and again over the whole tree
    collecting = gc.isenabled()
    gc.disable()
    try:
        with user_code():  # (aspects, producers and validations of the user run)
            return _synthesize(app, outdir, skip_validation=skip_validation)
    finally:
        if collecting:
            gc.enable()


def _synthesize(app: App, outdir: str, *, skip_validation: bool = False) -> CloudAssembly:
    invoke_aspects(app)
    resolve_construct_dependencies(app)
    if not skip_validation:
        validate_tree(app)
    stacks = _stacks(app)
    templates, kinds = _render_templates(stacks)
    if not skip_validation:
        problems = [line for stack in stacks for line in _template_problems(stack, templates[stack])]
        if problems:
            raise ValidationError("Validation failed with the following errors:\n" + "\n".join(problems))
    files: dict[str, str] = {}
    artifacts: dict[str, Any] = {}
    texts: dict[Stack, str] = {}
    all_messages: dict[Stack, list[dict[str, Any]]] = {}
    for stack in stacks:
        template = templates[stack]
        _check_resource_limit(stack, template)
        large = len(template.get("Resources", ())) >= _C_WRITER_MIN_ITEMS
        text = template_text(template, 0 if stack.suppress_template_indentation else 1,
                             regular=large and not kinds[stack].irregular)
        texts[stack] = text
        template_hash = hashlib.sha256(text.encode()).hexdigest()
        metadata, messages, metadata_strings = _stack_metadata(stack)
        all_messages[stack] = messages
        synthesizer = stack.synthesizer
        files[stack.template_file] = text
        asset_manifest = synthesizer.asset_manifest(template_hash)
        if asset_manifest is not None:
            files[f"{stack.artifact_id}.assets.json"] = js_stringify(asset_manifest, 2)
        if metadata:
            files[f"{stack.artifact_id}.metadata.json"] = template_text(
                metadata, 2, regular=metadata_strings and len(metadata) >= _C_WRITER_MIN_ITEMS)
        asset_artifact = synthesizer.asset_artifact()
        if asset_artifact is not None:
            artifacts[f"{stack.artifact_id}.assets"] = asset_artifact
        dependencies = [dep.artifact_id for dep in stack.dependencies]
        artifacts[stack.artifact_id] = synthesizer.stack_artifact(template_hash, dependencies, bool(metadata))
    if app.tree_metadata:
        tree, tree_regular = _tree(app)
        resources = sum(len(t.get("Resources", ())) for t in templates.values())
        files["tree.json"] = template_text(tree, 0, regular=tree_regular and resources >= _C_WRITER_MIN_ITEMS)
        artifacts["Tree"] = {"type": "cdk:tree", "properties": {"file": "tree.json"}}
    manifest = {"version": MANIFEST_VERSION, "artifacts": artifacts}
    files["manifest.json"] = js_stringify(manifest, 2)
    files["cdk.out"] = js_stringify({"version": MANIFEST_VERSION})
    write_assembly(outdir, files, app._staged_assets)
    assembly = CloudAssembly(str(outdir), manifest)
    for stack in stacks:
        assembly._add(CloudFormationStackArtifact(assembly, stack.artifact_id, artifacts[stack.artifact_id],
                                                  texts[stack], all_messages[stack]))
    return assembly


def write_assembly(outdir: str, files: dict[str, str], assets: dict[str, StagingRequest] | None = None) -> None:
    """Make `outdir` hold the assembly `files` and the file `assets` (by staged name), replacing the one it
    held in one step: the previous assembly or the new one, never a mix (see `_assembly.write_assembly`)."""
    _assembly.write_assembly(outdir, files, assets)
