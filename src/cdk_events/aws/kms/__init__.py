"""cdk_events.aws.kms: KMS keys with their key policies (the `aws_cdk.aws_kms` counterpart).

`Key` renders the CDK's default key policy (account root `kms:*` first) and grants as the CDK
does; `Key.from_key_arn` imports a key whose policy cannot be changed.
"""

from ._alias import Alias
from ._cfn import CfnKey
from ._key import IKey, Key, KeyBase, KeySpec, KeyUsage

__all__ = ["Alias", "CfnKey", "IKey", "Key", "KeyBase", "KeySpec", "KeyUsage"]

for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type) and _obj.__module__.startswith("cdk_events.aws.kms."):
        _obj.__module__ = "cdk_events.aws.kms"
del _name, _obj
