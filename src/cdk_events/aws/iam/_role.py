"""`Role`: an IAM role (`AWS::IAM::Role`), its default policy, and imported roles."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from cdk_events.core import (
    ArnComponents,
    ArnFormat,
    Construct,
    Duration,
    FeatureFlags,
    IPostProcessor,
    IResolvable,
    IResolveContext,
    Names,
    Resource,
    Stack,
    Token,
    TokenComparison,
    UnscopedValidationError,
    ValidationError,
)
from cdk_events.core._json import js_stringify

from ._cfn_generated import CfnRole
from ._grant import Grant
from ._managed_policy import IManagedPolicy
from ._policy import MAX_POLICY_NAME_LEN, Policy, _Validation
from ._policy_document import PolicyDocument
from ._policy_statement import PolicyStatement
from ._principals import (
    AccountPrincipal,
    AddToPrincipalPolicyResult,
    ArnPrincipal,
    IPrincipal,
    PrincipalPolicyFragment,
    ServicePrincipal,
    add_principal_to_assume_role,
    is_principal,
)

if TYPE_CHECKING:
    pass

IMPORTED_ROLE_POLICY_NAME_FLAG = "@aws-cdk/aws-iam:importedRoleStackSafeDefaultPolicyName"
_ROLE_NAME = re.compile(r"^[\w+=,.@-]{1,64}\Z")
_ROLE_PATH = re.compile(r"^(\u002F)|(\u002F[\u0021-\u007F]+\u002F)\Z")


@runtime_checkable
class IRole(Protocol):
    """A role (owned or imported): its ARN and name, a principal, and policy attachment."""

    @property
    def role_arn(self) -> str: ...

    @property
    def role_name(self) -> str: ...

    @property
    def grant_principal(self) -> IPrincipal: ...

    def attach_inline_policy(self, policy: Policy) -> None: ...

    def add_managed_policy(self, policy: IManagedPolicy) -> None: ...

    def add_to_principal_policy(self, statement: PolicyStatement) -> AddToPrincipalPolicyResult: ...


class _UniqueStringSet(IResolvable, IPostProcessor):
    """A list token whose resolved values are de-duplicated (dropped when empty)."""

    def __init__(self, producer: Any):
        self._producer = producer

    def resolve(self, context: IResolveContext) -> Any:
        context.register_post_processor(self)
        return self._producer()

    def post_process(self, value: Any, context: IResolveContext) -> Any:
        if not isinstance(value, list):
            return value
        if not value:
            return None
        unique: dict[str, Any] = {}
        for element in value:
            unique[js_stringify(element)] = element
        return list(unique.values())


class _AttachedPolicies:
    def __init__(self) -> None:
        self._policies: list[Policy] = []

    def attach(self, policy: Policy) -> None:
        if any(p is policy for p in self._policies):
            return
        if any(p.policy_name == policy.policy_name for p in self._policies):
            raise UnscopedValidationError(f'A policy named "{policy.policy_name}" is already attached')
        self._policies.append(policy)


def _validate_role_path(path: str | None) -> None:
    if path is None or Token.is_unresolved(path):
        return
    if not 1 <= len(path) <= 512:
        raise UnscopedValidationError(
            "Role path must be between 1 and 512 characters. "
            f"The provided role path is {len(path)} characters."
        )
    if not _ROLE_PATH.match(path):
        raise UnscopedValidationError(
            "Role path must be either a slash or valid characters "
            "(alphanumerics and symbols) surrounded by slashes. "
            f"Valid characters are unicode characters in [\\u0021-\\u007F]. However, {path} is provided."
        )


def _create_assume_role_policy(principal: IPrincipal, external_ids: list[str]) -> PolicyDocument:
    document = PolicyDocument()
    if not external_ids:
        add_principal_to_assume_role(principal, document)
        return document
    staging = PolicyDocument()
    add_principal_to_assume_role(principal, staging)
    for statement in staging._statements:
        statement.add_condition(
            "StringEquals", {"sts:ExternalId": external_ids[0] if len(external_ids) == 1 else external_ids}
        )
        document.add_statements(statement)
    return document


class Role(Resource):
    """An IAM role (mirrors `aws_iam.Role`).

    `assumed_by` is required. `role_name` defaults to a name CloudFormation generates (pass
    `PhysicalName.GENERATE_IF_NEEDED` to get one the CDK generates when used across environments);
    `managed_policies`, `inline_policies`, `external_ids` default to none; `path`, `description`,
    `max_session_duration` and `permissions_boundary` to not set.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        assumed_by: IPrincipal,
        role_name: str | None = None,
        managed_policies: Sequence[IManagedPolicy] | None = None,
        inline_policies: dict[str, PolicyDocument] | None = None,
        path: str | None = None,
        description: str | None = None,
        max_session_duration: Duration | None = None,
        external_ids: Sequence[str] | None = None,
        external_id: str | None = None,
        permissions_boundary: IManagedPolicy | None = None,
    ):
        super().__init__(scope, id, physical_name=role_name)
        if not is_principal(assumed_by):
            raise ValidationError(
                f"Role '{self.node.path}': 'assumed_by' must be a principal such as "
                "ServicePrincipal('events.amazonaws.com'), got "
                f"{assumed_by!r} (a {type(assumed_by).__name__})"
            )
        if role_name and not Token.is_unresolved(role_name) and not _ROLE_NAME.match(role_name):
            raise ValidationError(
                "Invalid roleName. The name must be a string of characters consisting of upper and lowercase "
                "alphanumeric characters with no spaces. You can "
                "also include any of the following characters: "
                "_+=,.@-. Length must be between 1 and 64 characters."
            )
        ids = list(external_ids or [])
        if external_id:
            ids.append(external_id)
        self.assume_role_policy = _create_assume_role_policy(assumed_by, ids)
        self._managed_policies: list[IManagedPolicy] = list(managed_policies or [])
        self._inline_policies = dict(inline_policies or {})
        self.permissions_boundary = permissions_boundary
        seconds = self._max_session_seconds(max_session_duration)
        if description is not None and len(description) > 1000:
            raise ValidationError(f"[{self.node.path}] Role description must be no longer than 1000 characters. "
                                  f"(got {len(description)} characters)")
        _validate_role_path(path)
        self._default_policy: Policy | None = None
        self._attached_policies = _AttachedPolicies()
        self.assume_role_action = "sts:AssumeRole"
        self._resource = CfnRole(
            self,
            "Resource",
            assume_role_policy_document=self.assume_role_policy,
            managed_policy_arns=_UniqueStringSet(
                lambda: [p.managed_policy_arn for p in self._managed_policies]
            ),
            policies=self._render_inline_policies(),
            path=path,
            permissions_boundary=permissions_boundary.managed_policy_arn if permissions_boundary else None,
            role_name=self.physical_name,
            max_session_duration=seconds,
            description=description or None,
        )
        path_part = path[1:] if path and path.startswith("/") else (path or "")
        self.role_arn: str = self._get_resource_arn_attribute(
            self._resource.attr_arn,
            ArnComponents(
                region="",
                service="iam",
                resource="role",
                resource_name=f"{path_part}{self.physical_name or ''}",
            ),
        )
        self.role_name: str = self._get_resource_name_attribute(self._resource.ref)
        self.role_id = self._resource.attr_role_id
        self.node.add_validation(_Validation(self._validate_role))

    @staticmethod
    def _max_session_seconds(duration: Duration | None) -> float | None:
        if duration is None:
            return None
        seconds = duration.to_seconds()
        if not Token.is_unresolved(seconds) and not 3600 <= seconds <= 43200:
            raise ValidationError(
                f"maxSessionDuration is set to {seconds}, but must "
                "be >= 3600sec (1hr) and <= 43200sec (12hrs)"
            )
        return seconds

    def _render_inline_policies(self) -> list[dict[str, Any]] | None:
        if not self._inline_policies:
            return None
        return [{"PolicyDocument": doc, "PolicyName": name} for name, doc in self._inline_policies.items()]

    # --- principal -------------------------------------------------------------------------------
    @property
    def grant_principal(self) -> Role:
        """This role."""
        return self

    @property
    def principal_account(self) -> str | None:
        """The account of the role's stack."""
        return self.env.account

    @property
    def policy_fragment(self) -> PrincipalPolicyFragment:
        """`{"AWS": <role ARN>}`."""
        return ArnPrincipal(self.role_arn).policy_fragment

    def add_to_principal_policy(self, statement: PolicyStatement) -> AddToPrincipalPolicyResult:
        """Add `statement` to the role's `DefaultPolicy` (created on first use)."""
        if self._default_policy is None:
            self._default_policy = Policy(self, "DefaultPolicy")
            self.attach_inline_policy(self._default_policy)
        self._default_policy.add_statements(statement)
        return AddToPrincipalPolicyResult(statement_added=True, policy_dependable=self._default_policy)

    def add_to_policy(self, statement: PolicyStatement) -> bool:
        """Add `statement` to the role's `DefaultPolicy`; True."""
        return self.add_to_principal_policy(statement).statement_added

    @property
    def default_policy(self) -> Policy | None:
        """The `DefaultPolicy` child, once a statement was added."""
        return self._default_policy

    def add_managed_policy(self, policy: IManagedPolicy) -> None:
        """Attach a managed policy (once per ARN)."""
        if any(p.managed_policy_arn == policy.managed_policy_arn for p in self._managed_policies):
            return
        self._managed_policies.append(policy)

    def attach_inline_policy(self, policy: Policy) -> None:
        """Attach an inline `Policy` to this role."""
        self._attached_policies.attach(policy)
        policy.attach_to_role(self)

    # --- grants ----------------------------------------------------------------------------------
    def grant(self, grantee: IPrincipal, *actions: str) -> Grant:
        """Grant `actions` on this role to `grantee`."""
        return Grant.add_to_principal(
            grantee=grantee, actions=list(actions), resource_arns=[self.role_arn], scope=self
        )

    def grant_pass_role(self, grantee: IPrincipal) -> Grant:
        """Grant `iam:PassRole` on this role."""
        return self.grant(grantee, "iam:PassRole")

    def grant_assume_role(self, grantee: IPrincipal) -> Grant:
        """Grant `sts:AssumeRole` on this role (not for service or account principals)."""
        if isinstance(grantee, (ServicePrincipal, AccountPrincipal)):
            raise ValidationError(
                "Cannot use a service or account principal with "
                "grantAssumeRole, use assumeRolePolicy instead."
            )
        return self.grant(grantee, "sts:AssumeRole")

    def without_policy_updates(self, *, add_grants_to_resources: bool = False) -> IRole:
        """A view of this role that ignores policy changes."""
        existing: IRole | None = self.__dict__.get("_immutable")
        if existing is None:
            scope = self.node.scope
            assert scope is not None
            existing = _ImmutableRole(scope, f"ImmutableRole{self.node.id}", self, add_grants_to_resources)
            self.__dict__["_immutable"] = existing
        return existing

    def _validate_role(self) -> list[str]:
        errors = self.assume_role_policy.validate_for_resource_policy()
        for document in self._inline_policies.values():
            errors.extend(document.validate_for_identity_policy())
        return errors

    # --- imports ---------------------------------------------------------------------------------
    @staticmethod
    def from_role_arn(
        scope: Construct,
        id: str,
        role_arn: str,
        *,
        mutable: bool = True,
        add_grants_to_resources: bool | None = None,
        default_policy_name: str | None = None,
    ) -> IRole:
        """An existing role by ARN. Statements added to it go into a new `Policy` in the importing
        stack (unless `mutable=False`, or the role is in another account)."""
        if not isinstance(role_arn, str):
            raise ValidationError(f"Role.from_role_arn: 'role_arn' must be a string, got {role_arn!r}")
        scope_stack = Stack.of(scope)
        parsed = scope_stack.split_arn(role_arn, ArnFormat.SLASH_RESOURCE_NAME)
        resource_name = parsed.resource_name or ""
        role_name = resource_name.split("/")[-1]
        if add_grants_to_resources is not None and mutable:
            raise ValidationError(f"Role.from_role_arn ({scope.node.path}/{id}): 'addGrantsToResources' can only be "
                                  "passed if 'mutable: false' (pass mutable=False with add_grants_to_resources)")
        comparison = Token.compare_strings(parsed.account or "", scope_stack.account)
        equal_or_unresolved = comparison is not TokenComparison.DIFFERENT
        mutable_id = id if (mutable and equal_or_unresolved) else f"MutableRole{id}"
        imported = _ImportedRole(
            scope,
            mutable_id,
            role_arn=role_arn,
            role_name=role_name,
            account=parsed.account,
            default_policy_name=default_policy_name,
        )
        if mutable and equal_or_unresolved:
            return imported
        return _ImmutableRole(scope, id, imported, bool(add_grants_to_resources))

    @staticmethod
    def from_role_name(
        scope: Construct,
        id: str,
        role_name: str,
        *,
        mutable: bool = True,
        add_grants_to_resources: bool | None = None,
        default_policy_name: str | None = None,
    ) -> IRole:
        """An existing role of the scope's account, by name."""
        arn = Stack.of(scope).format_arn(region="", service="iam", resource="role", resource_name=role_name)
        return Role.from_role_arn(
            scope,
            id,
            arn,
            mutable=mutable,
            add_grants_to_resources=add_grants_to_resources,
            default_policy_name=default_policy_name,
        )


