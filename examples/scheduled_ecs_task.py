"""Run a Fargate task at 4 a.m. every day (the aws-events README's `EcsTask` example): a rule with
`Schedule.cron(minute="0", hour="4")`, an `EcsTask` target with its own role and
`FargatePlatformVersion.VERSION1_4`, on an imported cluster, VPC and task definition."""

from cdk_events import Rule, Schedule
from cdk_events.aws import ec2, ecs, iam
from cdk_events.core import App, Environment, Stack
from cdk_events.targets import EcsTask

app = App()
stack = Stack(app, "NightlyTaskStack", env=Environment(account="123456789012", region="us-east-1"))

vpc = ec2.Vpc.from_vpc_attributes(stack, "Vpc", vpc_id="vpc-0a1b2c3d4e5f60718",
                                  availability_zones=["us-east-1a", "us-east-1b"],
                                  private_subnet_ids=["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"])
cluster = ecs.Cluster.from_cluster_attributes(stack, "Cluster", cluster_name="app-cluster", vpc=vpc)
task_definition = ecs.FargateTaskDefinition.from_fargate_task_definition_attributes(
    stack, "TaskDef",
    task_definition_arn="arn:aws:ecs:us-east-1:123456789012:task-definition/nightly-report:3",
    network_mode=ecs.NetworkMode.AWS_VPC,
    task_role=iam.Role.from_role_arn(stack, "TaskRole", "arn:aws:iam::123456789012:role/nightly-report-task"),
    execution_role=iam.Role.from_role_arn(stack, "ExecutionRole",
                                          "arn:aws:iam::123456789012:role/nightly-report-execution"))
security_group = ec2.SecurityGroup.from_security_group_id(stack, "TaskSecurityGroup", "sg-0123456789abcdef0")

role = iam.Role(stack, "Role", assumed_by=iam.ServicePrincipal("events.amazonaws.com"))

rule = Rule(stack, "ScheduleRule", schedule=Schedule.cron(minute="0", hour="4"))
rule.add_target(EcsTask(
    cluster=cluster,
    task_definition=task_definition,
    role=role,
    security_groups=[security_group],
    platform_version=ecs.FargatePlatformVersion.VERSION1_4,
))

app.synth()
