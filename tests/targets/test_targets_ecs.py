"""The EcsTask target: the compat apps against the aws-cdk-lib 2.275 goldens, then each rule of spec §2.3."""

# ruff: noqa: E501 (the golden apps are written as in the compat suite)

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import cdk_events as events
from _corpus import COMPAT, needs_compat
from cdk_events import core as cdk
from cdk_events.aws import ec2, ecs, iam, sqs
from cdk_events.core import ValidationError
from cdk_events.targets._ecs import (
    ContainerOverride,
    EcsTask,
    EphemeralStorageOverride,
    InferenceAcceleratorOverride,
    Tag,
    TaskEnvironmentVariable,
)

needs_shared = needs_compat  # the compat corpus is in the repository (tests/corpus); kept for the decorators


def compat_app(tmp_path: Path) -> cdk.App:
    context = json.loads((COMPAT / "context.json").read_text()) if COMPAT.exists() else dict(cdk.RECOMMENDED_FEATURE_FLAGS)
    context.update({"aws:cdk:enable-path-metadata": True, "aws:cdk:version-reporting": False})
    return cdk.App(outdir=str(tmp_path), context=context)


def resources(app: cdk.App, stack: cdk.Stack) -> dict[str, Any]:
    template: dict[str, Any] = app.synth().get_stack_artifact(stack.artifact_id).template
    return template["Resources"]  # type: ignore[no-any-return]


def golden_resources(app_name: str, stack_name: str) -> dict[str, Any]:
    template = json.loads((COMPAT / "goldens" / app_name / f"{stack_name}.template.json").read_text())
    return template["Resources"]  # type: ignore[no-any-return]


def warnings(app: cdk.App) -> list[tuple[str, str]]:
    found = []
    for construct in app.node.find_all():
        for entry in construct.node.metadata:
            if entry.type == "aws:cdk:warning":
                found.append((construct.node.path, entry.data))
    return found


def base(tmp_path: Path, *, private: bool = True, public: bool = True, isolated: bool = False) -> tuple[cdk.App, cdk.Stack, Any, Any]:
    app = compat_app(tmp_path)
    stack = cdk.Stack(app, "S")
    vpc = ec2.Vpc.from_vpc_attributes(
        stack, "Vpc", vpc_id="vpc-0a1b2c3d4e5f60718", availability_zones=["us-east-1a"],
        private_subnet_ids=["subnet-0aaaaaaaaaaaaaaa1"] if private else None,
        public_subnet_ids=["subnet-0bbbbbbbbbbbbbbb1"] if public else None,
        isolated_subnet_ids=["subnet-0ccccccccccccccc1"] if isolated else None)
    cluster = ecs.Cluster.from_cluster_attributes(stack, "Cluster", cluster_name="c", vpc=vpc)
    return app, stack, vpc, cluster


def fargate_task(stack: cdk.Stack, arn: str = "arn:aws:ecs:us-east-1:123456789012:task-definition/app:1", **kwargs: Any) -> Any:
    return ecs.FargateTaskDefinition.from_fargate_task_definition_attributes(
        stack, "TaskDef", task_definition_arn=arn, network_mode=ecs.NetworkMode.AWS_VPC,
        task_role=iam.Role.from_role_arn(stack, "TaskRole", "arn:aws:iam::123456789012:role/app-task"), **kwargs)


def sg(stack: cdk.Stack, id: str = "SG") -> Any:
    return ec2.SecurityGroup.from_security_group_id(stack, id, "sg-0123456789abcdef0")


def only_target(res: dict[str, Any]) -> dict[str, Any]:
    rules = [r for r in res.values() if r["Type"] == "AWS::Events::Rule"]
    assert len(rules) == 1
    targets: list[dict[str, Any]] = rules[0]["Properties"]["Targets"]
    assert len(targets) == 1
    return targets[0]


def policy_statements(res: dict[str, Any], logical_prefix: str) -> list[dict[str, Any]]:
    [policy] = [r for k, r in res.items() if k.startswith(logical_prefix) and r["Type"] == "AWS::IAM::Policy"]
    return policy["Properties"]["PolicyDocument"]["Statement"]  # type: ignore[no-any-return]


# --- the compat apps --------------------------------------------------------------------------------


