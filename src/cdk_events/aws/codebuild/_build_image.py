"""Build images: `LinuxBuildImage` and the ARM, Windows, macOS and Lambda image classes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

import attrs

from ...core._struct import to_struct
from ...core._struct_methods import struct_methods
from ._enums import ComputeType, EnvironmentType, ImagePullPrincipalType, WindowsImageType, is_lambda_compute_type

if TYPE_CHECKING:
    from ._environment import BuildEnvironment


@runtime_checkable
class IBuildImage(Protocol):
    """A Docker image for CodeBuild builds (mirrors `aws_cdk.aws_codebuild.IBuildImage`)."""

    @property
    def type(self) -> str: ...

    @property
    def image_id(self) -> str: ...

    @property
    def default_compute_type(self) -> ComputeType: ...

    @property
    def image_pull_principal_type(self) -> ImagePullPrincipalType | None: ...

    @property
    def secrets_manager_credentials(self) -> Any: ...

    def validate(self, build_environment: BuildEnvironment) -> list[str]: ...


@struct_methods
@attrs.frozen(slots=False, repr=False, eq=False)
class DockerImageOptions:
    """Options of `from_docker_registry` (mirrors `aws_cdk.aws_codebuild.DockerImageOptions`).

    `secrets_manager_credentials` (a Secrets Manager secret with `secret_name` / `secret_full_arn`
    and `grant_read`) defaults to none: the registry is public.
    """

    secrets_manager_credentials: Any = None


def _options(options: DockerImageOptions | Mapping[str, Any] | None) -> DockerImageOptions:
    converted = to_struct(DockerImageOptions, options, prop="options")
    return converted if converted is not None else DockerImageOptions()


class _BuildImage:
    """The shared shape of the CDK's image classes (constructed by their static methods only)."""

    type: str = EnvironmentType.LINUX_CONTAINER.value
    default_compute_type: ComputeType = ComputeType.SMALL

    def __init__(self, image_id: str, image_pull_principal_type: ImagePullPrincipalType | None = None,
                 secrets_manager_credentials: Any = None, repository: Any = None):
        self.image_id = image_id
        self.image_pull_principal_type = image_pull_principal_type
        self.secrets_manager_credentials = secrets_manager_credentials
        self.repository = repository

    def validate(self, build_environment: BuildEnvironment) -> list[str]:
        """Problems of `build_environment` for this image (none)."""
        return []

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.image_id!r})"


def _codebuild(cls: Any, image_id: str) -> Any:
    return cls(image_id, ImagePullPrincipalType.CODEBUILD)


class LinuxArmBuildImage(_BuildImage):
    """A CodeBuild image running aarch64 Linux (mirrors `aws_cdk.aws_codebuild.LinuxArmBuildImage`);
    `ARM_CONTAINER`, default compute type LARGE."""

    type = EnvironmentType.ARM_CONTAINER.value
    default_compute_type = ComputeType.LARGE
    AMAZON_LINUX_2_STANDARD_1_0: ClassVar[IBuildImage]
    AMAZON_LINUX_2_STANDARD_2_0: ClassVar[IBuildImage]
    AMAZON_LINUX_2_STANDARD_3_0: ClassVar[IBuildImage]

    @staticmethod
    def from_docker_registry(name: str, options: DockerImageOptions | Mapping[str, Any] | None = None) -> IBuildImage:
        """An aarch64 image from a Docker registry, pulled with the project's role."""
        return LinuxArmBuildImage(name, ImagePullPrincipalType.SERVICE_ROLE,
                                  _options(options).secrets_manager_credentials)

    @staticmethod
    def from_code_build_image_id(id: str) -> IBuildImage:
        """An aarch64 image CodeBuild provides, by id."""
        return LinuxArmBuildImage(id, ImagePullPrincipalType.CODEBUILD)

    def validate(self, build_environment: BuildEnvironment) -> list[str]:
        """ARM images only support the SMALL and LARGE compute types."""
        build_environment = _environment(build_environment)
        compute = build_environment.compute_type
        if compute is not None and compute not in (ComputeType.SMALL, ComputeType.LARGE):
            return [f"ARM images only support ComputeTypes '{ComputeType.SMALL.value}' and "
                    f"'{ComputeType.LARGE.value}' - '{compute.value}' was given"]
        return []


