"""Containers of a task definition: `ContainerDefinition` (made by `TaskDefinition.add_container`),
`PortMapping`, `HealthCheck` and `RuntimePlatform`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from cdk_events.core import Construct, Duration, Token

from ...core._errors import construct_error
from ...core._prop_checks import check_bool, check_duration, check_number, check_str
from ...core._struct import StructError, camel_case_keys, struct_field_names, to_struct
from ...core._struct_methods import struct_methods
from ._container_image import ContainerImage, LogDriver
from ._enums import CpuArchitecture, NetworkMode, OperatingSystemFamily, Protocol

if TYPE_CHECKING:
    from ._task_definition import TaskDefinition


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class PortMapping:
    """A port of a container (mirrors `aws_cdk.aws_ecs.PortMapping`).

    `container_port` is required; `host_port` defaults to unset (awsvpc and host network modes need it
    unset or equal to the container port); `protocol` to TCP; `name` to unset.
    """

    container_port: int
    host_port: int | None = None
    protocol: Protocol | None = None
    name: str | None = None


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class HealthCheck:
    """A container health check (mirrors `aws_cdk.aws_ecs.HealthCheck`).

    `command` is required (one string runs with `CMD-SHELL`); `interval` defaults to 30 s (5-300),
    `timeout` to 5 s (2-120), `retries` to 3, `start_period` to unset.
    """

    command: tuple[str, ...] = attrs.field(converter=tuple)
    interval: Duration | None = None
    retries: int | None = None
    start_period: Duration | None = None
    timeout: Duration | None = None


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class RuntimePlatform:
    """The platform of a Fargate task (mirrors `aws_cdk.aws_ecs.RuntimePlatform`); both default to unset."""

    cpu_architecture: CpuArchitecture | None = None
    operating_system_family: OperatingSystemFamily | None = None


def port_mapping_of(scope: Construct, value: Any, where: str) -> PortMapping:
    """A `PortMapping`, or a dict with the camelCase keys jsii passes inside a list."""
    if isinstance(value, Mapping):
        fields = camel_case_keys(value, PortMapping)
        if "container_port" not in fields:
            raise StructError(f"[{scope.node.path}] '{where}': the dict has no 'containerPort' (inside a list, jsii "
                              f"passes dicts as they are: use the camelCase keys containerPort, hostPort, protocol, "
                              f"name; got {dict(value)!r}); allowed: {', '.join(struct_field_names(PortMapping))}")
        value = PortMapping(**fields)
    if not isinstance(value, PortMapping):
        raise construct_error(scope, f"'{where}' must be an ecs.PortMapping(container_port=...), got {value!r}")
    for prop in ("container_port", "host_port"):
        port = getattr(value, prop)
        if port is not None and not Token.is_unresolved(port) and (isinstance(port, bool) or not isinstance(port, int)):
            raise construct_error(scope, f"'{where}.{prop}' must be a port number, got {port!r}")
    if value.protocol is not None and not isinstance(value.protocol, Protocol):
        raise construct_error(scope, f"'{where}.protocol' must be an ecs.Protocol (TCP or UDP), got {value.protocol!r}")
    if value.name is not None and value.name == "":
        raise construct_error(scope, "Port mapping name cannot be an empty string.")
    return value


def _health_check_json(scope: Construct, check: HealthCheck) -> dict[str, Any]:
    interval = check.interval.to_seconds() if check.interval is not None else None
    timeout = check.timeout.to_seconds() if check.timeout is not None else None
    if interval is not None and not 5 <= interval <= 300:
        raise construct_error(scope, f"Interval must be between 5 seconds and 300 seconds. (got {interval} seconds)")
    if timeout is not None and not 2 <= timeout <= 120:
        raise construct_error(scope, f"Timeout must be between 2 seconds and 120 seconds. (got {timeout} seconds)")
    if interval is not None and timeout is not None and interval < timeout:
        raise construct_error(scope, f"Health check interval should be longer than timeout. (interval {interval} s, "
                                     f"timeout {timeout} s)")
    command = list(check.command)
    if not command:
        raise construct_error(scope, "At least one argument must be supplied for health check command.")
    if len(command) == 1:
        command = ["CMD-SHELL", command[0]]
    elif command[0] not in ("CMD", "CMD-SHELL"):
        command = ["CMD", *command]
    return {
        "Command": command,
        "Interval": interval if interval is not None else 30,
        "Retries": check.retries if check.retries is not None else 3,
        "StartPeriod": check.start_period.to_seconds() if check.start_period is not None else None,
        "Timeout": timeout if timeout is not None else 5,
    }


class ContainerDefinition(Construct):
    """A container of a task definition (mirrors `aws_cdk.aws_ecs.ContainerDefinition`); usually made with
    `task_definition.add_container(id, ...)`.

    `task_definition` and `image` are required. `container_name` defaults to the construct id; `essential`
    to True; `memory_limit_mib`, `memory_reservation_mib` and `cpu` to unset (EC2 tasks need one of the
    memory values); `command`, `entry_point`, `environment`, `port_mappings`, `health_check`, `logging`,
    `working_directory`, `user`, `stop_timeout` and `start_timeout` to unset.
    """

    def __init__(self, scope: Construct, id: str, *, task_definition: TaskDefinition, image: ContainerImage,
                 container_name: str | None = None, essential: bool | None = None, cpu: int | None = None,
                 memory_limit_mib: int | None = None, memory_reservation_mib: int | None = None,
                 command: Sequence[str] | None = None, entry_point: Sequence[str] | None = None,
                 environment: Mapping[str, str] | None = None, port_mappings: Sequence[PortMapping] | None = None,
                 health_check: HealthCheck | None = None, logging: LogDriver | None = None,
                 working_directory: str | None = None, user: str | None = None,
                 stop_timeout: Duration | None = None, start_timeout: Duration | None = None):
        super().__init__(scope, id)
        check_bool(self, "essential", essential)
        for prop, number in (("cpu", cpu), ("memory_limit_mib", memory_limit_mib),
                             ("memory_reservation_mib", memory_reservation_mib)):
            check_number(self, prop, number)
        for prop, text in (("container_name", container_name), ("working_directory", working_directory),
                           ("user", user)):
            check_str(self, prop, text)
        for prop, duration in (("stop_timeout", stop_timeout), ("start_timeout", start_timeout)):
            check_duration(self, prop, duration)
        if not isinstance(image, ContainerImage):
            raise construct_error(self, f"'image' must be an ecs.ContainerImage (e.g. "
                                        f"ecs.ContainerImage.from_registry('public.ecr.aws/nginx/nginx:latest')), got "
                                        f"{image!r}")
        if (memory_limit_mib is not None and memory_reservation_mib is not None
                and memory_limit_mib < memory_reservation_mib):
            raise construct_error(self, f"MemoryLimitMiB should not be less than MemoryReservationMiB. (got "
                                        f"memory_limit_mib={memory_limit_mib}, "
                                        f"memory_reservation_mib={memory_reservation_mib})")
        for prop, items in (("command", command), ("entry_point", entry_point)):
            if items is not None and (isinstance(items, str) or not isinstance(items, Sequence)):
                raise construct_error(self, f"'{prop}' must be a list of strings, got {items!r}")
        if environment is not None and not isinstance(environment, Mapping):
            raise construct_error(self, f"'environment' must be a dict of names to values, got {environment!r}")
        if logging is not None and not isinstance(logging, LogDriver):
            raise construct_error(self, f"'logging' must be an ecs.LogDriver (e.g. "
                                        f"ecs.LogDrivers.aws_logs(stream_prefix=...)), got {logging!r}")
        check = to_struct(HealthCheck, health_check, prop="health_check", scope=self)
        if check is not None and not isinstance(check, HealthCheck):
            raise construct_error(self, f"'health_check' must be an ecs.HealthCheck, got {health_check!r}")
        self.task_definition = task_definition
        self.essential = essential is not False
        self.container_name = container_name if container_name is not None else self.node.id
        self.memory_limit_specified = memory_limit_mib is not None or memory_reservation_mib is not None
        self.port_mappings: list[PortMapping] = []
        self.environment = dict(environment) if environment is not None else None
        self._props: dict[str, Any] = {
            "Command": list(command) if command is not None else None,
            "Cpu": cpu,
            "EntryPoint": list(entry_point) if entry_point is not None else None,
            "HealthCheck": _health_check_json(self, check) if check is not None else None,
            "Memory": memory_limit_mib,
            "MemoryReservation": memory_reservation_mib,
            "StartTimeout": start_timeout.to_seconds() if start_timeout is not None else None,
            "StopTimeout": stop_timeout.to_seconds() if stop_timeout is not None else None,
            "User": user,
            "WorkingDirectory": working_directory,
        }
        self.image_name = image.bind(self, self).image_name
        self.log_driver_config = logging.bind(self, self) if logging is not None else None
        if port_mappings is not None:
            if isinstance(port_mappings, (str, Mapping)) or not isinstance(port_mappings, Sequence):
                raise construct_error(self, f"'port_mappings' must be a list of ecs.PortMapping, got {port_mappings!r}")
            self._add_port_mappings([port_mapping_of(self, pm, f"port_mappings[{i}]")
                                     for i, pm in enumerate(port_mappings)])
        task_definition._link_container(self)

    def add_port_mappings(self, *port_mappings: PortMapping) -> None:
        """Add ports (a `PortMapping`, or a dict with camelCase keys as jsii passes them)."""
        self._add_port_mappings([port_mapping_of(self, pm, "add_port_mappings") for pm in port_mappings])

    def add_environment(self, name: str, value: str) -> None:
        """Set an environment variable."""
        if self.environment is None:
            self.environment = {}
        self.environment[name] = value

    def _add_port_mappings(self, mappings: list[PortMapping]) -> None:
        mode = self.task_definition.network_mode
        for pm in mappings:
            if mode in (NetworkMode.AWS_VPC, NetworkMode.HOST) and pm.host_port is not None \
                    and pm.host_port != pm.container_port:
                raise construct_error(self, f"Host port ({pm.host_port}) must be left out or equal to container port "
                                            f"{pm.container_port} for network mode {mode.value}")
            if mode is NetworkMode.BRIDGE and pm.host_port is None:
                pm = attrs.evolve(pm, host_port=0)  # bridge mode: a dynamic host port, as the CDK sets it
            self.port_mappings.append(pm)

    @property
    def container_port(self) -> int:
        """The first port mapping's container port (raises when there is none)."""
        if not self.port_mappings:
            raise construct_error(self, f"Container {self.container_name} hasn't defined any ports. Call "
                                        "addPortMappings().")
        return self.port_mappings[0].container_port

    def render_container_definition(self) -> dict[str, Any]:
        """The container's entry of `ContainerDefinitions` (CloudFormation names)."""
        log = self.log_driver_config
        return {
            **self._props,
            "Environment": ([{"Name": k, "Value": v} for k, v in self.environment.items()]
                            if self.environment else None),
            "Essential": self.essential,
            "Image": self.image_name,
            "LogConfiguration": ({"LogDriver": log.log_driver, "Options": log.options}
                                 if log is not None else None),
            "Name": self.container_name,
            "PortMappings": [{"ContainerPort": pm.container_port, "HostPort": pm.host_port, "Name": pm.name,
                              "Protocol": (pm.protocol or Protocol.TCP).value}
                             for pm in self.port_mappings] or None,
        }
