"""Many rules compiled together into one state machine, like event-ruler's ``Machine``.

Each branch of each rule is a sequence of (field path, matchers) in one global path order.
Rules are inserted into a tree of states: a state has, per field path, an index of its
matchers (dicts for exact values and ignore-case values, dicts keyed by length-limited
prefixes/suffixes, a bisected segment table for numeric ranges, a short list for the rest)
leading to next states. Branches sharing a first condition share the state after it, so an
event visits only the states whose conditions it satisfies, and the cost per event hardly
grows with the number of rules.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left
from collections.abc import Callable, Mapping
from typing import Any

from . import _operands as ops
from ._test_event_pattern import parse_event
from ._flatten import Leaf, Membership, PathExtractor, consistent, merge
from ._operands import Operand
from ._pattern import CompiledPattern, compile_pattern

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
    )

    def __init__(self) -> None:
        self.exact_str: dict[str, list[_State]] = {}
        self.exact_num: dict[float, list[_State]] = {}
        self.exact_lit: dict[str, list[_State]] = {}
        self.equals_ic: dict[str, list[_State]] = {}
        self.prefix: dict[str, list[_State]] = {}
        self.suffix: dict[str, list[_State]] = {}
        self.prefix_ic: dict[str, list[_State]] = {}
        self.suffix_ic: dict[str, list[_State]] = {}
        self.prefix_lens: tuple[int, ...] = ()
        self.suffix_lens: tuple[int, ...] = ()
        self.prefix_ic_lens: tuple[int, ...] = ()
        self.suffix_ic_lens: tuple[int, ...] = ()
        self.ranges: list[tuple[float, bool, float, bool, _State]] = []
        self.points: list[float] = []
        self.segments: list[tuple[_State, ...]] = []
        self.others: list[tuple[Callable[[Any], bool], _State]] = []
        self.any_value: list[_State] = []
        self.absent: list[_State] = []

    def add(self, operand: Operand, state: _State) -> None:
        kind, key = operand.kind, operand.key
        tables: dict[str, dict[Any, list[_State]]] = {
            ops.EXACT_STR: self.exact_str,
            ops.EXACT_NUM: self.exact_num,
            ops.EXACT_LIT: self.exact_lit,
            ops.EQUALS_IC: self.equals_ic,
            ops.PREFIX: self.prefix,
            ops.SUFFIX: self.suffix,
            ops.PREFIX_IC: self.prefix_ic,
            ops.SUFFIX_IC: self.suffix_ic,
        }
        table = tables.get(kind)
        if table is not None:
            table.setdefault(key, []).append(state)
        elif kind == ops.NUMERIC:
            bounds: tuple[float, bool, float, bool] = key  # type: ignore[assignment]
            self.ranges.append((*bounds, state))
        elif kind == ops.EXISTS:
            self.any_value.append(state)
        elif kind == ops.ABSENT:
            self.absent.append(state)
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
                self._lookup_ignore_case(value.lower(), out)
        elif kind is int or kind is float:
            number = ops.as_float(value)
            hit = self.exact_num.get(number)
            if hit:
                out.extend(hit)
            if self.segments:
                i = bisect_left(self.points, number)
                if i < len(self.points) and self.points[i] == number:
                    out.extend(self.segments[2 * i + 1])
                else:
                    out.extend(self.segments[2 * i])
        else:
            hit = self.exact_lit.get(repr(value))
            if hit:
                out.extend(hit)
        if self.any_value:
            out.extend(self.any_value)
        for test, state in self.others:
            if test(value):
                out.append(state)

    def _lookup_ignore_case(self, low: str, out: list[_State]) -> None:
        hit = self.equals_ic.get(low)
        if hit:
            out.extend(hit)
        for n in self.prefix_ic_lens:
            hit = self.prefix_ic.get(low[:n])
            if hit:
                out.extend(hit)
        for n in self.suffix_ic_lens:
            if n <= len(low):
                hit = self.suffix_ic.get(low[len(low) - n :])
                if hit:
                    out.extend(hit)


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
    Events are not checked for envelope fields (unlike ``test_event_pattern``). The state
    machine is rebuilt lazily on the first match after rules were added or deleted.
    """

    def __init__(self) -> None:
        self._rules: dict[str, CompiledPattern] = {}
        self._order: dict[str, int] = {}
        self._root: _State | None = None
        self._extractor = PathExtractor(())
        self._counter = 0

    def add_rule(self, name: str, pattern: str | bytes | Mapping[str, Any]) -> None:
        """Add (or replace) rule ``name`` with ``pattern`` (a dict or JSON text)."""
        compiled = compile_pattern(pattern)
        if name not in self._order:
            self._order[name] = self._counter
            self._counter += 1
        self._rules[name] = compiled
        self._root = None

    def delete_rule(self, name: str) -> None:
        """Remove rule ``name``; deleting an unknown name does nothing (as DeleteRule)."""
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
        return name in self._rules

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
                parsed = json.loads(event)
            except ValueError:
                parsed = None
        if type(parsed) is not dict:
            parsed = parse_event(event)
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
