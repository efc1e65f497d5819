"""``Match``: the partial and special matchers used in template assertions."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from ._js import (
    UNDEFINED,
    get_type,
    is_array,
    js_keys,
    js_string,
    js_typeof,
    json_stringify,
)
from ._matcher import Matcher, MatchResult

__all__ = [
    "AbsentMatch",
    "AnyMatch",
    "ArrayMatch",
    "LiteralMatch",
    "Match",
    "NotMatch",
    "ObjectMatch",
    "SerializedJson",
    "StringLikeRegexpMatch",
]


class Match:
    """Partial and special matching during template assertions (static factories only)."""

    @staticmethod
    def absent() -> Matcher:
        """Matches when the key is missing (use it as the value of a key in a pattern)."""
        return AbsentMatch("absent")

    @staticmethod
    def array_with(pattern: Sequence[Any]) -> Matcher:
        """Matches an array that contains ``pattern``'s elements, in order (other elements
        may sit between them). Literal elements are matched exactly."""
        return ArrayMatch("arrayWith", pattern)

    @staticmethod
    def array_equals(pattern: Sequence[Any]) -> Matcher:
        """Matches an array of exactly ``pattern``'s elements, in order."""
        return ArrayMatch("arrayEquals", pattern, subsequence=False)

    @staticmethod
    def exact(pattern: Any) -> Matcher:
        """Deep, exact matching: nested objects must have exactly the pattern's keys."""
        return LiteralMatch("exact", pattern, partial_objects=False)

    @staticmethod
    def object_like(pattern: Mapping[str, Any]) -> Matcher:
        """Matches an object that has ``pattern``'s keys (extra keys allowed); nested literal
        objects are matched the same way, nested literal arrays element by element."""
        return ObjectMatch("objectLike", pattern)

    @staticmethod
    def object_equals(pattern: Mapping[str, Any]) -> Matcher:
        """Matches an object with exactly ``pattern``'s keys; nested literals exactly."""
        return ObjectMatch("objectEquals", pattern, partial=False)

    @staticmethod
    def not_(pattern: Any) -> Matcher:
        """Matches any value that does NOT match ``pattern`` (a literal is matched exactly)."""
        return NotMatch("not", pattern)

    @staticmethod
    def serialized_json(pattern: Any) -> Matcher:
        """Matches a string of JSON whose parsed value matches ``pattern`` (a literal is
        matched exactly)."""
        return SerializedJson("serializedJson", pattern)

    @staticmethod
    def any_value() -> Matcher:
        """Matches any value that is present and not null."""
        return AnyMatch("anyValue")

    @staticmethod
    def string_like_regexp(pattern: str) -> Matcher:
        """Matches a string in which the JavaScript regular expression ``pattern`` is found
        (flags ``gm``: ``^``/``$`` match at line boundaries)."""
        return StringLikeRegexpMatch("stringLikeRegexp", pattern)

    @staticmethod
    def is_matcher(x: object) -> bool:
        """Whether ``x`` is a :class:`Matcher`."""
        return isinstance(x, Matcher)


class _NamedMatcher(Matcher):
    def __init__(self, name: str) -> None:
        self._name = name

    @property
    def name(self) -> str:
        return self._name


def literal_or_matcher(name: str, pattern: Any, *, partial_objects: bool) -> Matcher:
    """The matcher for one pattern element: itself if a matcher, else a literal match."""
    if isinstance(pattern, Matcher):
        return pattern
    return LiteralMatch(name, pattern, partial_objects=partial_objects)


class LiteralMatch(_NamedMatcher):
    """Matches a literal value; objects and arrays in it are matched key by key."""

    def __init__(self, name: str, pattern: Any, *, partial_objects: bool = False) -> None:
        super().__init__(name)
        if isinstance(pattern, Matcher):
            raise ValueError(
                "LiteralMatch cannot directly contain another matcher. "
                "Remove the top-level matcher or nest it more deeply."
            )
        self._pattern = pattern
        self._partial_objects = partial_objects

    def test(self, actual: Any) -> MatchResult:
        pattern = self._pattern
        if is_array(pattern):
            return ArrayMatch(
                self.name, pattern, subsequence=False, partial_objects=self._partial_objects
            ).test(actual)
        if isinstance(pattern, Mapping):
            return ObjectMatch(self.name, pattern, partial=self._partial_objects).test(actual)

        result = MatchResult(actual)
        if pattern is None:
            if actual is not None:
                result.record_failure(matcher=self, path=[], message=_null_mismatch(actual))
            return result
        if js_typeof(pattern) != js_typeof(actual):
            result.record_failure(
                matcher=self,
                path=[],
                message=f"Expected type {js_typeof(pattern)} but received {get_type(actual)}",
            )
            return result
        if actual != pattern:
            result.record_failure(
                matcher=self,
                path=[],
                message=f"Expected {js_string(pattern)} but received {js_string(actual)}",
            )
        return result


