"""cdk_events.scheduler.targets: the targets of EventBridge Scheduler schedules (the
`aws_cdk.aws_scheduler_targets` counterpart)."""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._base import ScheduleTargetBase, ScheduleTargetBaseProps
    from ._ecs import EcsRunEc2Task, EcsRunFargateTask, EcsRunTask, Tag
    from ._messaging import EventBridgePutEvents, EventBridgePutEventsEntry, KinesisStreamPutRecord, SqsSendMessage
    from ._props import (
        Ec2TaskProps,
        EcsRunTaskBaseProps,
        FargateTaskProps,
        KinesisStreamPutRecordProps,
        SageMakerStartPipelineExecutionProps,
        SqsSendMessageProps,
        UniversalTargetProps,
    )
    from ._simple import (
        CodeBuildStartBuild,
        CodePipelineStartPipelineExecution,
        FirehosePutRecord,
        InspectorStartAssessmentRun,
        LambdaInvoke,
        SageMakerPipelineParameter,
        SageMakerStartPipelineExecution,
        SnsPublish,
        StepFunctionsStartExecution,
    )
    from ._universal import Universal

__all__ = ["CodeBuildStartBuild", "CodePipelineStartPipelineExecution", "Ec2TaskProps", "EcsRunEc2Task",
           "EcsRunFargateTask", "EcsRunTask", "EcsRunTaskBaseProps", "EventBridgePutEvents",
           "EventBridgePutEventsEntry", "FargateTaskProps", "FirehosePutRecord", "InspectorStartAssessmentRun",
           "KinesisStreamPutRecord", "KinesisStreamPutRecordProps", "LambdaInvoke", "SageMakerPipelineParameter",
           "SageMakerStartPipelineExecution", "SageMakerStartPipelineExecutionProps", "ScheduleTargetBase",
           "ScheduleTargetBaseProps", "SnsPublish", "SqsSendMessage", "SqsSendMessageProps",
           "StepFunctionsStartExecution", "Tag", "Universal", "UniversalTargetProps"]

lazy_exports(globals(), {
    "ScheduleTargetBase": "._base",
    "ScheduleTargetBaseProps": "._base",
    "EcsRunEc2Task": "._ecs",
    "EcsRunFargateTask": "._ecs",
    "EcsRunTask": "._ecs",
    "Tag": "._ecs",
    "EventBridgePutEvents": "._messaging",
    "EventBridgePutEventsEntry": "._messaging",
    "KinesisStreamPutRecord": "._messaging",
    "SqsSendMessage": "._messaging",
    "Ec2TaskProps": "._props",
    "EcsRunTaskBaseProps": "._props",
    "FargateTaskProps": "._props",
    "KinesisStreamPutRecordProps": "._props",
    "SageMakerStartPipelineExecutionProps": "._props",
    "SqsSendMessageProps": "._props",
    "UniversalTargetProps": "._props",
    "CodeBuildStartBuild": "._simple",
    "CodePipelineStartPipelineExecution": "._simple",
    "FirehosePutRecord": "._simple",
    "InspectorStartAssessmentRun": "._simple",
    "LambdaInvoke": "._simple",
    "SageMakerPipelineParameter": "._simple",
    "SageMakerStartPipelineExecution": "._simple",
    "SnsPublish": "._simple",
    "StepFunctionsStartExecution": "._simple",
    "Universal": "._universal",
})
