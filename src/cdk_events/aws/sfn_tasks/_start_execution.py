"""`StepFunctionsStartExecution`: a task that starts another state machine."""

from __future__ import annotations

from typing import Any

from cdk_events.core import ArnFormat, Construct, Stack

from ...core._errors import construct_error
from .. import iam
from ..sfn import (
    FieldUtils,
    InputType,
    IntegrationPattern,
    IStateMachine,
    JsonPath,
    QueryLanguage,
    TaskInput,
    TaskStateBase,
)
from ._task_utils import integration_resource_arn, pattern_of, validate_pattern_supported


class StepFunctionsStartExecution(TaskStateBase):
    """Start an execution of `state_machine` (mirrors `StepFunctionsStartExecution`).

    `input` defaults to the state input; `name` to a generated one; `associate_with_parent` to false.
    The role gets `states:StartExecution` (and, for RUN_JOB, what waiting for the execution needs).
    """

    _SUPPORTED = (IntegrationPattern.REQUEST_RESPONSE, IntegrationPattern.RUN_JOB,
                  IntegrationPattern.WAIT_FOR_TASK_TOKEN)

    def __init__(self, scope: Construct, id: str, *, state_machine: IStateMachine, input: TaskInput | None = None,
                 name: str | None = None, associate_with_parent: bool | None = None,
                 integration_pattern: IntegrationPattern | None = None, **props: Any):
        super().__init__(scope, id, integration_pattern=integration_pattern, **props)
        if not hasattr(state_machine, "state_machine_arn"):
            raise construct_error(self, f"'state_machine' must be a state machine (sfn.IStateMachine), "
                                        f"got {state_machine!r}")
        if input is not None and not isinstance(input, TaskInput):
            raise construct_error(self, f"'input' must be a sfn.TaskInput, got {input!r}")
        self.integration_pattern = pattern_of(self, integration_pattern)
        validate_pattern_supported(self, self.integration_pattern, self._SUPPORTED)
        if (self.integration_pattern is IntegrationPattern.WAIT_FOR_TASK_TOKEN
                and not FieldUtils.contains_task_token(input)):
            raise construct_error(self, "Task Token is required in `input` for callback. Use JsonPath.taskToken to "
                                        "set the token.")
        if associate_with_parent and input is not None and input.type is not InputType.OBJECT:
            raise construct_error(self, "Could not enable `associateWithParent` because `input` is taken directly "
                                        "from a JSON path. Use `sfn.TaskInput.fromObject` instead.")
        self.state_machine = state_machine
        self.input = input
        self.name = name
        self.associate_with_parent = associate_with_parent
        self.task_policies = self._policies()

    def _policies(self) -> list[iam.PolicyStatement]:
        stack = Stack.of(self)
        arn = self.state_machine.state_machine_arn
        statements = [iam.PolicyStatement(actions=["states:StartExecution"], resources=[arn])]
        if self.integration_pattern is IntegrationPattern.RUN_JOB:
            name = stack.split_arn(arn, ArnFormat.COLON_RESOURCE_NAME).resource_name
            statements.append(iam.PolicyStatement(
                actions=["states:DescribeExecution", "states:StopExecution"],
                resources=[stack.format_arn(service="states", resource="execution",
                                            arn_format=ArnFormat.COLON_RESOURCE_NAME, resource_name=f"{name}*")]))
            statements.append(iam.PolicyStatement(
                actions=["events:PutTargets", "events:PutRule", "events:DescribeRule"],
                resources=[stack.format_arn(service="events", resource="rule",
                                            resource_name="StepFunctionsGetEventsForStepFunctionsExecutionRule")]))
        return statements

    def _render_task(self, top_level_query_language: QueryLanguage | None) -> dict[str, Any]:
        language = self.query_language or top_level_query_language or QueryLanguage.JSON_PATH
        suffix = ":2" if self.integration_pattern is IntegrationPattern.RUN_JOB else ""
        if self.associate_with_parent:
            entry = {"AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID": (
                "{% $states.context.Execution.Id %}" if language is QueryLanguage.JSONATA
                else JsonPath.string_at("$$.Execution.Id"))}
            input_value: Any = {**self.input.value, **entry} if self.input is not None else entry
        else:
            input_value = self.input.value if self.input is not None else TaskInput.from_json_path_at("$").value
        return {
            "Resource": integration_resource_arn("states", "startExecution", self.integration_pattern) + suffix,
            **self._render_parameters_or_arguments({
                "Input": input_value,
                "StateMachineArn": self.state_machine.state_machine_arn,
                "Name": self.name,
            }, top_level_query_language),
        }
