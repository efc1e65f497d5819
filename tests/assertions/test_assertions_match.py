"""Every matcher's success and failure paths, with the AWS CDK's failure texts.

Expected texts come from the spec (section 5.2) and the CDK's match.ts, never from our output.
"""

from __future__ import annotations

from typing import Any

import pytest

from cdk_events.assertions import Match, Matcher, MatchResult


def failures(matcher: Matcher, actual: Any) -> list[str]:
    return matcher.test(actual).to_human_strings()


# -- exact / literals -------------------------------------------------------------------


def test_exact_scalar_success_and_mismatch() -> None:
    assert failures(Match.exact("foo"), "foo") == []
    assert failures(Match.exact("foo"), "bar") == ["Expected foo but received bar (using exact matcher)"]


def test_exact_type_mismatch_uses_js_type_names() -> None:
    assert failures(Match.exact(5), "5") == ["Expected type number but received string (using exact matcher)"]
    assert failures(Match.exact("a"), None) == [
        "Expected type string but received null (using exact matcher)"
    ]
    assert failures(Match.exact("a"), [1]) == [
        "Expected type string but received array (using exact matcher)"
    ]
    assert failures(Match.exact("a"), {}) == [
        "Expected type string but received object (using exact matcher)"
    ]


def test_numbers_compare_as_json_numbers_but_booleans_are_not_numbers() -> None:
    assert failures(Match.exact(1), 1.0) == []
    assert failures(Match.exact(1.5), 2) == ["Expected 1.5 but received 2 (using exact matcher)"]
    assert failures(Match.exact(True), 1) == [
        "Expected type boolean but received number (using exact matcher)"
    ]
    assert failures(Match.exact(1), True) == [
        "Expected type number but received boolean (using exact matcher)"
    ]
    assert failures(Match.exact(True), False) == ["Expected true but received false (using exact matcher)"]


def test_exact_objects_are_not_partial() -> None:
    assert failures(Match.exact({"a": 1}), {"a": 1}) == []
    assert failures(Match.exact({"a": {"b": 1}}), {"a": {"b": 1, "c": 2}}) == [
        "Unexpected key c at /a/c (using exact matcher)"
    ]


def test_exact_arrays_element_by_element() -> None:
    assert failures(Match.exact([1, 2]), [1, 2, 3]) == [
        "Too many elements in array (expecting 2, got 3) at /2 (using exact matcher)"
    ]


def test_exact_cannot_wrap_a_matcher() -> None:
    with pytest.raises(ValueError) as info:
        Match.exact(Match.any_value())
    assert str(info.value) == (
        "LiteralMatch cannot directly contain another matcher. "
        "Remove the top-level matcher or nest it more deeply."
    )


def test_matcher_nested_inside_exact_is_used() -> None:
    assert failures(Match.exact({"a": Match.any_value()}), {"a": 3}) == []


# -- object_like / object_equals -------------------------------------------------------


def test_object_like_allows_extra_keys_at_every_level() -> None:
    pattern = Match.object_like({"a": {"b": 1}, "l": [{"x": 1}]})
    assert failures(pattern, {"a": {"b": 1, "c": 2}, "l": [{"x": 1, "y": 2}], "z": 0}) == []


def test_object_like_missing_key() -> None:
    assert failures(Match.object_like({"a": 1, "b": 2}), {"a": 1}) == [
        "Missing key 'b' at /b (using objectLike matcher)"
    ]


def test_object_like_nested_lists_are_exact_length() -> None:
    assert failures(Match.object_like({"a": [1]}), {"a": [1, 2]}) == [
        "Too many elements in array (expecting 1, got 2) at /a/1 (using objectLike matcher)"
    ]


def test_object_like_wrong_type() -> None:
    assert failures(Match.object_like({"a": 1}), [1]) == [
        "Expected type object but received array (using objectLike matcher)"
    ]
    assert failures(Match.object_like({"a": 1}), "s") == [
        "Expected type object but received string (using objectLike matcher)"
    ]
    assert failures(Match.object_like({"a": 1}), None) == [
        "Expected type object but received null (using objectLike matcher)"
    ]


def test_object_equals_reports_unexpected_keys_unquoted() -> None:
    assert failures(Match.object_equals({"a": 1}), {"a": 1}) == []
    assert failures(Match.object_equals({"a": 1}), {"a": 1, "b": 2}) == [
        "Unexpected key b at /b (using objectEquals matcher)"
    ]


