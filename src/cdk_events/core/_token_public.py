"""`Token` and `Tokenization`: the public helpers around tokens (mirror `aws_cdk.Token`)."""

from __future__ import annotations

from enum import Enum
from typing import Any

from ._construct import Construct
from ._resolve import ITokenResolver, resolve
from ._token_encoding import (
    STRING_TOKEN_RE,
    TOKEN_MAP,
    Fragments,
    Intrinsic,
    IResolvable,
    is_unresolved,
    split_string,
)


class TokenComparison(Enum):
    """The result of comparing two possibly-unresolved strings."""

    SAME = "SAME"
    DIFFERENT = "DIFFERENT"
    ONE_UNRESOLVED = "ONE_UNRESOLVED"
    BOTH_UNRESOLVED = "BOTH_UNRESOLVED"


def _as_resolvable(value: Any) -> IResolvable:
    return value if isinstance(value, IResolvable) else Intrinsic(value)


class Token:
    """Helpers for tokens (mirrors `aws_cdk.Token`)."""

    @staticmethod
    def is_unresolved(obj: Any) -> bool:
        """True if `obj` is a token or a string/list/number that encodes one."""
        return is_unresolved(obj)

    @staticmethod
    def as_string(value: Any, *, display_hint: str | None = None) -> str:
        """`value` as a string (a token marker unless it already is a string)."""
        if isinstance(value, str):
            return value
        return TOKEN_MAP.register_string(_as_resolvable(value), display_hint)

    @staticmethod
    def as_number(value: Any) -> float:
        """`value` as a number (a number token unless it already is a number)."""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return value
        return TOKEN_MAP.register_number(_as_resolvable(value))

    @staticmethod
    def as_list(value: Any, *, display_hint: str | None = None) -> list[str]:
        """`value` as a list (a list token unless it already is a list)."""
        if isinstance(value, list):
            return value
        return TOKEN_MAP.register_list(_as_resolvable(value), display_hint)

    @staticmethod
    def as_any(value: Any) -> IResolvable:
        """`value` as a resolvable."""
        return _as_resolvable(value)

    @staticmethod
    def compare_strings(possible_token1: str, possible_token2: str) -> TokenComparison:
        """Compare two strings that may be tokens."""
        u1, u2 = is_unresolved(possible_token1), is_unresolved(possible_token2)
        if u1 and u2:
            return TokenComparison.SAME if possible_token1 == possible_token2 else TokenComparison.BOTH_UNRESOLVED
        if u1 or u2:
            return TokenComparison.ONE_UNRESOLVED
        return TokenComparison.SAME if possible_token1 == possible_token2 else TokenComparison.DIFFERENT


class Tokenization:
    """Lower-level token helpers (mirrors `aws_cdk.Tokenization`)."""

    @staticmethod
    def resolve(obj: Any, *, scope: Construct, resolver: ITokenResolver | None = None, preparing: bool = False,
                remove_empty: bool = True) -> Any:
        """Resolve `obj` in the context of `scope`."""
        if resolver is None:
            return resolve(obj, scope, preparing=preparing, remove_empty=remove_empty)
        return resolve(obj, scope, resolver=resolver, preparing=preparing, remove_empty=remove_empty)

    @staticmethod
    def split_string(s: str) -> Fragments:
        """Split a string into literals and tokens."""
        return split_string(s)

    @staticmethod
    def is_resolvable(obj: Any) -> bool:
        """True if `obj` is an `IResolvable`."""
        return isinstance(obj, IResolvable)

    @staticmethod
    def reverse_string(s: str) -> IResolvable | None:
        """The token `s` encodes when it is exactly one token marker, else None."""
        match = STRING_TOKEN_RE.fullmatch(s)
        return TOKEN_MAP.lookup_string(match.group(0)) if match else None

    @staticmethod
    def reverse(x: Any) -> IResolvable | None:
        """The token behind an encoded string, number or list, if it is exactly one token."""
        if isinstance(x, IResolvable):
            return x
        if isinstance(x, str):
            return Tokenization.reverse_string(x)
        if isinstance(x, float):
            return TOKEN_MAP.lookup_number(x)
        if isinstance(x, list) and len(x) == 1 and isinstance(x[0], str):
            from ._token_encoding import LIST_TOKEN_RE

            match = LIST_TOKEN_RE.fullmatch(x[0])
            return TOKEN_MAP.lookup_string(match.group(0)) if match else None
        return None

    @staticmethod
    def stringify_number(x: float) -> str:
        """A number as a string; a number token as a string token."""
        token = TOKEN_MAP.lookup_number(x) if isinstance(x, float) else None
        if token is not None:
            return TOKEN_MAP.register_string(token)
        from ._js import js_number

        return js_number(x)
