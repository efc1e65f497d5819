"""`Resource`: the base of L2 constructs (environment, physical name, cross-environment attributes)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

from ._arn import ArnComponents, ArnFormat, format_arn
from ._cfn_element import CfnResource
from ._construct import Construct
from ._errors import ValidationError
from ._names import Names
from ._removal_policy import RemovalPolicy
from ._stack import Stack
from ._struct_methods import struct_methods
from ._token_encoding import TOKEN_MAP, IResolvable, IResolveContext, is_unresolved

if TYPE_CHECKING:
    pass


_ARN_ACCOUNT = re.compile(r"^(\d{12}|\*|aws)?\Z")
VALIDATE_ACCOUNT_IDS = "@cdk-events/core:validateAccountIds"


class _GenerateIfNeeded(str):
    """The marker string of `PhysicalName.GENERATE_IF_NEEDED`."""

    __slots__ = ()


class PhysicalName:
    """Special physical names (mirrors `aws_cdk.PhysicalName`)."""

    GENERATE_IF_NEEDED: str = _GenerateIfNeeded("@@GENERATE_IF_NEEDED@@")


@struct_methods
@attrs.frozen(slots=False, repr=False, eq=False)
class ResourceEnvironment:
    """The account and region a resource lives in."""

    account: str
    region: str


def generate_physical_name(resource: Construct) -> str:
    """The name the CDK generates for a resource used across environments."""
    stack = Stack.of(resource)
    stack_part = stack.stack_name
    id_part = Names.node_unique_id(resource.node)
    region, account = stack.region, stack.account
    if is_unresolved(region) or not region:
        raise ValidationError(
            f"Cannot generate a physical name for {resource.node.path}, because the region is un-resolved or missing")
    if is_unresolved(account) or not account:
        raise ValidationError(
            f"Cannot generate a physical name for {resource.node.path}, because the account is un-resolved or "
            "missing")
    digest = hashlib.sha256((stack_part + id_part + region + account).encode()).hexdigest()[:12]
    return (stack_part[:25] + id_part[max(len(id_part) - 24, 0):] + digest).lower()


class _CrossEnvAttribute(IResolvable):
    """An attribute that is the plain reference in the resource's environment and, in any other, the
    physical name (`arn_components` None) or the ARN formatted from `arn_components`."""

    resolves_final = True  # `resolve` resolves what it returns

    def __init__(self, resource: Resource, local: str,
                 arn_components: ArnComponents | Callable[[], ArnComponents] | None = None):
        self.resource = resource
        self.local = local
        self.arn_components = arn_components
        self._local_token: IResolvable | None = TOKEN_MAP._strings.get(local) if isinstance(local, str) else None

    def _remote(self) -> Any:
        components = self.arn_components
        if components is None:
            return self.resource.physical_name
        return format_arn(components if isinstance(components, ArnComponents) else components(), self.resource.stack)

    def resolve(self, context: IResolveContext) -> Any:
        consumer = Stack.of(context.scope)  # type: ignore[arg-type]
        stack = self.resource.stack
        if stack.account != consumer.account or (
                stack.region != consumer.region and not consumer.cross_region_references):
            self.resource._enable_cross_environment()
            return context.resolve(self._remote())
        if self._local_token is not None and self._local_token.resolves_final:
            return self._local_token.resolve(context)
        return context.resolve(self.local)


class Resource(Construct):
    """A construct that stands for a cloud resource (mirrors `aws_cdk.Resource`)."""

    def __init__(self, scope: Construct, id: str, *, physical_name: str | None = None,
                 account: str | None = None, region: str | None = None,
                 environment_from_arn: str | None = None):
        super().__init__(scope, id)
        if (account is not None or region is not None) and environment_from_arn is not None:
            raise ValidationError(
                f"Supply at most one of 'account'/'region' ({account}/{region}) and 'environmentFromArn' "
                f"({environment_from_arn})")
        self.stack = Stack.of(self)
        if environment_from_arn is not None and not isinstance(environment_from_arn, str):  # (not wrapped: hot)
            raise ValidationError(f"[{self.node.path}] 'environment_from_arn' must be an ARN (a string), got a "
                                  f"{type(environment_from_arn).__name__}")
        parsed = format_env_from_arn(environment_from_arn) if environment_from_arn is not None else None
        if parsed is not None and not is_unresolved(parsed[0]) and not _ARN_ACCOUNT.match(parsed[0]) and \
                self.node.try_get_context(VALIDATE_ACCOUNT_IDS) is not False:
            raise ValidationError(
                f"[{self.node.path}] the ARN '{environment_from_arn}' has account '{parsed[0]}': an AWS account id is "
                "12 digits (CloudFormation rejects the ARN)")
        self.env = ResourceEnvironment(
            account=parsed[0] if parsed else (account if account is not None else self.stack.account),
            region=parsed[1] if parsed else (region if region is not None else self.stack.region),
        )
        self._allow_cross_environment = False
        self._physical_name_value: str | None = None
        self._generates_physical_name = isinstance(physical_name, _GenerateIfNeeded)
        if self._generates_physical_name:
            self._allow_cross_environment = True
            from ._lazy import Lazy

            physical_name = Lazy.string(lambda: self._physical_name_value)
        elif physical_name is not None and not is_unresolved(physical_name):
            self._allow_cross_environment = True
        self.physical_name: str | None = physical_name

    def _enable_cross_environment(self) -> None:
        if not self._allow_cross_environment:
            raise ValidationError(
                f"Cannot use resource '{self.node.path}' in a cross-environment fashion, the resource's physical "
                "name must be explicit set or use `PhysicalName.GENERATE_IF_NEEDED`")
        if self._generates_physical_name and not self._physical_name_value:
            self._physical_name_value = generate_physical_name(self)

    def _get_resource_name_attribute(self, name_attr: str) -> str:
        return TOKEN_MAP.register_string(_CrossEnvAttribute(self, name_attr))

    def _get_resource_arn_attribute(self, arn_attr: str,
                                    components: ArnComponents | Callable[[], ArnComponents]) -> str:
        """`arn_attr` in this resource's environment; in another, the ARN formatted from `components` (or
        from what the function `components` returns: built only for a reference from another environment)."""
        return TOKEN_MAP.register_string(
            _CrossEnvAttribute(self, arn_attr, components))

    def apply_removal_policy(self, policy: RemovalPolicy) -> None:
        """Apply a removal policy to the resource's L1 (its default child)."""
        child = self.node.default_child
        if not isinstance(child, CfnResource):
            raise ValidationError(
                f"Cannot apply RemovalPolicy: no child or not a CfnResource. Apply the removal policy on the "
                f"CfnResource directly. ({self.node.path})")
        child.apply_removal_policy(policy)

    @staticmethod
    def is_owned_resource(construct: Construct) -> bool:
        """True if `construct` is defined here (not imported)."""
        return isinstance(construct.node.default_child, CfnResource)


def format_env_from_arn(arn: str) -> tuple[str, str]:
    """(account, region) of an ARN (tokens for a token ARN)."""
    from ._arn import Arn

    parts = Arn.split(arn, ArnFormat.NO_RESOURCE_NAME)
    return parts.account or "", parts.region or ""
