"""scheduler.targets.EcsRunFargateTask / EcsRunEc2Task: EcsParameters, launch type, network, checks.

The task definition is a stand-in with the members the targets use (an owned `ecs.TaskDefinition` in apps)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from scheduler_support import make_app, only, synth

from cdk_events.aws import ec2, ecs, iam
from cdk_events.core import (
    Construct,
    Duration,
    Environment,
    ResourceEnvironment,
    Stack,
    UnscopedValidationError,
    ValidationError,
)
from cdk_events.scheduler import Schedule, ScheduleExpression
from cdk_events.scheduler import targets as t

RATE = ScheduleExpression.rate(Duration.hours(4))
PRIVATE = "subnet-0aaaaaaaaaaaaaaa1"


class _TaskDefinition(Construct):
    def __init__(self, scope: Construct, id: str, compatibility: ecs.Compatibility, network_mode: ecs.NetworkMode):
        super().__init__(scope, id)
        self.compatibility = compatibility
        self.network_mode = network_mode
        self.task_definition_arn = "arn:aws:ecs:us-east-1:123456789012:task-definition/td:1"
        self.env = ResourceEnvironment(account="123456789012", region="us-east-1")
        self.is_fargate_compatible = compatibility in (ecs.Compatibility.FARGATE, ecs.Compatibility.EC2_AND_FARGATE)

    def grant_run(self, grantee: iam.IGrantable) -> iam.Grant:
        return iam.Grant.add_to_principal(grantee=grantee, actions=["ecs:RunTask"],
                                          resource_arns=[self.task_definition_arn])


def _setup(tmp_path: Path) -> tuple[Any, Stack, Any]:
    app = make_app(tmp_path)
    stack = Stack(app, "S", env=Environment(account="123456789012", region="us-east-1"))
    vpc = ec2.Vpc.from_vpc_attributes(stack, "Vpc", vpc_id="vpc-0a1b2c3d4e5f60718", availability_zones=["us-east-1a"],
                                      private_subnet_ids=[PRIVATE], public_subnet_ids=["subnet-0bbbbbbbbbbbbbbb1"])
    cluster = ecs.Cluster.from_cluster_attributes(stack, "Cluster", cluster_name="batch", vpc=vpc)
    return app, stack, cluster


def test_fargate_defaults_and_tags(tmp_path: Path) -> None:
    app, stack, cluster = _setup(tmp_path)
    td = _TaskDefinition(stack, "Td", ecs.Compatibility.FARGATE, ecs.NetworkMode.AWS_VPC)
    Schedule(stack, "A", schedule=RATE, target=t.EcsRunFargateTask(
        cluster, task_definition=td, tags=[t.Tag(key="team", value="data")], task_count=2, propagate_tags=True))
    template = synth(app, stack)
    parameters = only(template, "AWS::Scheduler::Schedule")["Target"]["EcsParameters"]
    assert parameters == {
        "LaunchType": "FARGATE",
        "NetworkConfiguration": {"AwsvpcConfiguration": {"AssignPublicIp": "DISABLED", "Subnets": [PRIVATE]}},
        "PropagateTags": "TASK_DEFINITION", "Tags": [{"key": "team", "value": "data"}], "TaskCount": 2,
        "TaskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/td:1"}
    statements = only(template, "AWS::IAM::Policy")["PolicyDocument"]["Statement"]
    assert {"Action": "ecs:TagResource", "Effect": "Allow",
            "Resource": "arn:aws:ecs:us-east-1:123456789012:task/batch/*"} in statements


def test_fargate_checks(tmp_path: Path) -> None:
    _app, stack, cluster = _setup(tmp_path)
    ec2_only = _TaskDefinition(stack, "Ec2", ecs.Compatibility.EC2, ecs.NetworkMode.BRIDGE)
    with pytest.raises(ValidationError, match="not compatible with Fargate launch type"):
        Schedule(stack, "A", schedule=RATE, target=t.EcsRunFargateTask(cluster, task_definition=ec2_only))
    td = _TaskDefinition(stack, "Td", ecs.Compatibility.FARGATE, ecs.NetworkMode.AWS_VPC)
    with pytest.raises(ValidationError, match="assignPublicIp should be set to true only for public subnets"):
        Schedule(stack, "B", schedule=RATE, target=t.EcsRunFargateTask(cluster, task_definition=td,
                                                                      assign_public_ip=True))


def test_ec2_placement_capacity_and_network_checks(tmp_path: Path) -> None:
    app, stack, cluster = _setup(tmp_path)
    bridge = _TaskDefinition(stack, "Bridge", ecs.Compatibility.EC2, ecs.NetworkMode.BRIDGE)
    Schedule(stack, "A", schedule=RATE, target=t.EcsRunEc2Task(
        cluster, task_definition=bridge, placement_constraints=[{"type": "distinctInstance"}],
        placement_strategies=[{"type": "spread", "field": "instanceId"}],
        capacity_provider_strategies=[{"capacity_provider": "spot", "weight": 3}]))
    parameters = only(synth(app, stack), "AWS::Scheduler::Schedule")["Target"]["EcsParameters"]
    assert parameters == {
        "CapacityProviderStrategy": [{"CapacityProvider": "spot", "Weight": 3}],
        "PlacementConstraints": [{"Type": "distinctInstance"}],
        "PlacementStrategy": [{"Field": "instanceId", "Type": "spread"}],
        "TaskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/td:1"}
    with pytest.raises(ValidationError, match="Security groups and subnets can only be used with awsvpc"):
        Schedule(stack, "B", schedule=RATE, target=t.EcsRunEc2Task(
            cluster, task_definition=bridge, vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PUBLIC)))
    fargate = _TaskDefinition(stack, "Fargate", ecs.Compatibility.FARGATE, ecs.NetworkMode.AWS_VPC)
    with pytest.raises(ValidationError, match="not compatible with EC2 launch type"):
        Schedule(stack, "C", schedule=RATE, target=t.EcsRunEc2Task(cluster, task_definition=fargate))


def test_owned_task_definition_is_granted_run_and_pass_role(tmp_path: Path) -> None:
    app, stack, cluster = _setup(tmp_path)
    task_definition = ecs.FargateTaskDefinition(stack, "TaskDef", cpu=512, memory_limit_mib=1024)
    task_definition.add_container("worker", image=ecs.ContainerImage.from_registry("busybox"))
    Schedule(stack, "A", schedule=RATE, target=t.EcsRunFargateTask(cluster, task_definition=task_definition))
    Schedule(stack, "B", schedule=RATE, target=t.EcsRunFargateTask(cluster, task_definition=task_definition))
    statements = only(synth(app, stack), "AWS::IAM::Policy")["PolicyDocument"]["Statement"]
    logical = stack.get_logical_id(task_definition.node.default_child)  # type: ignore[arg-type]
    assert statements == [
        {"Action": "iam:PassRole", "Condition": {"StringLike": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}},
         "Effect": "Allow", "Resource": {"Fn::GetAtt": [stack.get_logical_id(
             task_definition.task_role.node.default_child), "Arn"]}},  # type: ignore[attr-defined]
        {"Action": "ecs:RunTask", "Effect": "Allow", "Resource": {"Ref": logical}}]
    with pytest.raises(UnscopedValidationError, match="an imported task definition cannot be scheduled"):
        t.EcsRunFargateTask(cluster, task_definition=ecs.TaskDefinition.from_task_definition_arn(
            stack, "Imported", "arn:aws:ecs:us-east-1:123456789012:task-definition/imported:1"))
