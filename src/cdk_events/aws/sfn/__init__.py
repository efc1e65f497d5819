"""cdk_events.aws.sfn: Step Functions state machines, defined in the app (states, chains, definition
bodies) or imported by ARN or name (the `aws_cdk.aws_stepfunctions` counterpart)."""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._basic_states import Fail, Pass, Result, Succeed, Wait, WaitTime
    from ._cfn_generated import CfnStateMachine
    from ._chain import Chain
    from ._choice import Choice
    from ._condition import Condition
    from ._definition import ChainDefinitionBody, DefinitionBody, FileDefinitionBody, StringDefinitionBody
    from ._fields import FieldUtils, JsonPath
    from ._map import Map
    from ._parallel import Parallel
    from ._state import State
    from ._state_graph import StateGraph
    from ._state_machine import IStateMachine, StateMachine, StateMachineBase
    from ._task_base import InputType, TaskInput, TaskStateBase, Timeout
    from ._types import (
        CatchProps,
        Errors,
        IChainable,
        INextable,
        IntegrationPattern,
        JitterType,
        LogLevel,
        LogOptions,
        ProcessorConfig,
        ProcessorMode,
        ProcessorType,
        QueryLanguage,
        RetryProps,
        StateMachineType,
    )

__all__ = [
    "CatchProps", "CfnStateMachine", "Chain", "ChainDefinitionBody", "Choice", "Condition", "DefinitionBody", "Errors",
    "Fail", "FieldUtils", "FileDefinitionBody", "IChainable", "INextable", "IStateMachine", "InputType",
    "IntegrationPattern", "JitterType", "JsonPath", "LogLevel", "LogOptions", "Map", "Parallel", "Pass",
    "ProcessorConfig", "ProcessorMode", "ProcessorType", "QueryLanguage", "Result", "RetryProps", "State",
    "StateGraph", "StateMachine", "StateMachineBase", "StateMachineType", "StringDefinitionBody", "Succeed",
    "TaskInput", "TaskStateBase", "Timeout", "Wait", "WaitTime",
]

lazy_exports(globals(), {
    "Fail": "._basic_states",
    "Pass": "._basic_states",
    "Result": "._basic_states",
    "Succeed": "._basic_states",
    "Wait": "._basic_states",
    "WaitTime": "._basic_states",
    "CfnStateMachine": "._cfn_generated",
    "Chain": "._chain",
    "Choice": "._choice",
    "Condition": "._condition",
    "ChainDefinitionBody": "._definition",
    "DefinitionBody": "._definition",
    "FileDefinitionBody": "._definition",
    "StringDefinitionBody": "._definition",
    "FieldUtils": "._fields",
    "JsonPath": "._fields",
    "Map": "._map",
    "Parallel": "._parallel",
    "State": "._state",
    "StateGraph": "._state_graph",
    "IStateMachine": "._state_machine",
    "StateMachine": "._state_machine",
    "StateMachineBase": "._state_machine",
    "InputType": "._task_base",
    "TaskInput": "._task_base",
    "TaskStateBase": "._task_base",
    "Timeout": "._task_base",
    "CatchProps": "._types",
    "Errors": "._types",
    "IChainable": "._types",
    "IntegrationPattern": "._types",
    "INextable": "._types",
    "JitterType": "._types",
    "LogLevel": "._types",
    "LogOptions": "._types",
    "ProcessorConfig": "._types",
    "ProcessorMode": "._types",
    "ProcessorType": "._types",
    "QueryLanguage": "._types",
    "RetryProps": "._types",
    "StateMachineType": "._types",
})
