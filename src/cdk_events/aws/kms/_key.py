"""`Key`: a KMS key with its key policy, and `IKey` for keys defined elsewhere."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Any, Protocol, runtime_checkable

from cdk_events.core import (
    ArnFormat,
    Construct,
    Duration,
    FeatureFlags,
    Node,
    RemovalPolicy,
    Resource,
    ResourceEnvironment,
    Stack,
    Token,
    ValidationError,
)

from ...core._errors import construct_error
from ...core._prop_checks import check_bool, check_duration, check_enum, check_instance, check_str, is_owned
from .. import iam
from . import _perms
from ._alias import Alias
from ._cfn_generated import CfnKey

REDUCE_CROSS_ACCOUNT_REGION_POLICY_SCOPE = "@aws-cdk/aws-kms:reduceCrossAccountRegionPolicyScope"


class KeySpec(Enum):
    """The cryptographic configuration of a key (default SYMMETRIC_DEFAULT)."""

    SYMMETRIC_DEFAULT = "SYMMETRIC_DEFAULT"
    RSA_2048 = "RSA_2048"
    RSA_3072 = "RSA_3072"
    RSA_4096 = "RSA_4096"
    ECC_NIST_P256 = "ECC_NIST_P256"
    ECC_NIST_P384 = "ECC_NIST_P384"
    ECC_NIST_P521 = "ECC_NIST_P521"
    ECC_SECG_P256K1 = "ECC_SECG_P256K1"
    HMAC_224 = "HMAC_224"
    HMAC_256 = "HMAC_256"
    HMAC_384 = "HMAC_384"
    HMAC_512 = "HMAC_512"
    SM2 = "SM2"


class KeyUsage(Enum):
    """The cryptographic operations a key is for (default ENCRYPT_DECRYPT)."""

    ENCRYPT_DECRYPT = "ENCRYPT_DECRYPT"
    SIGN_VERIFY = "SIGN_VERIFY"
    GENERATE_VERIFY_MAC = "GENERATE_VERIFY_MAC"
    KEY_AGREEMENT = "KEY_AGREEMENT"


_HMAC = (KeySpec.HMAC_224, KeySpec.HMAC_256, KeySpec.HMAC_384, KeySpec.HMAC_512)
_ECC = (KeySpec.ECC_NIST_P256, KeySpec.ECC_NIST_P384, KeySpec.ECC_NIST_P521, KeySpec.ECC_SECG_P256K1)
_RSA = (KeySpec.RSA_2048, KeySpec.RSA_3072, KeySpec.RSA_4096)
_DENIED_SPECS: dict[KeyUsage, tuple[KeySpec, ...]] = {
    KeyUsage.ENCRYPT_DECRYPT: (*_ECC, *_HMAC),
    KeyUsage.SIGN_VERIFY: (KeySpec.SYMMETRIC_DEFAULT, *_HMAC),
    KeyUsage.GENERATE_VERIFY_MAC: (*_RSA, *_ECC, KeySpec.SYMMETRIC_DEFAULT, KeySpec.SM2),
    KeyUsage.KEY_AGREEMENT: (KeySpec.SYMMETRIC_DEFAULT, *_RSA, KeySpec.ECC_SECG_P256K1, *_HMAC),
}


@runtime_checkable
class IKey(Protocol):
    """A KMS key, defined here or imported (mirrors `aws_cdk.aws_kms.IKey`)."""

    @property
    def key_arn(self) -> str: ...

    @property
    def key_id(self) -> str: ...

    @property
    def node(self) -> Node: ...

    @property
    def env(self) -> ResourceEnvironment: ...

    def add_to_resource_policy(self, statement: iam.PolicyStatement,
                               allow_no_op: bool = True) -> iam.AddToResourcePolicyResult: ...

    def grant(self, grantee: iam.IGrantable, *actions: str) -> iam.Grant: ...

    def grant_decrypt(self, grantee: iam.IGrantable) -> iam.Grant: ...

    def grant_encrypt(self, grantee: iam.IGrantable) -> iam.Grant: ...

    def grant_encrypt_decrypt(self, grantee: iam.IGrantable) -> iam.Grant: ...


class KeyBase(Resource):
    """What owned and imported keys share: the key policy and the grants."""

    key_arn: str
    key_id: str
    _policy: iam.PolicyDocument | None = None
    _trust_account_identities: bool = True

    def __init__(self, scope: Construct, id: str, **kwargs: Any):
        super().__init__(scope, id, **kwargs)
        self._aliases: list[Alias] = []
        self.node.add_validation(_PolicyValidation(self))

    def add_alias(self, alias_name: str) -> Alias:
        """Add an alias (`alias/...`) that points at this key."""
        alias_id = f"Alias{alias_name}" if self._aliases else "Alias"
        alias = Alias(self, alias_id, alias_name=alias_name, target_key=self)
        self._aliases.append(alias)
        return alias

    def add_to_resource_policy(self, statement: iam.PolicyStatement,
                               allow_no_op: bool = True) -> iam.AddToResourcePolicyResult:
        """Add a statement to the key policy; an imported key has none (no-op unless
        `allow_no_op=False`, which raises)."""
        if self._policy is None:
            if allow_no_op:
                return iam.AddToResourcePolicyResult(statement_added=False)
            raise construct_error(
                self, "Unable to add statement to IAM resource policy for KMS key: the key was imported "
                      "and its key policy cannot be changed here")
        self._policy.add_statements(statement)
        return iam.AddToResourcePolicyResult(statement_added=True, policy_dependable=self._policy)

    def grant(self, grantee: iam.IGrantable, *actions: str) -> iam.Grant:
        """Grant `actions` on this key: to the principal's policy when the key trusts account
        identities, and to the key policy as well when the grantee lives in another environment."""
        depends_account = self._grantee_stack_depends_on_key_stack(grantee)
        principal = iam.AccountPrincipal(depends_account) if depends_account else grantee.grant_principal
        cross_environment = self._grantee_in_other_account(grantee) or self._grantee_in_other_region(grantee)
        if self._trust_account_identities and not cross_environment:
            return iam.Grant.add_to_principal_or_resource(
                grantee=grantee, actions=actions, resource_arns=[self.key_arn], resource=self,
                resource_self_arns=["*"])
        return iam.Grant.add_to_principal_and_resource(
            grantee=grantee, actions=actions, resource=self,
            resource_arns=["*"] if cross_environment else [self.key_arn],
            resource_self_arns=None if cross_environment else ["*"],
            resource_policy_principal=principal)

    def grant_decrypt(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant `kms:Decrypt`."""
        return self.grant(grantee, *_perms.DECRYPT_ACTIONS)

    def grant_encrypt(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant `kms:Encrypt`, `kms:ReEncrypt*`, `kms:GenerateDataKey*`."""
        return self.grant(grantee, *_perms.ENCRYPT_ACTIONS)

    def grant_encrypt_decrypt(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant the decrypt and the encrypt actions."""
        return self.grant(grantee, *_perms.DECRYPT_ACTIONS, *_perms.ENCRYPT_ACTIONS)

    def grant_sign(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant `kms:Sign`."""
        return self.grant(grantee, *_perms.SIGN_ACTIONS)

    def grant_verify(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant `kms:Verify`."""
        return self.grant(grantee, *_perms.VERIFY_ACTIONS)

    # --- where the grantee lives -----------------------------------------------------------
    def _grantee_stack_depends_on_key_stack(self, grantee: iam.IGrantable) -> str | None:
        principal = grantee.grant_principal
        if not is_owned(principal):
            return None
        key_stack = Stack.of(self)
        grantee_stack = Stack.of(principal)  # type: ignore[arg-type]
        if key_stack is grantee_stack:
            return None
        return grantee_stack.account if key_stack in grantee_stack.dependencies else None

    def _grantee_in_other_region(self, grantee: iam.IGrantable) -> bool:
        principal = grantee.grant_principal
        if not is_owned(principal):
            return False
        key_stack, identity_stack = Stack.of(self), Stack.of(principal)  # type: ignore[arg-type]
        if FeatureFlags.of(self).is_enabled(REDUCE_CROSS_ACCOUNT_REGION_POLICY_SCOPE):
            return key_stack.region != identity_stack.region and self.env.region != identity_stack.region
        return key_stack.region != identity_stack.region

    def _grantee_in_other_account(self, grantee: iam.IGrantable) -> bool:
        principal = grantee.grant_principal
        if not is_owned(principal):
            return False
        key_stack, identity_stack = Stack.of(self), Stack.of(principal)  # type: ignore[arg-type]
        if FeatureFlags.of(self).is_enabled(REDUCE_CROSS_ACCOUNT_REGION_POLICY_SCOPE):
            return key_stack.account != identity_stack.account and self.env.account != identity_stack.account
        return key_stack.account != identity_stack.account


class _PolicyValidation:
    def __init__(self, key: KeyBase):
        self._key = key

    def validate(self) -> list[str]:
        policy = self._key._policy
        return policy.validate_for_resource_policy() if policy is not None else []


class Key(KeyBase):
    """A KMS key (mirrors `aws_cdk.aws_kms.Key`).

    The key policy defaults to one statement giving the account root `kms:*` (grants then go to
    the principals' own policies); `policy` replaces it. `removal_policy` defaults to RETAIN;
    `enable_key_rotation` to off; `key_spec`/`key_usage` to SYMMETRIC_DEFAULT/ENCRYPT_DECRYPT;
    `pending_window` (7..30 days) to 30 days; `alias` to none; `admins` to none.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        description: str | None = None,
        alias: str | None = None,
        enable_key_rotation: bool | None = None,
        rotation_period: Duration | None = None,
        enabled: bool | None = None,
        key_spec: KeySpec | None = None,
        key_usage: KeyUsage | None = None,
        multi_region: bool | None = None,
        policy: iam.PolicyDocument | None = None,
        admins: Sequence[iam.IPrincipal] | None = None,
        removal_policy: RemovalPolicy | None = None,
        pending_window: Duration | None = None,
    ):
        super().__init__(scope, id)
        check_str(self, "description", description)
        check_str(self, "alias", alias)
        check_bool(self, "enable_key_rotation", enable_key_rotation)
        check_bool(self, "enabled", enabled)
        check_bool(self, "multi_region", multi_region)
        check_enum(self, "key_spec", key_spec, KeySpec)
        check_enum(self, "key_usage", key_usage, KeyUsage)
        check_enum(self, "removal_policy", removal_policy, RemovalPolicy)
        check_duration(self, "rotation_period", rotation_period)
        check_duration(self, "pending_window", pending_window)
        check_instance(self, "policy", policy, iam.PolicyDocument, "an iam.PolicyDocument")
        self._check_spec(key_spec or KeySpec.SYMMETRIC_DEFAULT, key_usage or KeyUsage.ENCRYPT_DECRYPT,
                         enable_key_rotation)
        rotation_days = self._rotation_days(rotation_period, enable_key_rotation)
        if rotation_days is not None and enable_key_rotation is None:
            enable_key_rotation = True
        self._policy = policy if policy is not None else iam.PolicyDocument()
        self._trust_account_identities = True
        if policy is None:
            self._policy.add_statements(iam.PolicyStatement(
                resources=["*"], actions=["kms:*"], principals=[iam.AccountRootPrincipal()]))
        resource = CfnKey(
            self, "Resource",
            description=description,
            enable_key_rotation=enable_key_rotation,
            rotation_period_in_days=rotation_days,
            enabled=enabled,
            key_spec=key_spec.value if key_spec is not None else None,
            key_usage=key_usage.value if key_usage is not None else None,
            key_policy=self._policy,
            multi_region=multi_region,
            pending_window_in_days=self._pending_window_days(pending_window),
        )
        self.key_arn = resource.attr_arn
        self.key_id = resource.ref
        resource.apply_removal_policy(removal_policy)
        for admin in admins or ():
            self.grant_admin(admin)
        if alias is not None:
            self.add_alias(alias)

    def _check_spec(self, spec: KeySpec, usage: KeyUsage, rotation: bool | None) -> None:
        if spec in _DENIED_SPECS[usage]:
            raise construct_error(self, f"key spec '{spec.value}' is not valid with usage '{usage.value}'")
        if spec in _HMAC and rotation:
            raise construct_error(self, "key rotation cannot be enabled on HMAC keys")
        if spec is not KeySpec.SYMMETRIC_DEFAULT and rotation:
            raise construct_error(self, "key rotation cannot be enabled on asymmetric keys")

    def _rotation_days(self, period: Duration | None, rotation: bool | None) -> int | float | None:
        if period is None:
            return None
        if rotation is False:
            raise construct_error(self, "'rotation_period' cannot be specified when 'enable_key_rotation' is disabled")
        days = period.to_days()
        if not Token.is_unresolved(days) and (days < 90 or days > 2560):
            raise construct_error(self, f"'rotation_period' value must between 90 and 2650 days. Received: {days}")
        return days

    def _pending_window_days(self, window: Duration | None) -> int | float | None:
        if window is None:
            return None
        days = window.to_days()
        if not Token.is_unresolved(days) and (days < 7 or days > 30):
            raise construct_error(self, f"'pending_window' value must between 7 and 30 days. Received: {days}")
        return days

    def grant_admin(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant the key-administration actions (not encrypt/decrypt)."""
        return self.grant(grantee, *_perms.ADMIN_ACTIONS)

    @staticmethod
    def from_key_arn(scope: Construct, id: str, key_arn: str) -> IKey:
        """A key defined elsewhere, by ARN (`arn:<partition>:kms:<region>:<account>:key/<id>`); its
        key policy cannot be changed, so grants go to the principals' policies."""
        if not isinstance(key_arn, str):
            raise ValidationError(f"Key.from_key_arn: 'key_arn' must be a string, got {key_arn!r}")
        key_id = Stack.of(scope).split_arn(key_arn, ArnFormat.SLASH_RESOURCE_NAME).resource_name
        if not key_id:
            raise ValidationError(
                f"KMS key ARN must be in the format 'arn:<partition>:kms:<region>:<account>:key/<keyId>', "
                f"got: '{key_arn}'")
        return _ImportedKey(scope, id, key_arn, key_id)


class _ImportedKey(KeyBase):
    def __init__(self, scope: Construct, id: str, key_arn: str, key_id: str):
        super().__init__(scope, id, environment_from_arn=key_arn)
        self.key_arn = key_arn
        self.key_id = key_id
        self._policy = None
        self._trust_account_identities = True
