"""`RemovalPolicy`: what happens to a resource when it leaves the stack."""

from __future__ import annotations

from enum import Enum


class RemovalPolicy(Enum):
    """The CloudFormation `DeletionPolicy`/`UpdateReplacePolicy` a construct asks for."""

    DESTROY = "destroy"
    RETAIN = "retain"
    SNAPSHOT = "snapshot"
    RETAIN_ON_UPDATE_OR_DELETE = "retain-on-update-or-delete"


def deletion_policy_of(policy: RemovalPolicy) -> str:
    """The CloudFormation spelling of a removal policy."""
    return {
        RemovalPolicy.DESTROY: "Delete",
        RemovalPolicy.RETAIN: "Retain",
        RemovalPolicy.SNAPSHOT: "Snapshot",
        RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE: "RetainExceptOnCreate",
    }[policy]
