"""The IAM L1 classes: `CfnRole`, `CfnPolicy`, `CfnManagedPolicy` (properties in CloudFormation's
alphabetical order)."""

from __future__ import annotations

from typing import Any

from cdk_events.core import CfnResource, Construct, TagManager


def _tag_manager(resource_type: str, tags: Any) -> TagManager:
    initial: dict[str, str] = {}
    if isinstance(tags, dict):
        initial = dict(tags)
    elif isinstance(tags, list):
        for tag in tags:
            key = tag.get("Key", tag.get("key")) if isinstance(tag, dict) else getattr(tag, "key", None)
            value = (
                tag.get("Value", tag.get("value")) if isinstance(tag, dict) else getattr(tag, "value", None)
            )
            if key is not None:
                initial[str(key)] = str(value)
    return TagManager(resource_type, initial)


class CfnRole(CfnResource):
    """`AWS::IAM::Role` (L1). Every property defaults to not set, except the required
    `assume_role_policy_document`."""

    CFN_RESOURCE_TYPE_NAME = "AWS::IAM::Role"

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        assume_role_policy_document: Any,
        description: str | None = None,
        managed_policy_arns: Any = None,
        max_session_duration: Any = None,
        path: str | None = None,
        permissions_boundary: Any = None,
        policies: Any = None,
        role_name: str | None = None,
        tags: Any = None,
    ):
        super().__init__(scope, id, type=self.CFN_RESOURCE_TYPE_NAME)
        self.assume_role_policy_document = assume_role_policy_document
        self.description = description
        self.managed_policy_arns = managed_policy_arns
        self.max_session_duration = max_session_duration
        self.path = path
        self.permissions_boundary = permissions_boundary
        self.policies = policies
        self.role_name = role_name
        self.tags = _tag_manager(self.CFN_RESOURCE_TYPE_NAME, tags)

    @property
    def attr_arn(self) -> str:
        """`Fn::GetAtt <role>.Arn`."""
        return self._att_string("Arn")

    @property
    def attr_role_id(self) -> str:
        """`Fn::GetAtt <role>.RoleId`."""
        return self._att_string("RoleId")

    def _render_properties(self) -> dict[str, Any]:
        return {
            "AssumeRolePolicyDocument": self.assume_role_policy_document,
            "Description": self.description,
            "ManagedPolicyArns": self.managed_policy_arns,
            "MaxSessionDuration": self.max_session_duration,
            "Path": self.path,
            "PermissionsBoundary": self.permissions_boundary,
            "Policies": self.policies,
            "RoleName": self.role_name,
            "Tags": self.tags.render_tags(),
        }


class CfnPolicy(CfnResource):
    """`AWS::IAM::Policy` (L1): an inline policy attached to groups, roles and users."""

    CFN_RESOURCE_TYPE_NAME = "AWS::IAM::Policy"

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        policy_document: Any,
        policy_name: str,
        groups: Any = None,
        roles: Any = None,
        users: Any = None,
    ):
        super().__init__(scope, id, type=self.CFN_RESOURCE_TYPE_NAME)
        self.policy_document = policy_document
        self.policy_name = policy_name
        self.groups = groups
        self.roles = roles
        self.users = users

    @property
    def attr_id(self) -> str:
        """`Fn::GetAtt <policy>.Id`."""
        return self._att_string("Id")

    def _should_synthesize(self) -> bool:
        """False to leave the resource out of the template (see `Policy`)."""
        return True

    def _render_fragment(self) -> tuple[str, Any]:
        if not self._should_synthesize():
            return "Resources", None
        return super()._render_fragment()

    def _render_properties(self) -> dict[str, Any]:
        return {
            "Groups": self.groups,
            "PolicyDocument": self.policy_document,
            "PolicyName": self.policy_name,
            "Roles": self.roles,
            "Users": self.users,
        }


class CfnManagedPolicy(CfnResource):
    """`AWS::IAM::ManagedPolicy` (L1)."""

    CFN_RESOURCE_TYPE_NAME = "AWS::IAM::ManagedPolicy"

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        policy_document: Any,
        description: str | None = None,
        groups: Any = None,
        managed_policy_name: str | None = None,
        path: str | None = None,
        roles: Any = None,
        users: Any = None,
    ):
        super().__init__(scope, id, type=self.CFN_RESOURCE_TYPE_NAME)
        self.policy_document = policy_document
        self.description = description
        self.groups = groups
        self.managed_policy_name = managed_policy_name
        self.path = path
        self.roles = roles
        self.users = users

    @property
    def attr_policy_arn(self) -> str:
        """`Fn::GetAtt <policy>.PolicyArn`."""
        return self._att_string("PolicyArn")

    def _render_properties(self) -> dict[str, Any]:
        return {
            "Description": self.description,
            "Groups": self.groups,
            "ManagedPolicyName": self.managed_policy_name,
            "Path": self.path,
            "PolicyDocument": self.policy_document,
            "Roles": self.roles,
            "Users": self.users,
        }
