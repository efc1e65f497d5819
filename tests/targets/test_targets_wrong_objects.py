"""Every target, given a wrong object (a topic for a queue, a string, None) for its resource, role,
dead-letter queue or input: a `ValidationError` when the target is bound, naming the rule's construct
path, the target class, the property and what was expected (issue #10)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import cdk_events as events
from cdk_events import core as cdk
from cdk_events import targets
from cdk_events.aws import (
    apigateway,
    apigatewayv2,
    appsync,
    batch,
    codebuild,
    codepipeline,
    ec2,
    ecs,
    firehose,
    iam,
    kinesis,
    lambda_,
    logs,
    sfn,
    sns,
    sqs,
)
from cdk_events.core import ValidationError

QUEUE = "an SQS queue"
ROLE = "an IAM role"
INPUT = "a RuleTargetInput"


class _Resources:
    """Valid resources (imported, cheap) in stack `S`, built on first use, and the wrong objects."""

    def __init__(self, stack: cdk.Stack):
        self.stack = stack
        self.topic = sns.Topic(stack, "Topic")

    def __getattr__(self, name: str) -> Any:
        value = getattr(self, f"_make_{name}")()
        setattr(self, name, value)
        return value

    def _make_queue(self) -> Any:
        return sqs.Queue(self.stack, "Queue")

    def _make_role(self) -> Any:
        return iam.Role.from_role_arn(self.stack, "Role", "arn:aws:iam::123456789012:role/r")

    def _make_function(self) -> Any:
        return lambda_.Function.from_function_arn(self.stack, "Fn", "arn:aws:lambda:us-east-1:123456789012:function:f")

    def _make_stream(self) -> Any:
        return kinesis.Stream.from_stream_arn(self.stack, "Stream", "arn:aws:kinesis:us-east-1:123456789012:stream/s")

    def _make_delivery_stream(self) -> Any:
        return firehose.DeliveryStream.from_delivery_stream_arn(
            self.stack, "Delivery", "arn:aws:firehose:us-east-1:123456789012:deliverystream/d")

    def _make_project(self) -> Any:
        return codebuild.Project.from_project_arn(self.stack, "Project",
                                                  "arn:aws:codebuild:us-east-1:123456789012:project/p")

    def _make_pipeline(self) -> Any:
        return codepipeline.Pipeline.from_pipeline_arn(self.stack, "Pipeline",
                                                       "arn:aws:codepipeline:us-east-1:123456789012:p")

    def _make_machine(self) -> Any:
        return sfn.StateMachine.from_state_machine_arn(self.stack, "SM",
                                                       "arn:aws:states:us-east-1:123456789012:stateMachine:m")

    def _make_rest_api(self) -> Any:
        return apigateway.RestApi.from_rest_api_id(self.stack, "RestApi", "abc")

    def _make_http_api(self) -> Any:
        return apigatewayv2.HttpApi.from_http_api_attributes(self.stack, "HttpApi", http_api_id="abc")

    def _make_destination(self) -> Any:
        connection = events.Connection.from_event_bus_arn(
            self.stack, "Conn",
            "arn:aws:events:us-east-1:123456789012:connection/c/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/c/abcdef-AbCdEf")
        return events.ApiDestination.from_api_destination_attributes(
            self.stack, "Dest", connection=connection,
            api_destination_arn="arn:aws:events:us-east-1:123456789012:api-destination/d/0f1e2d3c-4b5a")

    def _make_graphql_api(self) -> Any:
        return appsync.GraphqlApi.from_graphql_api_attributes(
            self.stack, "Gql", graphql_api_id="id", graphql_api_arn="arn",
            graph_ql_endpoint_arn="arn:aws:appsync:us-east-1:123456789012:endpoints/graphql-api/x",
            visibility=appsync.Visibility.GLOBAL, modes=[appsync.AuthorizationType.IAM])

    def _make_bus(self) -> Any:
        return events.EventBus.from_event_bus_arn(self.stack, "Bus",
                                                  "arn:aws:events:us-east-1:123456789012:event-bus/b")

    def _make_log_group(self) -> Any:
        return logs.LogGroup.from_log_group_name(self.stack, "Logs", "/aws/events/x")

    def _make_job_queue(self) -> Any:
        return batch.JobQueue.from_job_queue_arn(self.stack, "JobQueue",
                                                 "arn:aws:batch:us-east-1:123456789012:job-queue/q")

    def _make_job_definition(self) -> Any:
        return batch.EcsJobDefinition.from_job_definition_arn(
            self.stack, "JobDef", "arn:aws:batch:us-east-1:123456789012:job-definition/d:1")

    def _make_cluster(self) -> Any:
        vpc = ec2.Vpc.from_vpc_attributes(self.stack, "Vpc", vpc_id="vpc-0a1b2c3d4e5f60718",
                                          availability_zones=["us-east-1a"],
                                          private_subnet_ids=["subnet-0aaaaaaaaaaaaaaa1"])
        return ecs.Cluster.from_cluster_attributes(self.stack, "Cluster", cluster_name="c", vpc=vpc)

    def _make_task_definition(self) -> Any:
        return ecs.FargateTaskDefinition.from_fargate_task_definition_attributes(
            self.stack, "TaskDef", task_definition_arn="arn:aws:ecs:us-east-1:123456789012:task-definition/t:1",
            network_mode=ecs.NetworkMode.AWS_VPC,
            task_role=iam.Role.from_role_arn(self.stack, "TaskRole", "arn:aws:iam::123456789012:role/t"))

    def batch_job(self, new: New, **props: Any) -> Any:
        return new(targets.BatchJob, self.job_queue.job_queue_arn, self.job_queue,
                   self.job_definition.job_definition_arn, self.job_definition, **props)

    def ecs_task(self, new: New, **props: Any) -> Any:
        kwargs: dict[str, Any] = {"cluster": self.cluster, "task_definition": self.task_definition, **props}
        return new(targets.EcsTask, **kwargs)


New = Callable[..., Any]
Make = Callable[[_Resources, New], Any]


def _public(cls: type, *args: Any, **kwargs: Any) -> Any:
    """The target as an app makes it (through the public package, with whatever checks its constructor makes)."""
    return cls(*args, **kwargs)


def _unchecked(cls: type, *args: Any, **kwargs: Any) -> Any:
    """The target made by its own constructor only (not the annotation checks a public class may be wrapped
    in), so that the wrong object reaches `bind`."""
    target = cls.__new__(cls)
    init = cls.__init__  # type: ignore[misc]
    getattr(init, "__wrapped__", init)(target, *args, **kwargs)
    return target
_SQL = {"database": "db", "sql": ["select 1"]}
_REDSHIFT = "arn:aws:redshift:us-east-1:123456789012:cluster:c"
_OPERATION = "mutation M { m }"

# (target class, property, what the message says is expected, a factory passing the wrong object)
CASES: list[tuple[str, str, str, Make]] = [
    ("SqsQueue", "queue", QUEUE, lambda r, new: new(targets.SqsQueue, r.topic)),
    ("SqsQueue", "queue", QUEUE, lambda r, new: new(targets.SqsQueue, "arn:aws:sqs:us-east-1:123456789012:q")),
    ("SqsQueue", "queue", QUEUE, lambda r, new: new(targets.SqsQueue, None)),
    ("SqsQueue", "dead_letter_queue", QUEUE, lambda r, new: new(targets.SqsQueue, r.queue, dead_letter_queue=r.topic)),
    ("SqsQueue", "message", INPUT, lambda r, new: new(targets.SqsQueue, r.queue, message={"a": 1})),
    ("SnsTopic", "topic", "an SNS topic", lambda r, new: new(targets.SnsTopic, r.queue)),
    ("SnsTopic", "topic", "an SNS topic", lambda r, new: new(targets.SnsTopic, "topic")),
    ("SnsTopic", "role", ROLE, lambda r, new: new(targets.SnsTopic, r.topic, role="arn:aws:iam::123456789012:role/r")),
    ("SnsTopic", "dead_letter_queue", QUEUE, lambda r, new: new(targets.SnsTopic, r.topic, dead_letter_queue="q")),
    ("SnsTopic", "message", INPUT, lambda r, new: new(targets.SnsTopic, r.topic, message="hello")),
    ("LambdaFunction", "handler", "a Lambda function", lambda r, new: new(targets.LambdaFunction, r.topic)),
    ("LambdaFunction", "handler", "a Lambda function", lambda r, new: new(targets.LambdaFunction, None)),
    ("LambdaFunction", "dead_letter_queue", QUEUE,
     lambda r, new: new(targets.LambdaFunction, r.function, dead_letter_queue=r.topic)),
    ("LambdaFunction", "event", INPUT, lambda r, new: new(targets.LambdaFunction, r.function, event={"a": 1})),
    ("KinesisStream", "stream", "a Kinesis stream", lambda r, new: new(targets.KinesisStream, r.queue)),
    ("KinesisStream", "dead_letter_queue", QUEUE,
     lambda r, new: new(targets.KinesisStream, r.stream, dead_letter_queue="q")),
    ("KinesisStream", "message", INPUT, lambda r, new: new(targets.KinesisStream, r.stream, message=1)),
    ("FirehoseDeliveryStream", "delivery_stream", "a Firehose delivery stream",
     lambda r, new: new(targets.FirehoseDeliveryStream, r.stream)),
    ("FirehoseDeliveryStream", "message", INPUT,
     lambda r, new: new(targets.FirehoseDeliveryStream, r.delivery_stream, message="m")),
    ("KinesisFirehoseStreamV2", "stream", "a Firehose delivery stream",
     lambda r, new: new(targets.KinesisFirehoseStreamV2, "stream")),
    ("KinesisFirehoseStream", "stream", "a firehose.CfnDeliveryStream",
     lambda r, new: new(targets.KinesisFirehoseStream, r.delivery_stream)),
    ("CodeBuildProject", "project", "a CodeBuild project", lambda r, new: new(targets.CodeBuildProject, r.queue)),
    ("CodeBuildProject", "event_role", ROLE,
     lambda r, new: new(targets.CodeBuildProject, r.project, event_role=r.queue)),
    ("CodeBuildProject", "dead_letter_queue", QUEUE,
     lambda r, new: new(targets.CodeBuildProject, r.project, dead_letter_queue=r.role)),
    ("CodeBuildProject", "event", INPUT, lambda r, new: new(targets.CodeBuildProject, r.project, event={"a": 1})),
    ("CodePipeline", "pipeline", "a CodePipeline pipeline", lambda r, new: new(targets.CodePipeline, "p")),
    ("CodePipeline", "event_role", ROLE, lambda r, new: new(targets.CodePipeline, r.pipeline, event_role="r")),
    ("CodePipeline", "dead_letter_queue", QUEUE,
     lambda r, new: new(targets.CodePipeline, r.pipeline, dead_letter_queue=r.topic)),
    ("SfnStateMachine", "machine", "a state machine", lambda r, new: new(targets.SfnStateMachine, r.queue)),
    ("SfnStateMachine", "machine", "a state machine", lambda r, new: new(targets.SfnStateMachine, None)),
    ("SfnStateMachine", "role", ROLE, lambda r, new: new(targets.SfnStateMachine, r.machine, role=r.topic)),
    ("SfnStateMachine", "dead_letter_queue", QUEUE,
     lambda r, new: new(targets.SfnStateMachine, r.machine, dead_letter_queue="q")),
    ("SfnStateMachine", "input", INPUT, lambda r, new: new(targets.SfnStateMachine, r.machine, input={"a": 1})),
    ("ApiGateway", "rest_api", "a REST API", lambda r, new: new(targets.ApiGateway, r.queue)),
    ("ApiGateway", "event_role", ROLE, lambda r, new: new(targets.ApiGateway, r.rest_api, stage="p", event_role="r")),
    ("ApiGateway", "dead_letter_queue", QUEUE,
     lambda r, new: new(targets.ApiGateway, r.rest_api, stage="p", dead_letter_queue=r.topic)),
    ("ApiGateway", "post_body", INPUT, lambda r, new: new(targets.ApiGateway, r.rest_api, stage="p", post_body="{}")),
    ("ApiGatewayV2", "http_api", "an HTTP API", lambda r, new: new(targets.ApiGatewayV2, "abc")),
    ("ApiGatewayV2", "event_role", ROLE, lambda r, new: new(targets.ApiGatewayV2, r.http_api, event_role=r.topic)),
    ("ApiDestination", "api_destination", "an API destination", lambda r, new: new(targets.ApiDestination, r.queue)),
    ("ApiDestination", "event_role", ROLE, lambda r, new: new(targets.ApiDestination, r.destination, event_role="r")),
    ("ApiDestination", "event", INPUT, lambda r, new: new(targets.ApiDestination, r.destination, event={"a": 1})),
    ("AppSync", "appsync_api", "a GraphQL API",
     lambda r, new: new(targets.AppSync, r.queue, graph_ql_operation=_OPERATION)),
    ("AppSync", "event_role", ROLE,
     lambda r, new: new(targets.AppSync, r.graphql_api, graph_ql_operation=_OPERATION, event_role="r")),
    ("AppSync", "variables", INPUT,
     lambda r, new: new(targets.AppSync, r.graphql_api, graph_ql_operation=_OPERATION, variables={"a": 1})),
    ("EventBus", "event_bus", "an event bus", lambda r, new: new(targets.EventBus, r.queue)),
    ("EventBus", "role", ROLE, lambda r, new: new(targets.EventBus, r.bus, role="r")),
    ("EventBus", "dead_letter_queue", QUEUE, lambda r, new: new(targets.EventBus, r.bus, dead_letter_queue=r.topic)),
    ("CloudWatchLogGroup", "log_group", "a logs.ILogGroup", lambda r, new: new(targets.CloudWatchLogGroup, r.queue)),
    ("CloudWatchLogGroup", "log_group", "a logs.ILogGroup", lambda r, new: new(targets.CloudWatchLogGroup, "/aws/x")),
    ("CloudWatchLogGroup", "dead_letter_queue", QUEUE,
     lambda r, new: new(targets.CloudWatchLogGroup, r.log_group, dead_letter_queue=r.topic)),
    ("CloudWatchLogGroup", "event", INPUT, lambda r, new: new(targets.CloudWatchLogGroup, r.log_group, event="e")),
    ("RedshiftQuery", "role", ROLE, lambda r, new: new(targets.RedshiftQuery, _REDSHIFT, role=r.topic, **_SQL)),
    ("RedshiftQuery", "dead_letter_queue", QUEUE,
     lambda r, new: new(targets.RedshiftQuery, _REDSHIFT, dead_letter_queue="q", **_SQL)),
    ("RedshiftQuery", "input", INPUT, lambda r, new: new(targets.RedshiftQuery, _REDSHIFT, input="i", **_SQL)),
    ("RedshiftQuery", "secret", "a Secrets Manager secret",
     lambda r, new: new(targets.RedshiftQuery, _REDSHIFT, secret="arn:aws:secretsmanager:s", **_SQL)),
    ("BatchJob", "job_queue_scope", "a construct",
     lambda r, new: new(targets.BatchJob, "arn:q", "queue", "arn:d", r.job_definition)),
    ("BatchJob", "dead_letter_queue", QUEUE, lambda r, new: r.batch_job(new, dead_letter_queue=r.topic)),
    ("BatchJob", "event", INPUT, lambda r, new: r.batch_job(new, event={"a": 1})),
    ("EcsTask", "cluster", "an ecs.ICluster", lambda r, new: r.ecs_task(new, cluster=r.queue)),
    ("EcsTask", "task_definition", "an ecs.ITaskDefinition", lambda r, new: r.ecs_task(new, task_definition="arn:t")),
    ("EcsTask", "role", ROLE, lambda r, new: r.ecs_task(new, role=r.topic)),
    ("EcsTask", "task_role", ROLE, lambda r, new: r.ecs_task(new, task_role="arn:aws:iam::123456789012:role/t")),
    ("EcsTask", "dead_letter_queue", QUEUE, lambda r, new: r.ecs_task(new, dead_letter_queue=r.topic)),
    ("AwsApi", "policy_statement", "an iam.PolicyStatement",
     lambda r, new: new(targets.AwsApi, service="ECS", action="updateService", policy_statement={"Action": "*"})),
]


def _rule() -> tuple[cdk.Stack, events.Rule]:
    stack = cdk.Stack(cdk.App(), "S", env=cdk.Environment(account="123456789012", region="us-east-1"))
    return stack, events.Rule(stack, "Rule", schedule=events.Schedule.rate(cdk.Duration.hours(1)))


_IDS = [f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)]


@pytest.mark.parametrize(("target", "prop", "expected", "make"), CASES, ids=_IDS)
def test_bind_names_the_rule_the_target_the_property_and_the_kind(target: str, prop: str, expected: str,
                                                                   make: Make) -> None:
    stack, rule = _rule()
    try:
        wrong = make(_Resources(stack), _unchecked)
    except ValidationError as error:  # the target's props struct (LogGroupProps, AwsApiProps) checked its fields
        assert f"'{prop}'" in str(error) and "Props" in str(error), error
        return
    with pytest.raises(ValidationError) as caught:
        rule.add_target(wrong)
    message = str(caught.value)
    assert message.startswith("[S/Rule] "), message
    assert f"{target} target: '{prop}' must be {expected}" in message, message
    assert "got " in message


@pytest.mark.parametrize(("target", "prop", "expected", "make"), CASES, ids=_IDS)
def test_the_public_target_refuses_the_wrong_object(target: str, prop: str, expected: str, make: Make) -> None:
    """Through the public package the wrong object is refused too: when the target is bound (the message
    above) or, where the public constructor checks its arguments against their annotations, when it is made
    (jsii's wording: the target class, the property and the protocol or class expected)."""
    stack, rule = _rule()
    resources = _Resources(stack)
    with pytest.raises(ValidationError) as caught:
        rule.add_target(make(resources, _public))
    message = str(caught.value)
    assert target in message and f"'{prop}'" in message, message


def test_every_target_class_is_in_the_table() -> None:
    covered = {case[0] for case in CASES}
    classes = {name for name in targets.__all__ if callable(getattr(getattr(targets, name), "bind", None))
               and name not in ("LogGroupTargetInput",)}
    assert classes <= covered, classes - covered


def test_the_right_objects_bind() -> None:
    """The factories' valid resources are accepted (the table fails only on the wrong object)."""
    stack = cdk.Stack(cdk.App(), "S", env=cdk.Environment(account="123456789012", region="us-east-1"))
    r = _Resources(stack)
    rule = events.Rule(stack, "Rule", schedule=events.Schedule.rate(cdk.Duration.hours(1)))
    for target in (targets.SqsQueue(r.queue, dead_letter_queue=r.queue), targets.SnsTopic(r.topic, role=r.role),
                   targets.LambdaFunction(r.function), targets.KinesisStream(r.stream),
                   targets.FirehoseDeliveryStream(r.delivery_stream)):
        rule.add_target(target)
    assert rule.target_count == 5
