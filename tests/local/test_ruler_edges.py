"""Edges of numbers, addresses, case folding and `$or` where the local engine follows aws/event-ruler.

Each test names the event-ruler source (github.com/aws/event-ruler, v2.0.1, commit 337e8d99026d) that
shows the behaviour.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cdk_events.local import InvalidEventPatternError, Matcher, validate_event_pattern
from cdk_events.local import test_event_pattern as check

ENVELOPE = {"id": "1", "account": "1", "source": "s", "time": "t", "region": "r", "detail-type": "d"}


def matches(field: list[Any], value: Any) -> bool:
    """The one-pattern path and the Matcher, which must agree."""
    pattern = {"f": field}
    one = check(pattern, {**ENVELOPE, "f": value})
    matcher = Matcher()
    matcher.add_rule("r", pattern)
    assert (matcher.rules_for_event({"f": value}) == ["r"]) == one
    return one


def matches_text(pattern: str, value_text: str) -> bool:
    """Both given as JSON text, as the API receives them (numbers keep their digits)."""
    event = '{"id":"1","account":"1","source":"s","time":"t","region":"r","detail-type":"d","f":' + value_text + "}"
    one = check(pattern, event)
    matcher = Matcher()
    matcher.add_rule("r", pattern)
    assert (matcher.rules_for_event(event) == ["r"]) == one
    return one


def reason(pattern: Any) -> str:
    with pytest.raises(InvalidEventPatternError) as caught:
        validate_event_pattern(pattern)
    return str(caught.value).removeprefix("Event pattern is not valid. Reason: ")


# --- numbers ----------------------------------------------------------------------------------


def test_integers_beyond_2_53_compare_exactly_not_as_doubles() -> None:
    """`JsonRuleCompiler.writeRules` adds `Patterns.numericEquals` only when `ComparableNumber.generate`
    accepts the literal (it refuses 9007199254740993, which no double holds), and always an exact match
    of the literal's text; `ByteMachine.transitionOn` matches an event number that `generate` refuses by
    its text. So 9007199254740993 equals itself only, not the double-rounded 9007199254740992."""
    assert matches([9007199254740993], 9007199254740993)
    assert not matches([9007199254740993], 9007199254740992)
    assert not matches([9007199254740992], 9007199254740993)
    assert matches([2**53], 2**53)
    assert matches([2**53], float(2**53))
    assert matches_text('{"f": [9007199254740993]}', "9007199254740993")
    assert not matches_text('{"f": [9007199254740993]}', "9007199254740992")
    assert not matches_text('{"f": [9007199254740993]}', "9007199254740993.0")


def test_numbers_a_double_holds_still_compare_numerically() -> None:
    """`ComparableNumberTest.WHEN_NumbersWithDifferentFormat_THEN_allCanBeParsed`: 1e2, 123.456, 0.0
    are comparable; `JsonRuleCompiler.writeRules` then matches them numerically (300 == 300.0)."""
    assert matches([300], 300.0)
    assert matches_text('{"f": [3.0e2]}', "300")
    assert matches_text('{"f": [0.1]}', "0.10")


def test_event_numbers_with_more_precision_than_a_double_match_only_their_text() -> None:
    """`ComparableNumberTest.WHEN_EventHasVaryingPrecision_THEN_MatchRuleWithDecimalAsString`: an event
    number `generate` refuses is matched as text, so a range never holds it, and an exact literal holds
    only the same digits."""
    inexact = "0.1000000000000000055511151231257827"  # the double 0.1 written out: not its shortest form
    assert not matches_text('{"f": [{"numeric": [">", 0]}]}', inexact)
    assert not matches_text('{"f": [0.1]}', inexact)
    assert matches_text('{"f": [{"anything-but": [0.1]}]}', inexact)
    assert not matches_text('{"f": [{"numeric": ["<", 0]}]}', "-1e400")
    assert matches_text('{"f": [{"exists": true}]}', "1e400")


@pytest.mark.parametrize("pattern", [
    '{"f": [{"numeric": [">", 9007199254740993]}]}',
    '{"f": [{"numeric": ["=", 0.1000000000000000055511151231257827]}]}',
    '{"f": [{"numeric": [">", 0, "<", 1e400]}]}',
    '{"f": [{"numeric": ["<=", 1e-400]}]}',
    '{"f": [{"anything-but": 9007199254740993}]}',
    '{"f": [{"anything-but": [1, 9007199254740993]}]}',
])
def test_numeric_literals_event_ruler_cannot_compare_are_refused(pattern: str) -> None:
    """`ComparableNumber.generate` throws `Cannot compare number : <text>` when the literal does not
    survive a round trip through a double (`BigDecimal.valueOf(doubleValue).compareTo(bigDecimal) != 0`,
    or the double is infinite); `JsonRuleCompiler.processNumericMatchExpression` and the anything-but
    list parser report that message."""
    literal = next(v for v in ("9007199254740993", "0.1000000000000000055511151231257827", "1e400", "1e-400")
                   if v in pattern)
    assert reason(pattern) == f"Cannot compare number : {literal}"
    if literal.isdigit():  # the same literal in a dict pattern
        assert reason(json.loads(pattern)) == f"Cannot compare number : {literal}"


def test_an_exact_literal_that_cannot_be_compared_is_still_valid() -> None:
    """`JsonRuleCompiler.writeRules`: "the number might not be representable as a ComparableNumber, for
    example an AWS account number, so make that condition survivable"."""
    validate_event_pattern('{"f": [9007199254740993, 1e400]}')
    assert matches_text('{"f": [1e400]}', "1e400")


