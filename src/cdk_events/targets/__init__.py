"""cdk_events.targets: the rule targets (mirrors `aws_cdk.aws_events_targets`)."""

from typing import TYPE_CHECKING

from ..core._public import lazy_exports

if TYPE_CHECKING:
    from ._api_destination import ApiDestination
    from ._api_gateway import ApiGateway
    from ._api_gateway_v2 import ApiGatewayV2
    from ._appsync import AppSync
    from ._aws_api import AwsApi, AwsApiInput, AwsApiProps
    from ._batch import BatchJob
    from ._codebuild import CodeBuildProject
    from ._codepipeline import CodePipeline
    from ._ecs import (
        ContainerOverride,
        EcsTask,
        EphemeralStorageOverride,
        InferenceAcceleratorOverride,
        Tag,
        TaskEnvironmentVariable,
    )
    from ._event_bus import EventBus
    from ._firehose import FirehoseDeliveryStream, KinesisFirehoseStream, KinesisFirehoseStreamV2
    from ._kinesis import KinesisStream
    from ._lambda import LambdaFunction
    from ._log_group import CloudWatchLogGroup, LogGroupProps, LogGroupTargetInput, LogGroupTargetInputOptions
    from ._redshift import RedshiftQuery
    from ._sfn import SfnStateMachine
    from ._sns import SnsTopic
    from ._sqs import SqsQueue
    from ._util import TargetBaseProps

__all__ = [
    "ApiDestination",
    "ApiGateway",
    "ApiGatewayV2",
    "AppSync",
    "AwsApi",
    "AwsApiInput",
    "AwsApiProps",
    "BatchJob",
    "CodeBuildProject",
    "CloudWatchLogGroup",
    "CodePipeline",
    "ContainerOverride",
    "EcsTask",
    "EphemeralStorageOverride",
    "EventBus",
    "FirehoseDeliveryStream",
    "InferenceAcceleratorOverride",
    "KinesisFirehoseStream",
    "KinesisFirehoseStreamV2",
    "KinesisStream",
    "LambdaFunction",
    "LogGroupProps",
    "LogGroupTargetInput",
    "LogGroupTargetInputOptions",
    "RedshiftQuery",
    "SfnStateMachine",
    "SnsTopic",
    "SqsQueue",
    "Tag",
    "TargetBaseProps",
    "TaskEnvironmentVariable",
]

lazy_exports(globals(), {
    "ApiDestination": "._api_destination",
    "ApiGateway": "._api_gateway",
    "ApiGatewayV2": "._api_gateway_v2",
    "AppSync": "._appsync",
    "AwsApi": "._aws_api",
    "AwsApiInput": "._aws_api",
    "AwsApiProps": "._aws_api",
    "BatchJob": "._batch",
    "CodeBuildProject": "._codebuild",
    "CodePipeline": "._codepipeline",
    "ContainerOverride": "._ecs",
    "EcsTask": "._ecs",
    "EphemeralStorageOverride": "._ecs",
    "InferenceAcceleratorOverride": "._ecs",
    "Tag": "._ecs",
    "TaskEnvironmentVariable": "._ecs",
    "EventBus": "._event_bus",
    "FirehoseDeliveryStream": "._firehose",
    "KinesisFirehoseStream": "._firehose",
    "KinesisFirehoseStreamV2": "._firehose",
    "KinesisStream": "._kinesis",
    "LambdaFunction": "._lambda",
    "CloudWatchLogGroup": "._log_group",
    "LogGroupProps": "._log_group",
    "LogGroupTargetInput": "._log_group",
    "LogGroupTargetInputOptions": "._log_group",
    "RedshiftQuery": "._redshift",
    "SfnStateMachine": "._sfn",
    "SnsTopic": "._sns",
    "SqsQueue": "._sqs",
    "TargetBaseProps": "._util",
})
