"""CloudFormation elements: `CfnElement`, `CfnResource` and the references between them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ._construct import Construct, enclosing_stack
from ._errors import ValidationError
from ._removal_policy import RemovalPolicy, deletion_policy_of
from ._token_encoding import TOKEN_MAP, IResolvable, IResolveContext, ResolutionTypeHint

if TYPE_CHECKING:
    from ._stack import Stack

PATH_METADATA_KEY = "aws:cdk:path"
PATH_METADATA_CONTEXT = "aws:cdk:enable-path-metadata"


class CfnElement(Construct):
    """An element of a CloudFormation template (resource, output, parameter, condition, ...)."""

    def __init__(self, scope: Construct, id: str):
        super().__init__(scope, id)
        self.stack: Stack = enclosing_stack(self)  # type: ignore[assignment]
        self._logical_id_override: str | None = None
        self._logical_id_locked = False
        self._allocated_id: str | None = None

    @staticmethod
    def is_cfn_element(x: object) -> bool:
        """True if `x` is a CloudFormation element."""
        return isinstance(x, CfnElement)

    @property
    def logical_id(self) -> str:
        """The logical id in the template (a token; resolved at synthesis)."""
        marker: str | None = self.__dict__.get("_logical_id_token")
        if marker is None:
            token = _LogicalIdToken(self)
            marker = TOKEN_MAP.register_string(token, f"{self.node.path[-200:]}.LogicalID")
            self.__dict__["_logical_id_token"] = marker
        return marker

    def resolved_logical_id(self) -> str:
        """The logical id as a plain string (overrides and stack renames applied)."""
        if self._logical_id_override is not None:
            return self._logical_id_override
        if self._allocated_id is None:
            self._allocated_id = self.stack._allocate_logical_id(self)
        return self.stack._apply_rename(self._allocated_id)

    def override_logical_id(self, new_logical_id: str) -> None:
        """Use `new_logical_id` instead of the generated id."""
        if self._logical_id_locked:
            raise ValidationError(
                f"The logicalId for resource at path {self.node.path} has been locked and cannot be overridden\n"
                'Make sure you are calling "overrideLogicalId" before Stack.exportValue')
        self._logical_id_override = new_logical_id

    def _lock_logical_id(self) -> None:
        self._logical_id_locked = True

    @property
    def creation_stack(self) -> list[str]:
        """Where this element was created (empty: stack traces are not captured)."""
        return []

    def _to_cloudformation(self) -> dict[str, Any]:
        """The template fragment of this element (before resolution)."""
        section, value = self._render_fragment()
        return {section: {self.logical_id: value}}

    def _render_fragment(self) -> tuple[str, Any]:
        """The template section this element goes into, and its value (before resolution)."""
        raise NotImplementedError


class _LogicalIdToken(IResolvable):
    __slots__ = ("element",)
    resolves_final = True

    def __init__(self, element: CfnElement):
        self.element = element

    def resolve(self, context: IResolveContext) -> Any:
        return self.element.resolved_logical_id()


class CfnReference(IResolvable):
    """A `Ref` or `Fn::GetAtt` of a template element; resolves to a cross-stack reference when used
    from another stack."""

    resolves_final = True

    def __init__(self, target: CfnElement, attribute: str, type_hint: ResolutionTypeHint | None = None):
        self.target = target
        self.attribute = attribute
        self.target_stack = target.stack
        self._replacements: dict[int, IResolvable] = {}
        self.type_hint = type_hint or ResolutionTypeHint.STRING

    @staticmethod
    def for_(target: CfnElement, attribute: str, type_hint: ResolutionTypeHint | None = None) -> CfnReference:
        """The (single) reference to `attribute` (`Ref` for the ref) of `target`."""
        table: dict[str, CfnReference] | None = target.__dict__.get("_references")
        if table is None:
            table = target.__dict__["_references"] = {}
        ref = table.get(attribute)
        if ref is None:
            ref = table[attribute] = CfnReference(target, attribute, type_hint)
        return ref

    @property
    def display_name(self) -> str:
        """The attribute name (`Ref`, `Arn`, ...)."""
        return self.attribute

    def local_value(self) -> Any:
        """The intrinsic in the target's own stack."""
        logical_id = self.target.resolved_logical_id()
        if self.attribute == "Ref":
            return {"Ref": logical_id}
        return {"Fn::GetAtt": [logical_id, self.attribute]}

    def resolve(self, context: IResolveContext) -> Any:
        """The local intrinsic, or the cross-stack value in another stack."""
        scope: Any = context.scope  # (annotations only: `cast` is a call, and this runs for every reference)
        consumer: Stack = scope.__dict__.get("_stack_of") or enclosing_stack(scope)  # type: ignore[assignment]
        if consumer is self.target_stack:
            return self.local_value()
        replacement = self._replacements.get(id(consumer))
        if replacement is None:
            replacement = consumer._reference_from_other_stack(self)
            self._replacements[id(consumer)] = replacement
        return replacement.resolve(context)

    def to_string(self) -> str:
        """This reference as a string token."""
        return TOKEN_MAP.register_string(self, f"{self.target.node.id}.{self.attribute}")

    def __repr__(self) -> str:
        return f"CfnReference({self.target.node.path}.{self.attribute})"