@needs_shared
def test_target_ecs_fargate_app_matches_golden(tmp_path: Path) -> None:
    app = compat_app(tmp_path)
    stack = cdk.Stack(app, "EcsTargetStack")
    vpc = ec2.Vpc.from_vpc_attributes(stack, "Vpc", vpc_id="vpc-0a1b2c3d4e5f60718", availability_zones=["us-east-1a", "us-east-1b"],
        private_subnet_ids=["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"],
        public_subnet_ids=["subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2"])
    cluster = ecs.Cluster.from_cluster_attributes(stack, "Cluster", cluster_name="app-cluster", vpc=vpc)
    security_group = ec2.SecurityGroup.from_security_group_id(stack, "TaskSG", "sg-0123456789abcdef0")
    task_definition = ecs.FargateTaskDefinition.from_fargate_task_definition_attributes(stack, "TaskDef",
        task_definition_arn="arn:aws:ecs:us-east-1:123456789012:task-definition/app:7",
        network_mode=ecs.NetworkMode.AWS_VPC,
        task_role=iam.Role.from_role_arn(stack, "TaskRole", "arn:aws:iam::123456789012:role/app-task"),
        execution_role=iam.Role.from_role_arn(stack, "ExecutionRole", "arn:aws:iam::123456789012:role/app-execution"))
    role = iam.Role(stack, "Role", assumed_by=iam.ServicePrincipal("events.amazonaws.com"))
    ecs_task_target = EcsTask(cluster=cluster, task_definition=task_definition, role=role, security_groups=[security_group])
    events.Rule(stack, "ScheduleRule", schedule=events.Schedule.cron(minute="0", hour="4"), targets=[ecs_task_target])
    events.Rule(stack, "FargateRule", event_pattern=events.EventPattern(source=["com.example"]), targets=[EcsTask(
        cluster=cluster, task_definition=task_definition, platform_version=ecs.FargatePlatformVersion.VERSION1_4, task_count=2,
        security_groups=[security_group],
        subnet_selection=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PUBLIC), assign_public_ip=True,
        container_overrides=[ContainerOverride(container_name="app", command=["echo", "override"],
            environment=[TaskEnvironmentVariable(name="DETAIL", value=events.EventField.from_path("$.detail.x"))])],
        tags=[Tag(key="team", value="blue")], propagate_tags=ecs.PropagatedTagSource.TASK_DEFINITION)])
    assert resources(app, stack) == golden_resources("target_ecs_fargate", "EcsTargetStack")
    route_table_warnings = [p for p, w in warnings(app) if "No routeTableId" in w]
    assert route_table_warnings == [f"EcsTargetStack/Vpc/{k}Subnet{i}" for k in ("Public", "Private") for i in (1, 2)]


@needs_shared
def test_target_ecs_ec2_app_matches_golden(tmp_path: Path) -> None:
    app = compat_app(tmp_path)
    stack = cdk.Stack(app, "EcsEc2Stack")
    vpc = ec2.Vpc.from_vpc_attributes(stack, "Vpc", vpc_id="vpc-0123abcd4567ef890", availability_zones=["eu-west-1a", "eu-west-1b"],
        private_subnet_ids=["subnet-0a0a0a0a0a0a0a0a1", "subnet-0a0a0a0a0a0a0a0a2"])
    cluster = ecs.Cluster.from_cluster_attributes(stack, "Cluster", cluster_name="ec2-cluster", vpc=vpc)
    ec2_task = ecs.TaskDefinition.from_task_definition_attributes(stack, "Ec2Task",
        task_definition_arn="arn:aws:ecs:eu-west-1:123456789012:task-definition/nightly-report",
        compatibility=ecs.Compatibility.EC2, network_mode=ecs.NetworkMode.BRIDGE)
    events.Rule(stack, "Nightly", schedule=events.Schedule.cron(minute="30", hour="2"), targets=[EcsTask(
        cluster=cluster, task_definition=ec2_task, task_count=2,
        container_overrides=[ContainerOverride(container_name="report", cpu=256, memory_limit=512, memory_reservation=256,
            command=["report", "--full"], environment=[TaskEnvironmentVariable(name="LEVEL", value="debug")])])])
    fargate = ecs.FargateTaskDefinition.from_fargate_task_definition_attributes(stack, "FargateTask",
        task_definition_arn="arn:aws:ecs:eu-west-1:123456789012:task-definition/ingest:4", network_mode=ecs.NetworkMode.AWS_VPC,
        task_role=iam.Role.from_role_arn(stack, "IngestRole", "arn:aws:iam::123456789012:role/ingest-task"))
    subnet = ec2.Subnet.from_subnet_id(stack, "Subnet", "subnet-0b0b0b0b0b0b0b0b1")
    events.Rule(stack, "Ingest", event_pattern=events.EventPattern(source=["com.example.ingest"]), targets=[EcsTask(
        cluster=cluster, task_definition=fargate, subnet_selection=ec2.SubnetSelection(subnets=[subnet]),
        security_groups=[ec2.SecurityGroup.from_security_group_id(stack, "Sg", "sg-0c0c0c0c0c0c0c0c1")],
        launch_type=ecs.LaunchType.FARGATE, enable_execute_command=True, cpu="512", memory="1024",
        ephemeral_storage=EphemeralStorageOverride(size_in_gib=21),
        task_role=iam.Role.from_role_arn(stack, "OverrideTask", "arn:aws:iam::123456789012:role/ingest-override"),
        execution_role=iam.Role.from_role_arn(stack, "OverrideExec", "arn:aws:iam::123456789012:role/ingest-exec"),
        tags=[Tag(key="pipeline", value="ingest")], propagate_tags=ecs.PropagatedTagSource.NONE)])
    assert resources(app, stack) == golden_resources("target_ecs_ec2", "EcsEc2Stack")


