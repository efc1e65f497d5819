"""Owned clusters: the default VPC, Container Insights, Fargate capacity providers."""

# ruff: noqa: E501 (long expected messages are kept on one line)

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cdk_events.aws import ec2, ecs
from cdk_events.core import App, Stack, ValidationError


def make(tmp_path: Path) -> tuple[App, Stack]:
    app = App(outdir=str(tmp_path), context={"@aws-cdk/aws-ec2:restrictDefaultSecurityGroup": False})
    return app, Stack(app, "S")


def resources(app: App, stack: Stack) -> dict[str, Any]:
    return app.synth().get_stack_artifact(stack.artifact_id).template["Resources"]  # type: ignore[no-any-return]


def test_cluster_without_vpc_creates_a_two_zone_vpc_after_the_cluster(tmp_path: Path) -> None:
    app, stack = make(tmp_path)
    cluster = ecs.Cluster(stack, "Cluster")
    assert isinstance(cluster.vpc, ec2.Vpc) and len(cluster.vpc.availability_zones) == 2
    res = resources(app, stack)
    assert list(res)[:2] == ["ClusterEB0386A7", "ClusterVpcFAA3CEDF"]
    assert res["ClusterEB0386A7"] == {"Type": "AWS::ECS::Cluster"}
    assert stack.resolve(cluster.cluster_arn) == {"Fn::GetAtt": ["ClusterEB0386A7", "Arn"]}
    assert stack.resolve(cluster.cluster_name) == {"Ref": "ClusterEB0386A7"}


def test_name_insights_and_fargate_capacity_providers(tmp_path: Path) -> None:
    app, stack = make(tmp_path)
    vpc = ec2.Vpc(stack, "Vpc", max_azs=1)
    ecs.Cluster(stack, "Named", vpc=vpc, cluster_name="named", container_insights_v2=ecs.ContainerInsights.ENHANCED,
                enable_fargate_capacity_providers=True)
    ecs.Cluster(stack, "Old", vpc=vpc, container_insights=False)
    res = resources(app, stack)
    assert res["NamedD2F31604"]["Properties"] == {"ClusterName": "named", "ClusterSettings": [{"Name": "containerInsights", "Value": "enhanced"}]}
    assert res["OldF7E39C65"]["Properties"] == {"ClusterSettings": [{"Name": "containerInsights", "Value": "disabled"}]}
    assert res["NamedF1B97E6F"]["Properties"] == {"CapacityProviders": ["FARGATE", "FARGATE_SPOT"], "Cluster": {"Ref": "NamedD2F31604"},
                                                  "DefaultCapacityProviderStrategy": []}
    assert [k for k, v in res.items() if v["Type"] == "AWS::ECS::ClusterCapacityProviderAssociations"] == ["NamedF1B97E6F"]


def test_insights_twice_is_refused(tmp_path: Path) -> None:
    _app, stack = make(tmp_path)
    with pytest.raises(ValidationError, match=r"^\[S/C\] You cannot set both containerInsights and containerInsightsV2$"):
        ecs.Cluster(stack, "C", container_insights=True, container_insights_v2=ecs.ContainerInsights.ENABLED)
    with pytest.raises(ValidationError, match=r"'vpc' must be an ec2.IVpc"):
        ecs.Cluster(stack, "D", vpc="vpc-1")  # type: ignore[arg-type]
