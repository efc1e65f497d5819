"""`Policy`: an inline IAM policy (`AWS::IAM::Policy`) attached to roles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from cdk_events.core import Construct, Lazy, Resource, UnscopedValidationError

from ._cfn_generated import CfnPolicy
from ._policy_document import PolicyDocument
from ._policy_statement import PolicyStatement
from ._principals import AddToPrincipalPolicyResult, PrincipalPolicyFragment

if TYPE_CHECKING:
    from ._role import IRole

MAX_POLICY_NAME_LEN = 128


class _Validation:
    def __init__(self, check: Any):
        self._check = check

    def validate(self) -> list[str]:
        return self._check()  # type: ignore[no-any-return]


class _CfnPolicyConditional(CfnPolicy):
    """Left out of the template while the policy is empty or unattached (unless forced/referenced)."""

    owner: Policy

    def _should_synthesize(self) -> bool:
        owner = self.owner
        return owner._force or owner._reference_taken or (not owner.document.is_empty and owner._is_attached)


class Policy(Resource):
    """An inline IAM policy (mirrors `aws_iam.Policy`).

    `policy_name` defaults to the last 128 characters of the resource's logical id. The resource
    is only rendered once it has a statement and is attached to a role (or `force=True`).
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        policy_name: str | None = None,
        statements: Sequence[PolicyStatement] | None = None,
        roles: Sequence[IRole] | None = None,
        force: bool = False,
        document: PolicyDocument | None = None,
    ):
        resource: list[CfnPolicy] = []
        physical_name = policy_name or Lazy.string(
            lambda: resource[0].resolved_logical_id()[-MAX_POLICY_NAME_LEN:]
        )
        super().__init__(scope, id, physical_name=physical_name)
        if document is not None and not isinstance(document, PolicyDocument):
            raise UnscopedValidationError(f"Policy: 'document' must be a PolicyDocument, got {document!r}")
        self.document = document if document is not None else PolicyDocument()
        self._roles: list[IRole] = []
        self._force = bool(force)
        self._reference_taken = False
        cfn = _CfnPolicyConditional(
            self,
            "Resource",
            policy_document=self.document,
            policy_name=physical_name,
            roles=Lazy.list(lambda: [r.role_name for r in self._roles], omit_empty=True),
        )
        cfn.owner = self
        resource.append(cfn)
        self._policy_name = physical_name
        for role in roles or []:
            self.attach_to_role(role)
        for statement in statements or []:
            self.add_statements(statement)
        self.node.add_validation(_Validation(self._validate_policy))

    @property
    def policy_name(self) -> str:
        """The policy name (reading it forces the resource into the template)."""
        self._reference_taken = True
        return self._policy_name

    @property
    def grant_principal(self) -> _PolicyGrantPrincipal:
        """A principal whose grants go into this policy."""
        return _PolicyGrantPrincipal(self)

    def add_statements(self, *statements: PolicyStatement) -> None:
        """Add statements to the policy document."""
        self.document.add_statements(*statements)

    def attach_to_role(self, role: IRole) -> None:
        """Attach the policy to a role (once)."""
        if any(r.role_arn == role.role_arn for r in self._roles):
            return
        self._roles.append(role)
        role.attach_inline_policy(self)

    @property
    def _is_attached(self) -> bool:
        return bool(self._roles)

    def _validate_policy(self) -> list[str]:
        result: list[str] = []
        if self.document.is_empty:
            if self._force:
                result.append(
                    "Policy created with force=true is empty. You must add statements to the policy"
                )
            elif self._reference_taken:
                result.append(
                    "This Policy has been referenced by a resource, so it must contain at least one "
                    "statement."
                )
        if not self._is_attached:
            if self._force:
                result.append(
                    "Policy created with force=true must be attached to at least one principal: user, "
                    "group or role"
                )
            elif self._reference_taken:
                result.append(
                    "This Policy has been referenced by a resource, so it must be attached to at least "
                    "one user, group or role."
                )
        result.extend(self.document.validate_for_identity_policy())
        return result


class _PolicyGrantPrincipal:
    """The principal of a `Policy`: grants add statements to the policy."""

    assume_role_action = "sts:AssumeRole"

    def __init__(self, policy: Policy):
        self._policy = policy

    @property
    def grant_principal(self) -> _PolicyGrantPrincipal:
        return self

    @property
    def principal_account(self) -> str | None:
        return self._policy.env.account

    @property
    def policy_fragment(self) -> PrincipalPolicyFragment:
        raise UnscopedValidationError(
            f"Cannot use a Policy '{self._policy.node.path}' as "
            "the 'Principal' or 'NotPrincipal' in an IAM Policy"
        )

    def add_to_policy(self, statement: PolicyStatement) -> bool:
        return self.add_to_principal_policy(statement).statement_added

    def add_to_principal_policy(self, statement: PolicyStatement) -> AddToPrincipalPolicyResult:
        self._policy.add_statements(statement)
        return AddToPrincipalPolicyResult(statement_added=True, policy_dependable=self._policy)
