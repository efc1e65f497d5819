"""Each pattern operator, with examples taken from the EventBridge User Guide's descriptions."""

from __future__ import annotations

from typing import Any

import pytest

from cdk_events.local import InvalidEventError, InvalidEventPatternError, validate_event_pattern
from cdk_events.local import test_event_pattern as check


def event(**detail: Any) -> dict[str, Any]:
    return {
        "version": "0",
        "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
        "detail-type": "EC2 Instance State-change Notification",
        "source": "aws.ec2",
        "account": "111122223333",
        "time": "2017-12-22T18:43:48Z",
        "region": "us-west-1",
        "resources": ["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0"],
        "detail": detail,
    }


def matches(field: list[Any], value: Any) -> bool:
    return check({"detail": {"f": field}}, event(f=value))


def reason(pattern: Any) -> str:
    with pytest.raises(InvalidEventPatternError) as caught:
        validate_event_pattern(pattern)
    return caught.value.reason


class TestExact:
    def test_string_is_byte_for_byte(self) -> None:
        assert matches(["running"], "running")
        assert not matches(["running"], "Running")
        assert not matches(["running"], "running ")

    def test_numbers_compare_numerically(self) -> None:
        assert matches([300], 300.0)
        assert check(
            '{"detail": {"f": [3.0e2]}}',
            '{"id":"1","account":"1","source":"s","time":"t",'
            '"region":"r","detail-type":"d","detail":{"f":300}}',
        )
        assert not matches([300], "300")
        assert not matches(["300"], 300)

    def test_null_boolean_and_empty_string(self) -> None:
        assert matches([None], None)
        assert not matches([None], "null")
        assert not matches([""], None)
        assert matches([""], "")
        assert matches([True], True)
        assert not matches([True], 1)
        assert not matches([1], True)

    def test_missing_field_never_matches(self) -> None:
        assert not check({"detail": {"other": ["x"]}}, event(f="x"))

    def test_any_array_element(self) -> None:
        assert matches(["b"], ["a", "b"])
        assert not matches(["c"], ["a", "b"])
        assert not matches([None], [])

    def test_ip_literal_matches_other_spelling(self) -> None:
        assert matches(["2001:db8::1"], "2001:0db8:0000:0000:0000:0000:0000:0001")


class TestPrefixSuffix:
    def test_prefix(self) -> None:
        assert matches([{"prefix": "ca-"}], "ca-central-1")
        assert not matches([{"prefix": "ca-"}], "us-east-1")
        assert matches([{"prefix": ""}], "anything")
        assert not matches([{"prefix": "1"}], 12)

    def test_suffix(self) -> None:
        assert matches([{"suffix": ".png"}], "image.png")
        assert not matches([{"suffix": ".png"}], "image.PNG")

    def test_ignore_case_variants(self) -> None:
        assert matches([{"prefix": {"equals-ignore-case": "EventB"}}], "eventbridge")
        assert matches([{"suffix": {"equals-ignore-case": ".PNG"}}], "image.png")
        assert not matches([{"suffix": {"equals-ignore-case": ".PNG"}}], "image.gif")

    @pytest.mark.parametrize(
        ("operand", "message"),
        [
            ({"prefix": 1}, "prefix match pattern must be a string"),
            ({"suffix": ["x"]}, "suffix match pattern must be a string"),
            ({"prefix": {"wildcard": "x"}}, "Unsupported prefix pattern: wildcard"),
            ({"prefix": "a", "suffix": "b"}, "Only one key allowed in match expression"),
        ],
    )
    def test_invalid(self, operand: dict[str, Any], message: str) -> None:
        assert reason({"f": [operand]}) == message


class TestEqualsIgnoreCase:
    def test_matches_case_insensitively(self) -> None:
        assert matches([{"equals-ignore-case": "ALICE"}], "alice")
        assert not matches([{"equals-ignore-case": "alice"}], "alice2")
        assert not matches([{"equals-ignore-case": ""}], "a")


