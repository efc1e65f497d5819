"""Principals: who a policy statement is about (`ServicePrincipal`, `AccountPrincipal`, ...)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import attrs

from cdk_events.core import IResolvable, IResolveContext, Stack, Token, UnscopedValidationError
from cdk_events.core._json import compact_encoder

from ...core._struct_methods import struct_methods

if TYPE_CHECKING:
    from ._policy_document import PolicyDocument
    from ._policy_statement import PolicyStatement

LITERAL_STRING_KEY = "LiteralString"
_ACCOUNT_ID = re.compile(r"^\d{12}\Z")

# Regions that must be opted into: a service principal named for one of them keeps the region
# (`SERVICE.REGION.amazonaws.com`) when used from a stack in another region.
_OPT_IN_REGIONS = frozenset(
    {
        "af-south-1",
        "ap-east-1",
        "ap-east-2",
        "ap-south-2",
        "ap-southeast-3",
        "ap-southeast-4",
        "ap-southeast-5",
        "ap-southeast-6",
        "ap-southeast-7",
        "ca-west-1",
        "eu-central-2",
        "eu-south-1",
        "eu-south-2",
        "il-central-1",
        "me-central-1",
        "me-south-1",
        "mx-central-1",
    }
)


@struct_methods
@attrs.frozen(slots=False, repr=False, eq=False)
class AddToPrincipalPolicyResult:
    """What `add_to_principal_policy` did: whether the statement was added, and what to depend on
    for it to be in force (None when nothing was added)."""

    statement_added: bool
    policy_dependable: Any = None


class PrincipalPolicyFragment:
    """The `Principal` JSON of a principal (`{"AWS": [...]}`, `{"Service": [...]}`, ...) and the
    conditions that go with it (empty by default)."""

    __slots__ = ("conditions", "principal_json")

    def __init__(self, principal_json: dict[str, list[Any]], conditions: dict[str, Any] | None = None):
        self.principal_json = principal_json
        self.conditions: dict[str, Any] = conditions if conditions is not None else {}

    def __repr__(self) -> str:
        return f"PrincipalPolicyFragment({self.principal_json!r}, {self.conditions!r})"


@runtime_checkable
class IGrantable(Protocol):
    """Anything permissions can be granted to: it names its principal in `grant_principal`."""

    @property
    def grant_principal(self) -> IPrincipal: ...


@runtime_checkable
class IPrincipal(Protocol):
    """A logical IAM principal: its `Principal` fragment, the action to assume a role with, and
    (for identities) a policy statements can be added to."""

    @property
    def grant_principal(self) -> IPrincipal: ...

    @property
    def assume_role_action(self) -> str: ...

    @property
    def policy_fragment(self) -> PrincipalPolicyFragment: ...

    @property
    def principal_account(self) -> str | None: ...

    def add_to_policy(self, statement: PolicyStatement) -> bool: ...

    def add_to_principal_policy(self, statement: PolicyStatement) -> AddToPrincipalPolicyResult: ...


encode_compact = compact_encoder(repr)
"""Compact JSON of condition maps, non-JSON values written with `repr` (one C encoder reused)."""


def dedupe_string_for(principal: Any) -> str | None:
    """The string that identifies `principal` by value, or None when it is compared by identity."""
    method = getattr(principal, "dedupe_string", None)
    return method() if callable(method) else None


def validate_condition_object(value: Any) -> None:
    """Raise unless `value` is a map of operator to value (or a token standing for one)."""
    if isinstance(value, IResolvable):
        return
    if not value or not isinstance(value, dict):
        raise UnscopedValidationError("A Condition should be represented as a map of operator to value")


def merge_principal(target: dict[str, list[Any]], source: dict[str, Any]) -> dict[str, list[Any]]:
    """Add the principal JSON `source` into `target` (in place); a literal principal string
    cannot be combined with any other principal."""
    # (a dict has a key other than the literal one when it has more keys than the literal one alone)
    if (LITERAL_STRING_KEY in source and len(target) > (LITERAL_STRING_KEY in target)) or (
        LITERAL_STRING_KEY in target and len(source) > (LITERAL_STRING_KEY in source)
    ):
        raise UnscopedValidationError(
            f"Cannot merge principals {json.dumps(target)} and {json.dumps(source)}; if one uses a literal "
            "principal string the other one must be empty"
        )
    for key, value in source.items():
        values = target.setdefault(key, [])
        values.extend(value if isinstance(value, list) else [value])
    return target


class _StackDependentToken(IResolvable):
    """A value computed from the stack of the scope where it is resolved."""

    def __init__(self, fn: Callable[[Stack], Any]):
        self._fn = fn

    def resolve(self, context: IResolveContext) -> Any:
        return self._fn(Stack.of(context.scope))  # type: ignore[arg-type]


class _ServicePrincipalToken(IResolvable):
    """`SERVICE.amazonaws.com`, or `SERVICE.REGION.amazonaws.com` for an opt-in region other than
    the resolving stack's."""

    def __init__(self, service: str, region: str):
        self._service = service
        self._region = region

    def resolve(self, context: IResolveContext) -> Any:
        stack = Stack.of(context.scope)  # type: ignore[arg-type]
        if stack.region != self._region and self._region in _OPT_IN_REGIONS:
            return re.sub(r"\.amazonaws\.com$", f".{self._region}.amazonaws.com", self._service)
        return self._service


