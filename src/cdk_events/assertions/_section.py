"""Matching a pattern against every entry of a template section, and the failure texts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..core._struct_methods import struct_methods
from ._js import js_keys, json_stringify, locale_sort_key
from ._match import Match
from ._matcher import Matcher, MatchResult

__all__ = [
    "SectionMatch",
    "filter_logical_id",
    "format_all_matches",
    "format_all_mismatches",
    "format_section_failure",
    "match_section",
]

Section = Mapping[str, Any]


@struct_methods
@attrs.frozen(slots=False, repr=False, eq=False)
class SectionMatch:
    """What matching a section found: the matches, or the closest failed candidates."""

    matches: dict[str, Any]
    analyzed: dict[str, Any]
    closest: dict[str, MatchResult]

    @property
    def match(self) -> bool:
        """Whether at least one entry matched."""
        return bool(self.matches)

    @property
    def analyzed_count(self) -> int:
        """How many entries were tested."""
        return len(self.analyzed)


def match_section(section: Section, props: Any) -> SectionMatch:
    """Test every entry of ``section`` with ``props`` (a matcher, else ``object_like``)."""
    matcher = props if isinstance(props, Matcher) else Match.object_like(props)
    matches: dict[str, Any] = {}
    analyzed: dict[str, Any] = {}
    failures: list[tuple[str, MatchResult]] = []
    for logical_id in js_keys(section):
        entry = section[logical_id]
        analyzed[logical_id] = entry
        result = matcher.test(entry).finished()
        if result.has_failed():
            failures.append((logical_id, result))
        else:
            matches[logical_id] = entry
    closest: dict[str, MatchResult] = {}
    if not matches:
        # lowest cost first, logical id breaks ties; keep 3 to help when the top pick is wrong
        failures.sort(key=lambda item: (item[1].fail_cost, locale_sort_key(item[0])))
        picked = dict(failures[:3])
        closest = {k: picked[k] for k in js_keys(picked)}
    return SectionMatch(matches=matches, analyzed=analyzed, closest=closest)


def filter_logical_id(section: Section, logical_id: str) -> dict[str, Any]:
    """The entries named ``logical_id`` (``'*'``: all entries)."""
    if logical_id == "*":
        return dict(section)
    return {k: v for k, v in section.items() if k == logical_id}


def _left_pad(text: str, indent: int = 2) -> str:
    pad = " " * indent
    return pad + text.replace("\n", "\n" + pad)


def format_all_matches(matches: Mapping[str, Any]) -> str:
    """The matches as 2-space JSON, the whole block indented by 2 spaces."""
    return _left_pad(json_stringify(matches, 2) or "")


def format_all_mismatches(analyzed: Mapping[str, Any], matches: Mapping[str, Any] | None = None) -> str:
    """``The following resources do not match the given definition:`` + one id per line."""
    matched = matches or {}
    lines = ["The following resources do not match the given definition:"]
    lines += [f"\t{k}" for k in analyzed if k not in matched]
    return "\n".join(lines)


def format_section_failure(qualifier: str, result: SectionMatch, what: str = "Template") -> str:
    """``<what> has <n> <qualifier>[, but none match as expected].`` + closest matches."""
    head = f"{what} has {result.analyzed_count} {qualifier}"
    if result.analyzed_count > 0:
        head += ", but none match as expected"
    return head + ".\n" + _format_closest(result.closest)


def _format_closest(closest: Mapping[str, MatchResult]) -> str:
    if not closest:
        return "No matches found"
    lines = [f"The {len(closest)} closest matches:"]
    lines += [f"{key} :: {result.render_mismatch()}" for key, result in closest.items()]
    return "\n".join(lines)
