"""The CodeBuild enums: compute and environment types, image pull principals, variable types."""

from __future__ import annotations

from enum import Enum


class ComputeType(Enum):
    """Build machine compute type (mirrors `aws_cdk.aws_codebuild.ComputeType`)."""

    SMALL = "BUILD_GENERAL1_SMALL"
    MEDIUM = "BUILD_GENERAL1_MEDIUM"
    LARGE = "BUILD_GENERAL1_LARGE"
    X_LARGE = "BUILD_GENERAL1_XLARGE"
    X2_LARGE = "BUILD_GENERAL1_2XLARGE"
    LAMBDA_1GB = "BUILD_LAMBDA_1GB"
    LAMBDA_2GB = "BUILD_LAMBDA_2GB"
    LAMBDA_4GB = "BUILD_LAMBDA_4GB"
    LAMBDA_8GB = "BUILD_LAMBDA_8GB"
    LAMBDA_10GB = "BUILD_LAMBDA_10GB"
    ATTRIBUTE_BASED = "ATTRIBUTE_BASED_COMPUTE"
    CUSTOM_INSTANCE_TYPE = "CUSTOM_INSTANCE_TYPE"


def is_lambda_compute_type(compute_type: ComputeType) -> bool:
    """True for the `BUILD_LAMBDA_*` compute types."""
    return compute_type.value.startswith("BUILD_LAMBDA")


class EnvironmentType(Enum):
    """Build environment type (mirrors `aws_cdk.aws_codebuild.EnvironmentType`)."""

    ARM_CONTAINER = "ARM_CONTAINER"
    LINUX_CONTAINER = "LINUX_CONTAINER"
    LINUX_GPU_CONTAINER = "LINUX_GPU_CONTAINER"
    WINDOWS_SERVER_2019_CONTAINER = "WINDOWS_SERVER_2019_CONTAINER"
    WINDOWS_SERVER_2022_CONTAINER = "WINDOWS_SERVER_2022_CONTAINER"
    MAC_ARM = "MAC_ARM"


class ImagePullPrincipalType(Enum):
    """Whose identity CodeBuild uses to pull the build image (mirrors
    `aws_cdk.aws_codebuild.ImagePullPrincipalType`)."""

    CODEBUILD = "CODEBUILD"
    """CodeBuild's own identity (required for the images CodeBuild provides)."""
    SERVICE_ROLE = "SERVICE_ROLE"
    """The project's role."""


class WindowsImageType(Enum):
    """Environment type of Windows images (mirrors `aws_cdk.aws_codebuild.WindowsImageType`)."""

    STANDARD = "WINDOWS_CONTAINER"
    SERVER_2019 = "WINDOWS_SERVER_2019_CONTAINER"
    SERVER_2022 = "WINDOWS_SERVER_2022_CONTAINER"


class BuildEnvironmentVariableType(Enum):
    """Where the value of a build environment variable comes from (mirrors
    `aws_cdk.aws_codebuild.BuildEnvironmentVariableType`)."""

    PLAINTEXT = "PLAINTEXT"
    """The value itself."""
    PARAMETER_STORE = "PARAMETER_STORE"
    """The name of a Systems Manager parameter."""
    SECRETS_MANAGER = "SECRETS_MANAGER"
    """A Secrets Manager secret name or ARN, with optional `:json-key:version-stage:version-id`."""


class ProjectVisibility(Enum):
    """Visibility of a project's builds (mirrors `aws_cdk.aws_codebuild.ProjectVisibility`)."""

    PUBLIC_READ = "PUBLIC_READ"
    PRIVATE = "PRIVATE"


class LocalCacheMode(Enum):
    """Local cache modes (mirrors `aws_cdk.aws_codebuild.LocalCacheMode`)."""

    SOURCE = "LOCAL_SOURCE_CACHE"
    DOCKER_LAYER = "LOCAL_DOCKER_LAYER_CACHE"
    CUSTOM = "LOCAL_CUSTOM_CACHE"


class EventAction(Enum):
    """Webhook event actions (mirrors `aws_cdk.aws_codebuild.EventAction`)."""

    PUSH = "PUSH"
    PULL_REQUEST_CREATED = "PULL_REQUEST_CREATED"
    PULL_REQUEST_UPDATED = "PULL_REQUEST_UPDATED"
    PULL_REQUEST_CLOSED = "PULL_REQUEST_CLOSED"
    PULL_REQUEST_MERGED = "PULL_REQUEST_MERGED"
    PULL_REQUEST_REOPENED = "PULL_REQUEST_REOPENED"
    RELEASED = "RELEASED"
    PRERELEASED = "PRERELEASED"
    WORKFLOW_JOB_QUEUED = "WORKFLOW_JOB_QUEUED"
