"""Statement merging (the `@aws-cdk/aws-iam:minimizePolicies` behaviour) and the post-processing
every policy document gets (duplicates removed, Sids assigned, values sorted).

The CDK compares every pair of statements, pass after pass, until nothing merges. Two statements
merge when they have the same effect, no Sid, the same conditions and not-sets, and two of their
three sets (actions, resources, principals) are equal. We produce exactly the same result, but
find each partner through hash indexes instead of trying every pair, so a policy with hundreds
of statements is merged in near-linear time.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from typing import Any

from cdk_events.core import IPostProcessor, IResolveContext, js_stringify
from cdk_events.core._json import _encode_str as encode_json_string
from cdk_events.core._json import compact_encoder, compact_json, identity_text, load_c_writer

from ._policy_statement import PolicyStatement
from ._principals import LITERAL_STRING_KEY, IPrincipal, dedupe_string_for

_Key = tuple[Any, ...]


def _js_sort_key(value: str) -> bytes:
    # JavaScript's default sort compares UTF-16 code units.
    return value.encode("utf-16-be", "surrogatepass")


def _set_merge(x: list[str], y: list[str]) -> list[str]:
    return sorted(dict.fromkeys([*x, *y]), key=_js_sort_key)


def _partition(principals: list[IPrincipal]) -> tuple[dict[str, IPrincipal], list[IPrincipal]]:
    comparable: dict[str, IPrincipal] = {}
    non_comparable: list[IPrincipal] = []
    for principal in principals:
        dedupe = dedupe_string_for(principal)
        if dedupe:
            comparable[dedupe] = principal
        else:
            non_comparable.append(principal)
    return comparable, non_comparable


_NO_PRINCIPALS: _Key = (frozenset(), frozenset())


def _principal_key(principals: list[IPrincipal]) -> _Key:
    if not principals:
        return _NO_PRINCIPALS
    comparable, non_comparable = _partition(principals)
    return (frozenset(comparable), frozenset(id(p) for p in non_comparable))


def _merge_principals(xs: list[IPrincipal], ys: list[IPrincipal]) -> list[IPrincipal]:
    x_comp, x_non = _partition(xs)
    y_comp, y_non = _partition(ys)
    return [*{**x_comp, **y_comp}.values(), *x_non, *y_non]


def _object_text(value: Any) -> str:
    """How a condition value that is no JSON (an object) is told apart from others: by identity."""
    return f"<{id(value)}>"


_condition_string = compact_encoder(_object_text, ensure_ascii=False)


def _base_key(statement: PolicyStatement) -> _Key:
    """What two statements must share to merge (effect, conditions, not-sets, literal principals); read from
    the statement's own fields (no defensive copies): this runs for every statement of every policy."""
    return (
        statement._effect,
        identity_text(statement._condition, _object_text) or _condition_string(statement._condition),
        frozenset(statement._not_action),
        frozenset(statement._not_resource),
        _principal_key(list(statement._not_principals.values())),
        LITERAL_STRING_KEY in statement._principal,
    )


class _Comparable:
    """A statement with the keys the merge compares on."""

    __slots__ = ("a", "base", "p", "r", "statement")

    def __init__(self, statement: PolicyStatement, base: _Key | None = None):
        self.statement = statement
        self.base: _Key = base if base is not None else _base_key(statement)
        self.a = frozenset(statement._action)
        self.r = frozenset(statement._resource)
        self.p = _principal_key(list(statement._principals.values()))

    @property
    def pair_keys(self) -> tuple[_Key, _Key, _Key]:
        return ((0, self.a, self.r), (1, self.a, self.p), (2, self.r, self.p))


def _combine(a: PolicyStatement, b: PolicyStatement) -> PolicyStatement:
    return a.copy(
        actions=_set_merge(a.actions, b.actions),
        resources=_set_merge(a.resources, b.resources),
        principals=_merge_principals(a.principals, b.principals),
    )


# from this many statements on, a policy's statements are compared by python-rapidjson's text (`identity_text`)
_C_WRITER_FROM = 32


def merge_statements(statements: list[PolicyStatement]) -> list[PolicyStatement]:
    """Merge as many statements as the CDK would, in the same order; returns the new list."""
    if len(statements) >= _C_WRITER_FROM:
        load_c_writer()
    bases = [_base_key(s) for s in statements]
    sharing: dict[_Key, int] = {}
    for statement, base in zip(statements, bases, strict=True):
        if not statement.sid:
            sharing[base] = sharing.get(base, 0) + 1
    if all(count < 2 for count in sharing.values()):
        return list(statements)  # merges happen only between statements of the same base: none here
    comps: list[_Comparable | None] = [_Comparable(s, b) for s, b in zip(statements, bases, strict=True)]
    while _one_pass(comps):
        comps = [c for c in comps if c is not None]
    return [c.statement for c in comps if c is not None]


