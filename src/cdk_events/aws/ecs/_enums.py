"""The ECS enums EventBridge targets use."""

from __future__ import annotations

from enum import Enum


class NetworkMode(Enum):
    """How a task's containers are networked (mirrors `aws_cdk.aws_ecs.NetworkMode`)."""

    NONE = "none"
    """No external connectivity."""
    BRIDGE = "bridge"
    """Docker's built-in virtual network on each container instance."""
    AWS_VPC = "awsvpc"
    """The task gets its own elastic network interface (required on Fargate)."""
    HOST = "host"
    """Containers use the instance's network interface directly."""
    NAT = "nat"
    """The NAT network mode of Windows containers."""


class Compatibility(Enum):
    """The launch types a task definition supports (mirrors `aws_cdk.aws_ecs.Compatibility`)."""

    EC2 = "EC2"
    """EC2 only."""
    FARGATE = "FARGATE"
    """Fargate only."""
    EC2_AND_FARGATE = "EC2_AND_FARGATE"
    """EC2 or Fargate."""
    EXTERNAL = "EXTERNAL"
    """ECS Anywhere (external instances)."""


class LaunchType(Enum):
    """Where a task runs (mirrors `aws_cdk.aws_ecs.LaunchType`)."""

    EC2 = "EC2"
    """On EC2 container instances."""
    FARGATE = "FARGATE"
    """On Fargate."""
    EXTERNAL = "EXTERNAL"
    """On external (ECS Anywhere) instances."""


class FargatePlatformVersion(Enum):
    """The Fargate platform version (mirrors `aws_cdk.aws_ecs.FargatePlatformVersion`)."""

    LATEST = "LATEST"
    """The latest recommended version."""
    VERSION1_4 = "1.4.0"
    """1.4.0: EFS, CAP_SYS_PTRACE, 20 GB ephemeral storage."""
    VERSION1_3 = "1.3.0"
    """1.3.0: secrets, task recycling."""
    VERSION1_2 = "1.2.0"
    """1.2.0: private registries."""
    VERSION1_1 = "1.1.0"
    """1.1.0: task metadata, health checks, service discovery."""
    VERSION1_0 = "1.0.0"
    """The initial release."""


class PropagatedTagSource(Enum):
    """Where a task's tags come from (mirrors `aws_cdk.aws_ecs.PropagatedTagSource`)."""

    SERVICE = "SERVICE"
    """From the service."""
    TASK_DEFINITION = "TASK_DEFINITION"
    """From the task definition."""
    NONE = "NONE"
    """Not propagated."""


def is_ec2_compatible(compatibility: Compatibility) -> bool:
    """True for EC2 and EC2_AND_FARGATE."""
    return compatibility in (Compatibility.EC2, Compatibility.EC2_AND_FARGATE)


def is_fargate_compatible(compatibility: Compatibility) -> bool:
    """True for FARGATE and EC2_AND_FARGATE."""
    return compatibility in (Compatibility.FARGATE, Compatibility.EC2_AND_FARGATE)


def is_external_compatible(compatibility: Compatibility) -> bool:
    """True for EXTERNAL."""
    return compatibility is Compatibility.EXTERNAL


class ContainerInsights(Enum):
    """CloudWatch Container Insights of a cluster (mirrors `aws_cdk.aws_ecs.ContainerInsights`)."""

    ENABLED = "enabled"
    """Container Insights on."""
    DISABLED = "disabled"
    """Container Insights off."""
    ENHANCED = "enhanced"
    """Container Insights with enhanced observability."""


class Protocol(Enum):
    """The protocol of a port mapping (mirrors `aws_cdk.aws_ecs.Protocol`)."""

    TCP = "tcp"
    """TCP."""
    UDP = "udp"
    """UDP."""


class CpuArchitecture:
    """The CPU architecture of a task's platform (mirrors `aws_cdk.aws_ecs.CpuArchitecture`)."""

    X86_64: CpuArchitecture
    """x86-64."""
    ARM64: CpuArchitecture
    """ARM64 (Graviton)."""

    def __init__(self, cpu_architecture: str):
        self._cpu_architecture = cpu_architecture

    @staticmethod
    def of(cpu_architecture: str) -> CpuArchitecture:
        """Another architecture, by its CloudFormation name."""
        return CpuArchitecture(cpu_architecture)

    def __repr__(self) -> str:
        return f"CpuArchitecture({self._cpu_architecture!r})"


CpuArchitecture.X86_64 = CpuArchitecture("X86_64")
CpuArchitecture.ARM64 = CpuArchitecture("ARM64")


class OperatingSystemFamily:
    """The operating system of a task's platform (mirrors `aws_cdk.aws_ecs.OperatingSystemFamily`)."""

    LINUX: OperatingSystemFamily
    """Linux."""
    WINDOWS_SERVER_2019_CORE: OperatingSystemFamily
    """Windows Server 2019 Core."""
    WINDOWS_SERVER_2019_FULL: OperatingSystemFamily
    """Windows Server 2019 Full."""
    WINDOWS_SERVER_2022_CORE: OperatingSystemFamily
    """Windows Server 2022 Core."""
    WINDOWS_SERVER_2022_FULL: OperatingSystemFamily
    """Windows Server 2022 Full."""

    def __init__(self, family: str):
        self._operating_system_family = family

    @staticmethod
    def of(family: str) -> OperatingSystemFamily:
        """Another family, by its CloudFormation name."""
        return OperatingSystemFamily(family)

    def is_windows(self) -> bool:
        """True for the Windows families."""
        return self._operating_system_family.startswith("WINDOWS")

    def __repr__(self) -> str:
        return f"OperatingSystemFamily({self._operating_system_family!r})"


OperatingSystemFamily.LINUX = OperatingSystemFamily("LINUX")
OperatingSystemFamily.WINDOWS_SERVER_2019_CORE = OperatingSystemFamily("WINDOWS_SERVER_2019_CORE")
OperatingSystemFamily.WINDOWS_SERVER_2019_FULL = OperatingSystemFamily("WINDOWS_SERVER_2019_FULL")
OperatingSystemFamily.WINDOWS_SERVER_2022_CORE = OperatingSystemFamily("WINDOWS_SERVER_2022_CORE")
OperatingSystemFamily.WINDOWS_SERVER_2022_FULL = OperatingSystemFamily("WINDOWS_SERVER_2022_FULL")
