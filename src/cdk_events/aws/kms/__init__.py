"""cdk_events.aws.kms: KMS keys with their key policies (the `aws_cdk.aws_kms` counterpart).

`Key` renders the CDK's default key policy (account root `kms:*` first) and grants as the CDK
does; `Key.from_key_arn` imports a key whose policy cannot be changed.
"""

from ..._public import set_public_module
from ._alias import Alias
from ._cfn import CfnKey
from ._key import IKey, Key, KeyBase, KeySpec, KeyUsage

__all__ = ["Alias", "CfnKey", "IKey", "Key", "KeyBase", "KeySpec", "KeyUsage"]

set_public_module(globals())
