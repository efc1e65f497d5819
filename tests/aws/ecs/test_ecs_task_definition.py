"""Owned task definitions: compatibility checks, roles, containers (ports, environment, health
checks, the awslogs driver) and EcsTask targets on them."""

# ruff: noqa: E501 (long expected messages are kept on one line)

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cdk_events import Rule, Schedule
from cdk_events.aws import ec2, ecs, iam
from cdk_events.core import App, Duration, Stack, ValidationError
from cdk_events.targets import EcsTask

IMAGE = "public.ecr.aws/docker/library/alpine:3.20"


def make(tmp_path: Path) -> tuple[App, Stack]:
    app = App(outdir=str(tmp_path))
    return app, Stack(app, "S")


def resources(app: App, stack: Stack) -> dict[str, Any]:
    return app.synth().get_stack_artifact(stack.artifact_id).template["Resources"]  # type: ignore[no-any-return]


def test_fargate_defaults_task_role_and_family(tmp_path: Path) -> None:
    app, stack = make(tmp_path)
    task = ecs.FargateTaskDefinition(stack, "Task")
    task.add_container("app", image=ecs.ContainerImage.from_registry(IMAGE))
    assert task.network_mode is ecs.NetworkMode.AWS_VPC and task.execution_role is None
    res = resources(app, stack)
    assert list(res) == ["TaskTaskRoleE98524A1", "Task79114B6B"]
    assert res["Task79114B6B"]["Properties"] == {
        "ContainerDefinitions": [{"Essential": True, "Image": IMAGE, "Name": "app"}], "Cpu": "256", "Family": "STaskAA4FD6B0",
        "Memory": "512", "NetworkMode": "awsvpc", "RequiresCompatibilities": ["FARGATE"],
        "TaskRoleArn": {"Fn::GetAtt": ["TaskTaskRoleE98524A1", "Arn"]}}


def test_container_options_render_in_cloudformation_order(tmp_path: Path) -> None:
    app, stack = make(tmp_path)
    task = ecs.TaskDefinition(stack, "Task", compatibility=ecs.Compatibility.EC2, network_mode=ecs.NetworkMode.BRIDGE)
    web = task.add_container("web", image=ecs.ContainerImage.from_registry(IMAGE), memory_limit_mib=256, command=["serve"],
                             environment={"A": "1"}, port_mappings=[{"containerPort": 80, "hostPort": 8080}],
                             health_check={"command": ["curl -f http://localhost/"], "interval": Duration.seconds(10)})
    web.add_port_mappings(ecs.PortMapping(container_port=53, protocol=ecs.Protocol.UDP))
    container = resources(app, stack)["Task79114B6B"]["Properties"]["ContainerDefinitions"][0]
    assert container == {
        "Command": ["serve"], "Environment": [{"Name": "A", "Value": "1"}], "Essential": True,
        "HealthCheck": {"Command": ["CMD-SHELL", "curl -f http://localhost/"], "Interval": 10, "Retries": 3, "Timeout": 5},
        "Image": IMAGE, "Memory": 256, "Name": "web",
        "PortMappings": [{"ContainerPort": 80, "HostPort": 8080, "Protocol": "tcp"}, {"ContainerPort": 53, "HostPort": 0, "Protocol": "udp"}]}


def test_aws_logs_driver_creates_a_log_group_and_the_execution_role(tmp_path: Path) -> None:
    app, stack = make(tmp_path)
    task = ecs.FargateTaskDefinition(stack, "Task")
    task.add_container("app", image=ecs.ContainerImage.from_registry(IMAGE), logging=ecs.LogDrivers.aws_logs(stream_prefix="app"))
    assert task.execution_role is not None
    res = resources(app, stack)
    log_groups = [k for k, v in res.items() if v["Type"] == "AWS::Logs::LogGroup"]
    assert log_groups == ["TaskappLogGroupE326ACBA"]
    assert res[log_groups[0]]["DeletionPolicy"] == "Retain" and "RetentionInDays" not in res[log_groups[0]].get("Properties", {})
    definition = res["Task79114B6B"]["Properties"]
    assert definition["ExecutionRoleArn"] == {"Fn::GetAtt": ["TaskExecutionRoleEF964934", "Arn"]}
    assert definition["ContainerDefinitions"][0]["LogConfiguration"] == {"LogDriver": "awslogs", "Options": {
        "awslogs-group": {"Ref": log_groups[0]}, "awslogs-stream-prefix": "app", "awslogs-region": {"Ref": "AWS::Region"}}}
    policy = next(v for v in res.values() if v["Type"] == "AWS::IAM::Policy")
    assert policy["Properties"]["Roles"] == [{"Ref": "TaskExecutionRoleEF964934"}]
    assert policy["Properties"]["PolicyDocument"]["Statement"][0]["Action"] == ["logs:CreateLogStream", "logs:PutLogEvents"]