class TestAnythingBut:
    def test_string_and_list(self) -> None:
        assert matches([{"anything-but": "initializing"}], "running")
        assert not matches([{"anything-but": "initializing"}], "initializing")
        assert not matches([{"anything-but": ["stopped", "overloaded"]}], "stopped")

    def test_matches_null_and_other_types_but_not_missing(self) -> None:
        assert matches([{"anything-but": "x"}], None)
        assert matches([{"anything-but": [1, 2]}], "1")
        assert not check({"detail": {"g": [{"anything-but": "x"}]}}, event(f="y"))

    def test_numbers(self) -> None:
        assert not matches([{"anything-but": 100}], 100.0)
        assert matches([{"anything-but": [100, 200]}], 150)

    def test_object_forms(self) -> None:
        assert not matches([{"anything-but": {"prefix": "init"}}], "initializing")
        assert matches([{"anything-but": {"prefix": "init"}}], 12)
        assert not matches([{"anything-but": {"suffix": [".txt", ".md"]}}], "a.md")
        assert not matches([{"anything-but": {"equals-ignore-case": ["Stopped"]}}], "stopped")
        assert not matches([{"anything-but": {"wildcard": "*/lib/*"}}], "/usr/lib/x")
        assert matches([{"anything-but": {"wildcard": ""}}], "x")

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            (None, "Value of anything-but must be an array or single string/number value."),
            (
                ["a", 1],
                "Inside anything but list, either all values are number or string, "
                "mixed type is not supported",
            ),
            ([True], "Inside anything but list, start|null|boolean is not supported."),
            ({"prefix": ""}, "Null prefix/suffix not allowed"),
            ({"contains": "x"}, "Unsupported anything-but pattern: contains"),
            ({"wildcard": [1]}, "wildcard match pattern must be a string"),
        ],
    )
    def test_invalid(self, value: Any, message: str) -> None:
        assert reason({"f": [{"anything-but": value}]}) == message


class TestNumeric:
    @pytest.mark.parametrize(
        ("expression", "value", "expected"),
        [
            ([">", 0, "<=", 5], 5, True),
            ([">", 0, "<=", 5], 0, False),
            ([">=", 0, "<", 5], 0, True),
            (["<", 10], 10, False),
            (["=", 3.018e2], 301.8, True),
            ([">", 100], 101.0, True),
            ([">", 100], "101", False),
            ([">", 100], None, False),
        ],
    )
    def test_ranges(self, expression: list[Any], value: Any, expected: bool) -> None:
        assert matches([{"numeric": expression}], value) is expected

    @pytest.mark.parametrize(
        ("expression", "message"),
        [
            (10, "Value of numeric must be an array."),
            ([">", 0, ">", 0], "Bad numeric range operator: >"),
            ([">", 0, "<"], "Value of < must be numeric"),
            (["=", "x"], "Value of equals must be numeric"),
            (["!=", 1], "Unrecognized numeric range operator: !="),
            ([">", 5, "<", 1], "Bottom must be less than top"),
            ([">", 0, "<", 5, 6], "Too many terms in numeric range expression"),
            (["<", 5, ">", 1], "Too many elements in numeric expression"),
        ],
    )
    def test_invalid(self, expression: Any, message: str) -> None:
        assert reason({"f": [{"numeric": expression}]}) == message


class TestExists:
    def test_exists_true_needs_a_leaf(self) -> None:
        assert matches([{"exists": True}], "x")
        assert not matches([{"exists": True}], {"nested": 1})
        assert not matches([{"exists": True}], [])

    def test_exists_false(self) -> None:
        assert check({"detail": {"g": [{"exists": False}]}}, event(f="x"))
        assert check({"nope": {"g": [{"exists": False}]}}, event(f="x"))
        assert not matches([{"exists": False}], "x")

    def test_must_be_boolean(self) -> None:
        assert reason({"f": [{"exists": "yes"}]}) == "exists match pattern must be either true or false."


class TestCidr:
    def test_ipv4_and_ipv6(self) -> None:
        assert matches([{"cidr": "10.0.0.0/24"}], "10.0.0.255")
        assert not matches([{"cidr": "10.0.0.0/24"}], "10.0.1.0")
        assert not matches([{"cidr": "10.0.0.0/24"}], "10.0.0.256")
        assert matches([{"cidr": "2001:db8:1234:1a00::/64"}], "2001:0db8:1234:1a00:0000:0000:0000:0001")
        assert not matches([{"cidr": "10.0.0.0/8"}], 10)

    def test_invalid(self) -> None:
        assert reason({"f": [{"cidr": "10.0.0.0"}]}) == "Malformed CIDR, one '/' required"
        assert reason({"f": [{"cidr": "10.0.0.0/x"}]}) == "Malformed CIDR, mask bits must be an integer"
        assert reason({"f": [{"cidr": "nope/8"}]}) == "Nonstandard IP address: nope"


