"""cdk_events.aws.kms: KMS keys with their key policies (the `aws_cdk.aws_kms` counterpart).

`Key` renders the CDK's default key policy (account root `kms:*` first) and grants as the CDK
does; `Key.from_key_arn` imports a key whose policy cannot be changed.
"""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._alias import Alias
    from ._cfn_generated import CfnKey
    from ._key import IKey, Key, KeyBase, KeySpec, KeyUsage

__all__ = ["Alias", "CfnKey", "IKey", "Key", "KeyBase", "KeySpec", "KeyUsage"]

lazy_exports(globals(), {
    "Alias": "._alias",
    "CfnKey": "._cfn_generated",
    "IKey": "._key",
    "Key": "._key",
    "KeyBase": "._key",
    "KeySpec": "._key",
    "KeyUsage": "._key",
})
