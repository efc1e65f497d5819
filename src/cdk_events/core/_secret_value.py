"""`SecretValue`: a secret that is resolved by CloudFormation at deploy time."""

from __future__ import annotations

from typing import Any

from ._errors import ValidationError
from ._token_encoding import TOKEN_MAP, Intrinsic, IResolveContext


class SecretValue(Intrinsic):
    """A secret (mirrors `aws_cdk.SecretValue`): rendered as a dynamic reference, never as plain text
    unless made with `unsafe_plain_text`."""

    def __init__(self, value: Any):
        super().__init__(value)

    @staticmethod
    def secrets_manager(secret_id: str, *, json_field: str | None = None, version_stage: str | None = None,
                        version_id: str | None = None) -> SecretValue:
        """`{{resolve:secretsmanager:<id>:SecretString:<json_field>:<stage>:<version>}}`."""
        if not secret_id:
            raise ValidationError("secretId cannot be empty")
        if not secret_id.startswith("arn:") and ":" in secret_id:
            raise ValidationError(f"secret id \"{secret_id}\" is not an ARN but contains \":\"")
        if version_stage and version_id:
            raise ValidationError(
                f"verionStage: '{version_stage}' and versionId: '{version_id}' were both provided but only one is "
                "allowed")
        parts = [secret_id, "SecretString", json_field or "", version_stage or "", version_id or ""]
        return SecretValue("{{resolve:secretsmanager:" + ":".join(parts) + "}}")

    @staticmethod
    def ssm_secure(parameter_name: str, version: str | None = None) -> SecretValue:
        """`{{resolve:ssm-secure:<name>[:<version>]}}`."""
        parts = [parameter_name] + ([version] if version else [])
        return SecretValue("{{resolve:ssm-secure:" + ":".join(parts) + "}}")

    @staticmethod
    def unsafe_plain_text(secret: str) -> SecretValue:
        """A secret given in plain text (it will be visible in the template)."""
        return SecretValue(secret)

    @staticmethod
    def plain_text(secret: str) -> SecretValue:
        """Deprecated spelling of `unsafe_plain_text`."""
        return SecretValue(secret)

    @staticmethod
    def cfn_dynamic_reference(ref: Any) -> SecretValue:
        """A secret from a `CfnDynamicReference`."""
        return SecretValue(ref)

    @staticmethod
    def cfn_parameter(param: Any) -> SecretValue:
        """A secret from a `CfnParameter` (must have `no_echo`)."""
        if not getattr(param, "no_echo", False):
            raise ValidationError("CloudFormation parameter must be configured with \"NoEcho\"")
        return SecretValue(param.value)

    @staticmethod
    def resource_attribute(attr: str) -> SecretValue:
        """A secret taken from a resource attribute."""
        return SecretValue(attr)

    def unsafe_unwrap(self) -> str:
        """The secret as a string token."""
        return TOKEN_MAP.register_string(self)

    def to_json(self) -> str:
        """What JSON shows for an unresolved secret."""
        return "<unresolved-token>"

    def resolve(self, context: IResolveContext) -> Any:
        """The dynamic reference (or the plain text)."""
        return self.value
