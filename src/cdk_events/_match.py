"""`Match`: the EventBridge content-filter helpers used inside event patterns."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

from .core import IResolvable, IResolveContext, ResolutionTypeHint, ValidationError
from .core._js import js_number
from .core._json import JSON_NULL, js_stringify
from .core._token_encoding import TOKEN_MAP

_IPV4 = re.compile(r"^(\d{1,3}\.){3}\d{1,3}(/([0-9]|[1-2][0-9]|3[0-2]))?\Z", re.IGNORECASE)
_IPV6_PATTERN = (
    r"^s*((([0-9A-Fa-f]{1,4}:){7}([0-9A-Fa-f]{1,4}|:))|(([0-9A-Fa-f]{1,4}:){6}(:[0-9A-Fa-f]{1,4}|((25[0-5]|2[0-4]d|1dd|"
    r"[1-9]?d)(.(25[0-5]|2[0-4]d|1dd|[1-9]?d)){3})|:))|(([0-9A-Fa-f]{1,4}:){5}(((:[0-9A-Fa-f]{1,4}){1,2})|:((25[0-5]|"
    r"2[0-4]d|1dd|[1-9]?d)(.(25[0-5]|2[0-4]d|1dd|[1-9]?d)){3})|:))|(([0-9A-Fa-f]{1,4}:){4}(((:[0-9A-Fa-f]{1,4}){1,3})|"
    r"((:[0-9A-Fa-f]{1,4})?:((25[0-5]|2[0-4]d|1dd|[1-9]?d)(.(25[0-5]|2[0-4]d|1dd|[1-9]?d)){3}))|:))|(([0-9A-Fa-f]{1,4}:)"
    r"{3}(((:[0-9A-Fa-f]{1,4}){1,4})|((:[0-9A-Fa-f]{1,4}){0,2}:((25[0-5]|2[0-4]d|1dd|[1-9]?d)(.(25[0-5]|2[0-4]d|1dd|"
    r"[1-9]?d)){3}))|:))|(([0-9A-Fa-f]{1,4}:){2}(((:[0-9A-Fa-f]{1,4}){1,5})|((:[0-9A-Fa-f]{1,4}){0,3}:((25[0-5]|2[0-4]d|"
    r"1dd|[1-9]?d)(.(25[0-5]|2[0-4]d|1dd|[1-9]?d)){3}))|:))|(([0-9A-Fa-f]{1,4}:){1}(((:[0-9A-Fa-f]{1,4}){1,6})|((:"
    r"[0-9A-Fa-f]{1,4}){0,4}:((25[0-5]|2[0-4]d|1dd|[1-9]?d)(.(25[0-5]|2[0-4]d|1dd|[1-9]?d)){3}))|:))|(:(((:[0-9A-Fa-f]"
    r"{1,4}){1,7})|((:[0-9A-Fa-f]{1,4}){0,5}:((25[0-5]|2[0-4]d|1dd|[1-9]?d)(.(25[0-5]|2[0-4]d|1dd|[1-9]?d)){3}))|:)))"
    r"(%.+)?s*(\/([0-9]|[1-9][0-9]|1[0-1][0-9]|12[0-8]))?\Z"
)



@functools.cache
def _ipv6() -> re.Pattern[str]:
    """The CDK's IPv6 check, compiled on first use (it is large)."""
    return re.compile(_IPV6_PATTERN, re.IGNORECASE)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class _Matcher(IResolvable):
    """A list of matcher objects, rendered at synthesis (optionally merged into one numeric matcher)."""

    resolves_final = True  # `resolve` resolves each matcher itself

    def __init__(self, matchers: Sequence[Any], merge: bool):
        self.matchers = list(matchers)
        self.merge = merge
        self.type_hint = ResolutionTypeHint.STRING_LIST

    def resolve(self, context: IResolveContext) -> Any:
        flat: list[Any] = []
        for matcher in self.matchers:
            resolved = context.resolve(matcher)
            if isinstance(resolved, list):
                flat.extend(resolved)
            elif resolved is not None:
                flat.append(resolved)
        if not self.merge:
            return flat
        others = [m for m in flat if not (isinstance(m, dict) and m.get("numeric"))]
        if others:
            raise ValidationError(
                f"{_where(context)}Only numeric matchers can be merged into a single matcher. (Match.all_of takes "
                f"numeric matchers such as Match.greater_than(0); got {js_stringify(others)})")
        return [{"numeric": [x for m in flat for x in m["numeric"]]}]

    def __repr__(self) -> str:
        return f"Match({self.matchers!r})"


def _where(context: IResolveContext) -> str:
    """`[path] ` of the construct being resolved, to prefix errors raised at synthesis."""
    node = getattr(getattr(context, "scope", None), "node", None)
    if node is not None and node.id == "Resource" and node.scope is not None:
        node = node.scope.node  # the L2 construct (the rule), not its CfnRule
    path = getattr(node, "path", "")
    return f"[{path}] " if path else ""


def _objects(values: Sequence[Any], merge: bool = False) -> list[str]:
    return TOKEN_MAP.register_list(_Matcher(values, merge))