def _one_pass(comps: list[_Comparable | None]) -> bool:
    # index: (base, pair key) -> ascending positions of the statements having it
    index: dict[tuple[_Key, _Key], list[int]] = {}
    for position, comp in enumerate(comps):
        if comp is None or comp.statement.sid:
            continue
        for key in comp.pair_keys:
            index.setdefault((comp.base, key), []).append(position)
    changed = False
    for i, current in enumerate(comps):
        if current is None or current.statement.sid:
            continue
        position = i
        combined = False
        while True:
            j = _next_partner(comps, index, current, position)
            if j is None:
                break
            other = comps[j]
            assert other is not None
            # a statement with the same sets as an already combined one (whose values are sorted) would
            # give the same statement again: it is only dropped
            if not combined or other.a != current.a or other.r != current.r or other.p != current.p:
                current = _Comparable(_combine(current.statement, other.statement))
                comps[i] = current
                combined = True
            comps[j] = None
            position = j
            changed = True
    return changed


def _next_partner(
    comps: list[_Comparable | None],
    index: dict[tuple[_Key, _Key], list[int]],
    current: _Comparable,
    after: int,
) -> int | None:
    best: int | None = None
    for key in current.pair_keys:
        positions = index.get((current.base, key))
        if not positions:
            continue
        k = bisect.bisect_right(positions, after)
        while k < len(positions) and comps[positions[k]] is None:
            del positions[k]
        if k < len(positions) and (best is None or positions[k] < best):
            best = positions[k]
    return best


# --- post-processing ---------------------------------------------------------------------------


def _sort_by_json(values: Any) -> Any:
    if not isinstance(values, list):
        return values
    if all(type(value) is str for value in values):
        ordered = list(_sorted_strings(tuple(values)))
    else:
        ordered = _sorted_unique(values)
    return ordered if len(ordered) != 1 else ordered[0]


def _sorted_unique(values: Sequence[Any]) -> list[Any]:
    """`values` without duplicates, in the order of their JSON texts (as JavaScript sorts strings)."""
    unique: dict[str, Any] = {}
    for value in values:
        unique[encode_json_string(value) if type(value) is str else js_stringify(value)] = value
    return [unique[k] for k in sorted(unique, key=_js_sort_key)]


@functools.lru_cache(maxsize=1024)
def _sorted_strings(values: tuple[str, ...]) -> tuple[str, ...]:
    """`_sorted_unique` of strings, remembered: the statements of a policy mostly repeat the same actions
    (one grant a rule), which are then sorted once."""
    return tuple(_sorted_unique(values))


def _sort_principals(principal: Any) -> Any:
    if not isinstance(principal, dict):
        return principal
    if len(principal) == 1:  # (one key: nothing to sort)
        [(key, value)] = principal.items()
        return {key: _sort_by_json(value)}
    return {key: _sort_by_json(principal[key]) for key in sorted(principal, key=_js_sort_key)}


class PostProcessPolicyDocument(IPostProcessor):
    """Removes duplicate statements, assigns Sids (`"0"`, `"1"`, ...) if asked, and sorts
    `Action`, `Resource` and `Principal` values when the document is minimized."""

    def __init__(self, auto_assign_sids: bool, sort: bool):
        self._auto_assign_sids = auto_assign_sids
        self._sort = sort

    def post_process(self, value: Any, context: IResolveContext) -> Any:
        """The document with the CDK's statement post-processing applied."""
        if not value or not isinstance(value, dict) or not value.get("Statement"):
            return value
        seen: set[str] = set()
        unique: list[Any] = []
        if len(value["Statement"]) >= _C_WRITER_FROM:
            load_c_writer()
        for statement in value["Statement"]:
            text = _identity(statement)
            if text not in seen:
                seen.add(text)
                unique.append(statement)
        for position, statement in enumerate(unique):
            if not isinstance(statement, dict):
                continue
            if self._auto_assign_sids and not statement.get("Sid"):
                statement["Sid"] = str(position)
            if self._sort:
                if statement.get("Action"):
                    statement["Action"] = _sort_by_json(statement["Action"])
                if statement.get("Resource"):
                    statement["Resource"] = _sort_by_json(statement["Resource"])
                if statement.get("Principal"):
                    statement["Principal"] = _sort_principals(statement["Principal"])
        result = dict(value)
        result["Statement"] = unique
        return result




def _identity(statement: Any) -> str:
    """A text that is equal for equal statements (python-rapidjson's; the `json` module's or JavaScript's
    formatting where it cannot write a value)."""
    text = identity_text(statement)
    if text is not None:
        return text
    try:
        return compact_json(statement)
    except TypeError:
        return js_stringify(statement)
