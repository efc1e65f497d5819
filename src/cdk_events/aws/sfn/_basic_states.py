"""The simple states: `Pass` (with `Result`), `Wait` (with `WaitTime`), `Succeed` and `Fail`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cdk_events.core import Construct, Duration, Token, UnscopedValidationError

from ...core._errors import construct_error
from ._chain import Chain
from ._state import State, chainable, render_json_path
from ._types import IChainable, INextable, QueryLanguage


class Result:
    """The fixed result of a Pass state (mirrors `aws_cdk.aws_stepfunctions.Result`)."""

    def __init__(self, value: Any):
        self.value = value

    @staticmethod
    def from_string(value: str) -> Result:
        """A string result."""
        return Result(value)

    @staticmethod
    def from_number(value: float) -> Result:
        """A number result."""
        return Result(value)

    @staticmethod
    def from_boolean(value: bool) -> Result:
        """A boolean result."""
        return Result(value)

    @staticmethod
    def from_object(value: Mapping[str, Any]) -> Result:
        """An object result."""
        return Result(dict(value))

    @staticmethod
    def from_array(value: list[Any]) -> Result:
        """An array result."""
        return Result(list(value))


class _NextableState(State):
    """A state that a chain continues from."""

    @property
    def end_states(self) -> list[INextable]:
        """This state."""
        return [self]

    def next(self, next: IChainable) -> Chain:
        """Continue with `next`; returns the chain."""
        chainable(self, "next", next)
        self.make_next(next.start_state)
        return Chain.sequence(self, next)


class Pass(_NextableState):
    """A Pass state (mirrors `aws_cdk.aws_stepfunctions.Pass`): passes its input on, optionally
    replaced by `result` or shaped by `parameters`. `result_path`, `input_path`, `output_path` default `$`.
    """

    def __init__(self, scope: Construct, id: str, *, state_name: str | None = None, comment: str | None = None,
                 query_language: QueryLanguage | None = None, input_path: str | None = None,
                 output_path: str | None = None, result_path: str | None = None, result: Result | None = None,
                 parameters: Mapping[str, Any] | None = None, outputs: Any = None,
                 assign: Mapping[str, Any] | None = None):
        super().__init__(scope, id, state_name=state_name, comment=comment, query_language=query_language,
                         input_path=input_path, output_path=output_path, result_path=result_path,
                         parameters=parameters, outputs=outputs, assign=assign)
        if result is not None and not isinstance(result, Result):
            raise construct_error(self, f"'result' must be a sfn.Result (Result.from_object(...), ...), "
                                        f"got {result!r}")
        self.result = result

    def to_state_json(self, top_level_query_language: QueryLanguage | None = None) -> dict[str, Any]:
        """The Pass state as Amazon States Language JSON."""
        return {
            "Type": "Pass",
            **self.render_query_language(top_level_query_language),
            "Comment": self.comment,
            "Result": self.result.value if self.result is not None else None,
            "ResultPath": render_json_path(self.result_path),
            **self.render_input_output(),
            **self.render_parameters(),
            **self.render_next_end(),
            **self.render_assign(),
        }


class WaitTime:
    """How long a Wait state waits (mirrors `aws_cdk.aws_stepfunctions.WaitTime`)."""

    def __init__(self, json: dict[str, Any]):
        self._json = json

    @staticmethod
    def duration(duration: Duration) -> WaitTime:
        """A fixed time (`Seconds`)."""
        if not isinstance(duration, Duration):
            raise UnscopedValidationError(f"WaitTime.duration: 'duration' must be a Duration, got {duration!r}")
        return WaitTime({"Seconds": duration.to_seconds()})

    @staticmethod
    def timestamp(timestamp: str) -> WaitTime:
        """Until an ISO 8601 timestamp (`Timestamp`)."""
        return WaitTime({"Timestamp": timestamp})

    @staticmethod
    def seconds_path(path: str) -> WaitTime:
        """A number of seconds read from the state (`SecondsPath`)."""
        return WaitTime({"SecondsPath": path})

    @staticmethod
    def timestamp_path(path: str) -> WaitTime:
        """Until a timestamp read from the state (`TimestampPath`)."""
        return WaitTime({"TimestampPath": path})

    @staticmethod
    def seconds(seconds: str) -> WaitTime:
        """A JSONata expression for the seconds (`Seconds`)."""
        return WaitTime({"Seconds": seconds})


class Wait(_NextableState):
    """A Wait state (mirrors `aws_cdk.aws_stepfunctions.Wait`): waits for `time`."""

    def __init__(self, scope: Construct, id: str, *, time: WaitTime, state_name: str | None = None,
                 comment: str | None = None, query_language: QueryLanguage | None = None,
                 assign: Mapping[str, Any] | None = None):
        super().__init__(scope, id, state_name=state_name, comment=comment, query_language=query_language,
                         assign=assign)
        if not isinstance(time, WaitTime):
            raise construct_error(self, f"'time' must be a sfn.WaitTime (WaitTime.duration(...), ...), got {time!r}")
        self.time = time

    def to_state_json(self, top_level_query_language: QueryLanguage | None = None) -> dict[str, Any]:
        """The Wait state as Amazon States Language JSON."""
        return {
            "Type": "Wait",
            **self.render_query_language(top_level_query_language),
            "Comment": self.comment,
            **self.time._json,
            **self.render_next_end(),
            **self.render_assign(),
        }


class Succeed(State):
    """A Succeed state (mirrors `aws_cdk.aws_stepfunctions.Succeed`): ends the execution successfully."""

    def __init__(self, scope: Construct, id: str, *, state_name: str | None = None, comment: str | None = None,
                 query_language: QueryLanguage | None = None, input_path: str | None = None,
                 output_path: str | None = None, outputs: Any = None):
        super().__init__(scope, id, state_name=state_name, comment=comment, query_language=query_language,
                         input_path=input_path, output_path=output_path, outputs=outputs)

    def to_state_json(self, top_level_query_language: QueryLanguage | None = None) -> dict[str, Any]:
        """The Succeed state as Amazon States Language JSON."""
        return {
            "Type": "Succeed",
            **self.render_query_language(top_level_query_language),
            "Comment": self.comment,
            **self.render_input_output(),
            "Output": self.outputs,
        }


_FAIL_INTRINSICS = ("States.Format", "States.JsonToString", "States.ArrayGetItem", "States.Base64Encode",
                    "States.Base64Decode", "States.Hash", "States.UUID")


def _is_intrinsic(path: str | None) -> bool:
    return path is not None and not Token.is_unresolved(path) and not path.startswith("$")


class Fail(State):
    """A Fail state (mirrors `aws_cdk.aws_stepfunctions.Fail`): ends the execution with `error` and
    `cause` (or `error_path` / `cause_path`); all default to none."""

    def __init__(self, scope: Construct, id: str, *, state_name: str | None = None, comment: str | None = None,
                 query_language: QueryLanguage | None = None, error: str | None = None,
                 error_path: str | None = None, cause: str | None = None, cause_path: str | None = None):
        super().__init__(scope, id, state_name=state_name, comment=comment, query_language=query_language)
        for prop, value in (("error", error), ("error_path", error_path), ("cause", cause),
                            ("cause_path", cause_path)):
            if value is not None and not isinstance(value, str):
                raise construct_error(self, f"'{prop}' must be a string, got {value!r}")
        self.error = error
        self.error_path = error_path
        self.cause = cause
        self.cause_path = cause_path

    def to_state_json(self, top_level_query_language: QueryLanguage | None = None) -> dict[str, Any]:
        """The Fail state as Amazon States Language JSON."""
        return {
            "Type": "Fail",
            **self.render_query_language(top_level_query_language),
            "Comment": self.comment,
            "Error": self.error,
            "ErrorPath": self.error_path if _is_intrinsic(self.error_path) else render_json_path(self.error_path),
            "Cause": self.cause,
            "CausePath": self.cause_path if _is_intrinsic(self.cause_path) else render_json_path(self.cause_path),
        }

    def validate_state(self) -> list[str]:
        """The CDK's checks: allowed intrinsics in the paths; not both a value and a path."""
        errors: list[str] = []
        allowed = ", ".join(_FAIL_INTRINSICS)
        if self.error_path and _is_intrinsic(self.error_path) and not self.error_path.startswith(_FAIL_INTRINSICS):
            errors.append(f"You must specify a valid intrinsic function in errorPath. Must be one of {allowed}")
        if self.cause_path and _is_intrinsic(self.cause_path) and not self.cause_path.startswith(_FAIL_INTRINSICS):
            errors.append(f"You must specify a valid intrinsic function in causePath. Must be one of {allowed}")
        if self.error and self.error_path:
            errors.append("Fail state cannot have both error and errorPath")
        if self.cause and self.cause_path:
            errors.append("Fail state cannot have both cause and causePath")
        return errors