class PrincipalBase:
    """Base class of the principals that are not identities (nothing can be added to their policy)."""

    assume_role_action: str = "sts:AssumeRole"

    @property
    def grant_principal(self) -> IPrincipal:
        """This principal."""
        return self

    @property
    def principal_account(self) -> str | None:
        """The account of the principal (None: unknown, e.g. a service)."""
        return None

    @property
    def policy_fragment(self) -> PrincipalPolicyFragment:
        """The `Principal` JSON of this principal and its conditions."""
        raise NotImplementedError

    def add_to_policy(self, statement: PolicyStatement) -> bool:
        """Add `statement` to this principal's policy; True if it was added (never, here)."""
        return self.add_to_principal_policy(statement).statement_added

    def add_to_principal_policy(self, statement: PolicyStatement) -> AddToPrincipalPolicyResult:
        """Add `statement` to this principal's policy: a non-identity principal has none."""
        return AddToPrincipalPolicyResult(statement_added=False)

    def add_to_assume_role_policy(self, document: PolicyDocument) -> None:
        """Add the statement that lets this principal assume a role to `document`."""
        document.add_assume_role_statement(self)

    def with_conditions(self, conditions: dict[str, Any]) -> PrincipalWithConditions:
        """This principal with extra conditions."""
        return PrincipalWithConditions(self, conditions)

    def dedupe_string(self) -> str | None:
        """A string equal for principals that are the same (None: compare by identity)."""
        return None

    def to_json(self) -> dict[str, list[Any]]:
        """The principal JSON."""
        return self.policy_fragment.principal_json

    def __str__(self) -> str:
        return json.dumps(self.policy_fragment.principal_json)


class PrincipalWithConditions(PrincipalBase):
    """A principal with additional conditions (operator-wise merged over the principal's own)."""

    def __init__(self, principal: IPrincipal, conditions: dict[str, Any]):
        self._wrapped = principal
        self._additional = dict(conditions)
        self.assume_role_action = principal.assume_role_action

    @property
    def principal_account(self) -> str | None:
        """The wrapped principal's account."""
        return self._wrapped.principal_account

    @property
    def conditions(self) -> dict[str, Any]:
        """The wrapped principal's conditions with the additional ones merged in."""
        merged = dict(self._wrapped.policy_fragment.conditions)
        for operator, condition in self._additional.items():
            existing = merged.get(operator)
            if not existing:
                merged[operator] = condition
                continue
            if Token.is_unresolved(condition) or Token.is_unresolved(existing):
                raise UnscopedValidationError(
                    f'multiple "{operator}" conditions cannot be merged '
                    "if one of them contains an unresolved token"
                )
            validate_condition_object(existing)
            validate_condition_object(condition)
            merged[operator] = {**existing, **condition}
        return merged

    def add_condition(self, key: str, value: Any) -> None:
        """Add (or merge into) the condition for operator `key`."""
        validate_condition_object(value)
        existing = self._additional.get(key)
        self._additional[key] = {**existing, **value} if existing else value

    def add_conditions(self, conditions: dict[str, Any]) -> None:
        """Add several conditions (see `add_condition`)."""
        for key, value in conditions.items():
            self.add_condition(key, value)

    @property
    def policy_fragment(self) -> PrincipalPolicyFragment:
        """The wrapped principal's JSON with the merged conditions."""
        return PrincipalPolicyFragment(self._wrapped.policy_fragment.principal_json, self.conditions)

    def add_to_principal_policy(self, statement: PolicyStatement) -> AddToPrincipalPolicyResult:
        """Delegate to the wrapped principal."""
        return self._wrapped.add_to_principal_policy(statement)

    def dedupe_string(self) -> str | None:
        """The wrapped principal's dedupe string plus the conditions."""
        inner = dedupe_string_for(self._wrapped)
        if inner is None:
            return None
        return f"PrincipalWithConditions:{inner}:{json.dumps(self.conditions, default=repr)}"

    def __str__(self) -> str:
        return str(self._wrapped)


