"""`Match`: every helper's rendering and error (spec §1.4), and the compat golden `match_helpers`."""

from __future__ import annotations

import pytest
from events_support import assert_same_as_golden, golden_error, golden_template, synth_template

from cdk_events import EventPattern, Match, Rule
from cdk_events.core import CdkEventsError, Stack, ValidationError


def _render(env, matcher):
    app = env.app()
    stack = Stack(app, "S")
    Rule(stack, "Rule", event_pattern=EventPattern(source=["a"], detail={"f": matcher}))
    return synth_template(app, stack)["Resources"]["Rule4C995B7F"]["Properties"]["EventPattern"]["detail"]["f"]


@pytest.mark.parametrize(("helper", "expected"), [
    (lambda: Match.null_value(), [None]),
    (lambda: Match.exists(), [{"exists": True}]),
    (lambda: Match.does_not_exist(), [{"exists": False}]),
    (lambda: Match.exact_string("v"), ["v"]),
    (lambda: Match.equals_ignore_case("v"), [{"equals-ignore-case": "v"}]),
    (lambda: Match.prefix("v"), [{"prefix": "v"}]),
    (lambda: Match.suffix("v"), [{"suffix": "v"}]),
    (lambda: Match.prefix_equals_ignore_case("v"), [{"prefix": {"equals-ignore-case": "v"}}]),
    (lambda: Match.suffix_equals_ignore_case("v"), [{"suffix": {"equals-ignore-case": "v"}}]),
    (lambda: Match.wildcard("v*"), [{"wildcard": "v*"}]),
    (lambda: Match.cidr("10.0.0.0/24"), [{"cidr": "10.0.0.0/24"}]),
    (lambda: Match.ip_address_range("10.0.0.0/24"), [{"cidr": "10.0.0.0/24"}]),
    (lambda: Match.anything_but("a"), [{"anything-but": ["a"]}]),
    (lambda: Match.anything_but(1, 2), [{"anything-but": [1, 2]}]),
    (lambda: Match.anything_but_prefix("a"), [{"anything-but": {"prefix": "a"}}]),
    (lambda: Match.anything_but_prefix("a", "b"), [{"anything-but": {"prefix": ["a", "b"]}}]),
    (lambda: Match.anything_but_suffix("a"), [{"anything-but": {"suffix": "a"}}]),
    (lambda: Match.anything_but_wildcard("a*"), [{"anything-but": {"wildcard": "a*"}}]),
    (lambda: Match.anything_but_equals_ignore_case("a", "b"), [{"anything-but": {"equals-ignore-case": ["a", "b"]}}]),
    (lambda: Match.greater_than(1), [{"numeric": [">", 1]}]),
    (lambda: Match.greater_than_or_equal(1), [{"numeric": [">=", 1]}]),
    (lambda: Match.less_than(1), [{"numeric": ["<", 1]}]),
    (lambda: Match.less_than_or_equal(1), [{"numeric": ["<=", 1]}]),
    (lambda: Match.equal(1), [{"numeric": ["=", 1]}]),
    (lambda: Match.interval(0, 10), [{"numeric": [">=", 0, "<=", 10]}]),
    (lambda: Match.all_of(Match.greater_than(0), Match.less_than_or_equal(5)), [{"numeric": [">", 0, "<=", 5]}]),
    (lambda: Match.any_of(Match.prefix("a"), Match.exact_string("lit"), Match.exists()),
     [{"prefix": "a"}, "lit", {"exists": True}]),
])
def test_helper_renders_as_the_spec_says(env, helper, expected):
    assert _render(env, helper()) == expected


def test_a_matcher_spliced_into_a_longer_list(env):
    assert _render(env, ["a", *Match.prefix("b")]) == ["a", {"prefix": "b"}]


def test_matchers_work_in_top_level_fields(env):
    app = env.app()
    stack = Stack(app, "S")
    Rule(stack, "Rule", event_pattern=EventPattern(source=Match.prefix("aws."), account=Match.anything_but("1")))
    pattern = synth_template(app, stack)["Resources"]["Rule4C995B7F"]["Properties"]["EventPattern"]
    assert pattern == {"account": [{"anything-but": ["1"]}], "source": [{"prefix": "aws."}]}


# --- errors -------------------------------------------------------------------------------------

@pytest.mark.parametrize("bad", ["10.0.0.0/33", "not an ip", "10.0.0/8"])
def test_cidr_rejects_what_is_not_a_range(bad):
    with pytest.raises(ValidationError) as error:
        Match.cidr(bad)
    assert str(error.value).startswith(f"Invalid IP address range: {bad} (")  # the CDK's text, then what is allowed
    assert "CIDR block" in str(error.value)


@pytest.mark.parametrize("good", ["10.0.0.0", "10.0.0.0/32", "2001:db8::/32", "::1"])
def test_cidr_accepts_ipv4_and_ipv6(good):
    assert Match.cidr(good)


def test_anything_but_needs_values():
    with pytest.raises(ValidationError, match=r"^anythingBut matchers must be non-empty lists$"):
        Match.anything_but()
    with pytest.raises(ValidationError, match=r"^anythingBut matchers must be non-empty lists$"):
        Match.anything_but_prefix()