class _ImportedRole(Resource):
    """A role defined elsewhere (`Role.from_role_arn`)."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        role_arn: str,
        role_name: str,
        account: str | None,
        default_policy_name: str | None,
    ):
        super().__init__(scope, id, account=account)
        self.role_arn = role_arn
        self.role_name = role_name
        self.assume_role_action = "sts:AssumeRole"
        self._account = account
        self._default_policy_name = default_policy_name
        self._default_policy: Policy | None = None
        self._attached_policies = _AttachedPolicies()

    @property
    def grant_principal(self) -> _ImportedRole:
        """This role."""
        return self

    @property
    def principal_account(self) -> str | None:
        """The account in the role's ARN."""
        return self._account

    @property
    def policy_fragment(self) -> PrincipalPolicyFragment:
        """`{"AWS": <role ARN>}`."""
        return ArnPrincipal(self.role_arn).policy_fragment

    def dedupe_string(self) -> str | None:
        """`ImportedRole:<arn>`."""
        return f"ImportedRole:{self.role_arn}"

    def add_to_policy(self, statement: PolicyStatement) -> bool:
        """Add `statement` to the policy this stack attaches to the role; True."""
        return self.add_to_principal_policy(statement).statement_added

    def add_to_principal_policy(self, statement: PolicyStatement) -> AddToPrincipalPolicyResult:
        """Add `statement` to a `Policy` created for the role in the importing stack."""
        if self._default_policy is None:
            unique = FeatureFlags.of(self).is_enabled(IMPORTED_ROLE_POLICY_NAME_FLAG)
            name = f"Policy{Names.unique_id(self)}" if unique else "Policy"
            if len(name) > MAX_POLICY_NAME_LEN:
                name = "Policy" + Names.unique_resource_name(
                    self, max_length=MAX_POLICY_NAME_LEN - len("Policy")
                )
            policy_name = self._default_policy_name or name
            self._default_policy = Policy(self, policy_name, policy_name=policy_name if unique else None)
            self.attach_inline_policy(self._default_policy)
        self._default_policy.add_statements(statement)
        return AddToPrincipalPolicyResult(statement_added=True, policy_dependable=self._default_policy)

    def attach_inline_policy(self, policy: Policy) -> None:
        """Attach `policy` when it is in the role's account (or one account is unknown)."""
        if Token.compare_strings(self.env.account, policy.env.account) is not TokenComparison.DIFFERENT:
            self._attached_policies.attach(policy)
            policy.attach_to_role(self)

    def add_managed_policy(self, policy: IManagedPolicy) -> None:
        """Imported roles cannot take imported managed policies (ignored)."""

    def grant(self, grantee: IPrincipal, *actions: str) -> Grant:
        """Grant `actions` on this role to `grantee`."""
        return Grant.add_to_principal(grantee=grantee, actions=list(actions), resource_arns=[self.role_arn])

    def grant_pass_role(self, grantee: IPrincipal) -> Grant:
        """Grant `iam:PassRole` on this role."""
        return self.grant(grantee, "iam:PassRole")

    def grant_assume_role(self, grantee: IPrincipal) -> Grant:
        """Grant `sts:AssumeRole` on this role."""
        return self.grant(grantee, "sts:AssumeRole")


