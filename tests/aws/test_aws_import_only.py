"""Service classes that cdk-events only imports say so, and name the import to use."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from cdk_events.aws import batch, ec2, ecs, iam
from cdk_events.core import App, Stack, ValidationError

CASES: list[tuple[Callable[..., Any], str]] = [
    (ec2.Vpc, "ec2.Vpc.from_vpc_attributes"),
    (ec2.Subnet, "ec2.Subnet.from_subnet_id"),
    (ecs.Cluster, "ecs.Cluster.from_cluster_attributes"),
    (ecs.FargateTaskDefinition, "ecs.FargateTaskDefinition.from_fargate_task_definition_attributes"),
    (batch.JobQueue, "batch.JobQueue.from_job_queue_arn"),
    (iam.ManagedPolicy, "iam.ManagedPolicy.from_aws_managed_policy_name"),
]


@pytest.mark.parametrize(("cls", "hint"), CASES, ids=[c[0].__name__ for c in CASES])
def test_defining_an_import_only_resource_names_the_import(cls: Callable[..., Any], hint: str) -> None:
    stack = Stack(App(), "S")
    with pytest.raises(ValidationError) as error:
        cls(stack, "Thing", some_prop=1)
    message = str(error.value)
    assert message.startswith("[S/Thing] cdk-events does not define")
    assert hint in message
