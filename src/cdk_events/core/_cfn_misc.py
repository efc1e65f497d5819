"""The other template elements: `CfnOutput`, `CfnParameter`, `CfnCondition`, `CfnRule` (the
template's `Rules` section) and `CfnMapping`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ._cfn_element import CfnElement, CfnRefElement, CfnReference
from ._construct import Construct
from ._errors import ValidationError
from ._token import IResolvable, IResolveContext, ResolutionTypeHint, is_unresolved


class CfnOutput(CfnElement):
    """A template output: `CfnOutput(scope, id, value=..., description=..., export_name=..., condition=...)`."""

    def __init__(self, scope: Construct, id: str, *, value: Any, description: str | None = None,
                 export_name: str | None = None, condition: CfnCondition | None = None,
                 key: str | None = None):
        super().__init__(scope, id)
        if value is None:
            raise ValidationError(f"CfnOutput.value at '{self.node.path}' should not be undefined")
        self.value = value
        self.description = description
        self.export_name = export_name
        self.condition = condition
        if key is not None:
            self.override_logical_id(key)

    @property
    def import_value(self) -> str:
        """`Fn::ImportValue` of this output's export name."""
        from ._fn import Fn

        if not self.export_name:
            raise ValidationError(f"CfnOutput at '{self.node.path}': importValue used without exportName")
        return Fn.import_value(self.export_name)

    def _render_fragment(self) -> tuple[str, Any]:
        body: dict[str, Any] = {
            "Description": self.description,
            "Value": self.value,
            "Export": {"Name": self.export_name} if self.export_name is not None else None,
            "Condition": self.condition.logical_id if self.condition is not None else None,
        }
        return "Outputs", body


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
        from ._token import TOKEN_MAP

        return TOKEN_MAP.register_number(CfnReference.for_(self, "Ref", ResolutionTypeHint.NUMBER))

    @property
    def value_as_list(self) -> list[str]:
        """The parameter's value as a list token."""
        from ._token import TOKEN_MAP

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


class CfnCondition(CfnElement, IResolvable):
    """A template condition; usable where a condition expression is expected."""

    def __init__(self, scope: Construct, id: str, *, expression: Any = None):
        super().__init__(scope, id)
        self.expression = expression

    def _render_fragment(self) -> tuple[str, Any]:
        return "Conditions", self.expression

    def resolve(self, context: IResolveContext) -> Any:
        """`{"Condition": <logical id>}`."""
        return {"Condition": self.resolved_logical_id()}


class CfnRule(CfnRefElement):
    """A rule of the template's `Rules` section (parameter assertions), e.g. `CheckBootstrapVersion`."""

    def __init__(self, scope: Construct, id: str, *, rule_condition: Any = None,
                 assertions: Sequence[dict[str, Any]] | None = None):
        super().__init__(scope, id)
        self.rule_condition = rule_condition
        self.assertions: list[dict[str, Any]] = list(assertions or [])

    def add_assertion(self, condition: Any, description: str) -> None:
        """Add an assertion with its description."""
        self.assertions.append({"assert": condition, "assertDescription": description})

    def _render_fragment(self) -> tuple[str, Any]:
        body = {
            "RuleCondition": self.rule_condition,
            "Assertions": [{"Assert": a["assert"], "AssertDescription": a["assertDescription"]}
                           for a in self.assertions] or None,
        }
        return "Rules", body


class CfnMapping(CfnRefElement):
    """A template mapping (`Mappings` section)."""

    def __init__(self, scope: Construct, id: str, *, mapping: dict[str, dict[str, Any]] | None = None):
        super().__init__(scope, id)
        self.mapping = dict(mapping or {})

    def set_value(self, key1: str, key2: str, value: Any) -> None:
        """Set `mapping[key1][key2]`."""
        self.mapping.setdefault(key1, {})[key2] = value

    def find_in_map(self, key1: str, key2: str) -> str:
        """`Fn::FindInMap` into this mapping."""
        from ._fn import Fn

        if not is_unresolved(key1) and not is_unresolved(key2) and key1 in self.mapping \
                and key2 in self.mapping[key1]:
            return str(self.mapping[key1][key2])
        return Fn.find_in_map(self.logical_id, key1, key2)

    def _render_fragment(self) -> tuple[str, Any]:
        return "Mappings", self.mapping