_ARM = "aws/codebuild/amazonlinux2-aarch64-standard:"
LinuxArmBuildImage.AMAZON_LINUX_2_STANDARD_1_0 = _codebuild(LinuxArmBuildImage, _ARM + "1.0")
LinuxArmBuildImage.AMAZON_LINUX_2_STANDARD_2_0 = _codebuild(LinuxArmBuildImage, _ARM + "2.0")
LinuxArmBuildImage.AMAZON_LINUX_2_STANDARD_3_0 = _codebuild(LinuxArmBuildImage, _ARM + "3.0")


class LinuxBuildImage(_BuildImage):
    """A CodeBuild image running x86-64 Linux (mirrors `aws_cdk.aws_codebuild.LinuxBuildImage`):
    the CodeBuild images as constants (`STANDARD_7_0` is the project default), or
    `from_docker_registry` / `from_code_build_image_id`. `LINUX_CONTAINER`, default compute type SMALL.
    """

    STANDARD_1_0: ClassVar[IBuildImage]
    STANDARD_2_0: ClassVar[IBuildImage]
    STANDARD_3_0: ClassVar[IBuildImage]
    STANDARD_4_0: ClassVar[IBuildImage]
    STANDARD_5_0: ClassVar[IBuildImage]
    STANDARD_6_0: ClassVar[IBuildImage]
    STANDARD_7_0: ClassVar[IBuildImage]
    AMAZON_LINUX_2: ClassVar[IBuildImage]
    AMAZON_LINUX_2_2: ClassVar[IBuildImage]
    AMAZON_LINUX_2_3: ClassVar[IBuildImage]
    AMAZON_LINUX_2_4: ClassVar[IBuildImage]
    AMAZON_LINUX_2_5: ClassVar[IBuildImage]
    AMAZON_LINUX_2_CORETTO_8: ClassVar[IBuildImage]
    AMAZON_LINUX_2_CORETTO_11: ClassVar[IBuildImage]
    AMAZON_LINUX_2_ARM: ClassVar[IBuildImage]
    AMAZON_LINUX_2_ARM_2: ClassVar[IBuildImage]
    AMAZON_LINUX_2_ARM_3: ClassVar[IBuildImage]
    UBUNTU_14_04_BASE: ClassVar[IBuildImage]
    UBUNTU_14_04_ANDROID_JAVA8_24_4_1: ClassVar[IBuildImage]
    UBUNTU_14_04_ANDROID_JAVA8_26_1_1: ClassVar[IBuildImage]
    UBUNTU_14_04_DOCKER_17_09_0: ClassVar[IBuildImage]
    UBUNTU_14_04_DOCKER_18_09_0: ClassVar[IBuildImage]
    UBUNTU_14_04_GOLANG_1_10: ClassVar[IBuildImage]
    UBUNTU_14_04_GOLANG_1_11: ClassVar[IBuildImage]
    UBUNTU_14_04_OPEN_JDK_8: ClassVar[IBuildImage]
    UBUNTU_14_04_OPEN_JDK_9: ClassVar[IBuildImage]
    UBUNTU_14_04_OPEN_JDK_11: ClassVar[IBuildImage]
    UBUNTU_14_04_NODEJS_10_14_1: ClassVar[IBuildImage]
    UBUNTU_14_04_NODEJS_10_1_0: ClassVar[IBuildImage]
    UBUNTU_14_04_NODEJS_8_11_0: ClassVar[IBuildImage]
    UBUNTU_14_04_NODEJS_6_3_1: ClassVar[IBuildImage]
    UBUNTU_14_04_PHP_5_6: ClassVar[IBuildImage]
    UBUNTU_14_04_PHP_7_0: ClassVar[IBuildImage]
    UBUNTU_14_04_PHP_7_1: ClassVar[IBuildImage]
    UBUNTU_14_04_PYTHON_3_7_1: ClassVar[IBuildImage]
    UBUNTU_14_04_PYTHON_3_6_5: ClassVar[IBuildImage]
    UBUNTU_14_04_PYTHON_3_5_2: ClassVar[IBuildImage]
    UBUNTU_14_04_PYTHON_3_4_5: ClassVar[IBuildImage]
    UBUNTU_14_04_PYTHON_3_3_6: ClassVar[IBuildImage]
    UBUNTU_14_04_PYTHON_2_7_12: ClassVar[IBuildImage]
    UBUNTU_14_04_RUBY_2_5_3: ClassVar[IBuildImage]
    UBUNTU_14_04_RUBY_2_5_1: ClassVar[IBuildImage]
    UBUNTU_14_04_RUBY_2_3_1: ClassVar[IBuildImage]
    UBUNTU_14_04_RUBY_2_2_5: ClassVar[IBuildImage]
    UBUNTU_14_04_DOTNET_CORE_1_1: ClassVar[IBuildImage]
    UBUNTU_14_04_DOTNET_CORE_2_0: ClassVar[IBuildImage]
    UBUNTU_14_04_DOTNET_CORE_2_1: ClassVar[IBuildImage]

    @staticmethod
    def from_docker_registry(name: str, options: DockerImageOptions | Mapping[str, Any] | None = None) -> IBuildImage:
        """An x86-64 image from a Docker registry (Docker Hub, ECR Public...), pulled with the project's role."""
        return LinuxBuildImage(name, ImagePullPrincipalType.SERVICE_ROLE, _options(options).secrets_manager_credentials)

    @staticmethod
    def from_code_build_image_id(id: str) -> IBuildImage:
        """An x86-64 image CodeBuild provides, by id (e.g. `aws/codebuild/standard:7.0`)."""
        return LinuxBuildImage(id, ImagePullPrincipalType.CODEBUILD)

    def validate(self, build_environment: BuildEnvironment) -> list[str]:
        """x86-64 images do not support the Lambda compute types."""
        build_environment = _environment(build_environment)
        compute = build_environment.compute_type
        if compute is not None and is_lambda_compute_type(compute):
            return ["x86-64 images do not support Lambda compute types"]
        return []