@pytest.mark.parametrize("size", [10, 19, 201])
def test_ephemeral_storage_outside_20_to_200_is_rejected_at_bind(tmp_path: Path, size: int) -> None:
    _app, stack, _, cluster = base(tmp_path)
    target = EcsTask(cluster=cluster, task_definition=fargate_task(stack), security_groups=[sg(stack)],
                     ephemeral_storage=EphemeralStorageOverride(size_in_gib=size))
    rule = events.Rule(stack, "Rule", event_pattern=events.EventPattern(source=["com.example"]))
    with pytest.raises(ValidationError) as error:
        rule.add_target(target)
    assert str(error.value) == (f"[S/Rule] Ephemeral storage size must be between 20 GiB and 200 GiB. (EcsTask target: "
                                f"'ephemeral_storage.size_in_gib' is {size})")


@pytest.mark.parametrize("size", [20, 200])
def test_ephemeral_storage_bounds_are_allowed(tmp_path: Path, size: int) -> None:
    app, stack, _, cluster = base(tmp_path)
    events.Rule(stack, "Rule", event_pattern=events.EventPattern(source=["com.example"]), targets=[EcsTask(
        cluster=cluster, task_definition=fargate_task(stack), security_groups=[sg(stack)],
        ephemeral_storage=EphemeralStorageOverride(size_in_gib=size))])
    assert only_target(resources(app, stack))["Input"] == json.dumps({"ephemeralStorage": {"sizeInGiB": size}}, separators=(",", ":"))


# --- role statements -------------------------------------------------------------------------------


def test_unversioned_task_definition_arn_gets_a_revision_wildcard(tmp_path: Path) -> None:
    app, stack, _, cluster = base(tmp_path)
    task = fargate_task(stack, arn="arn:aws:ecs:us-east-1:123456789012:task-definition/app")
    events.Rule(stack, "Rule", event_pattern=events.EventPattern(source=["x"]),
                targets=[EcsTask(cluster=cluster, task_definition=task, security_groups=[sg(stack)])])
    statements = policy_statements(resources(app, stack), "TaskDefEventsRoleDefaultPolicy")
    assert statements[0]["Action"] == "ecs:RunTask"
    assert statements[0]["Resource"] == "arn:aws:ecs:us-east-1:123456789012:task-definition/app:*"
    assert statements[2] == {"Action": "iam:PassRole", "Effect": "Allow", "Resource": "arn:aws:iam::123456789012:role/app-task"}


