"""cdk_events.aws.codebuild: CodeBuild projects, defined here or imported, and their event rules (the
`aws_cdk.aws_codebuild` counterpart): `Project`, `PipelineProject`, `Source`, `BuildSpec`, the build
images, `on_build_failed` and the other `on_*` helpers."""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._artifacts import Artifacts, Cache, IArtifacts
    from ._build_image import (
        DockerImageOptions,
        IBuildImage,
        LinuxArmBuildImage,
        LinuxArmLambdaBuildImage,
        LinuxBuildImage,
        LinuxLambdaBuildImage,
        MacBuildImage,
        WindowsBuildImage,
    )
    from ._build_spec import BuildSpec
    from ._cfn_generated import CfnProject
    from ._enums import (
        BuildEnvironmentVariableType,
        ComputeType,
        EnvironmentType,
        EventAction,
        ImagePullPrincipalType,
        LocalCacheMode,
        ProjectVisibility,
        WindowsImageType,
    )
    from ._environment import BuildEnvironment, BuildEnvironmentCertificate, BuildEnvironmentVariable
    from ._events import PhaseChangeEvent, StateChangeEvent
    from ._project import (
        BatchBuildConfig,
        CloudWatchLoggingOptions,
        LoggingOptions,
        PipelineProject,
        Project,
        S3LoggingOptions,
    )
    from ._project_base import IProject, ProjectBase
    from ._source import FilterGroup, ISource, Source, SourceConfig

__all__ = [
    "Artifacts", "BatchBuildConfig", "BuildEnvironment", "BuildEnvironmentCertificate", "BuildEnvironmentVariable",
    "BuildEnvironmentVariableType", "BuildSpec", "Cache", "CfnProject", "CloudWatchLoggingOptions", "ComputeType",
    "DockerImageOptions", "EnvironmentType", "EventAction", "FilterGroup", "IArtifacts", "IBuildImage",
    "IProject", "ISource", "ImagePullPrincipalType", "LinuxArmBuildImage", "LinuxArmLambdaBuildImage",
    "LinuxBuildImage", "LinuxLambdaBuildImage", "LocalCacheMode", "LoggingOptions", "MacBuildImage",
    "PhaseChangeEvent", "PipelineProject", "Project", "ProjectBase", "ProjectVisibility", "S3LoggingOptions",
    "Source", "SourceConfig", "StateChangeEvent", "WindowsBuildImage", "WindowsImageType",
]

lazy_exports(globals(), {
    "Artifacts": "._artifacts",
    "Cache": "._artifacts",
    "IArtifacts": "._artifacts",
    "DockerImageOptions": "._build_image",
    "IBuildImage": "._build_image",
    "LinuxArmBuildImage": "._build_image",
    "LinuxArmLambdaBuildImage": "._build_image",
    "LinuxBuildImage": "._build_image",
    "LinuxLambdaBuildImage": "._build_image",
    "MacBuildImage": "._build_image",
    "WindowsBuildImage": "._build_image",
    "BuildSpec": "._build_spec",
    "CfnProject": "._cfn_generated",
    "BuildEnvironmentVariableType": "._enums",
    "ComputeType": "._enums",
    "EnvironmentType": "._enums",
    "EventAction": "._enums",
    "ImagePullPrincipalType": "._enums",
    "LocalCacheMode": "._enums",
    "ProjectVisibility": "._enums",
    "WindowsImageType": "._enums",
    "BuildEnvironment": "._environment",
    "BuildEnvironmentCertificate": "._environment",
    "BuildEnvironmentVariable": "._environment",
    "PhaseChangeEvent": "._events",
    "StateChangeEvent": "._events",
    "BatchBuildConfig": "._project",
    "CloudWatchLoggingOptions": "._project",
    "LoggingOptions": "._project",
    "PipelineProject": "._project",
    "Project": "._project",
    "S3LoggingOptions": "._project",
    "IProject": "._project_base",
    "ProjectBase": "._project_base",
    "FilterGroup": "._source",
    "ISource": "._source",
    "Source": "._source",
    "SourceConfig": "._source",
})
