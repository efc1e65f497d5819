"""Shared Step Functions types: the chainable protocols, error names, retry/catch props, the enums."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import attrs

from cdk_events.core import Duration

from ...core._struct_methods import struct_methods

if TYPE_CHECKING:
    from ._chain import Chain
    from ._state import State


@runtime_checkable
class IChainable(Protocol):
    """Something that can be chained onto: a state, a chain, a fragment (mirrors `IChainable`)."""

    @property
    def id(self) -> str: ...

    @property
    def start_state(self) -> State: ...

    @property
    def end_states(self) -> list[INextable]: ...


@runtime_checkable
class INextable(Protocol):
    """A state (or adapter) that can be followed by another one (mirrors `INextable`)."""

    def next(self, state: IChainable) -> Chain: ...


class QueryLanguage(Enum):
    """The query language of a state machine or a state (mirrors `QueryLanguage`); default JSON_PATH."""

    JSON_PATH = "JSONPath"
    JSONATA = "JSONata"


class StateMachineType(Enum):
    """STANDARD (the default) or EXPRESS state machines (mirrors `StateMachineType`)."""

    EXPRESS = "EXPRESS"
    STANDARD = "STANDARD"


class LogLevel(Enum):
    """Which execution history events are logged (mirrors `LogLevel`); default ERROR."""

    OFF = "OFF"
    ALL = "ALL"
    ERROR = "ERROR"
    FATAL = "FATAL"


class IntegrationPattern(Enum):
    """How a task waits for its service (mirrors `IntegrationPattern`); most tasks default to REQUEST_RESPONSE."""

    REQUEST_RESPONSE = "REQUEST_RESPONSE"
    RUN_JOB = "RUN_JOB"
    WAIT_FOR_TASK_TOKEN = "WAIT_FOR_TASK_TOKEN"


class ProcessorMode(Enum):
    """How a Map state runs its item processor (mirrors `ProcessorMode`); default INLINE."""

    INLINE = "INLINE"
    DISTRIBUTED = "DISTRIBUTED"


class ProcessorType(Enum):
    """The execution type of a distributed Map's child workflows (mirrors `ProcessorType`)."""

    STANDARD = "STANDARD"
    EXPRESS = "EXPRESS"


class JitterType(Enum):
    """Whether retries are jittered (mirrors `JitterType`)."""

    FULL = "FULL"
    NONE = "NONE"


class Errors:
    """Predefined error names of the Amazon States Language (mirrors `Errors`)."""

    ALL = "States.ALL"
    HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout"
    TIMEOUT = "States.Timeout"
    TASKS_FAILED = "States.TaskFailed"
    PERMISSIONS = "States.Permissions"
    RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure"
    PARAMETER_PATH_FAILURE = "States.ParameterPathFailure"
    BRANCH_FAILED = "States.BranchFailed"
    NO_CHOICE_MATCHED = "States.NoChoiceMatched"


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class RetryProps:
    """A retrier (mirrors `RetryProps`): `errors` default [States.ALL]; the service defaults otherwise
    (1 second interval, 3 attempts, backoff rate 2)."""

    errors: list[str] | None = None
    interval: Duration | None = None
    max_attempts: int | None = None
    backoff_rate: float | None = None
    max_delay: Duration | None = None
    jitter_strategy: JitterType | None = None


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class CatchProps:
    """An error handler's options (mirrors `CatchProps`): `errors` default [States.ALL], `result_path` default $."""

    errors: list[str] | None = None
    result_path: str | None = None


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class ProcessorConfig:
    """How a Map state's item processor runs (mirrors `ProcessorConfig`); default mode INLINE."""

    mode: ProcessorMode | None = None
    execution_type: ProcessorType | None = None


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class LogOptions:
    """Where and what a state machine logs (mirrors `LogOptions`): `level` default ERROR,
    `include_execution_data` default false; `destination` (a log group) is required unless level is OFF."""

    destination: Any = None
    include_execution_data: bool | None = None
    level: LogLevel | None = None

