"""Targets whose only extra is the permission on the role: Lambda, SNS, Step Functions, Firehose, CodeBuild,
CodePipeline, Inspector and SageMaker."""

from __future__ import annotations

from typing import Any

import attrs

from cdk_events.aws import iam
from cdk_events.aws.firehose import IDeliveryStream
from cdk_events.aws.inspector import CfnAssessmentTemplate, IAssessmentTemplate
from cdk_events.aws.lambda_ import IFunction
from cdk_events.aws.sagemaker import IPipeline
from cdk_events.aws.sfn import IStateMachine
from cdk_events.aws.sns import ITopic
from cdk_events.aws.sqs import IQueue
from cdk_events.core import Duration, UnscopedValidationError
from cdk_events.core._token_encoding import is_unresolved
from cdk_events.scheduler import CfnSchedule, ISchedule, ScheduleTargetConfig, ScheduleTargetInput

from ._base import ScheduleTargetBase, base_props

_BASE_DOC = ("Keywords of every target: `role` (default: created and shared per target ARN), `dead_letter_queue`, "
             "`input`, `max_event_age` (default 24 h), `retry_attempts` (default 185).")


def _require(target: str, prop: str, value: Any, attribute: str, what: str) -> None:
    if value is None or not hasattr(value, attribute):
        raise UnscopedValidationError(f"{target}: '{prop}' must be {what}, got {value!r}")


class LambdaInvoke(ScheduleTargetBase):
    """Invoke a Lambda function (mirrors `aws_scheduler_targets.LambdaInvoke`); the role gets
    `lambda:InvokeFunction`."""

    def __init__(self, func: IFunction, *, dead_letter_queue: IQueue | None = None,
                 input: ScheduleTargetInput | None = None, max_event_age: Duration | None = None,
                 retry_attempts: int | None = None, role: iam.IRole | None = None) -> None:
        _require("LambdaInvoke", "func", func, "function_arn", "a Lambda function (lambda_.IFunction)")
        super().__init__(base_props(role, dead_letter_queue, input, max_event_age, retry_attempts), func.function_arn)
        self._func = func

    def _add_target_action_to_role(self, role: iam.IRole) -> None:
        self._func.grant_invoke(role)


class SnsPublish(ScheduleTargetBase):
    """Publish to an SNS topic (mirrors `aws_scheduler_targets.SnsPublish`); the role gets `sns:Publish` (and
    the topic key's `kms:Decrypt` / `kms:GenerateDataKey*`)."""

    def __init__(self, topic: ITopic, *, dead_letter_queue: IQueue | None = None,
                 input: ScheduleTargetInput | None = None, max_event_age: Duration | None = None,
                 retry_attempts: int | None = None, role: iam.IRole | None = None) -> None:
        _require("SnsPublish", "topic", topic, "topic_arn", "an SNS topic (sns.ITopic)")
        super().__init__(base_props(role, dead_letter_queue, input, max_event_age, retry_attempts), topic.topic_arn)
        self._topic = topic

    def _add_target_action_to_role(self, role: iam.IRole) -> None:
        self._topic.grant_publish(role)


class StepFunctionsStartExecution(ScheduleTargetBase):
    """Start an execution of a state machine (mirrors `aws_scheduler_targets.StepFunctionsStartExecution`); the
    role gets `states:StartExecution`."""

    def __init__(self, state_machine: IStateMachine, *, dead_letter_queue: IQueue | None = None,
                 input: ScheduleTargetInput | None = None, max_event_age: Duration | None = None,
                 retry_attempts: int | None = None, role: iam.IRole | None = None) -> None:
        _require("StepFunctionsStartExecution", "state_machine", state_machine, "state_machine_arn",
                 "a state machine (sfn.IStateMachine)")
        super().__init__(base_props(role, dead_letter_queue, input, max_event_age, retry_attempts),
                         state_machine.state_machine_arn)
        self._state_machine = state_machine

    def _add_target_action_to_role(self, role: iam.IRole) -> None:
        self._state_machine.grant_start_execution(role)


class FirehosePutRecord(ScheduleTargetBase):
    """Put a record into a Firehose delivery stream (mirrors `aws_scheduler_targets.FirehosePutRecord`); the
    role gets `firehose:PutRecord`."""

    def __init__(self, delivery_stream: IDeliveryStream, *, dead_letter_queue: IQueue | None = None,
                 input: ScheduleTargetInput | None = None, max_event_age: Duration | None = None,
                 retry_attempts: int | None = None, role: iam.IRole | None = None) -> None:
        _require("FirehosePutRecord", "delivery_stream", delivery_stream, "delivery_stream_arn",
                 "a Firehose delivery stream (firehose.IDeliveryStream)")
        super().__init__(base_props(role, dead_letter_queue, input, max_event_age, retry_attempts),
                         delivery_stream.delivery_stream_arn)
        self._delivery_stream = delivery_stream

    def _add_target_action_to_role(self, role: iam.IRole) -> None:
        self._delivery_stream.grant(role, "firehose:PutRecord")  # type: ignore[attr-defined]