for _name, _id in {
    "STANDARD_1_0": "standard:1.0", "STANDARD_2_0": "standard:2.0", "STANDARD_3_0": "standard:3.0",
    "STANDARD_4_0": "standard:4.0", "STANDARD_5_0": "standard:5.0", "STANDARD_6_0": "standard:6.0",
    "STANDARD_7_0": "standard:7.0",
    "AMAZON_LINUX_2": "amazonlinux2-x86_64-standard:1.0", "AMAZON_LINUX_2_2": "amazonlinux2-x86_64-standard:2.0",
    "AMAZON_LINUX_2_3": "amazonlinux2-x86_64-standard:3.0", "AMAZON_LINUX_2_4": "amazonlinux2-x86_64-standard:4.0",
    "AMAZON_LINUX_2_5": "amazonlinux2-x86_64-standard:5.0",
    "AMAZON_LINUX_2_CORETTO_8": "amazonlinux2-x86_64-standard:corretto8",
    "AMAZON_LINUX_2_CORETTO_11": "amazonlinux2-x86_64-standard:corretto11",
    "UBUNTU_14_04_BASE": "ubuntu-base:14.04",
    "UBUNTU_14_04_ANDROID_JAVA8_24_4_1": "android-java-8:24.4.1",
    "UBUNTU_14_04_ANDROID_JAVA8_26_1_1": "android-java-8:26.1.1",
    "UBUNTU_14_04_DOCKER_17_09_0": "docker:17.09.0", "UBUNTU_14_04_DOCKER_18_09_0": "docker:18.09.0",
    "UBUNTU_14_04_GOLANG_1_10": "golang:1.10", "UBUNTU_14_04_GOLANG_1_11": "golang:1.11",
    "UBUNTU_14_04_OPEN_JDK_8": "java:openjdk-8", "UBUNTU_14_04_OPEN_JDK_9": "java:openjdk-9",
    "UBUNTU_14_04_OPEN_JDK_11": "java:openjdk-11",
    "UBUNTU_14_04_NODEJS_10_14_1": "nodejs:10.14.1", "UBUNTU_14_04_NODEJS_10_1_0": "nodejs:10.1.0",
    "UBUNTU_14_04_NODEJS_8_11_0": "nodejs:8.11.0", "UBUNTU_14_04_NODEJS_6_3_1": "nodejs:6.3.1",
    "UBUNTU_14_04_PHP_5_6": "php:5.6", "UBUNTU_14_04_PHP_7_0": "php:7.0", "UBUNTU_14_04_PHP_7_1": "php:7.1",
    "UBUNTU_14_04_PYTHON_3_7_1": "python:3.7.1", "UBUNTU_14_04_PYTHON_3_6_5": "python:3.6.5",
    "UBUNTU_14_04_PYTHON_3_5_2": "python:3.5.2", "UBUNTU_14_04_PYTHON_3_4_5": "python:3.4.5",
    "UBUNTU_14_04_PYTHON_3_3_6": "python:3.3.6", "UBUNTU_14_04_PYTHON_2_7_12": "python:2.7.12",
    "UBUNTU_14_04_RUBY_2_5_3": "ruby:2.5.3", "UBUNTU_14_04_RUBY_2_5_1": "ruby:2.5.1",
    "UBUNTU_14_04_RUBY_2_3_1": "ruby:2.3.1", "UBUNTU_14_04_RUBY_2_2_5": "ruby:2.2.5",
    "UBUNTU_14_04_DOTNET_CORE_1_1": "dot-net:core-1", "UBUNTU_14_04_DOTNET_CORE_2_0": "dot-net:core-2.0",
    "UBUNTU_14_04_DOTNET_CORE_2_1": "dot-net:core-2.1",
}.items():
    setattr(LinuxBuildImage, _name, _codebuild(LinuxBuildImage, "aws/codebuild/" + _id))
