"""`UnknownPrincipal`: the principal of a resource imported without its role."""

from __future__ import annotations

from cdk_events.core import Annotations, Resource, Stack
from cdk_events.core._errors import construct_error

from ._policy_statement import PolicyStatement
from ._principals import AddToPrincipalPolicyResult, PrincipalBase, PrincipalPolicyFragment


class UnknownPrincipal(PrincipalBase):
    """The principal of a resource imported without its role (mirrors `aws_cdk.aws_iam.UnknownPrincipal`):
    statements cannot be added to the unknown role, so each one becomes a warning on the resource that
    asks to add it to the role by hand."""

    def __init__(self, *, resource: Resource):
        self._resource = resource

    @property
    def principal_account(self) -> str | None:
        """The account of the resource."""
        return self._resource.env.account

    @property
    def policy_fragment(self) -> PrincipalPolicyFragment:
        """Not available: the role is unknown (an error naming the resource)."""
        raise construct_error(self._resource, f"Cannot get policy fragment of {self._resource.node.path}, "
                                              "resource imported without a role")

    def add_to_principal_policy(self, statement: PolicyStatement) -> AddToPrincipalPolicyResult:
        """Warn that `statement` must be added to the resource's role by hand (reported as added)."""
        rendered = Stack.of(self._resource).resolve(statement.to_statement_json())
        Annotations.of(self._resource).add_warning_v2(
            "@aws-cdk/aws-iam:unknownPrincipal", f"Add statement to this resource's role: {rendered}")
        return AddToPrincipalPolicyResult(statement_added=True, policy_dependable=self._resource)

    def __str__(self) -> str:
        return f"UnknownPrincipal({self._resource.node.path})"