def _null_mismatch(actual: Any) -> str:
    # JavaScript's `typeof null` is "object": the CDK treats a null pattern as an object
    # pattern, so a non-object gets its type message. (It crashes on an object; we explain.)
    if isinstance(actual, Mapping):
        return f"Expected null but received {json_stringify(actual)}"
    return f"Expected type object but received {get_type(actual)}"


class ArrayMatch(_NamedMatcher):
    """Matches arrays, either element by element or as an ordered subsequence."""

    def __init__(
        self,
        name: str,
        pattern: Sequence[Any],
        *,
        subsequence: bool = True,
        partial_objects: bool = False,
    ) -> None:
        super().__init__(name)
        if not is_array(pattern):
            raise TypeError(f"{name}() expects a list, got {type(pattern).__name__}")
        self._pattern = list(pattern)
        self._subsequence = subsequence
        self._partial_objects = partial_objects

    def _element_matcher(self, element: Any) -> Matcher:
        return literal_or_matcher(self.name, element, partial_objects=self._partial_objects)

    def test(self, actual: Any) -> MatchResult:
        if not is_array(actual):
            return MatchResult(actual).record_failure(
                matcher=self, path=[], message=f"Expected type array but received {get_type(actual)}"
            )
        if self._subsequence:
            return self._test_subsequence(actual)
        return self._test_full_array(actual)

    def _test_full_array(self, actual: Sequence[Any]) -> MatchResult:
        result = MatchResult(actual)
        expected, got = len(self._pattern), len(actual)
        common = min(expected, got)
        for i in range(common):
            result.compose(str(i), self._element_matcher(self._pattern[i]).test(actual[i]))
        if common < expected:
            result.record_failure(
                matcher=self,
                path=[str(common)],
                message=f"Not enough elements in array (expecting {expected}, got {got})",
            )
        if common < got:
            result.record_failure(
                matcher=self,
                path=[str(common)],
                message=f"Too many elements in array (expecting {expected}, got {got})",
            )
        return result

    def _test_subsequence(self, actual: Sequence[Any]) -> MatchResult:
        result = MatchResult(actual)
        # every attempt, by pattern index then actual index, to explain a failure
        attempts: dict[int, dict[int, MatchResult]] = {}
        pattern_idx = actual_idx = 0
        while pattern_idx < len(self._pattern) and actual_idx < len(actual):
            matcher = self._element_matcher(self._pattern[pattern_idx])
            if matcher.name in ("absent", "anyValue"):
                raise ValueError(f"The Matcher {matcher.name}() cannot be nested within arrayWith()")
            inner = matcher.test(actual[actual_idx])
            attempts.setdefault(pattern_idx, {})[actual_idx] = inner
            actual_idx += 1
            if inner.is_success:
                result.compose(str(actual_idx), inner)  # keeps the captures
                pattern_idx += 1

        if pattern_idx < len(self._pattern):
            self._explain_failure(result, actual, attempts, pattern_idx)
        return result

    def _explain_failure(
        self,
        result: MatchResult,
        actual: Sequence[Any],
        attempts: dict[int, dict[int, MatchResult]],
        failed_idx: int,
    ) -> None:
        for matched_idx in range(failed_idx):
            where = next((i for i, r in attempts.get(matched_idx, {}).items() if r.is_success), None)
            if where is None:
                continue
            note = MatchResult(actual[where]).record_failure(
                matcher=self, path=[], message=f"arrayWith pattern {matched_idx} matched here", cost=0
            )
            result.compose(str(where), note)

        tried = sorted(attempts.get(failed_idx, {}).items(), key=lambda item: (item[1].fail_cost, item[0]))
        if tried:
            index, closest = tried[0]
            result.record_failure(
                matcher=self,
                path=[str(index)],
                message=f"Could not match arrayWith pattern {failed_idx}. This is the closest match",
                cost=0,
            )
            result.compose(str(index), closest)
        else:
            result.record_failure(
                matcher=self,
                path=[str(len(actual))],
                message=f"Could not match arrayWith pattern {failed_idx}. No more elements to try",
            )