def test_compatibility_checks(tmp_path: Path) -> None:
    app, stack = make(tmp_path)
    with pytest.raises(ValidationError, match=r"^\[S/A\] Fargate-compatible tasks require both CPU \(None\) and memory \(None\) specifications$"):
        ecs.TaskDefinition(stack, "A", compatibility=ecs.Compatibility.FARGATE)
    with pytest.raises(ValidationError, match=r"^\[S/B\] Ephemeral storage size must be between 21GiB and 200GiB"):
        ecs.FargateTaskDefinition(stack, "B", ephemeral_storage_gib=20)
    with pytest.raises(ValidationError, match=r"^\[S/C\] Cannot specify runtimePlatform in non-Fargate compatible tasks$"):
        ecs.TaskDefinition(stack, "C", compatibility=ecs.Compatibility.EC2, runtime_platform=ecs.RuntimePlatform(cpu_architecture=ecs.CpuArchitecture.ARM64))
    fargate = ecs.FargateTaskDefinition(stack, "D")
    with pytest.raises(ValidationError, match=r"^\[S/D/x\] Host port \(8080\) must be left out or equal to container port 80 for network mode awsvpc$"):
        fargate.add_container("x", image=ecs.ContainerImage.from_registry(IMAGE), port_mappings=[ecs.PortMapping(container_port=80, host_port=8080)])
    with pytest.raises(ValidationError, match=r"'port_mappings\[0\]': the dict has no 'containerPort'"):
        fargate.add_container("y", image=ecs.ContainerImage.from_registry(IMAGE), port_mappings=[{"container_port": 80}])
    on_ec2 = ecs.Ec2TaskDefinition(stack, "E")
    on_ec2.add_container("web", image=ecs.ContainerImage.from_registry(IMAGE))
    with pytest.raises(ValidationError, match=r"ECS Container web must have at least one of 'memoryLimitMiB' or 'memoryReservationMiB' specified"):
        app.synth()


def test_ecs_task_target_on_owned_cluster_and_task(tmp_path: Path) -> None:
    app, stack = make(tmp_path)
    vpc = ec2.Vpc(stack, "Vpc", max_azs=1, restrict_default_security_group=False)
    cluster = ecs.Cluster(stack, "Cluster", vpc=vpc)
    role = iam.Role(stack, "Exec", assumed_by=iam.ServicePrincipal("ecs-tasks.amazonaws.com"))
    task = ecs.FargateTaskDefinition(stack, "Task", execution_role=role)
    task.add_container("app", image=ecs.ContainerImage.from_registry(IMAGE))
    Rule(stack, "R", schedule=Schedule.rate(Duration.hours(1)), targets=[EcsTask(cluster=cluster, task_definition=task)])
    res = resources(app, stack)
    target = res["RC21A1702"]["Properties"]["Targets"][0]
    assert target["Arn"] == {"Fn::GetAtt": ["ClusterEB0386A7", "Arn"]}
    assert target["EcsParameters"]["NetworkConfiguration"]["AwsVpcConfiguration"]["Subnets"] == [{"Ref": "VpcPrivateSubnet1Subnet536B997A"}]
    statements = res["TaskEventsRoleDefaultPolicyB8BDEBED"]["Properties"]["PolicyDocument"]["Statement"]
    assert [s["Action"] for s in statements] == ["ecs:RunTask", "ecs:TagResource", "iam:PassRole", "iam:PassRole"]


def test_external_task_network_modes(tmp_path: Path) -> None:
    _, stack = make(tmp_path)
    for mode in (ecs.NetworkMode.BRIDGE, ecs.NetworkMode.HOST, ecs.NetworkMode.NONE):
        task = ecs.TaskDefinition(stack, f"T{mode.name}", compatibility=ecs.Compatibility.EXTERNAL, network_mode=mode)
        assert task.network_mode is mode
    with pytest.raises(ValidationError, match=r"^\[S/V\] External tasks can only have Bridge, Host or None network mode, got: awsvpc$"):
        ecs.TaskDefinition(stack, "V", compatibility=ecs.Compatibility.EXTERNAL, network_mode=ecs.NetworkMode.AWS_VPC)


def test_nat_network_mode_is_not_rendered(tmp_path: Path) -> None:
    app, stack = make(tmp_path)
    task = ecs.Ec2TaskDefinition(stack, "Task", network_mode=ecs.NetworkMode.NAT)
    task.add_container("app", image=ecs.ContainerImage.from_registry(IMAGE), memory_limit_mib=64)
    props = resources(app, stack)["Task79114B6B"]["Properties"]
    assert task.network_mode is ecs.NetworkMode.NAT and "NetworkMode" not in props and props["RequiresCompatibilities"] == ["EC2"]