class ArnPrincipal(PrincipalBase):
    """A principal named by its ARN (a user, a role, an account root, ...): `{"AWS": arn}`."""

    def __init__(self, arn: str):
        if not isinstance(arn, str):
            raise UnscopedValidationError(
                f"ArnPrincipal: 'arn' must be a string, got {arn!r} (a {type(arn).__name__})"
            )
        self.arn = arn

    @property
    def policy_fragment(self) -> PrincipalPolicyFragment:
        """`{"AWS": [arn]}`."""
        return PrincipalPolicyFragment({"AWS": [self.arn]})

    def in_organization(self, organization_id: str) -> PrincipalWithConditions:
        """This principal, restricted to members of an AWS Organization."""
        return self.with_conditions({"StringEquals": {"aws:PrincipalOrgID": organization_id}})

    def dedupe_string(self) -> str | None:
        """`ArnPrincipal:<arn>`."""
        return f"ArnPrincipal:{self.arn}"

    def __str__(self) -> str:
        return f"ArnPrincipal({self.arn})"


class AccountPrincipal(ArnPrincipal):
    """An AWS account (its root user): `{"AWS": "arn:<partition>:iam::<account>:root"}`, with the
    partition of the stack where the policy is rendered."""

    def __init__(self, account_id: Any):
        if not Token.is_unresolved(account_id):
            if not isinstance(account_id, str):
                raise UnscopedValidationError(
                    f"AccountPrincipal: 'account_id' must be a string, got {account_id!r} "
                    f"(a {type(account_id).__name__})"
                )
            if not _ACCOUNT_ID.match(account_id):
                raise UnscopedValidationError(
                    f"AccountPrincipal: account id '{account_id}' is not a 12-digit AWS account id"
                )
        super().__init__(
            _StackDependentToken(lambda stack: f"arn:{stack.partition}:iam::{account_id}:root").to_string()
        )
        self.account_id = account_id

    @property
    def principal_account(self) -> str | None:
        """The account id."""
        return self.account_id  # type: ignore[no-any-return]

    def __str__(self) -> str:
        return f"AccountPrincipal({self.account_id})"


class AccountRootPrincipal(AccountPrincipal):
    """The account the stack (where the policy is rendered) deploys to."""

    def __init__(self) -> None:
        super().__init__(_StackDependentToken(lambda stack: stack.account).to_string())

    def __str__(self) -> str:
        return "AccountRootPrincipal()"


class ServicePrincipal(PrincipalBase):
    """An AWS service (`events.amazonaws.com`): `{"Service": service}`, optionally with conditions."""

    def __init__(self, service: str, *, region: str | None = None, conditions: dict[str, Any] | None = None):
        if not isinstance(service, str):
            raise UnscopedValidationError(
                "ServicePrincipal: 'service' must be a string "
                f"such as 'events.amazonaws.com', got {service!r} "
                f"(a {type(service).__name__})"
            )
        self.service = service
        self._region = region
        self._conditions = dict(conditions) if conditions else None

    @property
    def policy_fragment(self) -> PrincipalPolicyFragment:
        """`{"Service": [service]}` with the given conditions."""
        name = self.service
        if self._region is not None and not Token.is_unresolved(self._region):
            name = _ServicePrincipalToken(self.service, self._region).to_string()
        return PrincipalPolicyFragment(
            {"Service": [name]}, dict(self._conditions) if self._conditions else {}
        )

    def dedupe_string(self) -> str | None:
        """`ServicePrincipal:<service>:<options>`."""
        opts: dict[str, Any] = {}
        if self._region is not None:
            opts["region"] = self._region
        if self._conditions is not None:
            opts["conditions"] = self._conditions
        return f"ServicePrincipal:{self.service}:{encode_compact(opts)}"

    def __str__(self) -> str:
        return f"ServicePrincipal({self.service})"


class OrganizationPrincipal(PrincipalBase):
    """Every identity of an AWS Organization: `{"AWS": "*"}` with an `aws:PrincipalOrgID` condition."""

    def __init__(self, organization_id: str):
        self.organization_id = organization_id

    @property
    def policy_fragment(self) -> PrincipalPolicyFragment:
        """`{"AWS": ["*"]}` + `StringEquals aws:PrincipalOrgID`."""
        return PrincipalPolicyFragment(
            {"AWS": ["*"]}, {"StringEquals": {"aws:PrincipalOrgID": self.organization_id}}
        )

    def dedupe_string(self) -> str | None:
        """`OrganizationPrincipal:<id>`."""
        return f"OrganizationPrincipal:{self.organization_id}"

    def __str__(self) -> str:
        return f"OrganizationPrincipal({self.organization_id})"


class CanonicalUserPrincipal(PrincipalBase):
    """A canonical user id (S3 origin access identities): `{"CanonicalUser": id}`."""

    def __init__(self, canonical_user_id: str):
        self.canonical_user_id = canonical_user_id

    @property
    def policy_fragment(self) -> PrincipalPolicyFragment:
        """`{"CanonicalUser": [id]}`."""
        return PrincipalPolicyFragment({"CanonicalUser": [self.canonical_user_id]})

    def dedupe_string(self) -> str | None:
        """`CanonicalUserPrincipal:<id>`."""
        return f"CanonicalUserPrincipal:{self.canonical_user_id}"