def test_tag_resource_statement_uses_partition_literal_with_a_concrete_region(tmp_path: Path) -> None:
    app = compat_app(tmp_path)
    stack = cdk.Stack(app, "S", env=cdk.Environment(account="123456789012", region="eu-west-1"))
    vpc = ec2.Vpc.from_vpc_attributes(stack, "Vpc", vpc_id="vpc-0a1b2c3d", availability_zones=["eu-west-1a"],
                                      private_subnet_ids=["subnet-0a1b2c3d"])
    cluster = ecs.Cluster.from_cluster_attributes(stack, "Cluster", cluster_name="c", vpc=vpc)
    task = ecs.TaskDefinition.from_task_definition_attributes(
        stack, "TaskDef", task_definition_arn="arn:aws:ecs:eu-west-1:123456789012:task-definition/t:2",
        compatibility=ecs.Compatibility.EC2, network_mode=ecs.NetworkMode.BRIDGE)
    events.Rule(stack, "Rule", event_pattern=events.EventPattern(source=["x"]),
                targets=[EcsTask(cluster=cluster, task_definition=task)])
    res = resources(app, stack)
    statements = policy_statements(res, "TaskDefEventsRoleDefaultPolicy")
    assert statements[0]["Condition"] == {"ArnEquals": {"ecs:cluster": "arn:aws:ecs:eu-west-1:123456789012:cluster/c"}}
    assert statements[1] == {"Action": "ecs:TagResource", "Effect": "Allow", "Resource": "arn:aws:ecs:eu-west-1:*:task/c/*"}
    assert len(statements) == 2  # EC2-only: no task role to pass, no execution role
    assert only_target(res)["Arn"] == "arn:aws:ecs:eu-west-1:123456789012:cluster/c"


def test_ec2_and_fargate_task_definition_without_task_role_is_rejected(tmp_path: Path) -> None:
    _app, stack, _, cluster = base(tmp_path)
    task = ecs.TaskDefinition.from_task_definition_attributes(
        stack, "TaskDef", task_definition_arn="arn:aws:ecs:us-east-1:123456789012:task-definition/t:1",
        network_mode=ecs.NetworkMode.AWS_VPC)
    with pytest.raises(ValidationError, match=r"^\[S/TaskDef\] This operation requires the taskRole in ImportedTaskDefinition"):
        EcsTask(cluster=cluster, task_definition=task)


def test_task_definition_without_network_mode_is_rejected(tmp_path: Path) -> None:
    _app, stack, _, cluster = base(tmp_path)
    task = ecs.TaskDefinition.from_task_definition_attributes(
        stack, "TaskDef", task_definition_arn="arn:aws:ecs:us-east-1:123456789012:task-definition/t:1",
        compatibility=ecs.Compatibility.EC2)
    with pytest.raises(ValidationError, match=r"^\[S/TaskDef\] This operation requires the networkMode"):
        EcsTask(cluster=cluster, task_definition=task)


# --- security groups ---------------------------------------------------------------------------------


def test_awsvpc_without_security_groups_creates_one_under_the_task_definition_and_reuses_it(tmp_path: Path) -> None:
    app, stack, _, cluster = base(tmp_path)
    task = fargate_task(stack)
    first = EcsTask(cluster=cluster, task_definition=task)
    second = EcsTask(cluster=cluster, task_definition=task)
    assert first.security_groups is not None and first.security_groups == second.security_groups
    assert first.security_group is second.security_group
    events.Rule(stack, "Rule", event_pattern=events.EventPattern(source=["x"]), targets=[first, second])
    res = resources(app, stack)
    assert res["TaskDefSecurityGroupD50E7CF0"] == {
        "Type": "AWS::EC2::SecurityGroup",
        "Properties": {
            "GroupDescription": "S/TaskDef/SecurityGroup",
            "SecurityGroupEgress": [{"CidrIp": "0.0.0.0/0", "Description": "Allow all outbound traffic by default", "IpProtocol": "-1"}],
            "VpcId": "vpc-0a1b2c3d4e5f60718",
        },
        "Metadata": {"aws:cdk:path": "S/TaskDef/SecurityGroup/Resource"},
    }
    rule = next(r for r in res.values() if r["Type"] == "AWS::Events::Rule")
    for target in rule["Properties"]["Targets"]:
        assert target["EcsParameters"]["NetworkConfiguration"]["AwsVpcConfiguration"] == {
            "AssignPublicIp": "DISABLED",
            "SecurityGroups": [{"Fn::GetAtt": ["TaskDefSecurityGroupD50E7CF0", "GroupId"]}],
            "Subnets": ["subnet-0aaaaaaaaaaaaaaa1"],
        }


