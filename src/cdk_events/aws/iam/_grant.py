"""`Grant`: the result of giving a principal permissions, on its own policy or a resource's."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

import attrs

from cdk_events.core import Construct, Token, TokenComparison, UnscopedValidationError

from ...core._struct_methods import struct_methods
from ._policy_statement import PolicyStatement
from ._principals import IGrantable, IPrincipal, PrincipalBase


@struct_methods
@attrs.frozen(slots=False, repr=False, eq=False)
class AddToResourcePolicyResult:
    """What `add_to_resource_policy` did: whether the statement was added, and what to depend on
    (default: the resource itself)."""

    statement_added: bool
    policy_dependable: Any = None


@runtime_checkable
class IResourceWithPolicy(Protocol):
    """A resource with a resource policy that statements can be added to."""

    @property
    def env(self) -> Any: ...

    def add_to_resource_policy(self, statement: PolicyStatement) -> AddToResourcePolicyResult: ...


def _grantable(grantee: Any) -> IGrantable:
    if not hasattr(grantee, "grant_principal"):
        raise UnscopedValidationError(
            f"Grant: 'grantee' must be a grantable (a Role, a principal, a Function, ...), got {grantee!r} "
            f"(a {type(grantee).__name__})"
        )
    grantable: IGrantable = grantee
    return grantable


def _holds_no_policy(principal: Any) -> bool:
    """True for principals that never take identity statements (services, accounts, ...): their
    `add_to_principal_policy` is the base class's, which adds nothing."""
    method = getattr(type(principal), "add_to_principal_policy", None)
    return method is PrincipalBase.add_to_principal_policy