class CfnRefElement(CfnElement):
    """An element that can be referenced with `Ref`."""

    @property
    def ref(self) -> str:
        """`{"Ref": <logical id>}` as a string token."""
        return CfnReference.for_(self, "Ref").to_string()


def _capitalize(value: Any) -> Any:
    if isinstance(value, dict):
        return {(k[:1].upper() + k[1:]) if isinstance(k, str) else k: _capitalize(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_capitalize(v) for v in value]
    return value


def _deep_merge(target: dict[str, Any], source: dict[str, Any]) -> dict[str, Any]:
    for key, value in source.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _deep_merge(target[key], value)
            if not target[key]:
                del target[key]
        elif value is None:
            target.pop(key, None)
        elif isinstance(value, dict):
            merged = _deep_merge({}, value)
            target[key] = merged
        else:
            target[key] = value
    return target


class CfnResourceOptions:
    """The resource attributes of a `CfnResource` (`cfn_options` in the CDK)."""

    __slots__ = ("condition", "creation_policy", "deletion_policy", "description", "metadata",
                 "update_policy", "update_replace_policy", "version")

    def __init__(self) -> None:
        self.condition: CfnCondition | None = None
        self.creation_policy: Any = None
        self.deletion_policy: str | None = None
        self.update_policy: Any = None
        self.update_replace_policy: str | None = None
        self.version: str | None = None
        self.description: str | None = None
        self.metadata: dict[str, Any] | None = None


class CfnResource(CfnRefElement):
    """A CloudFormation resource (the L1 base class): `CfnResource(scope, id, type=..., properties=...)`."""

    def __init__(self, scope: Construct, id: str, *, type: str, properties: dict[str, Any] | None = None):
        super().__init__(scope, id)
        if not type:
            raise ValidationError("The `type` property is required")
        self.cfn_resource_type = type
        self._cfn_properties: dict[str, Any] = dict(properties or {})
        self.cfn_options = CfnResourceOptions()
        self._raw_overrides: dict[str, Any] = {}
        self._depends_on: list[CfnResource] = []
        if self.node.try_get_context(PATH_METADATA_CONTEXT):
            self.cfn_options.metadata = {PATH_METADATA_KEY: self.node.path}  # (what add_metadata would do)

    @staticmethod
    def is_cfn_resource(x: object) -> bool:
        """True if `x` is a CloudFormation resource."""
        return isinstance(x, CfnResource)

    # --- attributes ------------------------------------------------------------------------
    def get_att(self, attribute_name: str, type_hint: ResolutionTypeHint | None = None) -> CfnReference:
        """`{"Fn::GetAtt": [<logical id>, attribute_name]}` as a reference token."""
        return CfnReference.for_(self, attribute_name, type_hint)

    def _att_string(self, attribute_name: str) -> str:
        return CfnReference.for_(self, attribute_name).to_string()

    # --- properties ------------------------------------------------------------------------
    @property
    def cfn_properties(self) -> dict[str, Any]:
        """The CloudFormation properties (CloudFormation names), before resolution."""
        return self._cfn_properties

    def _render_properties(self) -> dict[str, Any]:
        """The `Properties` of the resource, in render order (L1 subclasses override this)."""
        return self._cfn_properties

    # --- overrides -------------------------------------------------------------------------
    def add_override(self, path: str, value: Any) -> None:
        """Set `path` (dot-separated, `\\.` for a literal dot) in the rendered resource."""
        parts = _split_override_path(path)
        node = self._raw_overrides
        for part in parts[:-1]:
            child = node.get(part)
            if not isinstance(child, dict):
                child = node[part] = {}
            node = child
        node[parts[-1]] = value if value is not None else _DELETE

    def add_deletion_override(self, path: str) -> None:
        """Remove `path` from the rendered resource."""
        self.add_override(path, None)

    def add_property_override(self, property_path: str, value: Any) -> None:
        """Set `Properties.<property_path>`."""
        self.add_override(f"Properties.{property_path}", value)

    def add_property_deletion_override(self, property_path: str) -> None:
        """Remove `Properties.<property_path>`."""
        self.add_override(f"Properties.{property_path}", None)

    # --- dependencies, metadata, policies --------------------------------------------------
    def add_depends_on(self, target: CfnResource) -> None:
        """Render `DependsOn` on `target` (same stack)."""
        self.add_dependency(target)

    def add_dependency(self, target: CfnResource) -> None:
        """Make this resource depend on `target`."""
        if target is self:
            return
        if target.stack is self.stack:
            if target not in self._depends_on:
                self._depends_on.append(target)
        else:
            self.stack.add_dependency(target.stack, f"{self.node.path} -> {target.node.path}")

    def remove_dependency(self, target: CfnResource) -> None:
        """Undo `add_dependency`."""
        if target in self._depends_on:
            self._depends_on.remove(target)

    def obtain_dependencies(self) -> list[CfnResource]:
        """The resources this one depends on."""
        return list(self._depends_on)

    def add_metadata(self, key: str, value: Any) -> None:
        """Add a key to the resource's `Metadata`."""
        if self.cfn_options.metadata is None:
            self.cfn_options.metadata = {}
        self.cfn_options.metadata[key] = value

    def get_metadata(self, key: str) -> Any:
        """A key of the resource's `Metadata`, or None."""
        return (self.cfn_options.metadata or {}).get(key)

    def apply_removal_policy(self, policy: RemovalPolicy | None = None, *,
                             apply_to_update_replace_policy: bool = True,
                             default: RemovalPolicy | None = None) -> None:
        """Set `DeletionPolicy` (and `UpdateReplacePolicy`) from a removal policy."""
        policy = policy or default or RemovalPolicy.RETAIN
        value = deletion_policy_of(policy)
        self.cfn_options.deletion_policy = value
        if apply_to_update_replace_policy:
            self.cfn_options.update_replace_policy = (
                "Retain" if policy is RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE else value)

    # --- rendering -------------------------------------------------------------------------
    def _render_fragment(self) -> tuple[str, Any]:
        """`Resources` and the entry of this resource (before resolution)."""
        options = self.cfn_options
        depends = None
        if self._depends_on:
            depends = [r.logical_id for r in sorted(self._depends_on, key=lambda r: _locale_key(r.node.path))]
        entry: dict[str, Any] = {"Type": self.cfn_resource_type}
        props = self._render_properties()
        for value in props.values():
            if value is not None:
                entry["Properties"] = props
                break
        if depends:
            entry["DependsOn"] = depends
        if options.creation_policy is not None:
            entry["CreationPolicy"] = _capitalize(options.creation_policy)
        if options.update_policy is not None:
            entry["UpdatePolicy"] = _capitalize(options.update_policy)
        if options.update_replace_policy is not None:
            entry["UpdateReplacePolicy"] = options.update_replace_policy
        if options.deletion_policy is not None:
            entry["DeletionPolicy"] = options.deletion_policy
        if options.version is not None:
            entry["Version"] = options.version
        if options.description is not None:
            entry["Description"] = options.description
        if options.metadata:
            entry["Metadata"] = options.metadata
        if options.condition is not None:
            entry["Condition"] = options.condition.logical_id
        return "Resources", _ResourceEntry(self, entry)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.node.path} ({self.cfn_resource_type})>"