def test_deprecated_security_group_is_used(tmp_path: Path) -> None:
    app, stack, _, cluster = base(tmp_path)
    group = sg(stack)
    target = EcsTask(cluster=cluster, task_definition=fargate_task(stack), security_group=group)
    assert target.security_groups == [group]
    events.Rule(stack, "Rule", event_pattern=events.EventPattern(source=["x"]), targets=[target])
    config = only_target(resources(app, stack))["EcsParameters"]["NetworkConfiguration"]["AwsVpcConfiguration"]
    assert config["SecurityGroups"] == ["sg-0123456789abcdef0"]


def test_security_group_and_security_groups_together_are_rejected(tmp_path: Path) -> None:
    _app, stack, _, cluster = base(tmp_path)
    group = sg(stack)
    with pytest.raises(ValidationError) as error:
        EcsTask(cluster=cluster, task_definition=fargate_task(stack), security_group=group, security_groups=[group])
    assert str(error.value) == ("[S/TaskDef] EcsTask target: Only one of SecurityGroup or SecurityGroups can be populated. "
                                "(got both 'security_group' and 'security_groups')")


def test_security_groups_on_bridge_network_are_ignored_with_a_warning(tmp_path: Path) -> None:
    app, stack, _, cluster = base(tmp_path)
    task = ecs.TaskDefinition.from_task_definition_attributes(
        stack, "TaskDef", task_definition_arn="arn:aws:ecs:us-east-1:123456789012:task-definition/t:1",
        compatibility=ecs.Compatibility.EC2, network_mode=ecs.NetworkMode.BRIDGE)
    target = EcsTask(cluster=cluster, task_definition=task, security_groups=[sg(stack)])
    assert target.security_groups is None
    events.Rule(stack, "Rule", event_pattern=events.EventPattern(source=["x"]), targets=[target])
    assert ("S/TaskDef", "security groups are ignored when network mode is not awsvpc "
                         "[ack: @aws-cdk/aws-events-targets:ecsTaskSecurityGroupIgnored]") in warnings(app)
    assert only_target(resources(app, stack))["EcsParameters"] == {
        "TaskCount": 1, "TaskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/t:1"}


# --- assignPublicIp, launch type, subnets ------------------------------------------------------------


def test_assign_public_ip_requires_public_subnets(tmp_path: Path) -> None:
    _app, stack, _, cluster = base(tmp_path)
    rule = events.Rule(stack, "Rule", event_pattern=events.EventPattern(source=["x"]))
    with pytest.raises(ValidationError, match=r"^\[S/Rule\] assignPublicIp should be set to true only for PUBLIC subnets \(EcsTask target: 'assign_public_ip' is True"):
        rule.add_target(EcsTask(cluster=cluster, task_definition=fargate_task(stack), security_groups=[sg(stack)],
                                assign_public_ip=True))


def test_assign_public_ip_only_for_fargate(tmp_path: Path) -> None:
    _app, stack, _, cluster = base(tmp_path)
    task = ecs.TaskDefinition.from_task_definition_attributes(
        stack, "TaskDef", task_definition_arn="arn:aws:ecs:us-east-1:123456789012:task-definition/t:1",
        compatibility=ecs.Compatibility.EC2, network_mode=ecs.NetworkMode.AWS_VPC)
    rule = events.Rule(stack, "Rule", event_pattern=events.EventPattern(source=["x"]))
    with pytest.raises(ValidationError) as error:
        rule.add_target(EcsTask(cluster=cluster, task_definition=task, security_groups=[sg(stack)],
                                subnet_selection=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PUBLIC)))
    assert str(error.value) == ("[S/Rule] assignPublicIp is only supported for FARGATE tasks (EcsTask target: the launch "
                                "type is EC2)")


def test_public_subnets_enable_public_ip_unless_disabled(tmp_path: Path) -> None:
    app, stack, _, cluster = base(tmp_path)
    task = fargate_task(stack)
    public = ec2.SubnetSelection(subnet_type=ec2.SubnetType.PUBLIC)
    events.Rule(stack, "A", event_pattern=events.EventPattern(source=["x"]), targets=[EcsTask(
        cluster=cluster, task_definition=task, security_groups=[sg(stack)], subnet_selection=public)])
    events.Rule(stack, "B", event_pattern=events.EventPattern(source=["x"]), targets=[EcsTask(
        cluster=cluster, task_definition=task, security_groups=[sg(stack, "SG2")], subnet_selection=public,
        assign_public_ip=False)])
    res = resources(app, stack)
    ips = [r["Properties"]["Targets"][0]["EcsParameters"]["NetworkConfiguration"]["AwsVpcConfiguration"]["AssignPublicIp"]
           for r in res.values() if r["Type"] == "AWS::Events::Rule"]
    assert ips == ["ENABLED", "DISABLED"]