# --- addresses --------------------------------------------------------------------------------


def test_a_cidr_block_with_host_bits_set_covers_the_whole_block() -> None:
    """`MachineTest.testIPAddressOfCIDRIsEqualToMaximumOfRange`: `220.160.154.255/24` matches
    220.160.154.0 and .255, not 220.160.153.255 or 220.160.155.0 (`CIDR.computeBottomBytes` clears the
    host bits, `computeTopBytes` sets them)."""
    block = [{"cidr": "220.160.154.255/24"}]
    assert matches(block, "220.160.154.0")
    assert matches(block, "220.160.154.255")
    assert not matches(block, "220.160.153.255")
    assert not matches(block, "220.160.155.0")
    assert matches([{"cidr": "220.160.153.171/31"}], "220.160.153.170")
    assert not matches([{"cidr": "220.160.153.171/31"}], "220.160.153.169")
    assert matches([{"cidr": "2001:db8::ff00:42:8329/24"}], "2001:d00::1")


def test_ipv4_octets_with_leading_zeros_are_decimal() -> None:
    """`CIDR.ipToBytes` takes strings of `Constants.IPv4_REGEX` (`[0-9]+` four times) to Java's
    `InetAddress`, whose `IPAddressUtil.textToNumericFormatV4` reads each part as decimal and refuses
    literals over 15 characters: `010.000.000.001` is 10.0.0.1 (not octal 8.0.0.1)."""
    assert matches(["10.0.0.1"], "010.000.000.001")
    assert matches(["010.0.0.001"], "10.0.0.1")
    assert not matches(["8.0.0.1"], "010.0.0.1")
    assert matches([{"cidr": "010.0.0.0/8"}], "10.200.0.1")
    assert matches([{"cidr": "10.0.0.0/8"}], "010.001.002.003")
    assert not matches([{"cidr": "10.0.0.0/8"}], "0000000010.0.0.1")  # 16 characters: not an address
    assert reason({"f": [{"cidr": "0000000010.0.0.1/8"}]}) == "Invalid IP address: 0000000010.0.0.1"
    assert reason({"f": [{"cidr": "256.0.0.1/8"}]}) == "Invalid IP address: 256.0.0.1"
    assert reason({"f": [{"cidr": "xx.11.xx/8"}]}) == "Nonstandard IP address: xx.11.xx"


def test_ipv6_groups_are_read_as_java_reads_them() -> None:
    """`CIDRTest.TestToString`: `0011:2233:...` and `::1` parse; Java's `textToNumericFormatV6` accepts
    a group of any number of hex digits whose value fits 16 bits, and turns an IPv4-mapped address into
    the IPv4 address."""
    assert matches(["2001:db8::1"], "2001:0db8:0000::0001")
    assert matches(["2001:db8::1"], "2001:00000db8::1")
    assert matches(["10.0.0.1"], "::ffff:a00:1")
    assert not matches(["2001:db8::1"], "2001:db8::1:")
    assert reason({"f": [{"cidr": "2400:6500:FF00::36FB:1F80/222"}]}) == "IPv6 mask bits must be < 128"
    assert reason({"f": [{"cidr": "10.0.0.0/99999999999"}]}) == "Malformed CIDR, mask bits must be an integer"


# --- case folding -----------------------------------------------------------------------------


