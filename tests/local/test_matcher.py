"""Matcher: many rules at once."""

from __future__ import annotations

import pytest

from cdk_events.local import InvalidEventPatternError, Matcher

EVENT = {"source": "aws.s3", "detail-type": "Object Created", "detail": {"size": 10, "key": "a/b.png"}}


def test_add_match_delete() -> None:
    matcher = Matcher()
    matcher.add_rule("s3", {"source": ["aws.s3"]})
    matcher.add_rule("png", {"detail": {"key": [{"suffix": ".png"}]}})
    matcher.add_rule("big", {"detail": {"size": [{"numeric": [">", 100]}]}})
    matcher.add_rule("either", {"$or": [{"source": ["aws.ec2"]}, {"detail": {"size": [10]}}]})
    assert matcher.rules_for_event(EVENT) == ["s3", "png", "either"]
    matcher.delete_rule("png")
    matcher.delete_rule("unknown")
    assert matcher.rules_for_event(EVENT) == ["s3", "either"]
    assert matcher.rule_names == ["s3", "big", "either"]
    assert len(matcher) == 3 and "big" in matcher


def test_replacing_a_rule_keeps_its_position() -> None:
    matcher = Matcher()
    matcher.add_rule("first", {"source": ["nope"]})
    matcher.add_rule("second", {"source": ["aws.s3"]})
    matcher.add_rule("first", {"source": ["aws.s3"]})
    assert matcher.rules_for_event(EVENT) == ["first", "second"]


def test_invalid_rule_is_rejected_and_not_added() -> None:
    matcher = Matcher()
    with pytest.raises(InvalidEventPatternError):
        matcher.add_rule("bad", {"source": []})
    assert matcher.rule_names == []
    assert matcher.rules_for_event(EVENT) == []


def test_many_rules_share_prefix_structure() -> None:
    matcher = Matcher()
    for i in range(200):
        matcher.add_rule(f"r{i}", {"source": [f"src{i % 10}"], "detail": {"size": [{"numeric": [">=", i]}]}})
    hits = matcher.rules_for_event('{"source": "src3", "detail": {"size": 50}}')
    assert hits == [f"r{i}" for i in range(200) if i % 10 == 3 and i <= 50]


def test_array_consistency_and_dotted_event_keys() -> None:
    matcher = Matcher()
    matcher.add_rule("same", {"items": {"n": ["a"], "v": [1]}})
    assert matcher.rules_for_event({"items": [{"n": "a", "v": 2}, {"n": "b", "v": 1}]}) == []
    assert matcher.rules_for_event({"items": [{"n": "b", "v": 2}, {"n": "a", "v": 1}]}) == ["same"]
    assert matcher.rules_for_event({"items.n": "a", "items": {"v": 1}}) == ["same"]