@pytest.mark.parametrize(("expected", "launch_type", "compatibility"), [
    ("EC2", ecs.LaunchType.EC2, ecs.Compatibility.EC2_AND_FARGATE),
    ("FARGATE", ecs.LaunchType.FARGATE, ecs.Compatibility.EC2_AND_FARGATE),
    ("EXTERNAL", ecs.LaunchType.EXTERNAL, ecs.Compatibility.EC2_AND_FARGATE),
    ("EC2", None, ecs.Compatibility.EC2_AND_FARGATE),
    ("FARGATE", None, ecs.Compatibility.FARGATE),
])
def test_launch_type(tmp_path: Path, expected: str, launch_type: Any, compatibility: Any) -> None:
    app, stack, _, cluster = base(tmp_path)
    task = ecs.TaskDefinition.from_task_definition_attributes(
        stack, "TaskDef", task_definition_arn="arn:aws:ecs:us-east-1:123456789012:task-definition/t:1",
        compatibility=compatibility, network_mode=ecs.NetworkMode.AWS_VPC,
        task_role=iam.Role.from_role_arn(stack, "TaskRole", "arn:aws:iam::123456789012:role/t"))
    events.Rule(stack, "Rule", event_pattern=events.EventPattern(source=["x"]), targets=[EcsTask(
        cluster=cluster, task_definition=task, security_groups=[sg(stack)], launch_type=launch_type)])
    assert only_target(resources(app, stack))["EcsParameters"]["LaunchType"] == expected


def test_isolated_subnets_and_missing_private_subnets(tmp_path: Path) -> None:
    app, stack, _, cluster = base(tmp_path, private=False, isolated=True)
    task = fargate_task(stack)
    rule = events.Rule(stack, "Rule", event_pattern=events.EventPattern(source=["x"]))
    with pytest.raises(ValidationError) as error:
        rule.add_target(EcsTask(cluster=cluster, task_definition=task, security_groups=[sg(stack)]))
    assert str(error.value) == "[S/Vpc] There are no 'Private' subnet groups in this VPC. Available types: Isolated,Deprecated_Isolated,Public"
    rule.add_target(EcsTask(cluster=cluster, task_definition=task, security_groups=[sg(stack, "SG2")],
                            subnet_selection=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_ISOLATED)))
    config = only_target(resources(app, stack))["EcsParameters"]["NetworkConfiguration"]["AwsVpcConfiguration"]
    assert config == {"AssignPublicIp": "DISABLED", "SecurityGroups": ["sg-0123456789abcdef0"], "Subnets": ["subnet-0ccccccccccccccc1"]}


# --- parameters and input ------------------------------------------------------------------------------


def test_no_overrides_gives_an_empty_object_input_and_parameter_order(tmp_path: Path) -> None:
    app, stack, _, cluster = base(tmp_path)
    events.Rule(stack, "Rule", event_pattern=events.EventPattern(source=["x"]), targets=[EcsTask(
        cluster=cluster, task_definition=fargate_task(stack), security_groups=[sg(stack)],
        platform_version=ecs.FargatePlatformVersion.LATEST, enable_execute_command=False, tags=[])])
    target = only_target(resources(app, stack))
    assert target["Input"] == "{}"
    assert list(target["EcsParameters"]) == ["EnableExecuteCommand", "LaunchType", "NetworkConfiguration",
                                             "PlatformVersion", "TagList", "TaskCount", "TaskDefinitionArn"]
    assert target["EcsParameters"]["PlatformVersion"] == "LATEST"
    assert target["EcsParameters"]["TagList"] == []
    assert target["EcsParameters"]["EnableExecuteCommand"] is False