class _Delete:
    def __repr__(self) -> str:
        return "<delete>"


_DELETE = _Delete()


def _split_override_path(path: str) -> list[str]:
    parts: list[str] = []
    current = ""
    escaped = False
    for char in path:
        if escaped:
            current += char
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == ".":
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return parts


def _locale_key(path: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    from ._js import locale_sort_key

    return locale_sort_key(path)


class _ResourceEntry(IResolvable):
    """A resource entry that applies the empty-property rules and raw overrides after resolution."""

    __slots__ = ("entry", "resource")
    resolves_final = True  # `resolve` resolves the entry itself

    def __init__(self, resource: CfnResource, entry: dict[str, Any]):
        self.resource = resource
        self.entry = entry

    def resolve(self, context: IResolveContext) -> Any:
        resolved: dict[str, Any] = context.resolve(self.entry)
        props = resolved.get("Properties")
        if props is not None and not props:
            del resolved["Properties"]
        if resolved.get("DependsOn") == []:
            del resolved["DependsOn"]
        overrides = self.resource._raw_overrides
        if overrides:
            resolved = _apply_overrides(resolved, context.resolve(_strip_deletes(overrides)),
                                        _deletion_paths(overrides))
        return resolved


def _strip_deletes(value: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, item in value.items():
        if item is _DELETE:
            continue
        out[key] = _strip_deletes(item) if isinstance(item, dict) else item
    return out


def _deletion_paths(value: dict[str, Any], prefix: Sequence[str] = ()) -> list[list[str]]:
    paths: list[list[str]] = []
    for key, item in value.items():
        if item is _DELETE:
            paths.append([*prefix, key])
        elif isinstance(item, dict):
            paths.extend(_deletion_paths(item, [*prefix, key]))
    return paths


def _apply_overrides(resolved: dict[str, Any], overrides: dict[str, Any], deletions: list[list[str]]) -> dict[str, Any]:
    merged = _deep_merge(resolved, overrides)
    for path in deletions:
        node: Any = merged
        for part in path[:-1]:
            node = node.get(part) if isinstance(node, dict) else None
            if node is None:
                break
        if isinstance(node, dict):
            node.pop(path[-1], None)
    return merged


class CfnCondition(CfnElement, IResolvable):
    """A template condition; usable where a condition expression is expected."""

    def __init__(self, scope: Construct, id: str, *, expression: Any = None):
        super().__init__(scope, id)
        self.expression = expression

    def _render_fragment(self) -> tuple[str, Any]:
        return "Conditions", self.expression

    def resolve(self, context: IResolveContext) -> Any:
        """`{"Condition": <logical id>}`."""
        return {"Condition": self.resolved_logical_id()}
