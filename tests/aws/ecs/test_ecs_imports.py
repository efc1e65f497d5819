"""Imported ECS clusters and task definitions, and the ECS enums."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cdk_events.aws import ec2, ecs, iam
from cdk_events.core import RECOMMENDED_FEATURE_FLAGS, App, Environment, Stack, ValidationError

TASK_ARN = "arn:aws:ecs:us-east-1:123456789012:task-definition/app:7"


def make(tmp_path: Path, env: Environment | None = None) -> tuple[Stack, Any]:
    stack = Stack(App(outdir=str(tmp_path), context=dict(RECOMMENDED_FEATURE_FLAGS)), "S", env=env)
    vpc = ec2.Vpc.from_vpc_attributes(stack, "Vpc", vpc_id="vpc-0a1b2c3d", availability_zones=["us-east-1a"],
                                      private_subnet_ids=["subnet-0a1b2c3d"])
    return stack, vpc


def role(stack: Stack, id: str, name: str) -> Any:
    return iam.Role.from_role_arn(stack, id, f"arn:aws:iam::123456789012:role/{name}")


def test_cluster_arn_is_formatted_from_the_name(tmp_path: Path) -> None:
    stack, vpc = make(tmp_path)
    cluster = ecs.Cluster.from_cluster_attributes(stack, "Cluster", cluster_name="app-cluster", vpc=vpc)
    assert isinstance(cluster, ecs.ICluster)
    assert cluster.cluster_name == "app-cluster" and cluster.vpc is vpc
    assert stack.resolve(cluster.cluster_arn) == {"Fn::Join": ["", [
        "arn:", {"Ref": "AWS::Partition"}, ":ecs:", {"Ref": "AWS::Region"}, ":", {"Ref": "AWS::AccountId"},
        ":cluster/app-cluster"]]}
    assert cluster.security_groups == [] and cluster.has_ec2_capacity  # type: ignore[attr-defined]


def test_cluster_with_env_arn_and_tasks_pattern(tmp_path: Path) -> None:
    stack, vpc = make(tmp_path, Environment(account="123456789012", region="eu-west-1"))
    cluster = ecs.Cluster.from_cluster_attributes(stack, "Cluster", cluster_name="c", vpc=vpc)
    assert cluster.cluster_arn == "arn:aws:ecs:eu-west-1:123456789012:cluster/c"
    assert cluster.arn_for_tasks("*") == "arn:aws:ecs:eu-west-1:123456789012:task/c/*"  # type: ignore[attr-defined]
    given = ecs.Cluster.from_cluster_attributes(stack, "Given", cluster_name="c", vpc=vpc,
                                                cluster_arn="arn:aws:ecs:eu-west-1:123456789012:cluster/other",
                                                security_groups=[ec2.SecurityGroup.from_security_group_id(
                                                    stack, "Sg", "sg-0a1b2c3d")], has_ec2_capacity=False)
    assert given.cluster_arn == "arn:aws:ecs:eu-west-1:123456789012:cluster/other"
    assert not given.has_ec2_capacity  # type: ignore[attr-defined]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"cluster_name": ""}, "'cluster_name' must be a non-empty string, got ''"),
    ({"vpc": "vpc-0a1b2c3d"}, "'vpc' must be an ec2.IVpc (e.g. ec2.Vpc.from_vpc_attributes(...)), got 'vpc-0a1b2c3d'"),
    ({"has_ec2_capacity": 1}, "'has_ec2_capacity' must be True or False, got 1 (a int)"),
])
def test_cluster_attribute_errors(tmp_path: Path, kwargs: dict[str, Any], message: str) -> None:
    stack, vpc = make(tmp_path)
    props: dict[str, Any] = {"cluster_name": "c", "vpc": vpc, **kwargs}
    with pytest.raises(ValidationError) as error:
        ecs.Cluster.from_cluster_attributes(stack, "Cluster", **props)
    assert str(error.value) == f"[S/Cluster] {message}"


def test_fargate_import_is_fargate_only(tmp_path: Path) -> None:
    stack, _ = make(tmp_path)
    task = ecs.FargateTaskDefinition.from_fargate_task_definition_attributes(
        stack, "Task", task_definition_arn=TASK_ARN, network_mode=ecs.NetworkMode.AWS_VPC,
        task_role=role(stack, "TaskRole", "t"), execution_role=role(stack, "ExecRole", "e"))
    assert task.compatibility is ecs.Compatibility.FARGATE
    assert (task.is_fargate_compatible, task.is_ec2_compatible, task.is_external_compatible) == (True, False, False)
    assert task.network_mode is ecs.NetworkMode.AWS_VPC
    assert task.task_role.role_arn == "arn:aws:iam::123456789012:role/t"
    assert task.execution_role is not None and task.execution_role.role_arn == "arn:aws:iam::123456789012:role/e"
    assert task.task_definition_arn == TASK_ARN


def test_generic_import_defaults_to_ec2_and_fargate_and_raises_on_missing_attributes(tmp_path: Path) -> None:
    stack, _ = make(tmp_path)
    task = ecs.TaskDefinition.from_task_definition_arn(stack, "Task", TASK_ARN)
    assert task.compatibility is ecs.Compatibility.EC2_AND_FARGATE
    assert task.is_ec2_compatible and task.is_fargate_compatible
    assert task.execution_role is None
    with pytest.raises(ValidationError) as error:
        _ = task.network_mode
    assert str(error.value).startswith("[S/Task] This operation requires the networkMode in ImportedTaskDefinition to "
                                       "be defined. Add the 'network_mode'")
    with pytest.raises(ValidationError) as error:
        _ = task.task_role
    assert str(error.value).startswith("[S/Task] This operation requires the taskRole in ImportedTaskDefinition to be "
                                       "defined. Add the 'task_role'")


def test_other_import_flavours(tmp_path: Path) -> None:
    stack, _ = make(tmp_path)
    ec2_task = ecs.Ec2TaskDefinition.from_ec2_task_definition_attributes(
        stack, "Ec2", task_definition_arn=TASK_ARN, network_mode=ecs.NetworkMode.BRIDGE)
    assert ec2_task.compatibility is ecs.Compatibility.EC2 and not ec2_task.is_fargate_compatible
    external = ecs.TaskDefinition.from_task_definition_attributes(
        stack, "Ext", task_definition_arn=TASK_ARN, compatibility=ecs.Compatibility.EXTERNAL)
    assert external.is_external_compatible and not external.is_ec2_compatible
    by_arn = ecs.FargateTaskDefinition.from_fargate_task_definition_arn(stack, "ByArn", TASK_ARN)
    assert by_arn.compatibility is ecs.Compatibility.EC2_AND_FARGATE
    assert ecs.Ec2TaskDefinition.from_ec2_task_definition_arn(stack, "Ec2Arn", TASK_ARN).task_definition_arn == TASK_ARN


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"task_definition_arn": ""}, "'task_definition_arn' must be a non-empty string (the task definition ARN), got ''"),
    ({"compatibility": "EC2"}, "'compatibility' must be one of Compatibility.EC2, Compatibility.FARGATE, "
                               "Compatibility.EC2_AND_FARGATE, Compatibility.EXTERNAL, got 'EC2' (a str)"),
    ({"network_mode": "awsvpc"}, "'network_mode' must be one of NetworkMode.NONE, NetworkMode.BRIDGE, "
                                 "NetworkMode.AWS_VPC, NetworkMode.HOST, NetworkMode.NAT, got 'awsvpc' (a str)"),
    ({"task_role": "arn:aws:iam::123456789012:role/t"}, "'task_role' must be an iam.IRole"),
])
def test_task_definition_attribute_errors(tmp_path: Path, kwargs: dict[str, Any], message: str) -> None:
    stack, _ = make(tmp_path)
    props: dict[str, Any] = {"task_definition_arn": TASK_ARN, **kwargs}
    with pytest.raises(ValidationError) as error:
        ecs.TaskDefinition.from_task_definition_attributes(stack, "Task", **props)
    assert str(error.value).startswith(f"[S/Task] {message}")


def test_enum_values_match_cloudformation() -> None:
    assert [v.value for v in ecs.FargatePlatformVersion] == ["LATEST", "1.4.0", "1.3.0", "1.2.0", "1.1.0", "1.0.0"]
    assert [v.value for v in ecs.LaunchType] == ["EC2", "FARGATE", "EXTERNAL"]
    assert [v.value for v in ecs.PropagatedTagSource] == ["SERVICE", "TASK_DEFINITION", "NONE"]
    assert ecs.NetworkMode.AWS_VPC.value == "awsvpc"
    assert ecs.Cluster.__module__ == "cdk_events.aws.ecs"