class TestWildcard:
    def test_star_spans_any_characters(self) -> None:
        assert matches([{"wildcard": "Stack*"}], "StackA")
        assert matches([{"wildcard": "*/doc.txt"}], "/Users/me/dir/doc.txt")
        assert not matches([{"wildcard": "*/doc.txt"}], "/Users/me/doc.md")
        assert not matches([{"wildcard": ""}], "x")

    def test_escapes(self) -> None:
        assert matches([{"wildcard": "a\\*b"}], "a*b")
        assert not matches([{"wildcard": "a\\*b"}], "axb")
        assert matches([{"wildcard": "a\\\\b"}], "a\\b")
        assert reason({"f": [{"wildcard": "a\\b"}]}) == "Invalid escape character at pos 1"

    def test_limits(self) -> None:
        assert reason({"f": [{"wildcard": "ab**"}]}) == "Consecutive wildcard characters at pos 3"
        assert reason({"f": [{"wildcard": "*:*:*:*:*:*:x"}]}).startswith("Rule is too complex")


class TestStructure:
    def test_or(self) -> None:
        pattern = {"detail": {"$or": [{"a": ["1"]}, {"b": [{"numeric": [">", 5]}]}]}}
        assert check(pattern, event(a="1"))
        assert check(pattern, event(b=6))
        assert not check(pattern, event(a="2", b=5))

    def test_dotted_keys_equal_nesting(self) -> None:
        assert check({"detail.f": ["x"]}, event(f="x"))
        assert check({"detail": {"f": ["x"]}}, {**event(), "detail.f": "x"})

    def test_array_of_objects_is_element_consistent(self) -> None:
        items = [{"name": "a", "size": 1}, {"name": "b", "size": 2}]
        assert check({"detail": {"items": {"name": ["a"], "size": [1]}}}, event(items=items))
        assert not check({"detail": {"items": {"name": ["a"], "size": [2]}}}, event(items=items))

    def test_duplicate_keys_last_wins(self) -> None:
        text = '{"source": ["aws.s3"], "source": ["aws.ec2"]}'
        assert check(text, event())

    @pytest.mark.parametrize(
        ("pattern", "message"),
        [
            ("[1]", "Filter is not an object"),
            ({"a": []}, "Empty arrays are not allowed"),
            ({"a": {}}, "Empty objects are not allowed"),
            ({"a": 1}, '"a" must be an object or an array'),
            ({"a": [{}]}, "Match expression name not found"),
            ({"a": [["x"]]}, "Match value must be String, number, true, false, or null"),
            ({"a": [{"EXISTS": True}]}, "Unrecognized match type EXISTS"),
            ({"$or": [{"a": ["1"]}]}, "There must have at least 2 Objects in $or relationship."),
            (
                "{'a': 1}",
                "Unexpected character (''' (code 39)): was expecting double-quote to start field name",
            ),
        ],
    )
    def test_invalid(self, pattern: Any, message: str) -> None:
        assert reason(pattern) == message

    def test_or_combination_limit(self) -> None:
        alternatives = [{f"k{i}": ["v"]} for i in range(11)]
        pattern = {"a": {"$or": alternatives}, "b": {"$or": alternatives}, "c": {"$or": alternatives}}
        assert "1000" in reason(pattern)

    def test_event_envelope_is_validated(self) -> None:
        with pytest.raises(InvalidEventError, match=r"^Parameter Event is not valid\.$"):
            check({"source": ["x"]}, {"source": "x"})
        with pytest.raises(InvalidEventError):
            check({"source": ["x"]}, "[1]")

    def test_error_is_a_value_error_with_aws_prefix(self) -> None:
        with pytest.raises(ValueError, match=r"^Event pattern is not valid\. Reason: Empty arrays"):
            validate_event_pattern({"a": []})
