"""Format checks for EC2 resource ids (`sg-`, `subnet-`, `vpc-`), the ones CloudFormation's
template validator applies: the prefix, then 8 or 17 hexadecimal digits."""

from __future__ import annotations

import re

from cdk_events.core import Construct, Token

from ...core._errors import construct_error

_KINDS = {
    "sg": "a security group id",
    "subnet": "a subnet id",
    "vpc": "a VPC id",
}


def check_resource_id(scope: Construct, prop: str, value: object, prefix: str) -> str:
    """`value` if it is a token or a well-formed `<prefix>-` id; else an error naming `prop`."""
    if not isinstance(value, str):
        raise construct_error(scope, f"'{prop}' must be {_KINDS[prefix]} (a string), got {value!r} "
                                     f"(a {type(value).__name__})")
    if Token.is_unresolved(value):
        return value
    if not re.fullmatch(rf"{prefix}-(?:[0-9a-fA-F]{{8}}|[0-9a-fA-F]{{17}})", value):
        raise construct_error(scope, f"'{prop}' must be {_KINDS[prefix]}: '{prefix}-' followed by 8 or 17 "
                                     f"hexadecimal digits (e.g. '{prefix}-0123456789abcdef0'), got {value!r}")
    return value
