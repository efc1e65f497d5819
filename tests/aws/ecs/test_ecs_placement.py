"""Task placement (`PlacementStrategy`, `PlacementConstraint`, `CapacityProviderStrategy`), placement
constraints on task definitions, and the EC2 task definition details the CDK adds: `AWS_REGION` in
awsvpc containers, task-level memory standing in for container memory, dynamic host ports in bridge mode."""

# ruff: noqa: E501 (long expected messages are kept on one line)

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cdk_events.aws import ec2, ecs
from cdk_events.aws.ecs._placement import capacity_provider_strategy_of
from cdk_events.core import App, Duration, Environment, Stack, UnscopedValidationError, ValidationError
from cdk_events.core._struct import StructError
from cdk_events.scheduler import Schedule, ScheduleExpression
from cdk_events.scheduler import targets as scheduler_targets

IMAGE = "busybox"


def make(tmp_path: Path, region: str | None = "us-west-2") -> tuple[App, Stack]:
    app = App(outdir=str(tmp_path))
    env = Environment(account="123456789012", region=region) if region else None
    return app, Stack(app, "S", env=env)


def resources(app: App, stack: Stack) -> dict[str, Any]:
    return app.synth().get_stack_artifact(stack.artifact_id).template["Resources"]  # type: ignore[no-any-return]


