"""sfn_tasks: each task's Amazon States Language JSON and the statements it adds to the state
machine role."""

from __future__ import annotations

import json
from typing import Any

import pytest

from cdk_events import EventBus
from cdk_events import core as cdk
from cdk_events.aws import iam, kms, lambda_, sfn, sns, sqs
from cdk_events.aws import sfn_tasks as tasks
from cdk_events.core import Duration, Stack, ValidationError


def _machine(stack: Stack, task: sfn.IChainable) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The states of the definition (each token written as `<{...}>`, its CloudFormation) and the
    statements of the state machine role's policy."""
    machine = sfn.StateMachine(stack, "SM", definition_body=sfn.DefinitionBody.from_chainable(task))
    definition = stack.resolve(machine.node.default_child.definition_string)  # type: ignore[union-attr]
    if isinstance(definition, dict):
        definition = "".join(p if isinstance(p, str) else json.dumps(f"<{json.dumps(p)}>")[1:-1]
                             for p in definition["Fn::Join"][1])
    states: dict[str, Any] = json.loads(definition)["States"]
    policy = machine.role.node.try_find_child("DefaultPolicy")  # type: ignore[attr-defined]
    statements = stack.resolve(policy.document.to_json())["Statement"] if policy is not None else []
    return states, statements


PARTITION = '<{"Ref": "AWS::Partition"}>'


def _function(stack: Stack) -> lambda_.Function:
    return lambda_.Function(stack, "Fn", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                            code=lambda_.Code.from_inline("def handler(e, c): return e"))


def test_lambda_invoke_defaults() -> None:
    stack = Stack(cdk.App(), "S")
    states, statements = _machine(stack, tasks.LambdaInvoke(stack, "Invoke", lambda_function=_function(stack)))
    assert states["Invoke"] == {
        "End": True,
        "Retry": [{"ErrorEquals": ["Lambda.ClientExecutionTimeoutException", "Lambda.ServiceException",
                                   "Lambda.AWSLambdaException", "Lambda.SdkClientException"],
                   "IntervalSeconds": 2, "MaxAttempts": 6, "BackoffRate": 2}],
        "Type": "Task",
        "Resource": f"arn:{PARTITION}:states:::lambda:invoke",
        "Parameters": {"FunctionName": '<{"Fn::GetAtt": ["Fn9270CBC0", "Arn"]}>', "Payload.$": "$"}}
    assert statements == [{"Action": "lambda:InvokeFunction", "Effect": "Allow", "Resource": [
        {"Fn::GetAtt": ["Fn9270CBC0", "Arn"]},
        {"Fn::Join": ["", [{"Fn::GetAtt": ["Fn9270CBC0", "Arn"]}, ":*"]]}]}]


def test_lambda_invoke_callback_needs_the_task_token() -> None:
    stack = Stack(cdk.App(), "S")
    fn = _function(stack)
    with pytest.raises(ValidationError, match=r"Task Token is required in `payload` for callback"):
        tasks.LambdaInvoke(stack, "Invoke", lambda_function=fn,
                           integration_pattern=sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN)
    task = tasks.LambdaInvoke(stack, "Ok", lambda_function=fn, retry_on_service_exceptions=False,
                              integration_pattern=sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
                              payload=sfn.TaskInput.from_object({"token": sfn.JsonPath.task_token}))
    states, _ = _machine(stack, task)
    assert states["Ok"]["Resource"] == f"arn:{PARTITION}:states:::lambda:invoke.waitForTaskToken"
    assert states["Ok"]["Parameters"]["Payload"] == {"token.$": "$$.Task.Token"}
    assert "Retry" not in states["Ok"]


def test_lambda_invoke_run_job_is_not_supported() -> None:
    stack = Stack(cdk.App(), "S")
    with pytest.raises(ValidationError, match=r"Unsupported service integration pattern\. Supported Patterns: "
                                              r"REQUEST_RESPONSE,WAIT_FOR_TASK_TOKEN\. Received: RUN_JOB"):
        tasks.LambdaInvoke(stack, "Invoke", lambda_function=_function(stack),
                           integration_pattern=sfn.IntegrationPattern.RUN_JOB)


def test_sqs_send_message_to_an_encrypted_queue() -> None:
    stack = Stack(cdk.App(), "S")
    key = kms.Key(stack, "Key")
    queue = sqs.Queue(stack, "Q", encryption=sqs.QueueEncryption.KMS, encryption_master_key=key)
    task = tasks.SqsSendMessage(stack, "Send", queue=queue, delay=Duration.seconds(5),
                                message_body=sfn.TaskInput.from_text("hello"))
    states, statements = _machine(stack, task)
    assert states["Send"]["Parameters"] == {"QueueUrl": '<{"Ref": "Q63C6E3AB"}>', "MessageBody": "hello",
                                            "DelaySeconds": 5}
    assert [s["Action"] for s in statements] == ["sqs:SendMessage", ["kms:Decrypt", "kms:GenerateDataKey*"]]


