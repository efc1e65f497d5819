"""cdk_events.aws.iam: IAM policies, principals, roles and grants, rendered as `aws_cdk.aws_iam`
renders them (statement order and merging, `DefaultPolicy` naming, principal JSON)."""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._cfn_generated import CfnManagedPolicy, CfnPolicy, CfnRole
    from ._grant import AddToResourcePolicyResult, Grant, IResourceWithPolicy
    from ._managed_policy import IManagedPolicy, ManagedPolicy
    from ._policy import Policy
    from ._policy_document import PolicyDocument
    from ._policy_statement import Effect, PolicyStatement
    from ._principals import (
        AccountPrincipal,
        AccountRootPrincipal,
        AddToPrincipalPolicyResult,
        AnyPrincipal,
        ArnPrincipal,
        CanonicalUserPrincipal,
        CompositePrincipal,
        FederatedPrincipal,
        IGrantable,
        IPrincipal,
        OrganizationPrincipal,
        PrincipalBase,
        PrincipalPolicyFragment,
        PrincipalWithConditions,
        ServicePrincipal,
        StarPrincipal,
    )
    from ._role import IRole, Role
    from ._unknown_principal import UnknownPrincipal

__all__ = [
    "AccountPrincipal",
    "AccountRootPrincipal",
    "AddToPrincipalPolicyResult",
    "AddToResourcePolicyResult",
    "AnyPrincipal",
    "ArnPrincipal",
    "CanonicalUserPrincipal",
    "CfnManagedPolicy",
    "CfnPolicy",
    "CfnRole",
    "CompositePrincipal",
    "Effect",
    "FederatedPrincipal",
    "Grant",
    "IGrantable",
    "IManagedPolicy",
    "IPrincipal",
    "IResourceWithPolicy",
    "IRole",
    "ManagedPolicy",
    "OrganizationPrincipal",
    "Policy",
    "PolicyDocument",
    "PolicyStatement",
    "PrincipalBase",
    "PrincipalPolicyFragment",
    "PrincipalWithConditions",
    "Role",
    "ServicePrincipal",
    "UnknownPrincipal",
    "StarPrincipal",
]

lazy_exports(globals(), {
    "CfnManagedPolicy": "._cfn_generated",
    "CfnPolicy": "._cfn_generated",
    "CfnRole": "._cfn_generated",
    "AddToResourcePolicyResult": "._grant",
    "Grant": "._grant",
    "IResourceWithPolicy": "._grant",
    "IManagedPolicy": "._managed_policy",
    "ManagedPolicy": "._managed_policy",
    "Policy": "._policy",
    "PolicyDocument": "._policy_document",
    "Effect": "._policy_statement",
    "PolicyStatement": "._policy_statement",
    "AccountPrincipal": "._principals",
    "AccountRootPrincipal": "._principals",
    "AddToPrincipalPolicyResult": "._principals",
    "AnyPrincipal": "._principals",
    "ArnPrincipal": "._principals",
    "CanonicalUserPrincipal": "._principals",
    "CompositePrincipal": "._principals",
    "FederatedPrincipal": "._principals",
    "IGrantable": "._principals",
    "IPrincipal": "._principals",
    "OrganizationPrincipal": "._principals",
    "PrincipalBase": "._principals",
    "PrincipalPolicyFragment": "._principals",
    "PrincipalWithConditions": "._principals",
    "ServicePrincipal": "._principals",
    "UnknownPrincipal": "._unknown_principal",
    "StarPrincipal": "._principals",
    "IRole": "._role",
    "Role": "._role",
})
