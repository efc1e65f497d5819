"""Benchmark app: RULES rules (default 2), each with an EcsTask target on an imported Fargate task
definition (250 rules a stack, one shared events role)."""

import os

from cdk_events import EventPattern, Rule
from cdk_events.aws import ec2, ecs, iam
from cdk_events.core import App, Environment, Stack
from cdk_events.targets import EcsTask

N = int(os.environ.get("RULES", "2"))
PER_STACK = 250
app = App()
for s in range((N + PER_STACK - 1) // PER_STACK):
    stack = Stack(app, f"Bench{s}", env=Environment(account="123456789012", region="us-east-1"))
    vpc = ec2.Vpc.from_vpc_attributes(
        stack,
        "Vpc",
        vpc_id="vpc-0a1b2c3d4e5f60718",
        availability_zones=["us-east-1a", "us-east-1b"],
        private_subnet_ids=["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"],
    )
    cluster = ecs.Cluster.from_cluster_attributes(stack, "Cluster", cluster_name="bench", vpc=vpc)
    task = ecs.FargateTaskDefinition.from_fargate_task_definition_attributes(
        stack,
        "Task",
        task_definition_arn="arn:aws:ecs:us-east-1:123456789012:task-definition/bench:1",
        network_mode=ecs.NetworkMode.AWS_VPC,
        task_role=iam.Role.from_role_arn(stack, "TaskRole", "arn:aws:iam::123456789012:role/bench-task"),
    )
    sg = ec2.SecurityGroup.from_security_group_id(stack, "Sg", "sg-0123456789abcdef0")
    for i in range(s * PER_STACK, min(N, (s + 1) * PER_STACK)):
        Rule(
            stack,
            f"Rule{i}",
            event_pattern=EventPattern(source=[f"com.example.service{i % 20}"], detail_type=["OrderCreated"]),
            targets=[EcsTask(cluster=cluster, task_definition=task, security_groups=[sg])],
        )
app.synth()
