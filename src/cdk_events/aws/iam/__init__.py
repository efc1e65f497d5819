"""cdk_events.aws.iam: IAM policies, principals, roles and grants, rendered as `aws_cdk.aws_iam`
renders them (statement order and merging, `DefaultPolicy` naming, principal JSON)."""

from ..._public import set_public_module
from ._cfn import CfnManagedPolicy, CfnPolicy, CfnRole
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
    "StarPrincipal",
]

set_public_module(globals())