class Grant:
    """The result of a grant (mirrors `aws_iam.Grant`); build one with the static methods."""

    def __init__(
        self,
        *,
        grantee: IGrantable,
        actions: Sequence[str],
        resource_arns: Sequence[str],
        principal_statement: PolicyStatement | None = None,
        resource_statement: PolicyStatement | None = None,
        policy_dependable: Any = None,
    ):
        self._grantee = grantee
        self._actions = list(actions)
        self._resource_arns = list(resource_arns)
        self.principal_statement = principal_statement
        self.resource_statement = resource_statement
        self.principal_statements: list[PolicyStatement] = (
            [principal_statement] if principal_statement else []
        )
        self.resource_statements: list[PolicyStatement] = [resource_statement] if resource_statement else []
        self._dependables: list[Any] = [policy_dependable] if policy_dependable is not None else []

    @staticmethod
    def add_to_principal(
        *,
        grantee: IGrantable,
        actions: Sequence[str],
        resource_arns: Sequence[str],
        conditions: dict[str, Any] | None = None,
        scope: Construct | None = None,
    ) -> Grant:
        """Add a statement to the principal's own policy; a principal without one (a service, an
        account) makes a grant that did not succeed."""
        grantee = _grantable(grantee)
        principal = grantee.grant_principal
        if _holds_no_policy(principal):
            return Grant(grantee=grantee, actions=actions, resource_arns=resource_arns)
        statement = PolicyStatement(
            actions=list(actions), resources=list(resource_arns), conditions=conditions
        )
        added = principal.add_to_principal_policy(statement)
        if not added.statement_added:
            return Grant(grantee=grantee, actions=actions, resource_arns=resource_arns)
        if added.policy_dependable is None:
            raise UnscopedValidationError(
                "Contract violation: when Principal returns "
                "statementAdded=true, it should return a dependable"
            )
        return Grant(
            grantee=grantee,
            actions=actions,
            resource_arns=resource_arns,
            principal_statement=statement,
            policy_dependable=added.policy_dependable,
        )

    @staticmethod
    def add_to_principal_or_resource(
        *,
        grantee: IGrantable,
        actions: Sequence[str],
        resource_arns: Sequence[str],
        resource: IResourceWithPolicy,
        resource_self_arns: Sequence[str] | None = None,
    ) -> Grant:
        """Add to the principal's policy; also (or instead) to the resource policy when the
        principal has no policy or lives in another account."""
        grantee = _grantable(grantee)
        # a principal without a policy of its own (a service, an account) would get a grant that did not
        # succeed from `add_to_principal`, which adds nothing: the statement goes to the resource policy
        if not _holds_no_policy(grantee.grant_principal):
            result = Grant.add_to_principal(
                grantee=grantee,
                actions=actions,
                resource_arns=resource_arns,
                scope=resource if isinstance(resource, Construct) else None,
            )
            principal_account = grantee.grant_principal.principal_account
            if result.success and principal_account:
                comparison = Token.compare_strings(resource.env.account, principal_account)
                if comparison in (TokenComparison.SAME, TokenComparison.BOTH_UNRESOLVED):
                    return result
        statement = PolicyStatement(
            actions=list(actions),
            resources=list(resource_self_arns or resource_arns),
            principals=[grantee.grant_principal],
        )
        return Grant.add_statement_to_resource_policy(
            grantee=grantee, actions=actions, resource_arns=resource_arns, resource=resource, statement=statement)

    @staticmethod
    def add_to_principal_and_resource(
        *,
        grantee: IGrantable,
        actions: Sequence[str],
        resource_arns: Sequence[str],
        resource: IResourceWithPolicy,
        resource_self_arns: Sequence[str] | None = None,
        resource_policy_principal: IPrincipal | None = None,
    ) -> Grant:
        """Add to the principal's policy (if it has one) and always to the resource policy."""
        grantee = _grantable(grantee)
        result = Grant.add_to_principal(
            grantee=grantee,
            actions=actions,
            resource_arns=resource_arns,
            scope=resource if isinstance(resource, Construct) else None,
        )
        statement = PolicyStatement(
            actions=list(actions),
            resources=list(resource_self_arns or resource_arns),
            principals=[resource_policy_principal or grantee.grant_principal],
        )
        added = resource.add_to_resource_policy(statement)
        dependable = (added.policy_dependable or resource) if added.statement_added else None
        grant = Grant(
            grantee=grantee,
            actions=actions,
            resource_arns=resource_arns,
            principal_statement=statement,
            resource_statement=result.resource_statement,
            policy_dependable=result,
        )
        if dependable is not None:
            grant._dependables.append(dependable)
        return grant

    @staticmethod
    def add_statement_to_resource_policy(
        *,
        grantee: IGrantable,
        actions: Sequence[str],
        resource_arns: Sequence[str],
        resource: IResourceWithPolicy,
        statement: PolicyStatement,
    ) -> Grant:
        """Add `statement` as it is to the resource policy (never to the principal's)."""
        added = resource.add_to_resource_policy(statement)
        return Grant(
            grantee=grantee,
            actions=actions,
            resource_arns=resource_arns,
            resource_statement=statement,
            policy_dependable=(added.policy_dependable or resource) if added.statement_added else None,
        )

    @staticmethod
    def drop(grantee: IGrantable, intent: str) -> Grant:
        """A grant that does nothing (e.g. on an imported resource whose policy cannot change)."""
        return Grant(grantee=grantee, actions=[], resource_arns=[])

    @property
    def success(self) -> bool:
        """True if a statement was added to the principal's or the resource's policy."""
        return self.principal_statement is not None or self.resource_statement is not None

    @property
    def dependables(self) -> list[Any]:
        """What to depend on for the grant to be in force."""
        return list(self._dependables)

    def assert_success(self) -> None:
        """Raise if no statement could be added anywhere."""
        if not self.success:
            raise UnscopedValidationError(
                f"Permissions for '{self._grantee}' to call '{','.join(self._actions)}' on "
                f"'{','.join(self._resource_arns)}' could not be added on either identity or resource policy."
            )

    def apply_before(self, *constructs: Construct) -> None:
        """Make each construct depend on what applies this grant."""
        for construct in constructs:
            for dependable in self._dependable_constructs():
                construct.node.add_dependency(dependable)

    def _dependable_constructs(self) -> list[Construct]:
        out: list[Construct] = []
        for dependable in self._dependables:
            found = (
                dependable._dependable_constructs()
                if isinstance(dependable, Grant)
                else ([dependable] if isinstance(dependable, Construct) else [])
            )
            out.extend(d for d in found if d not in out)
        return out

    def combine(self, rhs: Grant) -> Grant:
        """A grant holding the statements and dependables of both."""
        combined = Grant(grantee=self._grantee, actions=self._actions, resource_arns=self._resource_arns)
        combined.principal_statements = [*self.principal_statements, *rhs.principal_statements]
        combined.resource_statements = [*self.resource_statements, *rhs.resource_statements]
        combined.principal_statement = next(iter(combined.principal_statements), None)
        combined.resource_statement = next(iter(combined.resource_statements), None)
        combined._dependables = [*self._dependables, *rhs._dependables]
        return combined
