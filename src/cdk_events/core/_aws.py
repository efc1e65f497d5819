"""CloudFormation pseudo parameters (`Aws`)."""

from __future__ import annotations

from ._token_encoding import TOKEN_MAP, Intrinsic


def _pseudo(name: str) -> str:
    token = Intrinsic({"Ref": name})
    token.display_hint = name  # type: ignore[attr-defined]
    return TOKEN_MAP.register_string(token)


class Aws:
    """Pseudo parameters (`{"Ref": "AWS::AccountId"}` ...), as string tokens."""

    ACCOUNT_ID = _pseudo("AWS::AccountId")
    REGION = _pseudo("AWS::Region")
    PARTITION = _pseudo("AWS::Partition")
    URL_SUFFIX = _pseudo("AWS::URLSuffix")
    STACK_NAME = _pseudo("AWS::StackName")
    STACK_ID = _pseudo("AWS::StackId")
    NOTIFICATION_ARNS = TOKEN_MAP.register_list(Intrinsic({"Ref": "AWS::NotificationARNs"}))
    NO_VALUE = _pseudo("AWS::NoValue")