class _ImmutableRole(Resource):
    """A role whose policies are never changed by grants."""

    def __init__(self, scope: Construct, id: str, role: Any, add_grants_to_resources: bool):
        super().__init__(scope, id, account=role.env.account, region=role.env.region)
        self._role = role
        self._add_grants_to_resources = add_grants_to_resources
        self.role_arn: str = role.role_arn
        self.role_name: str = role.role_name
        self.assume_role_action: str = role.assume_role_action

    @property
    def grant_principal(self) -> _ImmutableRole:
        """This role."""
        return self

    @property
    def principal_account(self) -> str | None:
        """The wrapped role's account."""
        return self._role.principal_account  # type: ignore[no-any-return]

    @property
    def policy_fragment(self) -> PrincipalPolicyFragment:
        """The wrapped role's fragment."""
        return self._role.policy_fragment  # type: ignore[no-any-return]

    def attach_inline_policy(self, policy: Policy) -> None:
        """Ignored."""

    def add_managed_policy(self, policy: IManagedPolicy) -> None:
        """Ignored."""

    def add_to_policy(self, statement: PolicyStatement) -> bool:
        """Nothing is added; pretends success unless grants should go to resources."""
        return self.add_to_principal_policy(statement).statement_added

    def add_to_principal_policy(self, statement: PolicyStatement) -> AddToPrincipalPolicyResult:
        """Nothing is added; pretends success unless grants should go to resources."""
        return AddToPrincipalPolicyResult(
            statement_added=not self._add_grants_to_resources, policy_dependable=self
        )

    def grant(self, grantee: IPrincipal, *actions: str) -> Grant:
        """Delegate to the wrapped role."""
        return self._role.grant(grantee, *actions)  # type: ignore[no-any-return]

    def grant_pass_role(self, grantee: IPrincipal) -> Grant:
        """Delegate to the wrapped role."""
        return self._role.grant_pass_role(grantee)  # type: ignore[no-any-return]