LinuxBuildImage.AMAZON_LINUX_2_ARM = LinuxArmBuildImage.AMAZON_LINUX_2_STANDARD_1_0
LinuxBuildImage.AMAZON_LINUX_2_ARM_2 = LinuxArmBuildImage.AMAZON_LINUX_2_STANDARD_2_0
LinuxBuildImage.AMAZON_LINUX_2_ARM_3 = LinuxArmBuildImage.AMAZON_LINUX_2_STANDARD_3_0


class WindowsBuildImage(_BuildImage):
    """A CodeBuild image running Windows (mirrors `aws_cdk.aws_codebuild.WindowsBuildImage`); default
    compute type MEDIUM; the environment type comes from the `WindowsImageType` (default STANDARD)."""

    default_compute_type = ComputeType.MEDIUM
    WIN_SERVER_CORE_2016_BASE: ClassVar[IBuildImage]
    WINDOWS_BASE_2_0: ClassVar[IBuildImage]
    WIN_SERVER_CORE_2019_BASE: ClassVar[IBuildImage]
    WIN_SERVER_CORE_2019_BASE_2_0: ClassVar[IBuildImage]
    WIN_SERVER_CORE_2019_BASE_3_0: ClassVar[IBuildImage]
    WIN_SERVER_CORE_2022_BASE_3_0: ClassVar[IBuildImage]

    def __init__(self, image_id: str, image_pull_principal_type: ImagePullPrincipalType | None = None,
                 secrets_manager_credentials: Any = None, repository: Any = None,
                 image_type: WindowsImageType = WindowsImageType.STANDARD):
        super().__init__(image_id, image_pull_principal_type, secrets_manager_credentials, repository)
        self.type = image_type.value

    @staticmethod
    def from_docker_registry(name: str, options: DockerImageOptions | Mapping[str, Any] | None = None,
                             image_type: WindowsImageType = WindowsImageType.STANDARD) -> IBuildImage:
        """A Windows image from a Docker registry, pulled with the project's role."""
        return WindowsBuildImage(name, ImagePullPrincipalType.SERVICE_ROLE,
                                 _options(options).secrets_manager_credentials, image_type=image_type)

    def validate(self, build_environment: BuildEnvironment) -> list[str]:
        """Windows images: no privileged mode, no SMALL / XLARGE / 2XLARGE / Lambda compute; 2022 needs a fleet."""
        build_environment = _environment(build_environment)
        errors: list[str] = []
        compute = build_environment.compute_type
        if build_environment.privileged:
            errors.append("Windows images do not support privileged mode")
        if compute is not None and is_lambda_compute_type(compute):
            errors.append("Windows images do not support Lambda compute types")
        if compute in (ComputeType.SMALL, ComputeType.X_LARGE, ComputeType.X2_LARGE):
            errors.append(f"Windows images do not support the '{compute.value}' compute type")
        if build_environment.fleet is None and self.type == WindowsImageType.SERVER_2022.value:
            errors.append("Windows Server 2022 images must be used with a fleet")
        return errors


