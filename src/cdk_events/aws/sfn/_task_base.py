"""`TaskStateBase`: the base of the service-integration tasks, `TaskInput` and `Timeout`."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any

from cdk_events.core import Construct, Duration, UnscopedValidationError

from ...core._errors import construct_error
from .. import iam
from ._basic_states import _NextableState
from ._fields import JsonPath, render_object
from ._state import chainable, render_json_path
from ._state_graph import StateGraph
from ._types import CatchProps, IChainable, IntegrationPattern, QueryLanguage, RetryProps


class InputType(Enum):
    """What a TaskInput holds (mirrors `InputType`)."""

    TEXT = 0
    OBJECT = 1


class TaskInput:
    """The input of a task (mirrors `aws_cdk.aws_stepfunctions.TaskInput`)."""

    def __init__(self, type: InputType, value: Any):
        self.type = type
        self.value = value

    @staticmethod
    def from_text(text: str) -> TaskInput:
        """A literal string (maybe JSON text)."""
        return TaskInput(InputType.TEXT, text)

    @staticmethod
    def from_object(obj: Mapping[str, Any]) -> TaskInput:
        """An object, whose values may be JsonPath fields."""
        if not isinstance(obj, Mapping):
            raise UnscopedValidationError(f"TaskInput.from_object: 'obj' must be a dict, got {obj!r}")
        return TaskInput(InputType.OBJECT, dict(obj))

    @staticmethod
    def from_json_path_at(path: str) -> TaskInput:
        """The value at a JSON path of the state or the context."""
        return TaskInput(InputType.TEXT, JsonPath.string_at(path))


class Timeout:
    """A task or heartbeat timeout (mirrors `aws_cdk.aws_stepfunctions.Timeout`)."""

    def __init__(self, *, seconds: float | None = None, path: str | None = None):
        self.seconds = seconds
        self.path = path

    @staticmethod
    def duration(duration: Duration) -> Timeout:
        """A fixed timeout."""
        return Timeout(seconds=duration.to_seconds())

    @staticmethod
    def at(path: str) -> Timeout:
        """A timeout read from the state input."""
        return Timeout(path=path)


class TaskStateBase(_NextableState):
    """The base of the service-integration tasks (mirrors `TaskStateBase`).

    Subclasses set `task_policies` (statements added to the state machine role) and implement
    `_render_task`. `task_timeout`, `heartbeat_timeout`, `credentials` default to none.
    """

    task_policies: list[iam.PolicyStatement] | None = None

    def __init__(self, scope: Construct, id: str, *, state_name: str | None = None, comment: str | None = None,
                 query_language: QueryLanguage | None = None, input_path: str | None = None,
                 output_path: str | None = None, result_path: str | None = None,
                 result_selector: Mapping[str, Any] | None = None, timeout: Duration | None = None,
                 task_timeout: Timeout | None = None, heartbeat: Duration | None = None,
                 heartbeat_timeout: Timeout | None = None, integration_pattern: IntegrationPattern | None = None,
                 credentials: Any = None, outputs: Any = None, assign: Mapping[str, Any] | None = None):
        super().__init__(scope, id, state_name=state_name, comment=comment, query_language=query_language,
                         input_path=input_path, output_path=output_path, result_path=result_path,
                         result_selector=result_selector, outputs=outputs, assign=assign)
        for prop, duration in (("timeout", timeout), ("heartbeat", heartbeat)):
            if duration is not None and not isinstance(duration, Duration):
                raise construct_error(self, f"'{prop}' must be a Duration, got {duration!r}")
        for prop, limit in (("task_timeout", task_timeout), ("heartbeat_timeout", heartbeat_timeout)):
            if limit is not None and not isinstance(limit, Timeout):
                raise construct_error(self, f"'{prop}' must be a sfn.Timeout, got {limit!r}")
        if integration_pattern is not None and not isinstance(integration_pattern, IntegrationPattern):
            raise construct_error(self, f"'integration_pattern' must be a sfn.IntegrationPattern, "
                                        f"got {integration_pattern!r}")
        self.timeout = timeout
        self.task_timeout = task_timeout
        self.heartbeat = heartbeat
        self.heartbeat_timeout = heartbeat_timeout
        self.credentials = credentials

    def add_retry(self, props: RetryProps | Mapping[str, Any] | None = None) -> TaskStateBase:
        """Retry the task on errors (`errors` default [States.ALL])."""
        self._add_retry(props)
        return self

    def add_catch(self, handler: IChainable, props: CatchProps | Mapping[str, Any] | None = None) -> TaskStateBase:
        """Continue at `handler` on errors (`errors` default [States.ALL])."""
        chainable(self, "handler", handler)
        self._add_catch(handler.start_state, props)
        return self

    def when_bound_to_graph(self, graph: StateGraph) -> None:
        """Register the state and the statements the state machine role needs for it."""
        super().when_bound_to_graph(graph)
        for statement in self.task_policies or []:
            graph.register_policy_statement(statement)
        if self.credentials is not None:
            graph.register_policy_statement(iam.PolicyStatement(
                effect=iam.Effect.ALLOW, actions=["sts:AssumeRole"], resources=[self.credentials.role.resource]))

    def to_state_json(self, top_level_query_language: QueryLanguage | None = None) -> dict[str, Any]:
        """The task as Amazon States Language JSON."""
        return {
            **self.render_next_end(),
            **self.render_retry_catch(),
            **self._render_task_base(top_level_query_language),
            **self._render_task(top_level_query_language),
            **self.render_assign(),
        }

    def _render_task(self, top_level_query_language: QueryLanguage | None) -> dict[str, Any]:
        raise NotImplementedError

    def _render_parameters_or_arguments(self, params: Mapping[str, Any],
                                        top_level_query_language: QueryLanguage | None) -> dict[str, Any]:
        language = self.query_language or top_level_query_language or QueryLanguage.JSON_PATH
        if language is QueryLanguage.JSONATA:
            return {"Arguments": {k: v for k, v in params.items() if v is not None}}
        return {"Parameters": render_object(dict(params))}

    def _render_task_base(self, top_level_query_language: QueryLanguage | None) -> dict[str, Any]:
        credentials = None
        if self.credentials is not None:
            credentials = render_object({"Credentials": {"RoleArn": self.credentials.role.role_arn}})
        return {
            "Type": "Task",
            **self.render_query_language(top_level_query_language),
            "Comment": self.comment,
            "TimeoutSeconds": (self.timeout.to_seconds() if self.timeout is not None
                               else self.task_timeout.seconds if self.task_timeout is not None else None),
            "TimeoutSecondsPath": self.task_timeout.path if self.task_timeout is not None else None,
            "HeartbeatSeconds": (self.heartbeat.to_seconds() if self.heartbeat is not None
                                 else self.heartbeat_timeout.seconds if self.heartbeat_timeout is not None else None),
            "HeartbeatSecondsPath": self.heartbeat_timeout.path if self.heartbeat_timeout is not None else None,
            "InputPath": render_json_path(self.input_path),
            "OutputPath": render_json_path(self.output_path),
            "ResultPath": render_json_path(self.result_path),
            **self.render_result_selector(),
            **(credentials or {}),
        }