class FederatedPrincipal(PrincipalBase):
    """A federated identity provider: `{"Federated": provider}` with conditions."""

    def __init__(
        self,
        federated: str,
        conditions: dict[str, Any] | None = None,
        assume_role_action: str = "sts:AssumeRole",
    ):
        self.federated = federated
        self.conditions = dict(conditions or {})
        self.assume_role_action = assume_role_action

    @property
    def policy_fragment(self) -> PrincipalPolicyFragment:
        """`{"Federated": [provider]}` with the conditions."""
        return PrincipalPolicyFragment({"Federated": [self.federated]}, self.conditions)

    def dedupe_string(self) -> str | None:
        """`FederatedPrincipal:<provider>:<action>:<conditions>`."""
        return (
            f"FederatedPrincipal:{self.federated}:{self.assume_role_action}:"
            f"{encode_compact(self.conditions)}"
        )


class AnyPrincipal(ArnPrincipal):
    """Every AWS identity: `{"AWS": "*"}` (see `StarPrincipal` for the literal `"*"`)."""

    def __init__(self) -> None:
        super().__init__("*")

    def __str__(self) -> str:
        return "AnyPrincipal()"


class StarPrincipal(PrincipalBase):
    """The literal principal `"*"` (`Principal: "*"`, which some services treat differently)."""

    @property
    def policy_fragment(self) -> PrincipalPolicyFragment:
        """`{"LiteralString": ["*"]}`, rendered as `"*"`."""
        return PrincipalPolicyFragment({LITERAL_STRING_KEY: ["*"]})

    def dedupe_string(self) -> str | None:
        """`StarPrincipal`."""
        return "StarPrincipal"

    def __str__(self) -> str:
        return "StarPrincipal()"


class CompositePrincipal(PrincipalBase):
    """Several principals as one (none of them may carry conditions)."""

    def __init__(self, *principals: IPrincipal):
        if not principals:
            raise UnscopedValidationError(
                "CompositePrincipals must be constructed with at least 1 Principal but none were passed."
            )
        self.assume_role_action = principals[0].assume_role_action
        self._principals: list[IPrincipal] = []
        self.add_principals(*principals)

    def add_principals(self, *principals: IPrincipal) -> CompositePrincipal:
        """Add more principals; returns this principal."""
        for principal in principals:
            if not is_principal(principal):
                raise UnscopedValidationError(
                    "CompositePrincipal: expected principals, got "
                    f"{principal!r} (a {type(principal).__name__})"
                )
        self._principals.extend(principals)
        return self

    def add_to_assume_role_policy(self, document: PolicyDocument) -> None:
        """One assume-role statement per principal."""
        for principal in self._principals:
            add_principal_to_assume_role(principal, document)

    @property
    def policy_fragment(self) -> PrincipalPolicyFragment:
        """The merged JSON of all principals."""
        merged: dict[str, list[Any]] = {}
        for principal in self._principals:
            fragment = principal.policy_fragment
            if fragment.conditions:
                raise UnscopedValidationError(
                    "Components of a CompositePrincipal must not have conditions. Tried to add the following "
                    "fragment: "
                    f"{json.dumps(_fragment_json(fragment), default=repr)}"
                )
            merge_principal(merged, fragment.principal_json)
        return PrincipalPolicyFragment(merged)

    def dedupe_string(self) -> str | None:
        """The inner dedupe strings, or None when one of them is compared by identity."""
        inner = [dedupe_string_for(p) for p in self._principals]
        if any(x is None for x in inner):
            return None
        return f"CompositePrincipal[{','.join(x for x in inner if x is not None)}]"

    def __str__(self) -> str:
        return f"CompositePrincipal({','.join(str(p) for p in self._principals)})"


def _fragment_json(fragment: PrincipalPolicyFragment) -> dict[str, Any]:
    return {"principalJson": fragment.principal_json, "conditions": fragment.conditions}


def add_principal_to_assume_role(principal: IPrincipal, document: PolicyDocument) -> None:
    """Add the statement that lets `principal` assume a role to `document`."""
    custom = getattr(principal, "add_to_assume_role_policy", None)
    if callable(custom):
        custom(document)
        return
    document.add_assume_role_statement(principal)


def is_principal(value: object) -> bool:
    """True for principals (a cheap check: runtime `Protocol` checks are slow on hot paths)."""
    return isinstance(value, PrincipalBase) or (
        hasattr(value, "policy_fragment") and hasattr(value, "add_to_principal_policy"))