def _windows(image_id: str, image_type: WindowsImageType = WindowsImageType.STANDARD) -> IBuildImage:
    return WindowsBuildImage("aws/codebuild/windows-base:" + image_id, ImagePullPrincipalType.CODEBUILD,
                             image_type=image_type)


WindowsBuildImage.WIN_SERVER_CORE_2016_BASE = _windows("1.0")
WindowsBuildImage.WINDOWS_BASE_2_0 = _windows("2.0")
WindowsBuildImage.WIN_SERVER_CORE_2019_BASE = _windows("2019-1.0", WindowsImageType.SERVER_2019)
WindowsBuildImage.WIN_SERVER_CORE_2019_BASE_2_0 = _windows("2019-2.0", WindowsImageType.SERVER_2019)
WindowsBuildImage.WIN_SERVER_CORE_2019_BASE_3_0 = _windows("2019-3.0", WindowsImageType.SERVER_2019)
WindowsBuildImage.WIN_SERVER_CORE_2022_BASE_3_0 = _windows("2022-1.0", WindowsImageType.SERVER_2022)


class MacBuildImage(_BuildImage):
    """A CodeBuild image running ARM macOS (mirrors `aws_cdk.aws_codebuild.MacBuildImage`); `MAC_ARM`,
    default compute type MEDIUM; it must be used with a fleet."""

    type = EnvironmentType.MAC_ARM.value
    default_compute_type = ComputeType.MEDIUM
    BASE_14: ClassVar[IBuildImage]

    @staticmethod
    def from_docker_registry(name: str, options: DockerImageOptions | Mapping[str, Any] | None = None) -> IBuildImage:
        """A macOS image from a Docker registry, pulled with the project's role."""
        return MacBuildImage(name, ImagePullPrincipalType.SERVICE_ROLE, _options(options).secrets_manager_credentials)

    def validate(self, build_environment: BuildEnvironment) -> list[str]:
        """Mac images: no Lambda compute; a fleet is required."""
        build_environment = _environment(build_environment)
        errors: list[str] = []
        compute = build_environment.compute_type
        if compute is not None and is_lambda_compute_type(compute):
            errors.append("Mac images do not support Lambda compute types")
        if build_environment.fleet is None:
            errors.append("Mac images must be used with a fleet")
        return errors


MacBuildImage.BASE_14 = _codebuild(MacBuildImage, "aws/codebuild/macos-arm-base:14")


class _LambdaBuildImage(_BuildImage):
    default_compute_type = ComputeType.LAMBDA_1GB

    def validate(self, build_environment: BuildEnvironment) -> list[str]:
        """Lambda images: no privileged mode, Lambda compute types only."""
        errors: list[str] = []
        compute = build_environment.compute_type
        if build_environment.privileged:
            errors.append("Lambda compute type does not support privileged mode")
        if compute is not None and not is_lambda_compute_type(compute):
            errors.append(f"Lambda images only support Lambda ComputeTypes between '{ComputeType.LAMBDA_1GB.value}' "
                          f"and '{ComputeType.LAMBDA_10GB.value}', got '{compute.value}'")
        return errors