def test_sns_publish_with_attributes() -> None:
    stack = Stack(cdk.App(), "S")
    topic = sns.Topic(stack, "T")
    task = tasks.SnsPublish(stack, "Publish", topic=topic, subject="s",
                            message=sfn.TaskInput.from_json_path_at("$.message"),
                            message_attributes={"n": {"value": 3}, "list": tasks.MessageAttribute(value=["a", 1]),
                                                "path": {"value": sfn.JsonPath.string_at("$.p")}})
    states, statements = _machine(stack, task)
    assert states["Publish"]["Parameters"] == {
        "TopicArn": '<{"Ref": "TD925BC7E"}>', "Message.$": "$.message",
        "MessageAttributes": {"n": {"DataType": "Number", "StringValue": "3"},
                              "list": {"DataType": "String.Array", "StringValue": '["a",1]'},
                              "path": {"DataType": "String", "StringValue.$": "$.p"}},
        "Subject": "s"}
    assert statements == [{"Action": "sns:Publish", "Effect": "Allow", "Resource": {"Ref": "TD925BC7E"}}]


def test_eventbridge_put_events_default_and_owned_bus() -> None:
    stack = Stack(cdk.App(), "S")
    bus = EventBus(stack, "Bus")
    task = tasks.EventBridgePutEvents(stack, "Put", entries=[
        tasks.EventBridgePutEventsEntry(detail=sfn.TaskInput.from_object({"a": 1}), detail_type="T",
                                        source="my.app", event_bus=bus),
        {"detail": sfn.TaskInput.from_json_path_at("$.d"), "detailType": "U", "source": "my.other"}])
    states, statements = _machine(stack, task)
    assert states["Put"]["Parameters"]["Entries"] == [
        {"Detail": {"a": 1}, "DetailType": "T", "EventBusName": '<{"Fn::GetAtt": ["BusEA82B648", "Arn"]}>',
         "Source": "my.app"},
        {"Detail.$": "$.d", "DetailType": "U", "Source": "my.other"}]
    assert statements[0]["Action"] == "events:PutEvents"
    assert len(statements[0]["Resource"]) == 2
    with pytest.raises(ValidationError, match=r'Event source cannot start with "aws\."'):
        tasks.EventBridgePutEvents(stack, "Bad", entries=[tasks.EventBridgePutEventsEntry(
            detail=sfn.TaskInput.from_text("{}"), detail_type="T", source="aws.ec2")])


def test_call_aws_service() -> None:
    stack = Stack(cdk.App(), "S")
    task = tasks.CallAwsService(stack, "List", service="S3", action="listObjectsV2",
                                parameters={"Bucket": "b", "Prefix": sfn.JsonPath.string_at("$.prefix")},
                                iam_resources=["arn:aws:s3:::b"], iam_action="s3:ListBucket",
                                additional_iam_statements=[iam.PolicyStatement(actions=["s3:GetObject"],
                                                                               resources=["arn:aws:s3:::b/*"])])
    states, statements = _machine(stack, task)
    assert states["List"]["Resource"] == f"arn:{PARTITION}:states:::aws-sdk:s3:listObjectsV2"
    assert states["List"]["Parameters"] == {"Bucket": "b", "Prefix.$": "$.prefix"}
    assert [s["Action"] for s in statements] == ["s3:ListBucket", "s3:GetObject"]
    with pytest.raises(ValidationError, match=r"action must be camelCase, got: ListObjects"):
        tasks.CallAwsService(stack, "Bad", service="s3", action="ListObjects", iam_resources=["*"])
    with pytest.raises(ValidationError, match=r"parameter names must be PascalCase, got: bucket"):
        tasks.CallAwsService(stack, "Bad2", service="s3", action="listObjects", iam_resources=["*"],
                             parameters={"bucket": "b"})


def test_start_execution_run_job() -> None:
    stack = Stack(cdk.App(), "S")
    child = sfn.StateMachine.from_state_machine_arn(stack, "Child",
                                                    "arn:aws:states:us-east-1:123456789012:stateMachine:child")
    task = tasks.StepFunctionsStartExecution(stack, "Start", state_machine=child, associate_with_parent=True,
                                             integration_pattern=sfn.IntegrationPattern.RUN_JOB,
                                             input=sfn.TaskInput.from_object({"k": "v"}))
    states, statements = _machine(stack, task)
    assert states["Start"]["Resource"] == f"arn:{PARTITION}:states:::states:startExecution.sync:2"
    assert states["Start"]["Parameters"] == {
        "Input": {"k": "v", "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$": "$$.Execution.Id"},
        "StateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:child"}
    assert [s["Action"] for s in statements] == [
        "states:StartExecution", ["states:DescribeExecution", "states:StopExecution"],
        ["events:PutTargets", "events:PutRule", "events:DescribeRule"]]
