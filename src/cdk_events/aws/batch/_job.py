"""Imported AWS Batch job queues and job definitions (by ARN)."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from cdk_events.core import ArnFormat, Construct, Resource, ResourceEnvironment, Stack, Token, ValidationError

from ...core._errors import construct_error
from ...core._import_only import ImportOnly


@runtime_checkable
class IJobQueue(Protocol):
    """A Batch job queue (mirrors `aws_cdk.aws_batch.IJobQueue`)."""

    @property
    def node(self) -> Any: ...

    @property
    def env(self) -> ResourceEnvironment: ...

    @property
    def job_queue_arn(self) -> str: ...

    @property
    def job_queue_name(self) -> str: ...


@runtime_checkable
class IJobDefinition(Protocol):
    """A Batch job definition (mirrors `aws_cdk.aws_batch.IJobDefinition`)."""

    @property
    def node(self) -> Any: ...

    @property
    def env(self) -> ResourceEnvironment: ...

    @property
    def job_definition_arn(self) -> str: ...

    @property
    def job_definition_name(self) -> str: ...


def _resource_name(scope: Construct, prop: str, arn: Any, resource: str) -> str:
    """The name part of a job queue / job definition ARN (a token for a token ARN)."""
    shape = f"arn:<partition>:batch:<region>:<account>:{resource}/<name>"
    if not isinstance(arn, str) or not arn:
        raise construct_error(scope, f"'{prop}' must be an ARN like {shape}, got {arn!r}")
    try:
        parts = Stack.of(scope).split_arn(arn, ArnFormat.SLASH_RESOURCE_NAME)
    except ValidationError:
        raise construct_error(scope, f"'{prop}' must be an ARN like {shape}, got {arn!r}") from None
    if not Token.is_unresolved(arn) and (parts.service != "batch" or parts.resource != resource
                                         or not parts.resource_name):
        raise construct_error(scope, f"'{prop}' must be an ARN like {shape}, got {arn!r}")
    return parts.resource_name or ""


class _ImportedJobQueue(Resource):
    def __init__(self, scope: Construct, id: str, job_queue_arn: str):
        super().__init__(scope, id)
        self.job_queue_name = _resource_name(self, "job_queue_arn", job_queue_arn, "job-queue")
        self.job_queue_arn = job_queue_arn
        self.priority = 1


class _ImportedJobDefinition(Resource):
    def __init__(self, scope: Construct, id: str, job_definition_arn: str):
        super().__init__(scope, id)
        self.job_definition_name = _resource_name(self, "job_definition_arn", job_definition_arn, "job-definition")
        self.job_definition_arn = job_definition_arn
        self.enabled = True


class JobQueue(ImportOnly):
    """Job queue imports (mirrors the static methods of `aws_cdk.aws_batch.JobQueue`)."""

    _IMPORT_HINT = "import one with batch.JobQueue.from_job_queue_arn(...)"

    @staticmethod
    def from_job_queue_arn(scope: Construct, id: str, job_queue_arn: str) -> IJobQueue:
        """A job queue defined elsewhere; its name is the part after `job-queue/`."""
        return _ImportedJobQueue(scope, id, job_queue_arn)


class EcsJobDefinition(ImportOnly):
    """ECS job definition imports (mirrors the static methods of `aws_cdk.aws_batch.EcsJobDefinition`)."""

    _IMPORT_HINT = "import one with batch.EcsJobDefinition.from_job_definition_arn(...)"

    @staticmethod
    def from_job_definition_arn(scope: Construct, id: str, job_definition_arn: str) -> IJobDefinition:
        """A job definition defined elsewhere; its name is the part after `job-definition/` (revision included)."""
        return _ImportedJobDefinition(scope, id, job_definition_arn)