def test_every_task_override_goes_into_the_input(tmp_path: Path) -> None:
    app, stack, _, cluster = base(tmp_path)
    execution = iam.Role(stack, "ExecutionRoleOverride", assumed_by=iam.ServicePrincipal("ecs-tasks.amazonaws.com"))
    task_role = iam.Role(stack, "TaskRoleOverride", assumed_by=iam.ServicePrincipal("ecs-tasks.amazonaws.com"))
    events.Rule(stack, "Rule", event_pattern=events.EventPattern(source=["x"]), targets=[EcsTask(
        cluster=cluster, task_definition=fargate_task(stack), security_groups=[sg(stack)],
        container_overrides=[ContainerOverride(container_name="TheContainer",
                                               command=["echo", events.EventField.from_path("$.detail.event")])],
        cpu="1024", ephemeral_storage=EphemeralStorageOverride(size_in_gib=100), execution_role=execution,
        inference_accelerator_overrides=[InferenceAcceleratorOverride(device_name="device-name", device_type="device-type")],
        memory="2048", task_role=task_role)])
    assert only_target(resources(app, stack))["InputTransformer"] == {
        "InputPathsMap": {"detail-event": "$.detail.event"},
        "InputTemplate": {"Fn::Join": ["", [
            '{"containerOverrides":[{"name":"TheContainer","command":["echo",<detail-event>]}],"cpu":"1024",'
            '"ephemeralStorage":{"sizeInGiB":100},"executionRole":"',
            {"Fn::GetAtt": ["ExecutionRoleOverrideE576BCB8", "Arn"]},
            '","inferenceAcceleratorOverrides":[{"deviceName":"device-name","deviceType":"device-type"}],'
            '"memory":"2048","taskRole":"',
            {"Fn::GetAtt": ["TaskRoleOverride9910DE20", "Arn"]},
            '"}',
        ]]},
    }


def test_dead_letter_queue_and_retry_policy(tmp_path: Path) -> None:
    app, stack, _, cluster = base(tmp_path)
    dlq = sqs.Queue(stack, "Dlq")
    rule = events.Rule(stack, "Rule", event_pattern=events.EventPattern(source=["x"]), targets=[EcsTask(
        cluster=cluster, task_definition=fargate_task(stack), security_groups=[sg(stack)], dead_letter_queue=dlq,
        retry_attempts=3, max_event_age=cdk.Duration.hours(1))])
    res = resources(app, stack)
    target = only_target(res)
    assert target["DeadLetterConfig"] == {"Arn": {"Fn::GetAtt": ["DlqD1FAA4AD", "Arn"]}}
    assert target["RetryPolicy"] == {"MaximumEventAgeInSeconds": 3600, "MaximumRetryAttempts": 3}
    [policy] = [r for r in res.values() if r["Type"] == "AWS::SQS::QueuePolicy"]
    assert policy["Properties"]["PolicyDocument"]["Statement"][0]["Sid"] == f"AllowEventRule{cdk.Names.node_unique_id(rule.node)}"


def test_retry_attempts_out_of_range_is_rejected(tmp_path: Path) -> None:
    _app, stack, _, cluster = base(tmp_path)
    rule = events.Rule(stack, "Rule", event_pattern=events.EventPattern(source=["x"]))
    with pytest.raises(ValidationError, match=r"^\[S/Rule\] EcsTask target: retry_attempts must be a whole number from 0 to 185, got 200$"):
        rule.add_target(EcsTask(cluster=cluster, task_definition=fargate_task(stack), security_groups=[sg(stack)],
                                retry_attempts=200))


# --- prop checks ---------------------------------------------------------------------------------------


def test_propagate_tags_service_is_rejected(tmp_path: Path) -> None:
    _app, stack, _, cluster = base(tmp_path)
    with pytest.raises(ValidationError) as error:
        EcsTask(cluster=cluster, task_definition=fargate_task(stack), propagate_tags=ecs.PropagatedTagSource.SERVICE)
    assert str(error.value) == ("[S/TaskDef] EcsTask target: When propagateTags is passed, it must be set to "
                                "TASK_DEFINITION or NONE. (got 'propagate_tags'=PropagatedTagSource.SERVICE)")


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"launch_type": "FARGATE"}, "'launch_type' must be one of ecs.LaunchType.EC2, ecs.LaunchType.FARGATE, ecs.LaunchType.EXTERNAL, got 'FARGATE'"),
    ({"platform_version": "1.4.0"}, "'platform_version' must be one of ecs.FargatePlatformVersion.LATEST"),
    ({"task_count": 0}, "'task_count' must be a whole number of at least 1, got 0"),
    ({"tags": ["a=b"]}, "'tags' must be a list of targets.Tag, got"),
    ({"container_overrides": [{"container_name": "a"}]}, "'container_overrides': the dict {'container_name': 'a'} lacks the required key(s) 'containerName' of targets.ContainerOverride"),
    ({"container_overrides": [3]}, "'container_overrides' must be a list of targets.ContainerOverride"),
    ({"ephemeral_storage": 30}, "'ephemeral_storage' must be a targets.EphemeralStorageOverride(size_in_gib=...), got 30"),
    ({"assign_public_ip": "yes"}, "'assign_public_ip' must be True or False, got 'yes'"),
    ({"subnet_selection": "Public"}, "'subnet_selection' must be an ec2.SubnetSelection"),
    ({"subnet_selection": {"subnetType": "Public"}}, "'subnet_selection': the dict given for SubnetSelection has the key(s) 'subnetType'"),
    ({"security_groups": ["sg-0123456789abcdef0"]}, "'security_groups' must be a list of ec2.ISecurityGroup"),
])
def test_wrong_prop_types_are_named(tmp_path: Path, kwargs: dict[str, Any], message: str) -> None:
    _app, stack, _, cluster = base(tmp_path)
    with pytest.raises(ValidationError) as error:
        EcsTask(cluster=cluster, task_definition=fargate_task(stack), **kwargs)
    assert str(error.value).startswith("[S/TaskDef] EcsTask target: " + message)


