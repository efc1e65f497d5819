"""`Duration`: conversions with the CDK's arithmetic and messages (spec §1.5)."""

from __future__ import annotations

import pytest

from cdk_events.core import Duration, Intrinsic, Token, ValidationError


def test_whole_conversions() -> None:
    assert Duration.minutes(60).to_hours() == 1
    assert Duration.hours(24).to_days() == 1
    assert Duration.seconds(60).to_minutes() == 1
    assert Duration.millis(60000).to_minutes() == 1
    assert Duration.days(1.5).to_hours() == 36
    assert Duration.hours(2).to_seconds() == 7200
    assert Duration.minutes(90).to_hours(integral=False) == 1.5


def test_not_whole_messages() -> None:
    with pytest.raises(ValidationError) as info:
        Duration.seconds(90).to_minutes()
    assert str(info.value) == "'90 seconds' cannot be converted into a whole number of minutes."
    with pytest.raises(ValidationError) as info:
        Duration.minutes(1.5).to_minutes()
    assert str(info.value) == "1.5 must be a whole number of minutes."


def test_token_amounts() -> None:
    amount = Token.as_number(Intrinsic({"Ref": "P"}))
    duration = Duration.minutes(amount)
    assert duration.is_unresolved()
    assert duration.to_minutes() == amount
    with pytest.raises(ValidationError) as info:
        duration.to_seconds()
    assert str(info.value) == (
        "Duration must be specified as 'Duration.seconds()' here since its value comes from a "
        "token and cannot be converted (got Duration.minutes)"
    )


def test_negative_amounts_are_rejected() -> None:
    with pytest.raises(ValidationError) as info:
        Duration.seconds(-1)
    assert str(info.value) == "Duration amounts cannot be negative. Received: -1"


def test_strings() -> None:
    assert Duration.seconds(90).to_human_string() == "1 minute 30 seconds"
    assert Duration.minutes(1).to_human_string() == "1 minute"
    assert Duration.hours(0).to_human_string() == "0 hours"
    assert Duration.days(2).to_iso_string() == "P2D"
    assert Duration.millis(1500).to_iso_string() == "PT1.5S"
    assert Duration.seconds(0).to_iso_string() == "PT0S"
    assert Duration.hours(25).to_iso_string() == "P1DT1H"
    assert repr(Duration.minutes(5)) == "Duration.minutes(5)"
    assert Duration.minutes(5).unit_label() == "minutes"


def test_plus_and_minus_use_the_finer_unit() -> None:
    total = Duration.minutes(1).plus(Duration.seconds(30))
    assert repr(total) == "Duration.seconds(90)"
    assert total.to_seconds() == 90
    assert repr(Duration.hours(1).minus(Duration.minutes(15))) == "Duration.minutes(45)"