class CodeBuildStartBuild(ScheduleTargetBase):
    """Start a CodeBuild build (mirrors `aws_scheduler_targets.CodeBuildStartBuild`); the role gets
    `codebuild:StartBuild` on the project."""

    def __init__(self, project: Any, *, dead_letter_queue: IQueue | None = None,
                 input: ScheduleTargetInput | None = None, max_event_age: Duration | None = None,
                 retry_attempts: int | None = None, role: iam.IRole | None = None) -> None:
        _require("CodeBuildStartBuild", "project", project, "project_arn", "a CodeBuild project (codebuild.IProject)")
        super().__init__(base_props(role, dead_letter_queue, input, max_event_age, retry_attempts), project.project_arn)
        self._project = project

    def _add_target_action_to_role(self, role: iam.IRole) -> None:
        role.add_to_principal_policy(iam.PolicyStatement(actions=["codebuild:StartBuild"],
                                                         resources=[self._project.project_arn]))


class CodePipelineStartPipelineExecution(ScheduleTargetBase):
    """Start a CodePipeline execution (mirrors `aws_scheduler_targets.CodePipelineStartPipelineExecution`); the
    role gets `codepipeline:StartPipelineExecution` on the pipeline."""

    def __init__(self, pipeline: Any, *, dead_letter_queue: IQueue | None = None,
                 input: ScheduleTargetInput | None = None, max_event_age: Duration | None = None,
                 retry_attempts: int | None = None, role: iam.IRole | None = None) -> None:
        _require("CodePipelineStartPipelineExecution", "pipeline", pipeline, "pipeline_arn",
                 "a CodePipeline pipeline (codepipeline.IPipeline)")
        super().__init__(base_props(role, dead_letter_queue, input, max_event_age, retry_attempts),
                         pipeline.pipeline_arn)
        self._pipeline = pipeline

    def _add_target_action_to_role(self, role: iam.IRole) -> None:
        role.add_to_principal_policy(iam.PolicyStatement(actions=["codepipeline:StartPipelineExecution"],
                                                         resources=[self._pipeline.pipeline_arn]))


class InspectorStartAssessmentRun(ScheduleTargetBase):
    """Start an Amazon Inspector assessment run (mirrors `aws_scheduler_targets.InspectorStartAssessmentRun`);
    the role gets `inspector:StartAssessmentRun` on `*` (Inspector has no resource-level permission)."""

    def __init__(self, template: IAssessmentTemplate | CfnAssessmentTemplate, *,
                 dead_letter_queue: IQueue | None = None, input: ScheduleTargetInput | None = None,
                 max_event_age: Duration | None = None,
                 retry_attempts: int | None = None, role: iam.IRole | None = None) -> None:
        if not hasattr(template, "assessment_template_arn") and not isinstance(template, CfnAssessmentTemplate):
            raise UnscopedValidationError(f"InspectorStartAssessmentRun: 'template' must be an assessment template "
                                          f"(inspector.IAssessmentTemplate), got {template!r}")
        # an L1 CfnAssessmentTemplate stands for its Ref (the template ARN)
        arn = template.ref if isinstance(template, CfnAssessmentTemplate) else template.assessment_template_arn
        super().__init__(base_props(role, dead_letter_queue, input, max_event_age, retry_attempts), arn)

    def _add_target_action_to_role(self, role: iam.IRole) -> None:
        role.add_to_principal_policy(iam.PolicyStatement(actions=["inspector:StartAssessmentRun"], resources=["*"]))


class SageMakerPipelineParameter:
    """A parameter of a SageMaker pipeline execution (mirrors `aws_scheduler_targets.SageMakerPipelineParameter`)."""

    def __init__(self, *, name: str, value: str) -> None:
        self.name = name
        """The parameter name."""
        self.value = value
        """The parameter value."""


class SageMakerStartPipelineExecution(ScheduleTargetBase):
    """Start a SageMaker pipeline execution (mirrors `aws_scheduler_targets.SageMakerStartPipelineExecution`); the
    role gets what `pipeline.grant_start_pipeline_execution` grants. `pipeline_parameter_list`: at most 200
    (default none)."""

    def __init__(self, pipeline: IPipeline, *, pipeline_parameter_list: list[SageMakerPipelineParameter] | None = None,
                 dead_letter_queue: IQueue | None = None, input: ScheduleTargetInput | None = None,
                 max_event_age: Duration | None = None, retry_attempts: int | None = None,
                 role: iam.IRole | None = None) -> None:
        _require("SageMakerStartPipelineExecution", "pipeline", pipeline, "pipeline_arn",
                 "a SageMaker pipeline (sagemaker.IPipeline)")
        super().__init__(base_props(role, dead_letter_queue, input, max_event_age, retry_attempts),
                         pipeline.pipeline_arn)
        self._pipeline = pipeline
        self._parameters = [p if isinstance(p, SageMakerPipelineParameter) else SageMakerPipelineParameter(**p)
                            for p in pipeline_parameter_list] if pipeline_parameter_list is not None else None
        if self._parameters is not None and not is_unresolved(self._parameters) and len(self._parameters) > 200:
            raise UnscopedValidationError(
                f"pipelineParameterList length must be between 0 and 200, got {len(self._parameters)}")

    def _add_target_action_to_role(self, role: iam.IRole) -> None:
        self._pipeline.grant_start_pipeline_execution(role)

    def _bind_base_target_config(self, schedule: ISchedule) -> ScheduleTargetConfig:
        config = super()._bind_base_target_config(schedule)
        if self._parameters is None:
            return config
        return attrs.evolve(config, sage_maker_pipeline_parameters=CfnSchedule.SageMakerPipelineParametersProperty(
            pipeline_parameter_list=[CfnSchedule.SageMakerPipelineParameterProperty(name=p.name, value=p.value)
                                     for p in self._parameters]))
