"""Parsing and validation of event patterns, following the event-ruler rule compiler.

A pattern compiles to a :class:`CompiledPattern`: one or more *branches* (``$or`` expands
into several), each a mapping of flattened field path (``detail.state``) to the tuple of
:class:`~cdk_events.local._operands.Operand` that are OR-ed for that field.

As event-ruler's ``Machine.addRule`` does, a pattern ``JsonRuleCompiler`` refuses is compiled
again by the legacy ``RuleCompiler`` (``$or`` is then an ordinary field name); numeric operands
must be numbers a double holds exactly (``ComparableNumber.generate``); the pattern's size is
checked against the account's quota first.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from . import _operands as ops
from ._errors import InvalidEventPatternError
from ._json import MAX_NESTING, JsonSyntaxError, PairsDict, deep_recursion, loads
from ._limits import PATTERN_SIZE_QUOTA, check_pattern_size, nesting, too_long_error
from ._numbers import cannot_compare, is_json_number, number_key, number_text
from ._operands import Operand

__all__ = ["MAX_OR_COMBINATIONS", "Branch", "CompiledPattern", "compile_pattern"]

MAX_OR_COMBINATIONS = 1000
"""PutRule / TestEventPattern reject a pattern whose ``$or`` expands to more combinations."""

_OR = "$or"
_RESERVED_IN_OR = frozenset(
    {"anything-but", "exists", "prefix", "suffix", "numeric", "cidr", "equals-ignore-case", "wildcard"}
)
_ANYTHING_BUT_SHAPE = "Value of anything-but must be an array or single string/number value."
_AB_IGNORE_CASE_TYPES = (
    "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported."
)
_AFFIX_TYPE = "prefix/suffix match pattern must be a string"
_ONE_KEY = "Only one key allowed in match expression"
_TOO_MANY = "Too many elements in numeric expression"

Branch = dict[str, tuple[Operand, ...]]


@dataclass(frozen=True, slots=True)
class CompiledPattern:
    """A validated pattern: the AND-ed fields of each ``$or`` branch (``branches`` are OR-ed)."""

    branches: tuple[tuple[tuple[str, tuple[Operand, ...]], ...], ...]

    @property
    def paths(self) -> frozenset[str]:
        """Every field path the pattern looks at."""
        return frozenset(path for branch in self.branches for path, _ in branch)


def _pairs(node: Mapping[str, Any]) -> list[tuple[str, Any]]:
    if isinstance(node, PairsDict):
        return node.pairs
    return list(node.items())


def _is_object(value: object) -> bool:
    return isinstance(value, Mapping)


def _number_text(value: object) -> str:
    if isinstance(value, bool) or value is None:
        return "true" if value is True else "false" if value is False else "null"
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return "["
    if _is_object(value):
        return "{"
    if is_json_number(value):
        return number_text(value)  # type: ignore[arg-type]
    return repr(value)


def _is_num(value: object) -> bool:
    """A JSON number token (a non-finite float of a dict pattern is not JSON, so not a number)."""
    return ops.is_number(value) and (type(value) is not float or math.isfinite(value))


def _comparable(value: Any) -> float:
    """The double of a numeric operand; event-ruler refuses one it cannot compare exactly."""
    key = number_key(value)
    if not isinstance(key, float):
        raise InvalidEventPatternError(cannot_compare(value))
    return key


class _OrLimitError(InvalidEventPatternError):
    """The ``$or`` expands to too many combinations: a service limit, not a compiler error."""


class _Compiler:
    """event-ruler's ``JsonRuleCompiler``; with ``legacy`` its older ``RuleCompiler``, to which
    ``Machine.addRule`` falls back when the first rejects a rule: ``$or`` is then an ordinary field
    name, and ``anything-but`` takes no ``wildcard`` and no lists of prefixes or suffixes."""

    def __init__(self, legacy: bool = False) -> None:
        self.branches: list[Branch] = []
        self.legacy = legacy

    # -- structure ---------------------------------------------------------------------------

    def parse_object(self, node: Mapping[str, Any], prefix: str, in_or: bool) -> None:
        pairs = _pairs(node)
        if not pairs:
            raise InvalidEventPatternError("Empty objects are not allowed")
        for key, value in pairs:
            if not isinstance(key, str):
                raise InvalidEventPatternError("Field names must be strings")
            if key == _OR and not self.legacy:
                if not isinstance(value, (list, tuple)):
                    raise InvalidEventPatternError(f"It must be an Array followed with {_OR}.")
                self.parse_or(value, prefix)
                continue
            if in_or and key in _RESERVED_IN_OR:
                raise InvalidEventPatternError(
                    f"{key} is Ruler reserved fieldName which cannot be used inside {_OR}."
                )
            if _is_object(value):
                self.parse_object(value, prefix + key + ".", in_or)
            elif isinstance(value, (list, tuple)):
                self.write_rules(prefix + key, value)
            else:
                raise InvalidEventPatternError(f'"{key}" must be an object or an array')

    def parse_or(self, alternatives: list[Any] | tuple[Any, ...], prefix: str) -> None:
        current = [dict(b) for b in self.branches]
        self.branches = []
        for alternative in alternatives:
            if not _is_object(alternative):
                raise InvalidEventPatternError(f"Only JSON object is allowed in array of {_OR} relationship.")
            sub = _Compiler()
            sub.branches = [dict(b) for b in current] or [{}]
            sub.parse_object(alternative, prefix, True)
            self.branches.extend(sub.branches)
            if len(self.branches) > MAX_OR_COMBINATIONS:
                # AWS's wording of this documented limit is not known; this message is ours.
                raise _OrLimitError(
                    f"The {_OR} expands to more than {MAX_OR_COMBINATIONS} combinations of fields"
                )
        if len(alternatives) < 2:
            raise InvalidEventPatternError(f"There must have at least 2 Objects in {_OR} relationship.")

    def write_rules(self, name: str, values: list[Any] | tuple[Any, ...]) -> None:
        operands: list[Operand] = []
        for value in values:
            if _is_object(value):
                operands.extend(self.match_expression(value))
            elif isinstance(value, str) or value is None or isinstance(value, bool):
                operands.extend(ops.exact(value))
            elif ops.is_number(value):
                if not _is_num(value):
                    raise InvalidEventPatternError("Match value must be String, number, true, false, or null")
                operands.extend(ops.exact(value))
            else:
                raise InvalidEventPatternError("Match value must be String, number, true, false, or null")
        if not operands:
            raise InvalidEventPatternError("Empty arrays are not allowed")
        unique: dict[tuple[str, Any], Operand] = {}
        for operand in operands:
            unique.setdefault((operand.kind, operand.key), operand)
        ops.check_field_wildcards(tuple(unique.values()))
        if not self.branches:
            self.branches.append({})
        for branch in self.branches:
            branch[name] = tuple(unique.values())

    # -- match expressions -------------------------------------------------------------------

    def match_expression(self, node: Mapping[str, Any]) -> list[Operand]:
        pairs = _pairs(node)
        if not pairs:
            raise InvalidEventPatternError("Match expression name not found")
        name, value = pairs[0]
        handler = _HANDLERS.get(name)
        if handler is None:
            raise InvalidEventPatternError(f"Unrecognized match type {name}")
        if self.legacy and name == "anything-but" and _is_object(value):
            _legacy_anything_but(value)
        result: list[Operand] = handler(value)
        if len(pairs) > 1:
            raise InvalidEventPatternError(_TOO_MANY if name in ("numeric", "anything-but") else _ONE_KEY)
        return result


def _legacy_anything_but(node: Mapping[str, Any]) -> None:
    """What ``RuleCompiler`` refuses in an ``anything-but`` object that ``JsonRuleCompiler`` accepts."""
    pairs = _pairs(node)
    if not pairs:
        return
    name, value = pairs[0]
    if name == "wildcard":
        raise InvalidEventPatternError("Unsupported anything-but pattern: wildcard")
    if name in ("prefix", "suffix") and not isinstance(value, str):
        raise InvalidEventPatternError(_AFFIX_TYPE)


def _prefix_or_suffix(kind: str) -> Any:
    def handle(value: Any) -> list[Operand]:
        build = ops.prefix if kind == "prefix" else ops.suffix
        if isinstance(value, str):
            return [build(value)]
        if _is_object(value):
            pairs = _pairs(value)
            if not pairs or pairs[0][0] != "equals-ignore-case":
                raise InvalidEventPatternError(f"Unsupported {kind} pattern: {pairs[0][0] if pairs else ''}")
            text = pairs[0][1]
            if not isinstance(text, str):
                raise InvalidEventPatternError("equals-ignore-case match pattern must be a string")
            if len(pairs) > 1:
                raise InvalidEventPatternError(_ONE_KEY)
            return [build(text, ignore_case=True)]
        raise InvalidEventPatternError(f"{kind} match pattern must be a string")

    return handle


def _equals_ignore_case(value: Any) -> list[Operand]:
    if not isinstance(value, str):
        raise InvalidEventPatternError("equals-ignore-case match pattern must be a string")
    return [ops.equals_ignore_case(value)]


def _wildcard(value: Any) -> list[Operand]:
    if not isinstance(value, str):
        raise InvalidEventPatternError("wildcard match pattern must be a string")
    return [ops.wildcard(value)]


def _cidr(value: Any) -> list[Operand]:
    if not isinstance(value, str):
        raise InvalidEventPatternError("prefix match pattern must be a string")
    return [ops.cidr(value)]


def _exists(value: Any) -> list[Operand]:
    if not isinstance(value, bool):
        raise InvalidEventPatternError("exists match pattern must be either true or false.")
    return [ops.exists(value)]


_OPERATORS = {"=": "equals", ">": ">", ">=": ">=", "<": "<", "<=": "<="}


def _numeric(value: Any) -> list[Operand]:
    if not isinstance(value, (list, tuple)):
        raise InvalidEventPatternError("Value of numeric must be an array.")
    terms = list(value)
    if not terms or not isinstance(terms[0], str):
        raise InvalidEventPatternError(
            f"Invalid member in numeric match: {_number_text(terms[0]) if terms else ']'}"
        )
    operator = terms[0]
    if operator not in _OPERATORS:
        raise InvalidEventPatternError(f"Unrecognized numeric range operator: {operator}")
    if len(terms) < 2 or not _is_num(terms[1]):
        raise InvalidEventPatternError(f"Value of {_OPERATORS[operator]} must be numeric")
    inf = math.inf
    # event-ruler checks the shape of the expression first, then converts its numbers.
    if operator in ("=", "<", "<="):
        if len(terms) > 2:
            raise InvalidEventPatternError(_TOO_MANY)
        first = _comparable(terms[1])
        if operator == "=":
            return [ops.numeric_range(first, False, first, False)]
        return [ops.numeric_range(-inf, True, first, operator == "<")]
    if len(terms) == 2:
        return [ops.numeric_range(_comparable(terms[1]), operator == ">", inf, True)]
    upper = terms[2]
    if not isinstance(upper, str):
        raise InvalidEventPatternError(f"Bad value in numeric range: {_number_text(upper)}")
    if upper not in ("<", "<="):
        raise InvalidEventPatternError(f"Bad numeric range operator: {upper}")
    if len(terms) < 4 or not _is_num(terms[3]):
        raise InvalidEventPatternError(f"Value of {upper} must be numeric")
    if len(terms) > 4:
        raise InvalidEventPatternError("Too many terms in numeric range expression")
    first = _comparable(terms[1])
    top = _comparable(terms[3])
    if top <= first:
        raise InvalidEventPatternError("Bottom must be less than top")
    return [ops.numeric_range(first, operator == ">", top, upper == "<")]


def _anything_but(value: Any) -> list[Operand]:
    if _is_object(value):
        return [_anything_but_object(value)]
    if isinstance(value, str):
        return [ops.anything_but_strings(frozenset({value}))]
    if _is_num(value):
        return [ops.anything_but_numbers(frozenset({_comparable(value)}))]
    if not isinstance(value, (list, tuple)):
        raise InvalidEventPatternError(_ANYTHING_BUT_SHAPE)
    strings: set[str] = set()
    numbers: set[float] = set()
    for item in value:
        if isinstance(item, str):
            strings.add(item)
        elif _is_num(item):
            numbers.add(_comparable(item))
        else:
            raise InvalidEventPatternError("Inside anything but list, start|null|boolean is not supported.")
    if bool(strings) == bool(numbers):
        raise InvalidEventPatternError(
            "Inside anything but list, either all values are number or string, mixed type is not supported"
        )
    if strings:
        return [ops.anything_but_strings(frozenset(strings))]
    return [ops.anything_but_numbers(frozenset(numbers))]


def _string_list(value: Any, message: str) -> tuple[str, ...]:
    items = list(value) if isinstance(value, (list, tuple)) else [value]
    if not items or not all(isinstance(item, str) for item in items):
        raise InvalidEventPatternError(message)
    return tuple(items)


def _anything_but_object(node: Mapping[str, Any]) -> Operand:
    pairs = _pairs(node)
    if not pairs:
        raise InvalidEventPatternError("Anything-But expression name not found")
    name, value = pairs[0]
    if name in ("prefix", "suffix"):
        if _is_object(value) or value is None or isinstance(value, bool):
            raise InvalidEventPatternError(_ANYTHING_BUT_SHAPE if _is_object(value) else _AFFIX_TYPE)
        affixes = _string_list(value, _AFFIX_TYPE)
        if any(a == "" for a in affixes):
            raise InvalidEventPatternError("Null prefix/suffix not allowed")
        operand = ops.anything_but_affix(name, affixes)
    elif name == "wildcard":
        patterns = _string_list(value, "wildcard match pattern must be a string")
        for pattern in patterns:
            ops.wildcard(pattern)  # validates escapes and complexity
        operand = ops.anything_but_wildcard(patterns)
    elif name == "equals-ignore-case":
        if _is_object(value) or value is None or isinstance(value, bool):
            raise InvalidEventPatternError(_ANYTHING_BUT_SHAPE)
        texts = list(value) if isinstance(value, (list, tuple)) else [value]
        if not all(isinstance(t, str) for t in texts):
            raise InvalidEventPatternError(_AB_IGNORE_CASE_TYPES)
        operand = ops.anything_but_strings(frozenset(texts), ignore_case=True)
    else:
        raise InvalidEventPatternError(f"Unsupported anything-but pattern: {name}")
    if len(pairs) > 1:
        raise InvalidEventPatternError(_ONE_KEY)
    return operand


_HANDLERS: dict[str, Any] = {
    "prefix": _prefix_or_suffix("prefix"),
    "suffix": _prefix_or_suffix("suffix"),
    "equals-ignore-case": _equals_ignore_case,
    "wildcard": _wildcard,
    "cidr": _cidr,
    "exists": _exists,
    "numeric": _numeric,
    "anything-but": _anything_but,
}


def _parse(pattern: str | bytes | bytearray | Mapping[str, Any]) -> Any:
    if isinstance(pattern, (str, bytes, bytearray)):
        try:
            return loads(pattern, keep_pairs=True)
        except JsonSyntaxError as error:
            raise InvalidEventPatternError(str(error)) from None
    return pattern


def _compile(node: Any, legacy: bool) -> _Compiler:
    compiler = _Compiler(legacy)
    try:
        compiler.parse_object(node, "", False)
    except RecursionError:
        # a deep pattern: one within the size limit (which bounds its depth) is compiled again with
        # room to recurse; a deeper one cannot be that short
        depth = nesting(node)
        if depth > MAX_NESTING:
            raise too_long_error() from None
        with deep_recursion(depth):
            compiler = _Compiler(legacy)
            compiler.parse_object(node, "", False)
    return compiler


def compile_pattern(
    pattern: str | bytes | Mapping[str, Any], *, size_quota: int = PATTERN_SIZE_QUOTA
) -> CompiledPattern:
    """Validate and compile an event pattern given as JSON text or as a dict.

    Raises :class:`InvalidEventPatternError` with AWS's message when it is invalid (including a
    pattern longer than ``size_quota`` characters, EventBridge's default quota 2,048; at most 4,096).
    """
    check_pattern_size(pattern, size_quota)
    node = _parse(pattern)
    if not _is_object(node):
        raise InvalidEventPatternError("Filter is not an object")
    try:
        compiler = _compile(node, legacy=False)
    except _OrLimitError:
        raise
    except InvalidEventPatternError as error:
        # Machine.addRule retries a rule JsonRuleCompiler refuses with the legacy RuleCompiler
        # (GenericMachine.addRule; JsonRuleCompilerTest.testOrFieldCanKeepWorkingInLegacyRuleCompiler).
        # Only a "$or" can make the second accept what the first refused; when both refuse, AWS
        # reports the first one's reason (recorded: the anything-but/equals-ignore-case texts).
        try:
            compiler = _compile(node, legacy=True)
        except InvalidEventPatternError:
            raise error from None
    branches = tuple(tuple(sorted(branch.items())) for branch in compiler.branches if branch)
    return CompiledPattern(branches)