class LinuxLambdaBuildImage(_LambdaBuildImage):
    """A CodeBuild image running x86-64 Lambda (mirrors `aws_cdk.aws_codebuild.LinuxLambdaBuildImage`);
    `LINUX_LAMBDA_CONTAINER`, default compute type LAMBDA_1GB."""

    type = "LINUX_LAMBDA_CONTAINER"
    AMAZON_LINUX_2_NODE_18: ClassVar[IBuildImage]
    AMAZON_LINUX_2023_NODE_20: ClassVar[IBuildImage]
    AMAZON_LINUX_2_PYTHON_3_11: ClassVar[IBuildImage]
    AMAZON_LINUX_2023_PYTHON_3_12: ClassVar[IBuildImage]
    AMAZON_LINUX_2_RUBY_3_2: ClassVar[IBuildImage]
    AMAZON_LINUX_2023_CORRETTO_21: ClassVar[IBuildImage]
    AMAZON_LINUX_2_CORRETTO_17: ClassVar[IBuildImage]
    AMAZON_LINUX_2_CORRETTO_11: ClassVar[IBuildImage]
    AMAZON_LINUX_2_GO_1_21: ClassVar[IBuildImage]
    AMAZON_LINUX_2_DOTNET_6: ClassVar[IBuildImage]
    AMAZON_LINUX_2023_DOTNET_8: ClassVar[IBuildImage]


class LinuxArmLambdaBuildImage(_LambdaBuildImage):
    """A CodeBuild image running aarch64 Lambda (mirrors `aws_cdk.aws_codebuild.LinuxArmLambdaBuildImage`);
    `ARM_LAMBDA_CONTAINER`, default compute type LAMBDA_1GB."""

    type = "ARM_LAMBDA_CONTAINER"
    AMAZON_LINUX_2_NODE_18: ClassVar[IBuildImage]
    AMAZON_LINUX_2023_NODE_20: ClassVar[IBuildImage]
    AMAZON_LINUX_2_PYTHON_3_11: ClassVar[IBuildImage]
    AMAZON_LINUX_2023_PYTHON_3_12: ClassVar[IBuildImage]
    AMAZON_LINUX_2_RUBY_3_2: ClassVar[IBuildImage]
    AMAZON_LINUX_2023_CORRETTO_21: ClassVar[IBuildImage]
    AMAZON_LINUX_2_CORRETTO_17: ClassVar[IBuildImage]
    AMAZON_LINUX_2_CORRETTO_11: ClassVar[IBuildImage]
    AMAZON_LINUX_2_GO_1_21: ClassVar[IBuildImage]
    AMAZON_LINUX_2_DOTNET_6: ClassVar[IBuildImage]


_LAMBDA_IMAGES = {
    "AMAZON_LINUX_2_NODE_18": "nodejs18", "AMAZON_LINUX_2023_NODE_20": "nodejs20",
    "AMAZON_LINUX_2_PYTHON_3_11": "python3.11", "AMAZON_LINUX_2023_PYTHON_3_12": "python3.12",
    "AMAZON_LINUX_2_RUBY_3_2": "ruby3.2", "AMAZON_LINUX_2023_CORRETTO_21": "corretto21",
    "AMAZON_LINUX_2_CORRETTO_17": "corretto17", "AMAZON_LINUX_2_CORRETTO_11": "corretto11",
    "AMAZON_LINUX_2_GO_1_21": "go1.21", "AMAZON_LINUX_2_DOTNET_6": "dotnet6",
}
for _name, _tag in _LAMBDA_IMAGES.items():
    setattr(LinuxLambdaBuildImage, _name,
            LinuxLambdaBuildImage("aws/codebuild/amazonlinux-x86_64-lambda-standard:" + _tag))
    setattr(LinuxArmLambdaBuildImage, _name,
            LinuxArmLambdaBuildImage("aws/codebuild/amazonlinux-aarch64-lambda-standard:" + _tag))
LinuxLambdaBuildImage.AMAZON_LINUX_2023_DOTNET_8 = LinuxLambdaBuildImage(
    "aws/codebuild/amazonlinux-x86_64-lambda-standard:dotnet8")


def is_lambda_build_image(image: object) -> bool:
    """True for the Lambda images (they have no image pull credentials type)."""
    return isinstance(image, _LambdaBuildImage)



def _environment(value: Any) -> Any:
    """A `BuildEnvironment` given as a dict (as jsii converts it) read by its fields' names."""
    if isinstance(value, Mapping):
        return _EnvironmentView(value)
    return value


class _EnvironmentView:
    def __init__(self, values: Mapping[str, Any]):
        self._values = values

    def __getattr__(self, name: str) -> Any:
        return self._values.get(name)
