"""Turning an event into leaf values per flattened field path.

A leaf is a scalar (string, number, boolean, null) found by descending objects (``a.b`` key
and ``a`` -> ``b`` nesting are the same path) and arrays (each element is a candidate). Each
leaf carries its *array membership*: the (array id, element index) of every enclosing array
of objects or arrays, so that conditions of one pattern can be required to come from the
same array element (event-ruler's array-consistent matching). Arrays of scalars are not
recorded: only one path lives inside them, so they can never make two leaves inconsistent.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import count
from typing import Any

__all__ = ["Leaf", "Membership", "PathExtractor", "consistent", "flatten", "merge"]

Membership = tuple[tuple[int, int], ...]
Leaf = tuple[Any, Membership]

_MISSING = object()


def consistent(a: Membership, b: Membership) -> bool:
    """True when two leaves do not sit in different elements of the same array."""
    if not a or not b:
        return True
    seen = dict(a)
    return all(seen.get(array, index) == index for array, index in b)


def merge(a: Membership, b: Membership) -> Membership:
    """The membership of a combination of two consistent leaves."""
    if not a:
        return b
    if not b or a == b:
        return a
    joined = dict(a)
    joined.update(b)
    return tuple(sorted(joined.items()))


def _structured(items: list[Any]) -> bool:
    return any(type(item) is dict or type(item) is list for item in items)


def flatten(event: Any) -> dict[str, list[Leaf]]:
    """Every leaf of the event, by dotted path."""
    out: dict[str, list[Leaf]] = {}
    ids = count()

    def visit(value: Any, path: str, membership: Membership) -> None:
        if isinstance(value, dict):
            for key, child in value.items():
                visit(child, f"{path}.{key}" if path else str(key), membership)
        elif isinstance(value, list):
            if _structured(value):
                array = next(ids)
                for index, item in enumerate(value):
                    visit(item, path, (*membership, (array, index)))
            else:
                for item in value:
                    visit(item, path, membership)
        elif path:
            out.setdefault(path, []).append((value, membership))

    visit(event, "", ())
    return out


class _Node:
    __slots__ = ("lookups", "path")

    def __init__(self) -> None:
        self.lookups: list[tuple[str, _Node]] = []
        self.path: str | None = None


class PathExtractor:
    """Collects the leaves of a fixed set of paths only, without visiting the rest of the event.

    Dotted event keys are handled by also looking up every joined spelling of the remaining
    path segments (``"detail.state"`` as well as ``"detail"`` then ``"state"``).
    """

    def __init__(self, paths: Iterable[str]) -> None:
        nodes: dict[str, _Node] = {"": _Node()}
        for path in sorted(set(paths)):
            segments = path.split(".")
            for start in range(len(segments)):
                here = ".".join(segments[:start])
                node = nodes.setdefault(here, _Node())
                for stop in range(start + 1, len(segments) + 1):
                    target = ".".join(segments[:stop])
                    child = nodes.setdefault(target, _Node())
                    entry = (".".join(segments[start:stop]), child)
                    if entry not in node.lookups:
                        node.lookups.append(entry)
            nodes[path].path = path
        self._root = nodes[""]
        self._ids = count()

    def extract(self, event: dict[str, Any]) -> dict[str, list[Leaf]]:
        """Leaves of the extractor's paths present in ``event`` (absent paths have no entry)."""
        out: dict[str, list[Leaf]] = {}
        missing = _MISSING
        visit = self._visit
        for key, child in self._root.lookups:
            value = event.get(key, missing)
            if value is not missing:
                visit(value, child, (), out)
        return out

    def _visit(self, value: Any, node: _Node, membership: Membership, out: dict[str, list[Leaf]]) -> None:
        kind = type(value)
        if kind is dict:
            missing = _MISSING
            for key, child in node.lookups:
                item = value.get(key, missing)
                if item is not missing:
                    self._visit(item, child, membership, out)
        elif kind is list:
            if _structured(value):
                array = next(self._ids)
                for index, item in enumerate(value):
                    self._visit(item, node, (*membership, (array, index)), out)
            else:
                for item in value:
                    self._visit(item, node, membership, out)
        elif node.path is not None:
            leaves = out.get(node.path)
            if leaves is None:
                out[node.path] = [(value, membership)]
            else:
                leaves.append((value, membership))
