"""`Stack` and `Environment`: the unit of deployment, and where it deploys."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from ._app import App
from ._arn import Arn, ArnComponents, ArnFormat, format_arn
from ._aws import Aws
from ._cfn_element import CfnElement
from ._checked import UnscopedArgumentTypeError, abridged
from ._construct import Construct, enclosing_stack
from ._default_synthesizer import bind_synthesizer
from ._errors import CycleError, ValidationError
from ._json import _needs_reorder
from ._names import make_unique_id, make_unique_resource_name
from ._references import export_value, reference_from
from ._resolve import ValueKinds
from ._resolve import resolve as _resolve_value
from ._struct import to_struct
from ._struct_methods import struct_methods
from ._tags import TagManager
from ._token_encoding import is_unresolved

if TYPE_CHECKING:
    from ._cfn_element import CfnReference
    from ._default_synthesizer import StackSynthesizer
    from ._token_encoding import IResolvable

_STACK_NAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9-]*\Z")
_ACCOUNT_ID = re.compile(r"^\d{12}\Z")
VALIDATE_ACCOUNT_IDS = "@cdk-events/core:validateAccountIds"


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Environment:
    """Where a stack deploys: `account` and `region` (None = decided at deploy time)."""

    account: str | None = None
    region: str | None = None


@attrs.define
class TemplateOptions:
    """Template-level options: description, transforms, template format version, metadata."""

    description: str | None = None
    template_format_version: str | None = None
    transforms: list[str] = attrs.field(factory=list)
    metadata: dict[str, Any] | None = None


_PARTITIONS = (("cn-", "aws-cn"), ("us-gov-", "aws-us-gov"), ("us-isob-", "aws-iso-b"), ("us-iso-", "aws-iso"),
               ("eu-isoe-", "aws-iso-e"), ("us-isof-", "aws-iso-f"), ("eusc-", "aws-eusc"))


def partition_of_region(region: str) -> str:
    """The partition a region belongs to (`aws` for the standard regions)."""
    for prefix, partition in _PARTITIONS:
        if region.startswith(prefix):
            return partition
    return "aws"


class Stack(Construct):
    """A CloudFormation stack (mirrors `aws_cdk.Stack`)."""

    _is_stack_scope: ClassVar[bool] = True

    def __init__(
        self,
        scope: Construct | None = None,
        id: str | None = None,
        *,
        env: Environment | Mapping[str, Any] | None = None,
        stack_name: str | None = None,
        description: str | None = None,
        termination_protection: bool | None = None,
        tags: dict[str, str] | None = None,
        synthesizer: StackSynthesizer | None = None,
        analytics_reporting: bool | None = None,
        cross_region_references: bool | None = None,
        notification_arns: list[str] | None = None,
        suppress_template_indentation: bool | None = None,
    ):
        if scope is None:
            scope = App()
        super().__init__(scope, id or "Default")
        env = to_struct(Environment, env, prop="env", scope=self) or Environment()
        if not isinstance(env, Environment):
            raise ValidationError(f"Stack '{self.node.path}': 'env' must be an Environment, got {env!r}")
        self._env = env
        if env.account is not None and not is_unresolved(env.account) and \
                self.node.try_get_context(VALIDATE_ACCOUNT_IDS) is not False and not _ACCOUNT_ID.match(env.account):
            raise ValidationError(
                f"[{self.node.path}] env.account '{env.account}' is not an AWS account id: an account id is 12 digits "
                "(CloudFormation rejects ARNs with other account ids)")
        self.account: str = env.account if env.account is not None else Aws.ACCOUNT_ID
        self.region: str = env.region if env.region is not None else Aws.REGION
        account_text = env.account if env.account is not None and not is_unresolved(env.account) \
            else "unknown-account"
        region_text = env.region if env.region is not None and not is_unresolved(env.region) \
            else "unknown-region"
        self.environment = f"aws://{account_text}/{region_text}"
        if description is not None and len(description) > 512:
            raise ValidationError(
                f"Stack description must be <= 1024 bytes. Received description: '{description}'")
        self.template_options = TemplateOptions(description=description)
        self.tags = TagManager("aws:cdk:stack", tags)
        self.termination_protection = bool(termination_protection)
        self.cross_region_references = bool(cross_region_references)
        self.notification_arns = notification_arns
        self.analytics_reporting = analytics_reporting
        self.suppress_template_indentation = bool(suppress_template_indentation)
        self.artifact_id = re.sub(r"[^A-Za-z0-9_\-.]", "_", self._generate_name())
        self._stack_name = stack_name if stack_name is not None else self._generate_name()
        self._validate_stack_name(self._stack_name)
        self.template_file = f"{self.artifact_id}.template.json"
        self._stack_dependencies: dict[str, tuple[Stack, list[str]]] = {}
        self._renames: dict[str, str] = {}
        self._used_renames: set[str] = set()
        self._rendered = False
        self._dirty = False
        self._template_validations: list[tuple[str, Callable[[dict[str, Any]], list[str]]]] = []
        self.synthesizer = bind_synthesizer(self, synthesizer)

    # --- identity --------------------------------------------------------------------------
    @staticmethod
    def of(construct: Construct) -> Stack:
        """The stack a construct belongs to."""
        if not isinstance(construct, Construct):  # (`of` is not wrapped by the argument checks: it is hot)
            raise UnscopedArgumentTypeError(f"Stack.of: 'construct' must be a construct, got {abridged(construct)}")
        stack: Stack | None = construct.__dict__.get("_stack_of")  # (enclosing_stack's cache, read here)
        return stack if stack is not None else enclosing_stack(construct)  # type: ignore[return-value]

    @staticmethod
    def is_stack(x: object) -> bool:
        """True if `x` is a stack."""
        return isinstance(x, Stack)

    @property
    def stack_name(self) -> str:
        """The CloudFormation stack name (the construct id by default)."""
        return self._stack_name

    @property
    def stack_id(self) -> str:
        """`{"Ref": "AWS::StackId"}`."""
        return Aws.STACK_ID

    @property
    def partition(self) -> str:
        """The partition: a literal with a concrete region and `enablePartitionLiterals`, else a token."""
        if not is_unresolved(self.region) and self.node.try_get_context("@aws-cdk/core:enablePartitionLiterals"):
            return partition_of_region(self.region)
        return Aws.PARTITION

    @property
    def url_suffix(self) -> str:
        """`{"Ref": "AWS::URLSuffix"}`."""
        return Aws.URL_SUFFIX

    @property
    def notification_arns_value(self) -> list[str]:
        """The stack's notification ARNs."""
        return list(self.notification_arns or [])

    @property
    def nested(self) -> bool:
        """Always False: nested stacks are not offered."""
        return False

    @property
    def app(self) -> App:
        """The app this stack belongs to."""
        root = self.node.root
        if not isinstance(root, App):
            raise ValidationError(f"Stack '{self.node.path}' is not part of an App")
        return root

    def _generate_name(self) -> str:
        ids = [s.node.id for s in self.node.scopes[1:]]
        if len(ids) == 1 and len(ids[0]) <= 128:
            return ids[0]
        return make_unique_resource_name(ids, max_length=128)

    def _validate_stack_name(self, name: str) -> None:
        if is_unresolved(name):
            return
        if len(name) > 128:
            raise ValidationError(f"Stack name must be <= 128 characters. Stack name: '{name}'")
        if not _STACK_NAME_RE.match(name):
            raise ValidationError(
                f"Stack name must match the regular expression: /^[A-Za-z][A-Za-z0-9-]*$/, got '{name}'")

    # --- template helpers ------------------------------------------------------------------
    def resolve(self, obj: Any) -> Any:
        """Resolve every token in `obj` in this stack's context."""
        return _resolve_value(obj, self)

    def to_json_string(self, obj: Any, space: int | None = None) -> str:
        """A string token: `obj` as JSON, with intrinsics spliced in (CloudFormation-aware)."""
        from ._cfn_json import to_json_string

        return to_json_string(obj, space)

    def format_arn(self, *, service: str, resource: str, resource_name: str | None = None,
                   partition: str | None = None, region: str | None = None, account: str | None = None,
                   arn_format: ArnFormat | None = None, sep: str | None = None) -> str:
        """An ARN in this stack's partition, region and account (unless given)."""
        return format_arn(ArnComponents(service=service, resource=resource, resource_name=resource_name,
                                        partition=partition, region=region, account=account,
                                        arn_format=arn_format, sep=sep), self)

    def split_arn(self, arn: str, arn_format: ArnFormat) -> ArnComponents:
        """Split an ARN (see `Arn.split`)."""
        return Arn.split(arn, arn_format)

    def add_transform(self, transform: str) -> None:
        """Add a template transform (e.g. `AWS::Serverless-2016-10-31`); one transform renders as a string,
        more (or one added twice) as a list without repeats."""
        transforms = self.template_options.transforms
        if transform not in transforms:
            self._mark_changed()
        # kept even when repeated, as the CDK keeps them: a repeated transform renders as a list of one
        transforms.append(transform)

    # --- logical ids -----------------------------------------------------------------------
    def get_logical_id(self, element: CfnElement) -> str:
        """The logical id of an element of this stack."""
        return element.resolved_logical_id()

    def allocate_logical_id(self, element: CfnElement) -> str:
        """The logical id the CDK algorithm gives `element` (no override or rename)."""
        return self._allocate_logical_id(element)

    def _allocate_logical_id(self, element: CfnElement) -> str:
        scopes = element.node.scopes
        index = scopes.index(self)
        return make_unique_id([s.node.id for s in scopes[index + 1:]])

    def rename_logical_id(self, old_id: str, new_id: str) -> None:
        """Rename a logical id after it is allocated (every rename must be used)."""
        self._renames[old_id] = new_id

    def _apply_rename(self, logical_id: str) -> str:
        if not self._renames:
            return logical_id
        new = self._renames.get(logical_id)
        if new is None:
            return logical_id
        self._used_renames.add(logical_id)
        return new

    def _assert_renames_applied(self) -> None:
        unused = [old for old in self._renames if old not in self._used_renames]
        if unused:
            raise ValidationError(f"The following Logical IDs were attempted to be renamed, but not found: "
                                  f"{', '.join(unused)}")

    # --- dependencies ----------------------------------------------------------------------
    def add_dependency(self, target: Stack, reason: str | None = None) -> None:
        """Deploy `target` before this stack."""
        if target is self:
            return
        if not isinstance(target, Stack):
            raise ValidationError(f"Stack '{self.node.path}': add_dependency expects a Stack, got {target!r}")
        reason = reason or f"{{{self.node.path}}}.addDependency({{{target.node.path}}})"
        cycle = target._dependency_reasons(self)
        if cycle is not None:
            raise CycleError(
                f"'{target.node.path}' depends on '{self.node.path}' ({', '.join(cycle)}). "
                f"Adding this dependency ({reason}) would create a cyclic reference.")
        from ._names import Names

        key = Names.unique_id(target)
        entry = self._stack_dependencies.get(key)
        if entry is None:
            entry = self._stack_dependencies[key] = (target, [])
        if reason not in entry[1]:
            entry[1].append(reason)

    def _dependency_reasons(self, other: Stack) -> list[str] | None:
        if other is self:
            return []
        for target, reasons in self._stack_dependencies.values():
            deeper = target._dependency_reasons(other)
            if deeper is not None:
                return reasons + deeper
        return None

    @property
    def dependencies(self) -> list[Stack]:
        """The stacks this stack depends on."""
        return [target for target, _ in self._stack_dependencies.values()]

    # --- rendering -------------------------------------------------------------------------
    def _elements(self) -> list[CfnElement]:
        found: list[CfnElement] = []
        pending: list[Construct] = list(reversed(self.node.children))
        while pending:
            current = pending.pop()
            if isinstance(current, Stack):
                continue
            if isinstance(current, CfnElement):
                found.append(current)
            children = current.node._children
            if children:
                pending.extend(reversed(children.values()))
        return found

    def _to_template(self, kinds: ValueKinds | None = None) -> dict[str, Any]:
        """The resolved template of this stack (`kinds` notes the irregular values met, see `ValueKinds`)."""
        kinds = kinds if kinds is not None else ValueKinds()
        self._dirty = False
        self._rendered = True  # from here on, a change (an element or transform added) renders it again
        options = self.template_options
        template: dict[str, Any] = {}
        if options.description is not None:
            template["Description"] = options.description
        transforms = options.transforms
        if transforms:
            template["Transform"] = transforms[0] if len(transforms) == 1 else list(dict.fromkeys(transforms))
        if options.template_format_version is not None:
            template["AWSTemplateFormatVersion"] = options.template_format_version
        if options.metadata:
            template["Metadata"] = _resolve_value(options.metadata, self, kinds=kinds)
        elements = self._elements() + self.synthesizer._template_elements()
        for element in elements:
            section, value = element._render_fragment()
            resolved = _resolve_value(value, element, kinds=kinds)
            if resolved is None:
                continue
            logical_id = element.resolved_logical_id()
            bucket = template.get(section)
            if bucket is None:
                bucket = template[section] = {}
            elif logical_id in bucket:
                raise ValidationError(f"section '{section}' already contains '{logical_id}'")
            bucket[logical_id] = resolved
        self._assert_renames_applied()
        if _needs_reorder(template) or any(_needs_reorder(section) for section in template.values()
                                           if isinstance(section, dict)):
            kinds.irregular = True  # logical ids like "10" come first in JavaScript
        return template

    def _mark_changed(self) -> None:
        if self._rendered:
            self._dirty = True

    def add_template_validation(self, construct: Construct, check: Callable[[dict[str, Any]], list[str]]) -> None:
        """Check the resolved template at synthesis: `check(template)` returns error messages, reported
        with `construct`'s path together with the other validation errors."""
        path = construct.node.path
        self._template_validations.append((path, check))

    def _validate_template(self, template: dict[str, Any]) -> list[str]:
        return [f"  [{path}] {message}" for path, check in self._template_validations for message in check(template)]

    def export_value(self, exported_value: Any, *, name: str | None = None,
                     description: str | None = None) -> str:
        """Export a value of this stack as an output with an export name; returns `Fn::ImportValue`."""
        return export_value(self, exported_value, name=name, description=description)

    def _reference_from_other_stack(self, reference: CfnReference) -> IResolvable:
        """What this stack writes for `reference`, an attribute of a resource in another stack (an
        `Fn::ImportValue` of an export, or a weak reference; the producer's output is made once)."""
        return reference_from(self, reference)

    def __repr__(self) -> str:
        return f"<Stack {self.node.path}>"
