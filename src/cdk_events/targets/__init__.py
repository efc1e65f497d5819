"""cdk_events.targets: the rule targets (mirrors `aws_cdk.aws_events_targets`)."""

from .._public import set_public_module
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

set_public_module(globals())
