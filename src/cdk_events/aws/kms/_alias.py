"""`Alias`: a friendly name (`alias/...`) pointing at a KMS key."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from cdk_events.core import CfnResource, Construct, RemovalPolicy, Resource, Token

from ...core._errors import construct_error

if TYPE_CHECKING:
    from ._key import IKey

REQUIRED_ALIAS_PREFIX = "alias/"
_DISALLOWED_PREFIX = REQUIRED_ALIAS_PREFIX + "aws/"
_ALIAS_NAME = re.compile(r"^[a-zA-Z0-9:/_-]{1,256}\Z")


class Alias(Resource):
    """An `AWS::KMS::Alias` (mirrors `aws_cdk.aws_kms.Alias`).

    `alias_name` gets the `alias/` prefix when it lacks it; `removal_policy` defaults to none
    (CloudFormation deletes the alias).
    """

    def __init__(self, scope: Construct, id: str, *, alias_name: str, target_key: IKey,
                 removal_policy: RemovalPolicy | None = None):
        super().__init__(scope, id)
        if not isinstance(alias_name, str):
            raise construct_error(self, f"'alias_name' must be a string, got {alias_name!r}")
        if not Token.is_unresolved(alias_name):
            if not alias_name.startswith(REQUIRED_ALIAS_PREFIX):
                alias_name = REQUIRED_ALIAS_PREFIX + alias_name
            if alias_name == REQUIRED_ALIAS_PREFIX:
                raise construct_error(
                    self, f"Alias must include a value after \"{REQUIRED_ALIAS_PREFIX}\": {alias_name}")
            if alias_name.lower().startswith(_DISALLOWED_PREFIX):
                raise construct_error(self, f"Alias cannot start with {_DISALLOWED_PREFIX}: {alias_name}")
            if not _ALIAS_NAME.match(alias_name):
                raise construct_error(
                    self, f"Alias name must be between 1 and 256 characters in a-zA-Z0-9:/_-: {alias_name}")
        self.alias_name = alias_name
        self.alias_target_key = target_key
        resource = CfnResource(self, "Resource", type="AWS::KMS::Alias",
                               properties={"AliasName": alias_name, "TargetKeyId": target_key.key_arn})
        if removal_policy is not None:
            resource.apply_removal_policy(removal_policy)
