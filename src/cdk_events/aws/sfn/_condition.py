"""`Condition`: the comparisons of a Choice state's branches (mirrors `aws_cdk.aws_stepfunctions.Condition`)."""

from __future__ import annotations

import re
from typing import Any

from cdk_events.core import UnscopedValidationError

_VARIABLE = re.compile(r"^\$|(\$[.\[])")


class Condition:
    """A condition of a Choice branch: build one with the static methods (`string_equals`, `and_`, ...)."""

    def render_condition(self) -> Any:
        """The condition in Amazon States Language JSON."""
        raise NotImplementedError

    @staticmethod
    def is_present(variable: str) -> Condition:
        """Matches if `variable` is present (IsPresent: true)."""
        return _VariableComparison(variable, "IsPresent", True)

    @staticmethod
    def is_not_present(variable: str) -> Condition:
        """Matches if `variable` is not present (IsPresent: false)."""
        return _VariableComparison(variable, "IsPresent", False)

    @staticmethod
    def is_string(variable: str) -> Condition:
        """Matches if `variable` is string (IsString: true)."""
        return _VariableComparison(variable, "IsString", True)

    @staticmethod
    def is_not_string(variable: str) -> Condition:
        """Matches if `variable` is not string (IsString: false)."""
        return _VariableComparison(variable, "IsString", False)

    @staticmethod
    def is_numeric(variable: str) -> Condition:
        """Matches if `variable` is numeric (IsNumeric: true)."""
        return _VariableComparison(variable, "IsNumeric", True)

    @staticmethod
    def is_not_numeric(variable: str) -> Condition:
        """Matches if `variable` is not numeric (IsNumeric: false)."""
        return _VariableComparison(variable, "IsNumeric", False)

    @staticmethod
    def is_boolean(variable: str) -> Condition:
        """Matches if `variable` is boolean (IsBoolean: true)."""
        return _VariableComparison(variable, "IsBoolean", True)

    @staticmethod
    def is_not_boolean(variable: str) -> Condition:
        """Matches if `variable` is not boolean (IsBoolean: false)."""
        return _VariableComparison(variable, "IsBoolean", False)

    @staticmethod
    def is_timestamp(variable: str) -> Condition:
        """Matches if `variable` is timestamp (IsTimestamp: true)."""
        return _VariableComparison(variable, "IsTimestamp", True)

    @staticmethod
    def is_not_timestamp(variable: str) -> Condition:
        """Matches if `variable` is not timestamp (IsTimestamp: false)."""
        return _VariableComparison(variable, "IsTimestamp", False)

    @staticmethod
    def is_not_null(variable: str) -> Condition:
        """Matches if `variable` is not null (IsNull: false)."""
        return _VariableComparison(variable, "IsNull", False)

    @staticmethod
    def is_null(variable: str) -> Condition:
        """Matches if `variable` is null (IsNull: true)."""
        return _VariableComparison(variable, "IsNull", True)

    @staticmethod
    def boolean_equals(variable: str, value: bool) -> Condition:
        """Matches if `variable` BooleanEquals `value`."""
        return _VariableComparison(variable, "BooleanEquals", value)

    @staticmethod
    def boolean_equals_json_path(variable: str, value: str) -> Condition:
        """Matches if `variable` BooleanEqualsPath `value`."""
        return _VariableComparison(variable, "BooleanEqualsPath", value)

    @staticmethod
    def string_equals_json_path(variable: str, value: str) -> Condition:
        """Matches if `variable` StringEqualsPath `value`."""
        return _VariableComparison(variable, "StringEqualsPath", value)

    @staticmethod
    def string_equals(variable: str, value: str) -> Condition:
        """Matches if `variable` StringEquals `value`."""
        return _VariableComparison(variable, "StringEquals", value)

    @staticmethod
    def string_less_than(variable: str, value: str) -> Condition:
        """Matches if `variable` StringLessThan `value`."""
        return _VariableComparison(variable, "StringLessThan", value)

    @staticmethod
    def string_less_than_json_path(variable: str, value: str) -> Condition:
        """Matches if `variable` StringLessThanPath `value`."""
        return _VariableComparison(variable, "StringLessThanPath", value)

    @staticmethod
    def string_less_than_equals(variable: str, value: str) -> Condition:
        """Matches if `variable` StringLessThanEquals `value`."""
        return _VariableComparison(variable, "StringLessThanEquals", value)

    @staticmethod
    def string_less_than_equals_json_path(variable: str, value: str) -> Condition:
        """Matches if `variable` StringLessThanEqualsPath `value`."""
        return _VariableComparison(variable, "StringLessThanEqualsPath", value)

    @staticmethod
    def string_greater_than(variable: str, value: str) -> Condition:
        """Matches if `variable` StringGreaterThan `value`."""
        return _VariableComparison(variable, "StringGreaterThan", value)

    @staticmethod
    def string_greater_than_json_path(variable: str, value: str) -> Condition:
        """Matches if `variable` StringGreaterThanPath `value`."""
        return _VariableComparison(variable, "StringGreaterThanPath", value)

    @staticmethod
    def string_greater_than_equals_json_path(variable: str, value: str) -> Condition:
        """Matches if `variable` StringGreaterThanEqualsPath `value`."""
        return _VariableComparison(variable, "StringGreaterThanEqualsPath", value)

    @staticmethod
    def string_greater_than_equals(variable: str, value: str) -> Condition:
        """Matches if `variable` StringGreaterThanEquals `value`."""
        return _VariableComparison(variable, "StringGreaterThanEquals", value)

    @staticmethod
    def number_equals(variable: str, value: float) -> Condition:
        """Matches if `variable` NumericEquals `value`."""
        return _VariableComparison(variable, "NumericEquals", value)

    @staticmethod
    def number_equals_json_path(variable: str, value: str) -> Condition:
        """Matches if `variable` NumericEqualsPath `value`."""
        return _VariableComparison(variable, "NumericEqualsPath", value)

    @staticmethod
    def number_less_than(variable: str, value: float) -> Condition:
        """Matches if `variable` NumericLessThan `value`."""
        return _VariableComparison(variable, "NumericLessThan", value)

    @staticmethod
    def number_less_than_json_path(variable: str, value: str) -> Condition:
        """Matches if `variable` NumericLessThanPath `value`."""
        return _VariableComparison(variable, "NumericLessThanPath", value)

    @staticmethod
    def number_less_than_equals(variable: str, value: float) -> Condition:
        """Matches if `variable` NumericLessThanEquals `value`."""
        return _VariableComparison(variable, "NumericLessThanEquals", value)

    @staticmethod
    def number_less_than_equals_json_path(variable: str, value: str) -> Condition:
        """Matches if `variable` NumericLessThanEqualsPath `value`."""
        return _VariableComparison(variable, "NumericLessThanEqualsPath", value)

    @staticmethod
    def number_greater_than(variable: str, value: float) -> Condition:
        """Matches if `variable` NumericGreaterThan `value`."""
        return _VariableComparison(variable, "NumericGreaterThan", value)

    @staticmethod
    def number_greater_than_json_path(variable: str, value: str) -> Condition:
        """Matches if `variable` NumericGreaterThanPath `value`."""
        return _VariableComparison(variable, "NumericGreaterThanPath", value)

    @staticmethod
    def number_greater_than_equals(variable: str, value: float) -> Condition:
        """Matches if `variable` NumericGreaterThanEquals `value`."""
        return _VariableComparison(variable, "NumericGreaterThanEquals", value)

    @staticmethod
    def number_greater_than_equals_json_path(variable: str, value: str) -> Condition:
        """Matches if `variable` NumericGreaterThanEqualsPath `value`."""
        return _VariableComparison(variable, "NumericGreaterThanEqualsPath", value)

    @staticmethod
    def timestamp_equals(variable: str, value: str) -> Condition:
        """Matches if `variable` TimestampEquals `value`."""
        return _VariableComparison(variable, "TimestampEquals", value)

    @staticmethod
    def timestamp_equals_json_path(variable: str, value: str) -> Condition:
        """Matches if `variable` TimestampEqualsPath `value`."""
        return _VariableComparison(variable, "TimestampEqualsPath", value)

    @staticmethod
    def timestamp_less_than(variable: str, value: str) -> Condition:
        """Matches if `variable` TimestampLessThan `value`."""
        return _VariableComparison(variable, "TimestampLessThan", value)

    @staticmethod
    def timestamp_less_than_json_path(variable: str, value: str) -> Condition:
        """Matches if `variable` TimestampLessThanPath `value`."""
        return _VariableComparison(variable, "TimestampLessThanPath", value)

    @staticmethod
    def timestamp_less_than_equals(variable: str, value: str) -> Condition:
        """Matches if `variable` TimestampLessThanEquals `value`."""
        return _VariableComparison(variable, "TimestampLessThanEquals", value)

    @staticmethod
    def timestamp_less_than_equals_json_path(variable: str, value: str) -> Condition:
        """Matches if `variable` TimestampLessThanEqualsPath `value`."""
        return _VariableComparison(variable, "TimestampLessThanEqualsPath", value)

    @staticmethod
    def timestamp_greater_than(variable: str, value: str) -> Condition:
        """Matches if `variable` TimestampGreaterThan `value`."""
        return _VariableComparison(variable, "TimestampGreaterThan", value)

    @staticmethod
    def timestamp_greater_than_json_path(variable: str, value: str) -> Condition:
        """Matches if `variable` TimestampGreaterThanPath `value`."""
        return _VariableComparison(variable, "TimestampGreaterThanPath", value)

    @staticmethod
    def timestamp_greater_than_equals(variable: str, value: str) -> Condition:
        """Matches if `variable` TimestampGreaterThanEquals `value`."""
        return _VariableComparison(variable, "TimestampGreaterThanEquals", value)

    @staticmethod
    def timestamp_greater_than_equals_json_path(variable: str, value: str) -> Condition:
        """Matches if `variable` TimestampGreaterThanEqualsPath `value`."""
        return _VariableComparison(variable, "TimestampGreaterThanEqualsPath", value)

    @staticmethod
    def string_matches(variable: str, value: str) -> Condition:
        """Matches if `variable` StringMatches `value`."""
        return _VariableComparison(variable, "StringMatches", value)

    @staticmethod
    def and_(*conditions: Condition) -> Condition:
        """All of `conditions` (at least one)."""
        return _CompoundCondition("And", conditions)

    @staticmethod
    def or_(*conditions: Condition) -> Condition:
        """Any of `conditions` (at least one)."""
        return _CompoundCondition("Or", conditions)

    @staticmethod
    def not_(condition: Condition) -> Condition:
        """The negation of `condition`."""
        return _NotCondition(condition)

    @staticmethod
    def jsonata(condition: str) -> Condition:
        """A JSONata expression (`{% ... %}`)."""
        return _JsonataCondition(condition)