def test_object_equals_nested_literals_are_exact() -> None:
    assert failures(Match.object_equals({"a": {"b": 1}}), {"a": {"b": 1, "c": 2}}) == [
        "Unexpected key c at /a/c (using objectEquals matcher)"
    ]


def test_object_equals_can_nest_object_like() -> None:
    pattern = Match.object_equals({"a": Match.object_like({"b": 1})})
    assert failures(pattern, {"a": {"b": 1, "c": 2}}) == []


# -- array_with / array_equals ---------------------------------------------------------


def test_array_with_matches_an_ordered_subsequence() -> None:
    assert failures(Match.array_with([1, 3]), [1, 2, 3]) == []
    assert failures(Match.array_with([]), []) == []


def test_array_with_closest_match() -> None:
    assert failures(Match.array_with([1, 5]), [1, 2, 3]) == [
        "Could not match arrayWith pattern 1. This is the closest match at /1 (using arrayWith matcher)",
        "arrayWith pattern 0 matched here at /0 (using arrayWith matcher)",
        "Expected 5 but received 2 at /1 (using arrayWith matcher)",
    ]


def test_array_with_no_more_elements_to_try() -> None:
    result = Match.array_with([3, 1]).test([1, 2, 3])
    assert result.to_human_strings() == [
        "Could not match arrayWith pattern 1. No more elements to try at /3 (using arrayWith matcher)",
        "arrayWith pattern 0 matched here at /2 (using arrayWith matcher)",
    ]
    # the informational line costs nothing, the missing element costs 1
    assert result.fail_cost == 1
    assert result.fail_count == 2


def test_array_with_literal_objects_are_exact_unless_object_like() -> None:
    actual = [{"Id": "T1", "Arn": "a"}]
    assert failures(Match.array_with([{"Id": "T1"}]), actual) != []
    assert failures(Match.array_with([Match.object_like({"Id": "T1"})]), actual) == []


def test_array_with_order_matters() -> None:
    assert failures(Match.array_with(["b", "a"]), ["a", "b"]) != []


def test_array_with_rejects_absent_and_any_value() -> None:
    with pytest.raises(ValueError, match=r"^The Matcher absent\(\) cannot be nested within arrayWith\(\)$"):
        Match.array_with([Match.absent()]).test([1])
    with pytest.raises(ValueError, match=r"^The Matcher anyValue\(\) cannot be nested within arrayWith\(\)$"):
        Match.array_with([Match.any_value()]).test([1])


def test_array_with_wrong_type() -> None:
    assert failures(Match.array_with([1]), {"a": 1}) == [
        "Expected type array but received object (using arrayWith matcher)"
    ]


def test_array_equals() -> None:
    assert failures(Match.array_equals([1, 2]), [1, 2]) == []
    assert failures(Match.array_equals([1, 2]), [1]) == [
        "Not enough elements in array (expecting 2, got 1) at /1 (using arrayEquals matcher)"
    ]
    assert failures(Match.array_equals([1]), [1, 2]) == [
        "Too many elements in array (expecting 1, got 2) at /1 (using arrayEquals matcher)"
    ]
    assert failures(Match.array_equals([1]), "x") == [
        "Expected type array but received string (using arrayEquals matcher)"
    ]
    assert failures(Match.array_equals([2, 1]), [1, 2]) == [
        "Expected 2 but received 1 at /0 (using arrayEquals matcher)",
        "Expected 1 but received 2 at /1 (using arrayEquals matcher)",
    ]


# -- absent / any_value / not_ ---------------------------------------------------------


def test_absent() -> None:
    pattern = Match.object_like({"a": Match.absent()})
    assert failures(pattern, {"b": 1}) == []
    assert failures(pattern, {"a": 5}) == [
        "Received 5, but key should be absent at /a (using absent matcher)"
    ]
    # JavaScript string conversion: lists are comma-joined
    assert failures(pattern, {"a": [1, 2]}) == [
        "Received 1,2, but key should be absent at /a (using absent matcher)"
    ]
    assert failures(pattern, {"a": None}) == [
        "Received null, but key should be absent at /a (using absent matcher)"
    ]