def test_equals_ignore_case_compares_each_pattern_character_with_its_lower_and_upper_form() -> None:
    """`input/EqualsIgnoreCaseParser.parse`: each pattern character matches the UTF-8 of its own
    `toLowerCase(Locale.ROOT)` or `toUpperCase(Locale.ROOT)` (one character at a time, so no final-sigma
    context): a capital sigma matches the medial sigma, not the final one; a final sigma matches itself
    and the capital."""
    capital, medial, final = "\u03a3", "\u03c3", "\u03c2"
    assert matches([{"equals-ignore-case": "\u039f\u0394\u039f" + capital}], "\u03bf\u03b4\u03bf" + medial)
    assert not matches([{"equals-ignore-case": "\u039f\u0394\u039f" + capital}], "\u03bf\u03b4\u03bf" + final)
    assert matches([{"equals-ignore-case": final}], capital)
    assert matches([{"equals-ignore-case": final}], final)
    assert not matches([{"equals-ignore-case": final}], medial)
    assert matches([{"equals-ignore-case": "stra\u00dfe"}], "STRASSE")
    assert not matches([{"equals-ignore-case": "STRASSE"}], "stra\u00dfe")
    assert not matches([{"equals-ignore-case": "k"}], "\u212a")  # the Kelvin sign is not K
    assert matches([{"prefix": {"equals-ignore-case": "\u03a3\u03b1"}}], "\u03c3\u0391\u03c2")
    assert matches([{"suffix": {"equals-ignore-case": final}}], "\u03bf\u03b4\u03bf\u03a3")
    assert not matches([{"anything-but": {"equals-ignore-case": capital}}], medial)
    assert matches([{"anything-but": {"equals-ignore-case": capital}}], final)
    assert matches([{"equals-ignore-case": "\u0131"}], "I")  # dotless i: lower itself, upper I


# --- $or --------------------------------------------------------------------------------------


def test_or_given_scalars_is_an_ordinary_field() -> None:
    """`GenericMachine.addRule` compiles a rule `JsonRuleCompiler` refuses with the legacy `RuleCompiler`,
    where `$or` is a field name (`JsonRuleCompilerTest.testOrFieldCanKeepWorkingInLegacyRuleCompiler`,
    data `normalRulesWithOrWording.json`)."""
    assert matches_text('{"$or": ["a", "b"]}', '"a"') is False  # the field is "f" here, not "$or"
    event = {**ENVELOPE, "$or": "a"}
    assert check({"$or": ["a", "b"]}, event)
    assert not check({"$or": ["b"]}, event)
    assert check({"$or": [{"cidr": "10.0.0.0/24"}]}, {**ENVELOPE, "$or": "10.0.0.7"})
    assert check({"detail": {"$or": [{"numeric": [">", 0, "<=", 5]}, {"cidr": "10.0.0.0/8"}]}},
                 {**ENVELOPE, "detail": {"$or": 3}})
    assert check({"source": ["s"], "$or": {"metricType": ["MetricType"]}},
                 {**ENVELOPE, "$or": {"metricType": "MetricType"}})
    matcher = Matcher()
    matcher.add_rule("r", {"$or": ["a", "b"]})
    assert matcher.rules_for_event({"$or": "b"}) == ["r"]


def test_or_rules_both_compilers_refuse_keep_the_first_reason() -> None:
    """`JsonRuleCompilerTest.testWrongOrRelationshipRules` (`wrongOrRelationshipRules.json`): both
    compilers refuse these; the reason reported is `JsonRuleCompiler`'s (as AWS reports, e.g. its
    recorded `anything-but/equals-ignore-case` text, which only that compiler has)."""
    assert reason({"$or": [{"metricName": ["CPUUtilization"]}]}) == (
        "There must have at least 2 Objects in $or relationship."
    )
    assert reason({"detail": {"$or": [{"a": ["b"]}, {"c": ["d"]}, [{"foo": ["wrong"]}]]}}) == (
        "Only JSON object is allowed in array of $or relationship."
    )
    assert reason({"$or": "x"}) == "It must be an Array followed with $or."
    assert reason({"$or": [{"anything-but": {"wildcard": "a*"}}, {"b": ["c"]}]}) == (
        "anything-but is Ruler reserved fieldName which cannot be used inside $or."
    )


# --- the ignore-case comparison against a brute-force reference -------------------------------

CASE_ALPHABET = "sS\u03a3\u03c3\u03c2\u00dfkK\u212ai\u0131I\u0130x"


def _alternatives(char: str) -> set[str]:
    return {char.lower(), char.upper()}


def _reference_prefix_end(pattern: str, value: str) -> set[int]:
    """Every length of a start of ``value`` that ``pattern`` ignore-case-matches (EqualsIgnoreCaseParser)."""
    ends = {0}
    for char in pattern:
        ends = {end + len(alt) for end in ends for alt in _alternatives(char) if value.startswith(alt, end)}
    return ends


@settings(max_examples=300, deadline=None)
@given(pattern=st.text(CASE_ALPHABET, max_size=4), value=st.text(CASE_ALPHABET, max_size=6))
def test_ignore_case_agrees_with_a_reference(pattern: str, value: str) -> None:
    equals = len(value) in _reference_prefix_end(pattern, value)
    prefix = bool(_reference_prefix_end(pattern, value))
    suffix = any(n in _reference_prefix_end(pattern, value[len(value) - n:])
                 for n in range(len(value) + 1))
    assert matches([{"equals-ignore-case": pattern}], value) == equals
    assert matches([{"prefix": {"equals-ignore-case": pattern}}], value) == prefix
    assert matches([{"suffix": {"equals-ignore-case": pattern}}], value) == suffix
    assert matches([{"anything-but": {"equals-ignore-case": pattern}}], value) == (not equals)
