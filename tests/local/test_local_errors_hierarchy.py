"""The local engine's errors belong to the one hierarchy under `CdkEventsError`, and stay `ValueError`s."""

from __future__ import annotations

import pytest

from cdk_events.core import CdkEventsError
from cdk_events.local import (
    InvalidEventError,
    InvalidEventPatternError,
    InvalidInputError,
    InvalidScheduleError,
    LocalEngineError,
    UndeliverableInputError,
    validate_event_pattern,
)


@pytest.mark.parametrize("error", [InvalidEventError, InvalidEventPatternError, InvalidInputError,
                                   InvalidScheduleError, UndeliverableInputError])
def test_every_local_error_is_a_cdk_events_error_and_a_value_error(error: type[Exception]) -> None:
    assert issubclass(error, LocalEngineError)
    assert issubclass(error, CdkEventsError)
    assert issubclass(error, ValueError)


def test_a_rejected_pattern_is_caught_as_a_cdk_events_error() -> None:
    with pytest.raises(CdkEventsError, match="Event pattern is not valid"):
        validate_event_pattern({"source": "aws.ec2"})
