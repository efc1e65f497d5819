"""Service classes that cdk-events only imports say so, and name the import to use."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from cdk_events.aws import apigatewayv2, batch, ecr, iam
from cdk_events.core import App, Stack, ValidationError

CASES: list[tuple[Callable[..., Any], str]] = [
    (batch.JobQueue, "batch.JobQueue.from_job_queue_arn"),
    (batch.EcsJobDefinition, "batch.EcsJobDefinition.from_job_definition_arn"),
    (ecr.Repository, "ecr.Repository.from_repository_name"),
    (apigatewayv2.HttpApi, "apigatewayv2.HttpApi.from_http_api_attributes"),
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