def test_any_value() -> None:
    pattern = Match.object_like({"a": Match.any_value()})
    assert failures(pattern, {"a": 0}) == []
    assert failures(pattern, {"a": ""}) == []
    assert failures(pattern, {"a": None}) == [
        "Expected a value but found none at /a (using anyValue matcher)"
    ]
    assert failures(pattern, {}) == ["Missing key 'a' at /a (using objectLike matcher)"]


def test_not() -> None:
    assert failures(Match.not_("a"), "b") == []
    assert failures(Match.not_("a"), "a") == ['Found unexpected match: "a" (using not matcher)']
    assert failures(Match.not_({"x": [1]}), {"x": [1]}) == [
        'Found unexpected match: {\n  "x": [\n    1\n  ]\n} (using not matcher)'
    ]


def test_not_with_a_literal_is_exact() -> None:
    # a literal inside not_() is an exact match, so an extra key makes it "not match"
    assert failures(Match.not_({"x": 1}), {"x": 1, "y": 2}) == []
    assert failures(Match.not_(Match.object_like({"x": 1})), {"x": 1, "y": 2}) != []


# -- serialized_json -------------------------------------------------------------------


def test_serialized_json_success() -> None:
    assert failures(Match.serialized_json({"a": [1, 2]}), '{"a": [1, 2]}') == []
    assert failures(Match.serialized_json(Match.object_like({"a": 1})), '{"a": 1, "b": 2}') == []


def test_serialized_json_not_a_string() -> None:
    assert failures(Match.serialized_json({}), 5) == [
        "Expected JSON as a string but found number (using serializedJson matcher)"
    ]


def test_serialized_json_invalid() -> None:
    assert failures(Match.serialized_json({}), "{bad") == [
        "Invalid JSON string: {bad (using serializedJson matcher)"
    ]


def test_serialized_json_mismatch_literal_is_exact() -> None:
    assert failures(Match.serialized_json({"a": 1}), '{"a": 2}') == [
        "Encoded JSON value does not match (using serializedJson matcher)",
        "Expected 1 but received 2 at /a (using serializedJson matcher)",
    ]
    # failures are listed by the path they were first recorded at (the CDK keeps a Map)
    assert failures(Match.serialized_json({"a": 1}), '{"a": 1, "b": 2}') == [
        "Unexpected key b at /b (using serializedJson matcher)",
        "Encoded JSON value does not match (using serializedJson matcher)",
    ]


# -- string_like_regexp ----------------------------------------------------------------


def test_string_like_regexp() -> None:
    assert failures(Match.string_like_regexp("abc"), "xabcx") == []
    assert failures(Match.string_like_regexp("^abc"), "xabc") == [
        "String 'xabc' did not match pattern '^abc' (using stringLikeRegexp matcher)"
    ]


def test_string_like_regexp_is_multiline() -> None:
    assert failures(Match.string_like_regexp("^abc$"), "x\nabc\ny") == []


def test_string_like_regexp_on_a_non_string() -> None:
    assert failures(Match.string_like_regexp("x"), 5) == [
        "Expected a string, but got 'number' (using stringLikeRegexp matcher)",
        "String '5' did not match pattern 'x' (using stringLikeRegexp matcher)",
    ]


def test_string_like_regexp_named_groups_in_js_syntax() -> None:
    assert failures(Match.string_like_regexp(r"(?<word>a+)-\k<word>"), "aa-aa") == []


# -- the matcher protocol --------------------------------------------------------------


class _EvenNumber(Matcher):
    @property
    def name(self) -> str:
        return "even"

    def test(self, actual: Any) -> MatchResult:
        result = MatchResult(actual)
        if not isinstance(actual, int) or actual % 2:
            result.record_failure(matcher=self, path=[], message=f"{actual} is not even")
        return result


def test_custom_matcher_composes_with_builtin_ones() -> None:
    assert failures(Match.object_like({"n": _EvenNumber()}), {"n": 4}) == []
    assert failures(Match.object_like({"n": _EvenNumber()}), {"n": 3}) == [
        "3 is not even at /n (using even matcher)"
    ]


def test_is_matcher() -> None:
    assert Match.is_matcher(Match.absent())
    assert Matcher.is_matcher(_EvenNumber())
    assert not Match.is_matcher({"a": 1})


def test_match_result_counts() -> None:
    result = Match.object_like({"a": 1, "b": 2}).test({})
    assert result.has_failed()
    assert not result.is_success
    assert result.fail_count == result.failure_count == 2
    assert Match.exact(1).test(1).render_mismatch() == "<match>"