def test_a_subnet_type_given_as_a_string_is_refused(tmp_path: Path) -> None:
    _app, stack, _, cluster = base(tmp_path)
    with pytest.raises(ValidationError, match=r"'subnet_selection.subnet_type' must be an ec2.SubnetType|"
                                              r"SubnetSelection: 'subnet_type' must be a SubnetType"):
        EcsTask(cluster=cluster, task_definition=fargate_task(stack), subnet_selection={"subnet_type": "Public"})


def test_cluster_and_task_definition_must_be_ecs_objects(tmp_path: Path) -> None:
    _app, stack, _, cluster = base(tmp_path)
    rule = events.Rule(stack, "Rule", schedule=events.Schedule.rate(cdk.Duration.hours(1)))
    target = EcsTask(cluster=cluster, task_definition="arn:aws:ecs:us-east-1:123456789012:task-definition/t:1")
    with pytest.raises(ValidationError, match=r"^\[S/Rule\] EcsTask target: 'task_definition' must be an "
                                              r"ecs.ITaskDefinition"):
        rule.add_target(target)
    task_definition = fargate_task(stack)
    with pytest.raises(ValidationError, match=r"^\[S/Rule\] EcsTask target: 'cluster' must be an ecs.ICluster"):
        rule.add_target(EcsTask(cluster="c", task_definition=task_definition))
    with pytest.raises(ValidationError, match=r"^\[S/Rule\] EcsTask target: 'role' must be an IAM role"):
        rule.add_target(EcsTask(cluster=cluster, task_definition=task_definition, role="r"))


def test_container_overrides_accept_camel_case_dicts(tmp_path: Path) -> None:
    _app, stack, _, cluster = base(tmp_path)
    target = EcsTask(cluster=cluster, task_definition=fargate_task(stack),
                     container_overrides=[{"containerName": "c", "environment": [{"name": "A", "value": "1"}]}],
                     tags=[{"key": "k", "value": "v"}], ephemeral_storage={"size_in_gib": 30})
    assert target.container_overrides == [ContainerOverride(
        container_name="c", environment=[TaskEnvironmentVariable(name="A", value="1")])]
    assert target.tags == [Tag(key="k", value="v")]
    assert target.ephemeral_storage == EphemeralStorageOverride(size_in_gib=30)


class _PlainTaskDefinition:
    """A task definition that is not a construct (duck-typed)."""

    task_definition_arn = "arn:aws:ecs:us-east-1:123456789012:task-definition/plain:1"
    network_mode = ecs.NetworkMode.AWS_VPC
    execution_role = None
    is_fargate_compatible = False
    is_ec2_compatible = True


def test_awsvpc_task_definition_that_is_not_a_construct_needs_security_groups(tmp_path: Path) -> None:
    _app, stack, _, cluster = base(tmp_path)
    with pytest.raises(ValidationError) as error:
        EcsTask(cluster=cluster, task_definition=_PlainTaskDefinition(), role=iam.Role(
            stack, "Role", assumed_by=iam.ServicePrincipal("events.amazonaws.com")))
    assert str(error.value) == ("Cannot create a security group for ECS task. The task definition in ECS task is not a "
                                "Construct. Please pass a taskDefinition as a Construct in EcsTaskProps.")