class ObjectMatch(_NamedMatcher):
    """Matches objects key by key, partially (extra keys allowed) or exactly."""

    def __init__(self, name: str, pattern: Mapping[str, Any], *, partial: bool = True) -> None:
        super().__init__(name)
        if not isinstance(pattern, Mapping):
            raise TypeError(f"{name}() expects a dict, got {type(pattern).__name__}")
        self._pattern = pattern
        self._partial = partial

    def test(self, actual: Any) -> MatchResult:
        if not isinstance(actual, Mapping):
            return MatchResult(actual).record_failure(
                matcher=self, path=[], message=f"Expected type object but received {get_type(actual)}"
            )
        result = MatchResult(actual)
        if not self._partial:
            for key in js_keys(actual):
                if key not in self._pattern:
                    result.record_failure(matcher=self, path=[key], message=f"Unexpected key {key}")

        for key in js_keys(self._pattern):
            expected = self._pattern[key]
            if key not in actual and not isinstance(expected, AbsentMatch):
                result.record_failure(matcher=self, path=[key], message=f"Missing key '{key}'")
                continue
            matcher = literal_or_matcher(self.name, expected, partial_objects=self._partial)
            result.compose(key, matcher.test(actual.get(key, UNDEFINED)))
        return result


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


class SerializedJson(_NamedMatcher):
    """Parses a JSON string and matches the parsed value."""

    def __init__(self, name: str, pattern: Any) -> None:
        super().__init__(name)
        self._pattern = pattern

    def test(self, actual: Any) -> MatchResult:
        if get_type(actual) != "string":
            return MatchResult(actual).record_failure(
                matcher=self, path=[], message=f"Expected JSON as a string but found {get_type(actual)}"
            )
        try:
            parsed = json.loads(actual, parse_constant=_reject_constant)
        except ValueError:
            return MatchResult(actual).record_failure(
                matcher=self, path=[], message=f"Invalid JSON string: {actual}"
            )
        matcher = literal_or_matcher(self.name, self._pattern, partial_objects=False)
        inner = matcher.test(parsed)
        if inner.has_failed():
            inner.record_failure(matcher=self, path=[], message="Encoded JSON value does not match")
        return inner


class NotMatch(_NamedMatcher):
    """Matches when the inner pattern does not."""

    def __init__(self, name: str, pattern: Any) -> None:
        super().__init__(name)
        self._pattern = pattern

    def test(self, actual: Any) -> MatchResult:
        inner = literal_or_matcher(self.name, self._pattern, partial_objects=False).test(actual)
        result = MatchResult(actual)
        if inner.fail_count == 0:
            shown = json_stringify(actual, 2)
            result.record_failure(
                matcher=self,
                path=[],
                message=f"Found unexpected match: {'undefined' if shown is None else shown}",
            )
        return result


class AnyMatch(_NamedMatcher):
    """Matches any value that is neither missing nor null."""

    def test(self, actual: Any) -> MatchResult:
        result = MatchResult(actual)
        if actual is None or actual is UNDEFINED:
            result.record_failure(matcher=self, path=[], message="Expected a value but found none")
        return result


class AbsentMatch(_NamedMatcher):
    """Matches only a missing key."""

    def test(self, actual: Any) -> MatchResult:
        result = MatchResult(actual)
        if actual is not UNDEFINED:
            result.record_failure(
                matcher=self, path=[], message=f"Received {js_string(actual)}, but key should be absent"
            )
        return result


_NAMED_GROUP = re.compile(r"\(\?<(?![=!])")
_NAMED_BACKREF = re.compile(r"\\k<([A-Za-z_][A-Za-z0-9_]*)>")


def compile_js_regexp(pattern: str) -> re.Pattern[str]:
    """Compile a JavaScript regular expression (flags ``gm``) with Python's ``re``."""
    translated = _NAMED_GROUP.sub("(?P<", pattern)
    translated = _NAMED_BACKREF.sub(r"(?P=\1)", translated)
    return re.compile(translated, re.MULTILINE)


class StringLikeRegexpMatch(_NamedMatcher):
    """Matches strings in which a regular expression is found."""

    def __init__(self, name: str, pattern: str) -> None:
        super().__init__(name)
        self._pattern = pattern

    def test(self, actual: Any) -> MatchResult:
        result = MatchResult(actual)
        regexp = compile_js_regexp(self._pattern)
        if not isinstance(actual, str):
            result.record_failure(
                matcher=self, path=[], message=f"Expected a string, but got '{js_typeof(actual)}'"
            )
        text = js_string(actual)
        if regexp.search(text) is None:
            result.record_failure(
                matcher=self, path=[], message=f"String '{text}' did not match pattern '{self._pattern}'"
            )
        return result
