"""`SubscriptionFilter`: the conditions of a subscription filter policy, and `FilterOrPolicy` for
filter policies on the message body."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Any

import attrs

from cdk_events.core import UnscopedValidationError

from ...core._struct import to_struct
from ...core._struct_methods import struct_methods


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class BetweenCondition:
    """A numeric range: `start` and `stop`."""

    start: float
    stop: float


class SubscriptionFilter:
    """A filter on one attribute of a message (mirrors `aws_cdk.aws_sns.SubscriptionFilter`): a list of
    conditions, any of which matches."""

    def __init__(self, conditions: Sequence[Any] | None = None):
        self.conditions: list[Any] = list(conditions or [])

    @staticmethod
    def string_filter(*, allowlist: Sequence[str] | None = None, denylist: Sequence[str] | None = None,
                      match_prefixes: Sequence[str] | None = None, match_suffixes: Sequence[str] | None = None,
                      whitelist: Sequence[str] | None = None, blacklist: Sequence[str] | None = None
                      ) -> SubscriptionFilter:
        """Match string values: listed values (`allowlist`), anything but `denylist`, prefixes, suffixes."""
        for name, value in (("allowlist", allowlist), ("denylist", denylist), ("match_prefixes", match_prefixes),
                            ("match_suffixes", match_suffixes), ("whitelist", whitelist), ("blacklist", blacklist)):
            _check_list(name, value, str, "strings")
        if whitelist and allowlist:
            raise UnscopedValidationError("`whitelist` is deprecated; please use `allowlist` instead")
        if blacklist and denylist:
            raise UnscopedValidationError("`blacklist` is deprecated; please use `denylist` instead")
        allowed = allowlist if allowlist is not None else whitelist
        denied = denylist if denylist is not None else blacklist
        conditions: list[Any] = []
        if allowed:
            conditions.extend(allowed)
        if denied:
            conditions.append({"anything-but": list(denied)})
        if match_prefixes:
            conditions.extend({"prefix": p} for p in match_prefixes)
        if match_suffixes:
            conditions.extend({"suffix": s} for s in match_suffixes)
        return SubscriptionFilter(conditions)

    @staticmethod
    def numeric_filter(*, allowlist: Sequence[float] | None = None, greater_than: float | None = None,
                       greater_than_or_equal_to: float | None = None, less_than: float | None = None,
                       less_than_or_equal_to: float | None = None,
                       between: BetweenCondition | Mapping[str, Any] | None = None,
                       between_strict: BetweenCondition | Mapping[str, Any] | None = None,
                       whitelist: Sequence[float] | None = None) -> SubscriptionFilter:
        """Match numeric values: equal to listed values, greater / less than, or in a range."""
        _check_list("allowlist", allowlist, (int, float), "numbers")
        _check_list("whitelist", whitelist, (int, float), "numbers")
        for name, number in (("greater_than", greater_than), ("greater_than_or_equal_to", greater_than_or_equal_to),
                             ("less_than", less_than), ("less_than_or_equal_to", less_than_or_equal_to)):
            if number is not None and (isinstance(number, bool) or not isinstance(number, (int, float))):
                raise UnscopedValidationError(f"SubscriptionFilter.numeric_filter: '{name}' must be a number, "
                                              f"got {number!r}")
        if whitelist and allowlist:
            raise UnscopedValidationError("`whitelist` is deprecated; please use `allowlist` instead")
        allowed = allowlist if allowlist is not None else whitelist
        between = to_struct(BetweenCondition, between, prop="between")
        between_strict = to_struct(BetweenCondition, between_strict, prop="between_strict")
        conditions: list[Any] = []
        if allowed:
            conditions.extend({"numeric": ["=", v]} for v in allowed)
        if greater_than is not None:
            conditions.append({"numeric": [">", greater_than]})
        if greater_than_or_equal_to is not None:
            conditions.append({"numeric": [">=", greater_than_or_equal_to]})
        if less_than is not None:
            conditions.append({"numeric": ["<", less_than]})
        if less_than_or_equal_to is not None:
            conditions.append({"numeric": ["<=", less_than_or_equal_to]})
        if between is not None:
            conditions.append({"numeric": [">=", between.start, "<=", between.stop]})
        if between_strict is not None:
            conditions.append({"numeric": [">", between_strict.start, "<", between_strict.stop]})
        return SubscriptionFilter(conditions)

    @staticmethod
    def exists_filter() -> SubscriptionFilter:
        """Match messages that have the attribute."""
        return SubscriptionFilter([{"exists": True}])

    @staticmethod
    def not_exists_filter() -> SubscriptionFilter:
        """Match messages that do not have the attribute."""
        return SubscriptionFilter([{"exists": False}])


def _check_list(name: str, value: Any, kind: type | tuple[type, ...], what: str) -> None:
    if value is None:
        return
    if isinstance(value, str) or not isinstance(value, Sequence) or \
            any(isinstance(v, bool) or not isinstance(v, kind) for v in value):
        raise UnscopedValidationError(f"SubscriptionFilter: '{name}' must be a list of {what}, got {value!r}")


class FilterOrPolicyType(Enum):
    """Whether a `FilterOrPolicy` is a filter or a nested policy."""

    FILTER = "FILTER"
    POLICY = "POLICY"


class FilterOrPolicy:
    """A node of a filter policy on the message body: a filter, or a nested policy."""

    type: FilterOrPolicyType

    @staticmethod
    def filter(filter: SubscriptionFilter) -> Filter:
        """A filter at this key."""
        return Filter(filter)

    @staticmethod
    def policy(policy: Mapping[str, FilterOrPolicy]) -> Policy:
        """A nested policy at this key."""
        return Policy(policy)

    def is_policy(self) -> bool:
        """True for a nested policy."""
        return self.type is FilterOrPolicyType.POLICY

    def is_filter(self) -> bool:
        """True for a filter."""
        return self.type is FilterOrPolicyType.FILTER


class Filter(FilterOrPolicy):
    """A filter of the message body."""

    type = FilterOrPolicyType.FILTER

    def __init__(self, filter_doc: SubscriptionFilter):
        if not isinstance(filter_doc, SubscriptionFilter):
            raise UnscopedValidationError(f"FilterOrPolicy.filter: expected an sns.SubscriptionFilter, "
                                          f"got {filter_doc!r}")
        self.filter_doc = filter_doc


class Policy(FilterOrPolicy):
    """A nested policy of the message body."""

    type = FilterOrPolicyType.POLICY

    def __init__(self, policy_doc: Mapping[str, FilterOrPolicy]):
        if not isinstance(policy_doc, Mapping):
            raise UnscopedValidationError(f"FilterOrPolicy.policy: expected a dict of FilterOrPolicy, "
                                          f"got {policy_doc!r}")
        self.policy_doc = dict(policy_doc)


def build_filter_policy_with_message_body(policy: Mapping[str, FilterOrPolicy], depth: int = 1,
                                          total: list[int] | None = None) -> dict[str, Any]:
    """The FilterPolicy of a message-body policy (raises past 150 combinations, as SNS does)."""
    total = total if total is not None else [1]
    result: dict[str, Any] = {}
    for key, node in policy.items():
        if isinstance(node, Policy):
            result[key] = build_filter_policy_with_message_body(node.policy_doc, depth + 1, total)
        elif isinstance(node, Filter):
            conditions = node.filter_doc.conditions
            result[key] = conditions
            total[0] *= len(conditions) * depth
        else:
            raise UnscopedValidationError(f"filter_policy_with_message_body: '{key}' must be a FilterOrPolicy "
                                          f"(FilterOrPolicy.filter(...) or FilterOrPolicy.policy(...)), got {node!r}")
    if total[0] > 150:
        raise UnscopedValidationError(f"The total combination of values ({total[0]}) must not exceed 150.")
    return result
