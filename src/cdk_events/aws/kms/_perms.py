"""The KMS actions each kind of key grant gives (the key-policy documentation's groupings)."""

from __future__ import annotations

ADMIN_ACTIONS: tuple[str, ...] = (
    "kms:Create*",
    "kms:Describe*",
    "kms:Enable*",
    "kms:List*",
    "kms:Put*",
    "kms:Update*",
    "kms:Revoke*",
    "kms:Disable*",
    "kms:Get*",
    "kms:Delete*",
    "kms:TagResource",
    "kms:UntagResource",
    "kms:ScheduleKeyDeletion",
    "kms:CancelKeyDeletion",
)

ENCRYPT_ACTIONS: tuple[str, ...] = ("kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*")

DECRYPT_ACTIONS: tuple[str, ...] = ("kms:Decrypt",)

SIGN_ACTIONS: tuple[str, ...] = ("kms:Sign",)

VERIFY_ACTIONS: tuple[str, ...] = ("kms:Verify",)
