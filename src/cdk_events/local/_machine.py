"""Many rules compiled together into one state machine, like event-ruler's ``Machine``.

Each branch of each rule is a sequence of (field path, matchers) in one global path order.
Rules are inserted into a tree of states: a state has, per field path, an index of its
matchers (dicts for exact values, dicts keyed by length-limited prefixes/suffixes, dicts of
case-folded values whose hits are confirmed with event-ruler's comparison, dicts of wildcards
by their literal head and tail, a bisected segment table for numeric ranges, a short list for
the rest) leading to next states; every test costs time linear in the value. Branches sharing
a first condition share the state after it, so an event visits only the states whose
conditions it satisfies, and the cost per event hardly grows with the number of rules.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left
from collections.abc import Callable, Mapping
from typing import Any

from . import _operands as ops
from ._errors import LocalEngineError
from ._flatten import Leaf, Membership, PathExtractor, consistent, merge
from ._json import deep_recursion
from ._limits import MAX_EVENT_DEPTH, MAX_EVENT_SIZE, PATTERN_SIZE_QUOTA, check_event, check_pattern_size
from ._numbers import NumberText, number_key, parse_float
from ._operands import Operand
from ._pattern import CompiledPattern, compile_pattern
from ._test_event_pattern import parse_event
from ._text_match import IgnoreCase, fold

_IcEntry = tuple[IgnoreCase, "_State"]


def _reject_constant(name: str) -> Any:
    raise ValueError(name)


# Events given as text: numbers a double cannot hold exactly stay text (see _numbers), NaN is refused.
# The C scanner reads the first JSON value and ignores what follows, as the rule engine's parser does;
# anything unusual (leading space, errors, integers too long for int(), deep nesting) goes the slow way.
_scan_event: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder(  # type: ignore[attr-defined]
    parse_float=parse_float, parse_constant=_reject_constant
).scan_once
_SMALL_TEXT = MAX_EVENT_SIZE // 4

__all__ = ["Matcher"]


class _State:
    __slots__ = ("fields", "groups", "rules")

    def __init__(self) -> None:
        self.fields: dict[str, _FieldIndex] = {}
        self.groups: dict[tuple[str, frozenset[tuple[str, Any]]], _State] = {}
        self.rules: list[str] = []


class _FieldIndex:
    """The matchers of one field path leaving one state, indexed by kind."""

    __slots__ = (
        "absent",
        "any_value",
        "equals_ic",
        "exact_lit",
        "exact_num",
        "exact_str",
        "others",
        "points",
        "prefix",
        "prefix_ic",
        "prefix_ic_lens",
        "prefix_lens",
        "ranges",
        "segments",
        "suffix",
        "suffix_ic",
        "suffix_ic_lens",
        "suffix_lens",
        "wildcards",
    )

    def __init__(self) -> None:
        self.exact_str: dict[str, list[_State]] = {}
        self.exact_num: dict[float | NumberText, list[_State]] = {}
        self.exact_lit: dict[str, list[_State]] = {}
        self.equals_ic: dict[str, list[_IcEntry]] = {}
        self.prefix: dict[str, list[_State]] = {}
        self.suffix: dict[str, list[_State]] = {}
        self.prefix_ic: dict[str, list[_IcEntry]] = {}
        self.suffix_ic: dict[str, list[_IcEntry]] = {}
        self.prefix_lens: tuple[int, ...] = ()
        self.suffix_lens: tuple[int, ...] = ()
        self.prefix_ic_lens: tuple[int, ...] = ()
        self.suffix_ic_lens: tuple[int, ...] = ()
        self.ranges: list[tuple[float, bool, float, bool, _State]] = []
        self.points: list[float] = []
        self.segments: list[tuple[_State, ...]] = []
        self.others: list[tuple[Callable[[Any], bool], _State]] = []
        # wildcards by the lengths, then the text, of their literal head and tail
        self.wildcards: dict[tuple[int, int], dict[tuple[str, str], list[tuple[Callable[[Any], bool], _State]]]] = {}
        self.any_value: list[_State] = []
        self.absent: list[_State] = []

    def add(self, operand: Operand, state: _State) -> None:
        kind, key = operand.kind, operand.key
        tables: dict[str, dict[Any, list[_State]]] = {
            ops.EXACT_STR: self.exact_str,
            ops.EXACT_NUM: self.exact_num,
            ops.EXACT_LIT: self.exact_lit,
            ops.PREFIX: self.prefix,
            ops.SUFFIX: self.suffix,
        }
        ic_tables: dict[str, dict[str, list[_IcEntry]]] = {
            ops.EQUALS_IC: self.equals_ic,
            ops.PREFIX_IC: self.prefix_ic,
            ops.SUFFIX_IC: self.suffix_ic,
        }
        table = tables.get(kind)
        ic_table = ic_tables.get(kind)
        if table is not None:
            table.setdefault(key, []).append(state)
        elif ic_table is not None:
            folded: IgnoreCase = operand.data
            ic_table.setdefault(folded.folded, []).append((folded, state))
        elif kind == ops.NUMERIC:
            bounds: tuple[float, bool, float, bool] = key  # type: ignore[assignment]
            self.ranges.append((*bounds, state))
        elif kind == ops.EXISTS:
            self.any_value.append(state)
        elif kind == ops.ABSENT:
            self.absent.append(state)
        elif kind == ops.WILDCARD:
            head, tail = operand.data
            by_text = self.wildcards.setdefault((len(head), len(tail)), {})
            by_text.setdefault((head, tail), []).append((operand.test, state))
        else:
            self.others.append((operand.test, state))

    def finish(self) -> None:
        """Precompute the lookup tables once all operands are in."""
        self.prefix_lens = tuple(sorted({len(k) for k in self.prefix}))
        self.suffix_lens = tuple(sorted({len(k) for k in self.suffix}))
        self.prefix_ic_lens = tuple(sorted({len(k) for k in self.prefix_ic}))
        self.suffix_ic_lens = tuple(sorted({len(k) for k in self.suffix_ic}))
        if not self.ranges:
            return
        # points[i] is a boundary; segments[2*i+1] holds the states for x == points[i] and
        # segments[2*i] those for points[i-1] < x < points[i].
        self.points = sorted({r[0] for r in self.ranges} | {r[2] for r in self.ranges})
        probes: list[float] = []
        for i, point in enumerate(self.points):
            below = self.points[i - 1] if i else None
            probes.append(_between(below, point))
            probes.append(point)
        probes.append(_between(self.points[-1], None))
        self.segments = [
            tuple(
                state
                for low, low_open, high, high_open, state in self.ranges
                if (low < x or (x == low and not low_open)) and (x < high or (x == high and not high_open))
            )
            for x in probes
        ]

    def lookup(self, value: Any, out: list[_State]) -> None:
        """Append the next states whose matcher accepts ``value``."""
        kind = type(value)
        if kind is str:
            hit = self.exact_str.get(value)
            if hit:
                out.extend(hit)
            if self.prefix_lens:
                for n in self.prefix_lens:
                    hit = self.prefix.get(value[:n])
                    if hit:
                        out.extend(hit)
            if self.suffix_lens:
                for n in self.suffix_lens:
                    if n <= len(value):
                        hit = self.suffix.get(value[len(value) - n :])
                        if hit:
                            out.extend(hit)
            if self.equals_ic or self.prefix_ic_lens or self.suffix_ic_lens:
                self._lookup_ignore_case(value, out)
            if self.wildcards:
                self._lookup_wildcards(value, out)
        elif kind is int or kind is float or kind is NumberText:
            number = number_key(value)
            hit = self.exact_num.get(number)
            if hit:
                out.extend(hit)
            if self.segments and type(number) is float:
                i = bisect_left(self.points, number)
                if i < len(self.points) and self.points[i] == number:
                    out.extend(self.segments[2 * i + 1])
                else:
                    out.extend(self.segments[2 * i])
        else:
            hit = self.exact_lit.get(repr(value)) if value is None or kind is bool else None
            if hit:
                out.extend(hit)
        if self.any_value:
            out.extend(self.any_value)
        for test, state in self.others:
            if test(value):
                out.append(state)

    def _lookup_wildcards(self, value: str, out: list[_State]) -> None:
        size = len(value)
        for (head, tail), by_text in self.wildcards.items():
            if head + tail > size:
                continue
            hit = by_text.get((value[:head], value[size - tail :] if tail else ""))
            if hit:
                for test, state in hit:
                    if test(value):
                        out.append(state)

    def _lookup_ignore_case(self, value: str, out: list[_State]) -> None:
        """Ignore-case candidates come from the folded value; unless both sides are ASCII (where
        folding is exact) each is confirmed with event-ruler's per-character comparison."""
        low = fold(value)
        exact = value.isascii()
        hit = self.equals_ic.get(low)
        if hit:
            for folded, state in hit:
                if (exact and folded.ascii) or folded.equals(value):
                    out.append(state)
        for n in self.prefix_ic_lens:
            hit = self.prefix_ic.get(low[:n])
            if hit:
                for folded, state in hit:
                    if (exact and folded.ascii) or folded.prefix_of(value):
                        out.append(state)
        for n in self.suffix_ic_lens:
            if n <= len(low):
                hit = self.suffix_ic.get(low[len(low) - n :])
                if hit:
                    for folded, state in hit:
                        if (exact and folded.ascii) or folded.suffix_of(value):
                            out.append(state)