def find(res: dict[str, Any], prefix: str, type_: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [r for lid, r in res.items() if lid.startswith(prefix) and r["Type"] == type_]
    assert len(found) == 1, found
    return found[0]


TASK = "AWS::ECS::TaskDefinition"


def cfn(items: list[Any]) -> list[dict[str, Any]]:
    return [item._to_cloudformation_value() for item in items]


def test_placement_strategies_json() -> None:
    strategy = ecs.PlacementStrategy
    assert cfn(strategy.spread_across_instances().to_json()) == [{"Field": "instanceId", "Type": "spread"}]
    assert cfn(strategy.spread_across(ecs.BuiltInAttributes.AVAILABILITY_ZONE, "attribute:rack").to_json()) == [
        {"Field": "attribute:ecs.availability-zone", "Type": "spread"}, {"Field": "attribute:rack", "Type": "spread"}]
    assert cfn(strategy.packed_by_cpu().to_json()) == [{"Field": "CPU", "Type": "binpack"}]
    assert cfn(strategy.packed_by_memory().to_json()) == [{"Field": "MEMORY", "Type": "binpack"}]
    assert strategy.packed_by(ecs.BinPackResource.CPU).to_json() == [ecs.PlacementStrategyJson(type="binpack", field="CPU")]
    assert strategy.randomly().to_json()[0].type == "random" and strategy.randomly().to_json()[0].field is None
    with pytest.raises(UnscopedValidationError, match=r"^spreadAcross: give at least one field to spread by$"):
        strategy.spread_across()
    with pytest.raises(UnscopedValidationError, match=r"spread_across: each field must be a non-empty string, got 3"):
        strategy.spread_across(3)  # type: ignore[arg-type]
    with pytest.raises(UnscopedValidationError, match=r"'resource' must be an ecs.BinPackResource \(CPU or MEMORY\), got 'cpu'"):
        strategy.packed_by("cpu")  # type: ignore[arg-type]


def test_placement_constraints_json() -> None:
    assert cfn(ecs.PlacementConstraint.distinct_instances().to_json()) == [{"Type": "distinctInstance"}]
    assert cfn(ecs.PlacementConstraint.member_of("attribute:ecs.instance-type =~ t3.*", "attribute:x == y").to_json()) == [
        {"Expression": "attribute:ecs.instance-type =~ t3.*", "Type": "memberOf"},
        {"Expression": "attribute:x == y", "Type": "memberOf"}]
    with pytest.raises(UnscopedValidationError, match=r"member_of: each expression must be a non-empty string, got ''"):
        ecs.PlacementConstraint.member_of("")


def test_capacity_provider_strategy_struct_and_dicts() -> None:
    spot = ecs.CapacityProviderStrategy(capacity_provider="spot", weight=3)
    assert (spot.capacity_provider, spot.base, spot.weight) == ("spot", None, 3)
    assert capacity_provider_strategy_of({"capacity_provider": "a", "base": 1}, "s[0]") == ecs.CapacityProviderStrategy(capacity_provider="a", base=1)
    assert capacity_provider_strategy_of({"capacityProvider": "b", "weight": 2}, "s[1]") == ecs.CapacityProviderStrategy(capacity_provider="b", weight=2)
    assert capacity_provider_strategy_of(spot, "s") is spot
    with pytest.raises(StructError, match=r"'s\[0\]': the dict given for CapacityProviderStrategy has the key\(s\) 'wieght'"):
        capacity_provider_strategy_of({"capacity_provider": "a", "wieght": 1}, "s[0]")
    with pytest.raises(StructError, match=r"has no 'capacity_provider'"):
        capacity_provider_strategy_of({"weight": 1}, "s[0]")
    with pytest.raises(UnscopedValidationError, match=r"'s' must be an ecs.CapacityProviderStrategy"):
        capacity_provider_strategy_of("spot", "s")
    with pytest.raises(UnscopedValidationError, match=r"'capacity_provider' must be the name of a capacity provider"):
        ecs.CapacityProviderStrategy(capacity_provider="")
    with pytest.raises(UnscopedValidationError, match=r"'weight' must be a number, got '3'"):
        ecs.CapacityProviderStrategy(capacity_provider="spot", weight="3")  # type: ignore[arg-type]
    with pytest.raises(UnscopedValidationError, match=r"'base' must be 0 or more, got -1"):
        ecs.CapacityProviderStrategy(capacity_provider="spot", base=-1)


def test_task_definition_placement_constraints(tmp_path: Path) -> None:
    app, stack = make(tmp_path)
    task = ecs.Ec2TaskDefinition(stack, "Task", placement_constraints=[ecs.PlacementConstraint.member_of("attribute:a == b")])
    task.add_container("app", image=ecs.ContainerImage.from_registry(IMAGE), memory_limit_mib=64)
    task.add_placement_constraint(ecs.PlacementConstraint.member_of("attribute:c == d"))
    plain = ecs.Ec2TaskDefinition(stack, "Plain")
    plain.add_container("app", image=ecs.ContainerImage.from_registry(IMAGE), memory_limit_mib=64)
    res = resources(app, stack)
    assert res["Task79114B6B"]["Properties"]["PlacementConstraints"] == [
        {"Expression": "attribute:a == b", "Type": "memberOf"}, {"Expression": "attribute:c == d", "Type": "memberOf"}]
    assert "PlacementConstraints" not in find(res, "Plain", TASK)["Properties"]


def test_task_definition_placement_constraint_errors(tmp_path: Path) -> None:
    _, stack = make(tmp_path)
    with pytest.raises(ValidationError, match=r"^\[S/A\] Invalid placement constraint\(s\): distinctInstance. Only 'memberOf' is currently supported in the Ec2TaskDefinition class.$"):
        ecs.Ec2TaskDefinition(stack, "A", placement_constraints=[ecs.PlacementConstraint.distinct_instances()])
    with pytest.raises(ValidationError, match=r"^\[S/B\] Cannot set placement constraints on tasks that run on Fargate$"):
        ecs.TaskDefinition(stack, "B", compatibility=ecs.Compatibility.EC2_AND_FARGATE, cpu="256", memory_mib="512",
                           placement_constraints=[ecs.PlacementConstraint.member_of("attribute:a == b")])
    fargate = ecs.FargateTaskDefinition(stack, "C")
    with pytest.raises(ValidationError, match=r"^\[S/C\] Cannot set placement constraints on tasks that run on Fargate$"):
        fargate.add_placement_constraint(ecs.PlacementConstraint.member_of("attribute:a == b"))
    with pytest.raises(ValidationError, match=r"'placement_constraints' must be a list of ecs.PlacementConstraint"):
        ecs.Ec2TaskDefinition(stack, "D", placement_constraints=[{"type": "memberOf"}])  # type: ignore[list-item]


def test_awsvpc_ec2_task_definition_adds_aws_region(tmp_path: Path) -> None:
    app, stack = make(tmp_path)
    awsvpc = ecs.Ec2TaskDefinition(stack, "AwsVpc", network_mode=ecs.NetworkMode.AWS_VPC)
    awsvpc.add_container("app", image=ecs.ContainerImage.from_registry(IMAGE), memory_limit_mib=64, environment={"A": "1"})
    awsvpc.add_container("other", image=ecs.ContainerImage.from_registry(IMAGE), memory_limit_mib=64)
    bridge = ecs.Ec2TaskDefinition(stack, "Bridge")
    bridge.add_container("app", image=ecs.ContainerImage.from_registry(IMAGE), memory_limit_mib=64)
    res = resources(app, stack)
    first, second = res["AwsVpcA0014781"]["Properties"]["ContainerDefinitions"]
    assert first["Environment"] == [{"Name": "A", "Value": "1"}, {"Name": "AWS_REGION", "Value": "us-west-2"}]
    assert second["Environment"] == [{"Name": "AWS_REGION", "Value": "us-west-2"}]
    assert "Environment" not in res["Bridge48182F58"]["Properties"]["ContainerDefinitions"][0]


def test_aws_region_of_an_environment_agnostic_stack_is_the_pseudo_parameter(tmp_path: Path) -> None:
    app, stack = make(tmp_path, region=None)
    awsvpc = ecs.Ec2TaskDefinition(stack, "AwsVpc", network_mode=ecs.NetworkMode.AWS_VPC)
    awsvpc.add_container("app", image=ecs.ContainerImage.from_registry(IMAGE), memory_limit_mib=64)
    container = resources(app, stack)["AwsVpcA0014781"]["Properties"]["ContainerDefinitions"][0]
    assert container["Environment"] == [{"Name": "AWS_REGION", "Value": {"Ref": "AWS::Region"}}]


def test_task_level_memory_stands_in_for_container_memory(tmp_path: Path) -> None:
    app, stack = make(tmp_path)
    both = ecs.TaskDefinition(stack, "Both", compatibility=ecs.Compatibility.EC2_AND_FARGATE, cpu="256", memory_mib="512")
    both.add_container("app", image=ecs.ContainerImage.from_registry(IMAGE))
    container = resources(app, stack)["Both16D4C1CD"]["Properties"]["ContainerDefinitions"][0]
    assert container == {"Essential": True, "Image": IMAGE, "Name": "app"}
    app2, stack2 = make(tmp_path / "2")
    ec2_only = ecs.TaskDefinition(stack2, "Ec2", compatibility=ecs.Compatibility.EC2, cpu="256")
    ec2_only.add_container("app", image=ecs.ContainerImage.from_registry(IMAGE))
    with pytest.raises(ValidationError, match=r"ECS Container app must have at least one of 'memoryLimitMiB' or 'memoryReservationMiB' specified"):
        app2.synth()


def test_bridge_port_mapping_gets_a_dynamic_host_port(tmp_path: Path) -> None:
    app, stack = make(tmp_path)
    bridge = ecs.Ec2TaskDefinition(stack, "Bridge")
    bridge.add_container("app", image=ecs.ContainerImage.from_registry(IMAGE), memory_limit_mib=64,
                         port_mappings=[ecs.PortMapping(container_port=80), ecs.PortMapping(container_port=81, host_port=8081)])
    host = ecs.Ec2TaskDefinition(stack, "Host", network_mode=ecs.NetworkMode.HOST)
    host.add_container("app", image=ecs.ContainerImage.from_registry(IMAGE), memory_limit_mib=64,
                       port_mappings=[ecs.PortMapping(container_port=80)])
    res = resources(app, stack)
    assert res["Bridge48182F58"]["Properties"]["ContainerDefinitions"][0]["PortMappings"] == [
        {"ContainerPort": 80, "HostPort": 0, "Protocol": "tcp"}, {"ContainerPort": 81, "HostPort": 8081, "Protocol": "tcp"}]
    assert find(res, "Host", TASK)["Properties"]["ContainerDefinitions"][0]["PortMappings"] == [
        {"ContainerPort": 80, "Protocol": "tcp"}]


def test_scheduler_ec2_target_renders_placement_and_capacity(tmp_path: Path) -> None:
    app, stack = make(tmp_path)
    vpc = ec2.Vpc.from_vpc_attributes(stack, "Vpc", vpc_id="vpc-0fedcba9876543210", availability_zones=["us-west-2a"],
                                      private_subnet_ids=["subnet-0ccccccccccccccc1"])
    cluster = ecs.Cluster.from_cluster_attributes(stack, "Cluster", cluster_name="fleet", vpc=vpc)
    task = ecs.Ec2TaskDefinition(stack, "Task")
    task.add_container("app", image=ecs.ContainerImage.from_registry(IMAGE), memory_limit_mib=64)
    rate = ScheduleExpression.rate(Duration.hours(1))
    Schedule(stack, "Placed", schedule=rate, target=scheduler_targets.EcsRunEc2Task(
        cluster, task_definition=task, placement_constraints=[ecs.PlacementConstraint.member_of("attribute:a == b")],
        placement_strategies=[ecs.PlacementStrategy.spread_across(ecs.BuiltInAttributes.AVAILABILITY_ZONE),
                              ecs.PlacementStrategy.randomly()]))
    Schedule(stack, "Capacity", schedule=rate, target=scheduler_targets.EcsRunEc2Task(
        cluster, task_definition=task,
        capacity_provider_strategies=[ecs.CapacityProviderStrategy(capacity_provider="spot", base=1, weight=2)]))
    res = resources(app, stack)
    placed = find(res, "Placed", "AWS::Scheduler::Schedule")
    params = placed["Properties"]["Target"]["EcsParameters"]
    assert params["PlacementConstraints"] == [{"Expression": "attribute:a == b", "Type": "memberOf"}]
    assert params["PlacementStrategy"] == [{"Field": "attribute:ecs.availability-zone", "Type": "spread"}, {"Type": "random"}]
    capacity = find(res, "Capacity", "AWS::Scheduler::Schedule")
    params = capacity["Properties"]["Target"]["EcsParameters"]
    assert params["CapacityProviderStrategy"] == [{"Base": 1, "CapacityProvider": "spot", "Weight": 2}]
    assert "LaunchType" not in params