class _VariableComparison(Condition):
    def __init__(self, variable: str, operator: str, value: Any):
        if not isinstance(variable, str) or not _VARIABLE.search(variable):
            raise UnscopedValidationError(
                f"Variable reference must be '$', start with '$.', or start with '$[', got '{variable}'")
        self.variable = variable
        self.operator = operator
        self.value = value

    def render_condition(self) -> Any:
        return {"Variable": self.variable, self.operator: self.value}


class _CompoundCondition(Condition):
    def __init__(self, operator: str, conditions: tuple[Condition, ...]):
        if not conditions:
            raise UnscopedValidationError("Must supply at least one inner condition for a logical combination")
        for c in conditions:
            if not isinstance(c, Condition):
                raise UnscopedValidationError(f"Condition.{operator.lower()}_: every argument must be a Condition, "
                                              f"got {c!r}")
        self.operator = operator
        self.conditions = list(conditions)

    def render_condition(self) -> Any:
        return {self.operator: [c.render_condition() for c in self.conditions]}


class _NotCondition(Condition):
    def __init__(self, condition: Condition):
        if not isinstance(condition, Condition):
            raise UnscopedValidationError(f"Condition.not_: the argument must be a Condition, got {condition!r}")
        self.condition = condition

    def render_condition(self) -> Any:
        return {"Not": self.condition.render_condition()}


class _JsonataCondition(Condition):
    def __init__(self, condition: str):
        if not isinstance(condition, str) or not (condition.startswith("{%") and condition.endswith("%}")):
            raise UnscopedValidationError(
                f"JSONata expression must start with '{{%' and end with '%}}', got '{condition}'")
        self.condition = condition

    def render_condition(self) -> Any:
        return {"Condition": self.condition}
