"""Container images (`ContainerImage.from_registry`, `from_ecr_repository`) and log drivers
(`LogDrivers.aws_logs`): what a container definition binds when it is created."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import attrs

from cdk_events.core import Construct, Stack, Token, ValidationError

from ...core._struct_methods import struct_methods
from .. import logs

if TYPE_CHECKING:
    from ._container_definition import ContainerDefinition


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class ContainerImageConfig:
    """What an image gives a container: `image_name` (no repository credentials offered)."""

    image_name: str


@runtime_checkable
class IEcrRepository(Protocol):
    """The repository of `ContainerImage.from_ecr_repository` (an `ecr.IRepository`)."""

    def repository_uri_for_tag_or_digest(self, tag_or_digest: str | None = None) -> str: ...

    def grant_pull(self, grantee: Any) -> Any: ...


class ContainerImage:
    """A container's image (mirrors `aws_cdk.aws_ecs.ContainerImage`)."""

    def bind(self, scope: Construct, container_definition: ContainerDefinition) -> ContainerImageConfig:
        """The image name for `container_definition` (and any grant it needs)."""
        raise NotImplementedError

    @staticmethod
    def from_registry(name: str) -> ContainerImage:
        """An image of a public registry (Docker Hub, `public.ecr.aws/...`) or a registry the instances reach,
        by name (`repository:tag`)."""
        if not isinstance(name, str) or (not Token.is_unresolved(name) and not name):
            raise ValidationError(f"ContainerImage.from_registry: the image name must be a non-empty string, "
                                  f"got {name!r}")
        return _RegistryImage(name)

    @staticmethod
    def from_ecr_repository(repository: IEcrRepository, tag: str | None = None) -> ContainerImage:
        """An image of an ECR repository (`tag` default `latest`; a `sha256:` digest also works); the task's
        execution role gets pull permissions."""
        if not isinstance(repository, IEcrRepository):
            raise ValidationError(f"ContainerImage.from_ecr_repository: 'repository' must be an ecr.IRepository "
                                  f"(e.g. ecr.Repository.from_repository_name(...)), got {repository!r}")
        return _EcrImage(repository, tag if tag is not None else "latest")


class _RegistryImage(ContainerImage):
    def __init__(self, name: str):
        self.image_name = name

    def bind(self, scope: Construct, container_definition: ContainerDefinition) -> ContainerImageConfig:
        return ContainerImageConfig(image_name=self.image_name)


class _EcrImage(ContainerImage):
    def __init__(self, repository: IEcrRepository, tag_or_digest: str):
        self.repository = repository
        self.tag_or_digest = tag_or_digest
        self.image_name = repository.repository_uri_for_tag_or_digest(tag_or_digest)

    def bind(self, scope: Construct, container_definition: ContainerDefinition) -> ContainerImageConfig:
        self.repository.grant_pull(container_definition.task_definition.obtain_execution_role())
        return ContainerImageConfig(image_name=self.image_name)


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class LogDriverConfig:
    """A container's `LogConfiguration`: the driver and its options."""

    log_driver: str
    options: dict[str, str] | None = None


class LogDriver:
    """A container's log driver (mirrors `aws_cdk.aws_ecs.LogDriver`)."""

    def bind(self, scope: Construct, container_definition: ContainerDefinition) -> LogDriverConfig:
        """The log configuration for `container_definition` (and any resource or grant it needs)."""
        raise NotImplementedError

    @staticmethod
    def aws_logs(*, stream_prefix: str, log_group: logs.ILogGroup | None = None,
                 log_retention: logs.RetentionDays | None = None, datetime_format: str | None = None,
                 multiline_pattern: str | None = None, mode: str | None = None,
                 log_group_region: str | None = None) -> LogDriver:
        """Send the container's output to CloudWatch Logs (see `LogDrivers.aws_logs`)."""
        return AwsLogDriver(stream_prefix=stream_prefix, log_group=log_group, log_retention=log_retention,
                            datetime_format=datetime_format, multiline_pattern=multiline_pattern, mode=mode,
                            log_group_region=log_group_region)


class AwsLogDriver(LogDriver):
    """The `awslogs` driver (mirrors `aws_cdk.aws_ecs.AwsLogDriver`).

    `stream_prefix` is required. `log_group` defaults to a new log group `LogGroup` under the container
    (retention `log_retention`, default never expire; kept on stack deletion); the task's execution role
    may write to it. `log_group_region` defaults to the stack's region; `datetime_format`,
    `multiline_pattern` and `mode` (`blocking` / `non-blocking`) to unset.
    """

    def __init__(self, *, stream_prefix: str, log_group: logs.ILogGroup | None = None,
                 log_retention: logs.RetentionDays | None = None, datetime_format: str | None = None,
                 multiline_pattern: str | None = None, mode: str | None = None,
                 log_group_region: str | None = None):
        if log_group is not None and log_retention is not None:
            raise ValidationError("Cannot specify both `logGroup` and `logRetentionDays`.")
        if not isinstance(stream_prefix, str):
            raise ValidationError(f"AwsLogDriver: 'stream_prefix' must be a string, got {stream_prefix!r}")
        if log_group is not None and not isinstance(getattr(log_group, "log_group_name", None), str):
            raise ValidationError(f"AwsLogDriver: 'log_group' must be a logs.ILogGroup, got {log_group!r}")
        if mode is not None and getattr(mode, "value", mode) not in ("blocking", "non-blocking"):
            raise ValidationError(f"AwsLogDriver: 'mode' must be 'blocking' or 'non-blocking', got {mode!r}")
        self.stream_prefix = stream_prefix
        self.log_group = log_group
        self.log_retention = log_retention
        self.datetime_format = datetime_format
        self.multiline_pattern = multiline_pattern
        self.mode = getattr(mode, "value", mode)
        self.log_group_region = log_group_region

    def bind(self, scope: Construct, container_definition: ContainerDefinition) -> LogDriverConfig:
        """Create the log group if needed, let the execution role write to it, render the options."""
        group = self.log_group
        if group is None:
            group = logs.LogGroup(scope, "LogGroup", retention=self.log_retention or logs.RetentionDays.INFINITE)
            self.log_group = group
        group.grant_write(container_definition.task_definition.obtain_execution_role())
        options = {
            "awslogs-group": group.log_group_name,
            "awslogs-stream-prefix": self.stream_prefix,
            "awslogs-region": self.log_group_region or Stack.of(container_definition).region,
            "awslogs-datetime-format": self.datetime_format,
            "awslogs-multiline-pattern": self.multiline_pattern,
            "mode": self.mode,
        }
        return LogDriverConfig(log_driver="awslogs", options={k: v for k, v in options.items() if v is not None})


class LogDrivers:
    """Log driver factories (mirrors `aws_cdk.aws_ecs.LogDrivers`)."""

    @staticmethod
    def aws_logs(*, stream_prefix: str, log_group: logs.ILogGroup | None = None,
                 log_retention: logs.RetentionDays | None = None, datetime_format: str | None = None,
                 multiline_pattern: str | None = None, mode: str | None = None,
                 log_group_region: str | None = None) -> LogDriver:
        """The `awslogs` driver: `stream_prefix` required, `log_group` default a new one under the container."""
        return AwsLogDriver(stream_prefix=stream_prefix, log_group=log_group, log_retention=log_retention,
                            datetime_format=datetime_format, multiline_pattern=multiline_pattern, mode=mode,
                            log_group_region=log_group_region)