class Match:
    """EventBridge content filters for event patterns (mirrors `aws_cdk.aws_events.Match`).

    Each helper returns a list (of one token) to use as a pattern field value, e.g.
    `EventPattern(detail={"state": Match.anything_but("terminated")})`.
    """

    @staticmethod
    def null_value() -> list[str]:
        """Matches a JSON `null`: `[null]`."""
        return _objects([JSON_NULL])

    @staticmethod
    def exists() -> list[str]:
        """Matches when the field is present: `[{"exists": true}]`."""
        return _objects([{"exists": True}])

    @staticmethod
    def does_not_exist() -> list[str]:
        """Matches when the field is absent: `[{"exists": false}]`."""
        return _objects([{"exists": False}])

    @staticmethod
    def exact_string(value: str) -> list[str]:
        """Matches exactly this string."""
        return _objects([value])

    @staticmethod
    def equals_ignore_case(value: str) -> list[str]:
        """Matches this string, ignoring case."""
        return _objects([{"equals-ignore-case": value}])

    @staticmethod
    def prefix(value: str) -> list[str]:
        """Matches strings that start with `value`."""
        return _objects([{"prefix": value}])

    @staticmethod
    def suffix(value: str) -> list[str]:
        """Matches strings that end with `value`."""
        return _objects([{"suffix": value}])

    @staticmethod
    def prefix_equals_ignore_case(value: str) -> list[str]:
        """Matches strings that start with `value`, ignoring case."""
        return _objects([{"prefix": {"equals-ignore-case": value}}])

    @staticmethod
    def suffix_equals_ignore_case(value: str) -> list[str]:
        """Matches strings that end with `value`, ignoring case."""
        return _objects([{"suffix": {"equals-ignore-case": value}}])

    @staticmethod
    def wildcard(value: str) -> list[str]:
        """Matches with `*` wildcards."""
        return _objects([{"wildcard": value}])

    @staticmethod
    def cidr(range: str) -> list[str]:
        """Matches IP addresses in a CIDR block (IPv4 or IPv6)."""
        if not (_IPV4.search(range) or _ipv6().search(range)):
            raise ValidationError(f"Invalid IP address range: {range} (Match.cidr takes an IPv4 or IPv6 CIDR block "
                                  "such as '10.0.0.0/24' or '2001:db8::/32')")
        return _objects([{"cidr": range}])

    @staticmethod
    def ip_address_range(range: str) -> list[str]:
        """Same as `cidr`."""
        return Match.cidr(range)

    @staticmethod
    def anything_but(*values: Any) -> list[str]:
        """Matches anything except these values (all strings or all numbers)."""
        if not values:
            raise ValidationError("anythingBut matchers must be non-empty lists")
        if not (all(_is_number(v) for v in values) or all(isinstance(v, str) for v in values)):
            raise ValidationError("anythingBut matchers must be lists that contain only strings or only numbers. "
                                  f"(Match.anything_but got {list(values)!r})")
        return _objects([{"anything-but": list(values)}])

    @staticmethod
    def _anything_but_conjunction(key: str, values: Sequence[str]) -> list[str]:
        if not values:
            raise ValidationError("anythingBut matchers must be non-empty lists")
        return _objects([{"anything-but": {key: values[0] if len(values) == 1 else list(values)}}])

    @staticmethod
    def anything_but_prefix(*prefixes: str) -> list[str]:
        """Matches strings that start with none of `prefixes`."""
        return Match._anything_but_conjunction("prefix", prefixes)

    @staticmethod
    def anything_but_suffix(*suffixes: str) -> list[str]:
        """Matches strings that end with none of `suffixes`."""
        return Match._anything_but_conjunction("suffix", suffixes)

    @staticmethod
    def anything_but_wildcard(*patterns: str) -> list[str]:
        """Matches strings that match none of the wildcard `patterns`."""
        return Match._anything_but_conjunction("wildcard", patterns)

    @staticmethod
    def anything_but_equals_ignore_case(*values: str) -> list[str]:
        """Matches strings equal to none of `values`, ignoring case."""
        return Match._anything_but_conjunction("equals-ignore-case", values)

    @staticmethod
    def _numeric(operator: str, value: float) -> list[str]:
        return _objects([{"numeric": [operator, value]}])

    @staticmethod
    def greater_than(value: float) -> list[str]:
        """Matches numbers `> value`."""
        return Match._numeric(">", value)

    @staticmethod
    def greater_than_or_equal(value: float) -> list[str]:
        """Matches numbers `>= value`."""
        return Match._numeric(">=", value)

    @staticmethod
    def less_than(value: float) -> list[str]:
        """Matches numbers `< value`."""
        return Match._numeric("<", value)

    @staticmethod
    def less_than_or_equal(value: float) -> list[str]:
        """Matches numbers `<= value`."""
        return Match._numeric("<=", value)

    @staticmethod
    def equal(value: float) -> list[str]:
        """Matches numbers `= value`."""
        return Match._numeric("=", value)

    @staticmethod
    def interval(lower: float, upper: float) -> list[str]:
        """Matches numbers in `[lower, upper]`."""
        if lower > upper:
            raise ValidationError(f"Invalid interval: [{js_number(lower)}, {js_number(upper)}]")
        return Match.all_of(Match.greater_than_or_equal(lower), Match.less_than_or_equal(upper))

    @staticmethod
    def all_of(*matchers: Any) -> list[str]:
        """Merges numeric matchers into one (`[{"numeric": [">", 0, "<=", 5]}]`)."""
        if not matchers:
            raise ValidationError("A list of matchers must contain at least one element.")
        return _objects(matchers, merge=True)

    @staticmethod
    def any_of(*matchers: Any) -> list[str]:
        """Matches when any of `matchers` matches (their elements concatenated)."""
        if not matchers:
            raise ValidationError("A list of matchers must contain at least one element.")
        return _objects(matchers)