def test_anything_but_rejects_mixed_types():
    with pytest.raises(ValidationError) as error:
        Match.anything_but("a", 1)
    assert str(error.value).startswith("anythingBut matchers must be lists that contain only strings or only numbers.")
    assert "Match.anything_but got" in str(error.value)


def test_interval_rejects_lower_above_upper():
    with pytest.raises(ValidationError) as error:
        Match.interval(5, 1)
    assert str(error.value) == "Invalid interval: [5, 1]"


def test_all_of_and_any_of_need_at_least_one_matcher():
    for helper in (Match.all_of, Match.any_of):
        with pytest.raises(ValidationError) as error:
            helper()
        assert str(error.value) == "A list of matchers must contain at least one element."
    assert "A list of matchers must contain at least one element." in golden_error("error_match_any_of_empty")


def test_all_of_non_numeric_fails_at_synth(env):
    app = env.app()
    Rule(Stack(app, "ErrStack"), "Rule", event_pattern=EventPattern(
        detail={"name": Match.all_of(Match.prefix("a"), Match.suffix("z"))}))
    with pytest.raises(CdkEventsError) as error:
        app.synth()
    message = str(error.value)
    assert message.startswith("[ErrStack/Rule] Only numeric matchers can be merged into a single matcher.")
    assert '[{"prefix":"a"},{"suffix":"z"}]' in message
    assert "Only numeric matchers can be merged into a single matcher." in golden_error("error_match_all_of_strings")


# --- compat golden ------------------------------------------------------------------------------

def test_match_helpers_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "MatchStack")
    M = Match

    def rule(rule_id, matcher, **top):
        Rule(stack, rule_id, event_pattern=EventPattern(source=["com.example"], detail={"field": matcher}, **top))

    rule("Prefix", M.prefix("raw-"))
    rule("Suffix", M.suffix(".png"))
    rule("Wildcard", M.wildcard("path/to/*.txt"))
    rule("ExactString", M.exact_string("DEEP_ARCHIVE"))
    rule("EqualsIgnoreCase", M.equals_ignore_case("Object Created"))
    rule("PrefixEqualsIgnoreCase", M.prefix_equals_ignore_case("RAW-"))
    rule("SuffixEqualsIgnoreCase", M.suffix_equals_ignore_case(".AMAZONAWS.COM"))
    rule("AnythingButOne", M.anything_but("a"))
    rule("AnythingButMany", M.anything_but("a", "b", "c"))
    rule("AnythingButNumbers", M.anything_but(1, 2.5, 3))
    rule("AnythingButPrefixOne", M.anything_but_prefix("foo"))
    rule("AnythingButPrefixMany", M.anything_but_prefix("foo", "bar"))
    rule("AnythingButSuffixOne", M.anything_but_suffix(".gif"))
    rule("AnythingButSuffixMany", M.anything_but_suffix(".gif", ".png"))
    rule("AnythingButWildcardOne", M.anything_but_wildcard("*.amazonaws.com"))
    rule("AnythingButWildcardMany", M.anything_but_wildcard("*.amazonaws.com", "123456789012"))
    rule("AnythingButEqualsIgnoreCaseOne", M.anything_but_equals_ignore_case("x"))
    rule("AnythingButEqualsIgnoreCaseMany", M.anything_but_equals_ignore_case("object created", "object deleted"))
    rule("Exists", M.exists())
    rule("DoesNotExist", M.does_not_exist())
    rule("NullValue", M.null_value())
    rule("GreaterThan", M.greater_than(1024))
    rule("GreaterThanOrEqual", M.greater_than_or_equal(0.5))
    rule("LessThan", M.less_than(-1))
    rule("LessThanOrEqual", M.less_than_or_equal(100))
    rule("Equal", M.equal(42))
    rule("Interval", M.interval(0, 10))
    rule("IntervalPoint", M.interval(5, 5))
    rule("Cidr", M.cidr("10.0.0.0/24"))
    rule("CidrV6", M.cidr("2001:db8::/32"))
    rule("IpAddressRange", M.ip_address_range("192.168.0.0/16"))
    rule("AnyOf", M.any_of(M.prefix("GLACIER"), M.exact_string("DEEP_ARCHIVE")))
    rule("AnyOfSingle", M.any_of(M.suffix(".jpg")))
    rule("AllOfNumeric", M.all_of(M.greater_than(0), M.less_than_or_equal(5)))
    rule("AllOfSingle", M.all_of(M.greater_than(0)))
    rule("LiteralPlusMatcher", ["literal", *M.prefix("p-")])
    Rule(stack, "TopLevel", event_pattern=EventPattern(
        source=M.prefix("aws."),
        detail_type=M.equals_ignore_case("object created"),
        region=M.anything_but_prefix("us-gov"),
        account=M.anything_but("111111111111", "222222222222"),
        resources=M.wildcard("arn:aws:s3:::my-bucket/*"),
    ))
    Rule(stack, "Nested", event_pattern=EventPattern(
        source=["aws.s3"],
        detail={"object": {"size": M.greater_than(1024), "meta": {"type": M.anything_but("image/png")}}},
    ))
    assert_same_as_golden(synth_template(app, stack), golden_template("match_helpers", "MatchStack"))
