"""cdk_events.aws.sfn_tasks: Step Functions tasks that call AWS services (the
`aws_cdk.aws_stepfunctions_tasks` counterpart, for Lambda, the SDK integration, SNS, SQS,
EventBridge and Step Functions)."""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._call_aws_service import CallAwsService
    from ._eventbridge_put_events import EventBridgePutEvents, EventBridgePutEventsEntry
    from ._lambda_invoke import LambdaInvocationType, LambdaInvoke
    from ._sns_publish import MessageAttribute, MessageAttributeDataType, SnsPublish
    from ._sqs_send_message import SqsSendMessage
    from ._start_execution import StepFunctionsStartExecution

__all__ = ["CallAwsService", "EventBridgePutEvents", "EventBridgePutEventsEntry", "LambdaInvocationType",
           "LambdaInvoke", "MessageAttribute", "MessageAttributeDataType", "SnsPublish", "SqsSendMessage",
           "StepFunctionsStartExecution"]

lazy_exports(globals(), {
    "CallAwsService": "._call_aws_service",
    "EventBridgePutEvents": "._eventbridge_put_events",
    "EventBridgePutEventsEntry": "._eventbridge_put_events",
    "LambdaInvocationType": "._lambda_invoke",
    "LambdaInvoke": "._lambda_invoke",
    "MessageAttribute": "._sns_publish",
    "MessageAttributeDataType": "._sns_publish",
    "SnsPublish": "._sns_publish",
    "SqsSendMessage": "._sqs_send_message",
    "StepFunctionsStartExecution": "._start_execution",
})
