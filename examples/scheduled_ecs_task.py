"""Run a Fargate task at 4 a.m. every day (the aws-events README's `EcsTask` example): a rule with
`Schedule.cron(minute="0", hour="4")` and an `EcsTask` target with its own role, on a cluster, VPC and
task definition created in the app as the aws-events-targets README's ECS example creates them."""

from cdk_events import Rule, Schedule
from cdk_events.aws import ec2, ecs, iam
from cdk_events.core import App, Stack
from cdk_events.targets import ContainerOverride, EcsTask, TaskEnvironmentVariable

app = App()
stack = Stack(app, "NightlyTaskStack")

vpc = ec2.Vpc(stack, "Vpc", max_azs=1)
cluster = ecs.Cluster(stack, "EcsCluster", vpc=vpc)

task_definition = ecs.FargateTaskDefinition(stack, "TaskDef")
task_definition.add_container(
    "TheContainer",
    # Departure: the README builds the image from a local Dockerfile (`ContainerImage.from_asset`);
    # cdk-events does not build Docker images, so this container runs an image from a public registry.
    image=ecs.ContainerImage.from_registry("public.ecr.aws/docker/library/busybox:stable"),
    logging=ecs.AwsLogDriver(stream_prefix="TaskLogging"),
)

# The aws-events README passes its own role to the target (default: a role the target creates).
role = iam.Role(stack, "Role", assumed_by=iam.ServicePrincipal("events.amazonaws.com"))

rule = Rule(stack, "ScheduleRule", schedule=Schedule.cron(minute="0", hour="4"))
rule.add_target(EcsTask(
    cluster=cluster,
    task_definition=task_definition,
    task_count=1,
    role=role,
    container_overrides=[ContainerOverride(
        container_name="TheContainer",
        environment=[TaskEnvironmentVariable(name="I_WAS_TRIGGERED", value="From CloudWatch Events")],
    )],
))

app.synth()