def _between(low: float | None, high: float | None) -> float:
    """A number strictly between two boundaries (``None`` = unbounded), or ``low`` if none exists."""
    if low is None or low == -math.inf:
        return math.nextafter(high, -math.inf) if high is not None else 0.0
    if high is None or high == math.inf:
        return math.nextafter(low, math.inf)
    middle = low / 2 + high / 2
    return middle if low < middle < high else low


class Matcher:
    """Many named event patterns matched together against events (like event-ruler's ``Machine``).

    ``add_rule`` validates a pattern (raising ``InvalidEventPatternError``); ``rules_for_event``
    returns the names of the rules whose pattern matches, in the order the rules were added.
    Events are not checked for envelope fields (unlike ``test_event_pattern``); events given as
    dicts are read only along the rules' paths, so they are not checked to be JSON either. The
    state machine is rebuilt lazily on the first match after rules were added or deleted.
    ``size_quota`` is the account's event pattern size quota (default 2,048 characters, at most 4,096).
    """

    def __init__(self, *, size_quota: int = PATTERN_SIZE_QUOTA) -> None:
        check_pattern_size("", size_quota)  # validates the quota itself
        self._size_quota = size_quota
        self._rules: dict[str, CompiledPattern] = {}
        self._order: dict[str, int] = {}
        self._root: _State | None = None
        self._extractor = PathExtractor(())
        self._counter = 0

    def add_rule(self, name: str, pattern: str | bytes | Mapping[str, Any]) -> None:
        """Add (or replace) rule ``name`` with ``pattern`` (a dict or JSON text).

        The pattern is checked as PutRule checks it, with the matcher's ``size_quota``.
        """
        if not isinstance(name, str):
            raise LocalEngineError(f"A rule name must be a string, got {type(name).__name__}")
        compiled = compile_pattern(pattern, size_quota=self._size_quota)
        if name not in self._order:
            self._order[name] = self._counter
            self._counter += 1
        self._rules[name] = compiled
        self._root = None

    def delete_rule(self, name: str) -> None:
        """Remove rule ``name``; deleting an unknown name does nothing (as DeleteRule)."""
        if not isinstance(name, str):
            raise LocalEngineError(f"A rule name must be a string, got {type(name).__name__}")
        if self._rules.pop(name, None) is not None:
            del self._order[name]
            self._root = None

    @property
    def rule_names(self) -> list[str]:
        """Names of the rules, in the order they were added."""
        return list(self._rules)

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self._rules

    def _build(self) -> _State:
        usage: dict[str, list[int]] = {}
        for compiled in self._rules.values():
            for branch in compiled.branches:
                for path, operands in branch:
                    stats = usage.setdefault(path, [0, 0])
                    if all(op.kind in (ops.EXACT_STR, ops.EXACT_NUM, ops.EXACT_LIT) for op in operands):
                        stats[0] += 1
                    stats[1] += len(operands)
        # Most-used exact fields first: they split the rules into the smallest groups.
        rank = {
            path: i for i, path in enumerate(sorted(usage, key=lambda p: (-usage[p][0], -usage[p][1], p)))
        }
        root = _State()
        all_states: list[_State] = []
        for name, compiled in self._rules.items():
            for branch in compiled.branches:
                fields = sorted(branch, key=lambda item: rank[item[0]])
                state = root
                for path, operands in fields:
                    group = (path, frozenset((op.kind, op.key) for op in operands))
                    nxt = state.groups.get(group)
                    if nxt is None:
                        nxt = state.groups[group] = _State()
                        all_states.append(nxt)
                        index = state.fields.get(path)
                        if index is None:
                            index = state.fields[path] = _FieldIndex()
                        for operand in operands:
                            index.add(operand, nxt)
                    state = nxt
                if name not in state.rules:
                    state.rules.append(name)
        for state in [root, *all_states]:
            for index in state.fields.values():
                index.finish()
        self._extractor = PathExtractor(usage)
        self._root = root
        return root

    def rules_for_event(self, event: str | bytes | Mapping[str, Any]) -> list[str]:
        """Names of the rules matching ``event`` (a dict or JSON text), in the order they were added."""
        root = self._root if self._root is not None else self._build()
        parsed: Any = None
        if type(event) is str:
            try:
                parsed = _scan_event(event, 0)[0]
            except (StopIteration, ValueError, RecursionError):
                parsed = None
            else:
                # the scanner's own depth limit depends on the Python version (3.12 raised it): text that
                # may be too large or nest too deep is measured (each level takes two characters at least,
                # and counting brackets is cheap)
                if type(parsed) is dict and (len(event) > _SMALL_TEXT or (
                        len(event) > 2 * MAX_EVENT_DEPTH and event.count("{") + event.count("[") > MAX_EVENT_DEPTH)):
                    check_event(parsed)
        if type(parsed) is not dict:
            parsed = parse_event(event)
        try:
            return self._match(root, parsed)
        except RecursionError:
            # an event nested deeper than Python's recursion limit: within EventBridge's limit, match it
            # with room to recurse (check_event refuses deeper events and values that are not JSON)
            depth = check_event(parsed, size=False)
            with deep_recursion(depth):
                return self._match(root, parsed)

    def _match(self, root: _State, parsed: dict[str, Any]) -> list[str]:
        leaves = self._extractor.extract(parsed)
        matched: set[str] = set()
        stack: list[tuple[_State, Membership]] = [(root, ())]
        seen: set[tuple[int, Membership]] = set()
        while stack:
            state, membership = stack.pop()
            if state.rules:
                matched.update(state.rules)
            for path, index in state.fields.items():
                found = leaves.get(path)
                if found is None:
                    for nxt in index.absent:
                        stack.append((nxt, membership))
                    continue
                _advance(index, found, membership, stack, seen)
        if len(matched) > 1:
            order = self._order
            return sorted(matched, key=order.__getitem__)
        return list(matched)


def _advance(
    index: _FieldIndex,
    leaves: list[Leaf],
    membership: Membership,
    stack: list[tuple[_State, Membership]],
    seen: set[tuple[int, Membership]],
) -> None:
    for value, leaf_membership in leaves:
        nexts: list[_State] = []
        index.lookup(value, nexts)
        if not nexts:
            continue
        if not leaf_membership:
            for nxt in nexts:
                stack.append((nxt, membership))
            continue
        if not consistent(membership, leaf_membership):
            continue
        combined = merge(membership, leaf_membership)
        for nxt in nexts:
            key = (id(nxt), combined)
            if key not in seen:
                seen.add(key)
                stack.append((nxt, combined))
