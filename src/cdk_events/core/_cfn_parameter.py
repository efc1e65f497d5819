"""`CfnParameter`: a template parameter (the `Parameters` section)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ._cfn_element import CfnElement, CfnReference
from ._construct import Construct
from ._token_encoding import TOKEN_MAP, IResolvable, ResolutionTypeHint


class CfnParameter(CfnElement):
    """A template parameter (mirrors `aws_cdk.CfnParameter`)."""

    def __init__(self, scope: Construct, id: str, *, type: str = "String", default: Any = None,
                 allowed_pattern: str | None = None, allowed_values: Sequence[str] | None = None,
                 constraint_description: str | None = None, description: str | None = None,
                 max_length: int | None = None, max_value: float | None = None, min_length: int | None = None,
                 min_value: float | None = None, no_echo: bool | None = None):
        super().__init__(scope, id)
        self.type = type
        self.default = default
        self.allowed_pattern = allowed_pattern
        self.allowed_values = list(allowed_values) if allowed_values is not None else None
        self.constraint_description = constraint_description
        self.description = description
        self.max_length = max_length
        self.max_value = max_value
        self.min_length = min_length
        self.min_value = min_value
        self.no_echo = no_echo

    @property
    def value(self) -> IResolvable:
        """`{"Ref": <parameter>}`."""
        return CfnReference.for_(self, "Ref")

    @property
    def value_as_string(self) -> str:
        """The parameter's value as a string token."""
        return CfnReference.for_(self, "Ref").to_string()

    @property
    def value_as_number(self) -> float:
        """The parameter's value as a number token."""
        return TOKEN_MAP.register_number(CfnReference.for_(self, "Ref", ResolutionTypeHint.NUMBER))

    @property
    def value_as_list(self) -> list[str]:
        """The parameter's value as a list token."""
        return TOKEN_MAP.register_list(CfnReference.for_(self, "Ref", ResolutionTypeHint.STRING_LIST))

    def _render_fragment(self) -> tuple[str, Any]:
        body = {
            "Type": self.type,
            "Default": self.default,
            "AllowedPattern": self.allowed_pattern,
            "AllowedValues": self.allowed_values,
            "ConstraintDescription": self.constraint_description,
            "Description": self.description,
            "MaxLength": self.max_length,
            "MaxValue": self.max_value,
            "MinLength": self.min_length,
            "MinValue": self.min_value,
            "NoEcho": self.no_echo,
        }
        return "Parameters", body
