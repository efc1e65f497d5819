"""`Project` and `PipelineProject`: CodeBuild projects with their role and the policies the CDK adds."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from cdk_events.core import ArnComponents, ArnFormat, Construct, Duration, Lazy, PhysicalName, Stack, Token

from ...core._cfn_runtime import render_struct
from ...core._errors import construct_error
from ...core._import_checks import require_str, split_import_arn
from ...core._prop_checks import check_bool, check_duration, check_enum, check_number, check_str
from ...core._struct import to_struct
from ...core._struct_methods import struct_methods
from .. import iam
from ._artifacts import Cache, CodePipelineArtifacts, IArtifacts, NoArtifacts
from ._build_image import IBuildImage, LinuxBuildImage, is_lambda_build_image
from ._build_spec import BuildSpec
from ._cfn_generated import CfnProject
from ._enums import ImagePullPrincipalType, ProjectVisibility
from ._environment import BuildEnvironment, serialize_env_variables, to_build_environment, to_variables
from ._project_base import ImportedProject, IProject, ProjectBase
from ._source import CODEPIPELINE_SOURCE_ARTIFACTS_TYPE, NO_SOURCE_TYPE, CodePipelineSource, ISource, NoSource

if TYPE_CHECKING:
    from ..kms import IKey
    from ..logs import ILogGroup
    from ..s3 import IBucket

_ARN_SHAPE = "arn:<partition>:codebuild:<region>:<account>:project/<name>"
_NOT_OFFERED = {
    "vpc": "a VPC", "subnet_selection": "a VPC", "security_groups": "a VPC", "allow_all_outbound": "a VPC",
    "file_system_locations": "EFS file system locations",
}


@struct_methods
@attrs.frozen(slots=False, repr=False, eq=False)
class CloudWatchLoggingOptions:
    """CloudWatch Logs for builds (mirrors `aws_cdk.aws_codebuild.CloudWatchLoggingOptions`); `enabled`
    defaults to True, which needs `log_group`."""

    enabled: bool | None = None
    log_group: ILogGroup | None = None
    prefix: str | None = None


@struct_methods
@attrs.frozen(slots=False, repr=False, eq=False)
class S3LoggingOptions:
    """S3 logs for builds (mirrors `aws_cdk.aws_codebuild.S3LoggingOptions`); `enabled` defaults to True."""

    bucket: IBucket
    enabled: bool | None = None
    encrypted: bool | None = None
    prefix: str | None = None


def _cloud_watch(value: Any) -> CloudWatchLoggingOptions | None:
    return to_struct(CloudWatchLoggingOptions, value, prop="logging.cloud_watch")


def _s3_logging(value: Any) -> S3LoggingOptions | None:
    return to_struct(S3LoggingOptions, value, prop="logging.s3")


@struct_methods
@attrs.frozen(slots=False, repr=False, eq=False)
class LoggingOptions:
    """Where build logs go (mirrors `aws_cdk.aws_codebuild.LoggingOptions`); default: no logs configuration."""

    cloud_watch: CloudWatchLoggingOptions | None = attrs.field(default=None, converter=_cloud_watch)
    s3: S3LoggingOptions | None = attrs.field(default=None, converter=_s3_logging)


class Project(ProjectBase):
    """A CodeBuild project (mirrors `aws_cdk.aws_codebuild.Project`).

    Defaults: no source (then `build_spec` must be inline, `BuildSpec.from_object`); no artifacts; no cache;
    `LinuxBuildImage.STANDARD_7_0` on the image's default compute type; a new role (child `Role`,
    `codebuild.amazonaws.com`) given the source's permissions, the environment variables' reads, the log
    group statement (`/aws/codebuild/<name>`) and the report group statement (`<name>-*`); the AWS-managed
    S3 key (`alias/aws/s3`); CodeBuild's default timeout (one hour); a generated name.
    """

    def __init__(self, scope: Construct, id: str, *, source: ISource | None = None,
                 artifacts: IArtifacts | None = None, secondary_sources: Sequence[ISource] | None = None,
                 secondary_artifacts: Sequence[IArtifacts] | None = None, auto_retry_limit: int | None = None,
                 badge: bool | None = None, build_spec: BuildSpec | None = None, cache: Cache | None = None,
                 check_secrets_in_plain_text_env_variables: bool | None = None,
                 concurrent_build_limit: int | None = None, description: str | None = None,
                 encryption_key: IKey | None = None, environment: BuildEnvironment | Mapping[str, Any] | None = None,
                 environment_variables: Mapping[str, Any] | None = None,
                 grant_report_group_permissions: bool | None = None,
                 logging: LoggingOptions | Mapping[str, Any] | None = None, project_name: str | None = None,
                 queued_timeout: Duration | None = None, role: iam.IRole | None = None,
                 ssm_session_permissions: bool | None = None, timeout: Duration | None = None,
                 visibility: ProjectVisibility | None = None, **unsupported: Any):
        super().__init__(scope, id, physical_name=project_name)
        self._secondary_sources: list[dict[str, Any]] = []
        self._secondary_source_versions: list[dict[str, Any]] = []
        self._secondary_artifacts: list[dict[str, Any]] = []
        self._batch_service_role: iam.Role | None = None
        self._encryption_key: IKey | None = None
        self._check_props(unsupported, source, artifacts, build_spec, cache, description, project_name, timeout,
                          queued_timeout, role, badge, concurrent_build_limit, auto_retry_limit, visibility)
        env = to_build_environment(self, environment)
        project_vars = to_variables(self, "environment_variables", environment_variables)
        log_options = to_struct(LoggingOptions, logging, prop="logging", scope=self)
        self._role = role if role is not None else iam.Role(
            self, "Role", role_name=PhysicalName.GENERATE_IF_NEEDED,
            assumed_by=iam.ServicePrincipal("codebuild.amazonaws.com"))
        self._grant_principal = self._role.grant_principal
        self._build_image: IBuildImage = env.build_image or LinuxBuildImage.STANDARD_7_0
        self._source: ISource = source if source is not None else NoSource()
        source_config = self._source.bind(self, self)
        if badge and not self._source.badge_supported:
            raise construct_error(self, f"Badge is not supported for source type {self._source.type}")
        if artifacts is None:
            artifacts = (CodePipelineArtifacts() if self._source.type == CODEPIPELINE_SOURCE_ARTIFACTS_TYPE
                         else NoArtifacts())
        artifacts_property = artifacts.bind(self, self)
        given_cache = cache
        cache = cache if cache is not None else Cache.none()
        cache._bind(self)
        if self._source.type == NO_SOURCE_TYPE and (build_spec is None or not build_spec.is_immediate):
            raise construct_error(self, "If the Project's source is NoSource, you need to provide a concrete buildSpec")
        for secondary_source in secondary_sources or ():
            self.add_secondary_source(secondary_source)
        for secondary_artifact in secondary_artifacts or ():
            self.add_secondary_artifact(secondary_artifact)
        if CODEPIPELINE_SOURCE_ARTIFACTS_TYPE in (self._source.type, artifacts.type) \
                and self._source.type != artifacts.type:
            raise construct_error(self, "Both source and artifacts must be set to CodePipeline")
        if auto_retry_limit is not None and not Token.is_unresolved(auto_retry_limit) \
                and not 0 <= auto_retry_limit <= 10:
            raise construct_error(self, f"autoRetryLimit must be a value between 0 and 10, got {auto_retry_limit}.")
        self._resource = CfnProject(
            self, "Resource",
            description=description,
            source={**source_config.source_property,
                    "BuildSpec": build_spec.to_build_spec(self) if build_spec is not None else None},
            artifacts=artifacts_property,
            service_role=self._role.role_arn,
            environment=self._render_environment(env, project_vars, check_secrets_in_plain_text_env_variables,
                                                 timeout, queued_timeout, given_cache,
                                                 badge),
            encryption_key=Lazy.string(lambda: self._encryption_key.key_arn if self._encryption_key is not None
                                       else "alias/aws/s3"),
            badge_enabled=badge,
            cache=cache._to_cloud_formation(),
            name=self.physical_name,
            timeout_in_minutes=timeout.to_minutes() if timeout is not None else None,
            queued_timeout_in_minutes=queued_timeout.to_minutes() if queued_timeout is not None else None,
            concurrent_build_limit=concurrent_build_limit,
            secondary_sources=Lazy.any(lambda: _render(self._secondary_sources, CfnProject.SourceProperty)),
            secondary_source_versions=Lazy.any(
                lambda: _render(self._secondary_source_versions, CfnProject.ProjectSourceVersionProperty)),
            secondary_artifacts=Lazy.any(lambda: _render(self._secondary_artifacts, CfnProject.ArtifactsProperty)),
            triggers=source_config.build_triggers,
            source_version=source_config.source_version,
            visibility=visibility.value if visibility is not None else None,
            logs_config=self._render_logging(log_options),
            build_batch_config=Lazy.any(lambda: {"ServiceRole": self._batch_service_role.role_arn}
                                        if self._batch_service_role is not None else None),
            auto_retry_limit=auto_retry_limit,
        )
        self.project_arn = self._get_resource_arn_attribute(self._resource.attr_arn, ArnComponents(
            service="codebuild", resource="project", resource_name=self.physical_name))
        self.project_name = self._get_resource_name_attribute(self._resource.ref)
        stack = Stack.of(self)
        log_group_arn = stack.format_arn(service="logs", resource="log-group", arn_format=ArnFormat.COLON_RESOURCE_NAME,
                                         resource_name=f"/aws/codebuild/{self.project_name}")
        self.add_to_role_policy(iam.PolicyStatement(
            resources=[log_group_arn, f"{log_group_arn}:*"],
            actions=["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"]))
        if grant_report_group_permissions is not False:
            self.add_to_role_policy(iam.PolicyStatement(
                actions=["codebuild:CreateReportGroup", "codebuild:CreateReport", "codebuild:UpdateReport",
                         "codebuild:BatchPutTestCases", "codebuild:BatchPutCodeCoverages"],
                resources=[stack.format_arn(service="codebuild", resource="report-group",
                                            resource_name=f"{self.project_name}-*")]))
        if ssm_session_permissions:
            self.add_to_role_policy(iam.PolicyStatement(
                actions=["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
                         "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel", "logs:DescribeLogGroups",
                         "logs:CreateLogStream", "logs:PutLogEvents", "s3:GetEncryptionConfiguration",
                         "s3:PutObject"],
                resources=["*"]))
        if encryption_key is not None:
            self._encryption_key = encryption_key
            encryption_key.grant_encrypt_decrypt(self)
        self.node.add_validation(_ProjectValidation(self))

    def _validate_project(self) -> list[str]:
        if self._source.type != CODEPIPELINE_SOURCE_ARTIFACTS_TYPE:
            return []
        errors = []
        if self._secondary_sources:
            errors.append("A Project with a CodePipeline Source cannot have secondary sources. Use the CodeBuild "
                          "Pipeline Actions' `extraInputs` property instead")
        if self._secondary_artifacts:
            errors.append("A Project with a CodePipeline Source cannot have secondary artifacts. Use the CodeBuild "
                          "Pipeline Actions' `outputs` property instead")
        return errors

    # --- props -------------------------------------------------------------------------------
    def _check_props(self, unsupported: dict[str, Any], source: Any, artifacts: Any, build_spec: Any, cache: Any,
                     description: Any, project_name: Any, timeout: Any, queued_timeout: Any, role: Any, badge: Any,
                     concurrent_build_limit: Any, auto_retry_limit: Any, visibility: Any) -> None:
        for key in unsupported:
            if key in _NOT_OFFERED:
                raise construct_error(self, f"'{key}' is not offered by cdk-events (it needs {_NOT_OFFERED[key]})")
            raise TypeError(f"Project.__init__() got an unexpected keyword argument '{key}'")
        if source is not None and not isinstance(source, ISource):
            raise construct_error(self, f"'source' must be a codebuild.ISource (Source.code_commit(...), "
                                        f"Source.s3(...), Source.git_hub(...)...), got {source!r}")
        if artifacts is not None and not isinstance(artifacts, IArtifacts):
            raise construct_error(self, f"'artifacts' must be a codebuild.IArtifacts, got {artifacts!r}")
        if build_spec is not None and not isinstance(build_spec, BuildSpec):
            raise construct_error(self, f"'build_spec' must be a codebuild.BuildSpec (BuildSpec.from_object(...) or "
                                        f"BuildSpec.from_source_filename(...)), got {build_spec!r}")
        if cache is not None and not isinstance(cache, Cache):
            raise construct_error(self, f"'cache' must be a codebuild.Cache, got {cache!r}")
        if role is not None and not isinstance(role, iam.IRole):
            raise construct_error(self, f"'role' must be an iam.IRole, got {role!r}")
        for prop, value in (("description", description), ("project_name", project_name)):
            check_str(self, prop, value)
        check_duration(self, "timeout", timeout)
        check_duration(self, "queued_timeout", queued_timeout)
        check_bool(self, "badge", badge)
        check_number(self, "concurrent_build_limit", concurrent_build_limit)
        check_number(self, "auto_retry_limit", auto_retry_limit)
        check_enum(self, "visibility", visibility, ProjectVisibility)

    # --- rendering ---------------------------------------------------------------------------
    def _render_environment(self, env: BuildEnvironment, project_vars: dict[str, Any], check_secrets: bool | None,
                            timeout: Duration | None, queued_timeout: Duration | None, cache: Cache | None,
                            badge: bool | None) -> dict[str, Any]:
        image = self._build_image
        variables = {**to_variables(self, "environment.environment_variables", env.environment_variables),
                     **project_vars}
        errors = list(image.validate(env))
        if is_lambda_build_image(image):
            errors += [message for given, message in (
                (timeout, "Cannot specify timeout for Lambda compute"),
                (queued_timeout, "Cannot specify queuedTimeout for Lambda compute"),
                (cache, "Cannot specify cache for Lambda compute"),
                (badge or None, "Cannot enable badge for Lambda compute")) if given is not None]
        if errors:
            raise construct_error(self, "Invalid CodeBuild environment: " + "\n".join(errors))
        pull = None if is_lambda_build_image(image) else (
            ImagePullPrincipalType.CODEBUILD if image.image_pull_principal_type is ImagePullPrincipalType.CODEBUILD
            else ImagePullPrincipalType.SERVICE_ROLE)
        secret = image.secrets_manager_credentials
        if pull is ImagePullPrincipalType.SERVICE_ROLE and secret is not None:
            secret.grant_read(self)
        fleet = env.fleet
        if fleet is not None and Token.is_unresolved(fleet.fleet_arn):
            fleet_type = getattr(fleet.environment_type, "value", fleet.environment_type)
            if fleet_type != image.type:
                raise construct_error(self, f"The environment type of the fleet ({fleet_type}) must match the "
                                            f"environment type of the build image ({image.type})")
        return {
            "Type": image.type,
            "Image": image.image_id,
            "ImagePullCredentialsType": pull.value if pull is not None else None,
            "RegistryCredential": {
                "CredentialProvider": "SECRETS_MANAGER",
                "Credential": getattr(secret, "secret_full_arn", None) or secret.secret_name,
            } if secret is not None else None,
            "Certificate": env.certificate.bucket.arn_for_objects(env.certificate.object_key)
            if env.certificate is not None else None,
            "PrivilegedMode": env.privileged or False,
            "Fleet": {"FleetArn": fleet.fleet_arn} if fleet is not None else None,
            "ComputeType": (env.compute_type or image.default_compute_type).value,
            "EnvironmentVariables": serialize_env_variables(
                variables, check_secrets if check_secrets is not None else True, self, self)
            if variables else None,
        }

    def _render_logging(self, options: LoggingOptions | None) -> dict[str, Any] | None:
        if options is None:
            return None
        s3_config = cloud_watch_config = None
        if options.s3 is not None:
            s3 = options.s3
            s3_config = {"Status": "ENABLED" if s3.enabled is not False else "DISABLED",
                         "Location": f"{s3.bucket.bucket_name}" + (f"/{s3.prefix}" if s3.prefix else ""),
                         "EncryptionDisabled": s3.encrypted}
            s3.bucket.grant_write(self)
        if options.cloud_watch is not None:
            cw = options.cloud_watch
            status = "ENABLED" if cw.enabled is not False else "DISABLED"
            if status == "ENABLED" and cw.log_group is None:
                raise construct_error(self, "Specifying a LogGroup is required if CloudWatch logging for CodeBuild "
                                            "is enabled")
            if cw.log_group is not None:
                cw.log_group.grant_write(self)
            cloud_watch_config = {"Status": status,
                                  "GroupName": cw.log_group.log_group_name if cw.log_group is not None else None,
                                  "StreamName": cw.prefix}
        return {"CloudWatchLogs": cloud_watch_config, "S3Logs": s3_config}

    # --- secondary sources and artifacts, batch builds ---------------------------------------
    def add_secondary_source(self, secondary_source: ISource) -> None:
        """Add a secondary source (it needs an `identifier`)."""
        if not secondary_source.identifier:
            raise construct_error(self, "The identifier attribute is mandatory for secondary sources")
        config = secondary_source.bind(self, self)
        self._secondary_sources.append(config.source_property)
        if config.source_version:
            self._secondary_source_versions.append({"SourceIdentifier": secondary_source.identifier,
                                                    "SourceVersion": config.source_version})

    def add_secondary_artifact(self, secondary_artifact: IArtifacts) -> None:
        """Add a secondary artifact (it needs an `identifier`)."""
        if not secondary_artifact.identifier:
            raise construct_error(self, "The identifier attribute is mandatory for secondary artifacts")
        self._secondary_artifacts.append(secondary_artifact.bind(self, self))

    def enable_batch_builds(self) -> Any:
        """Enable batch builds: a `BatchServiceRole` that may start, stop and retry builds of this project."""
        if self._batch_service_role is None:
            self._batch_service_role = iam.Role(self, "BatchServiceRole",
                                                assumed_by=iam.ServicePrincipal("codebuild.amazonaws.com"))
            self._batch_service_role.add_to_principal_policy(iam.PolicyStatement(
                resources=[Lazy.string(lambda: self.project_arn)],
                actions=["codebuild:StartBuild", "codebuild:StopBuild", "codebuild:RetryBuild"]))
        return BatchBuildConfig(role=self._batch_service_role)

    # --- imports -----------------------------------------------------------------------------
    @staticmethod
    def from_project_arn(scope: Construct, id: str, project_arn: str) -> IProject:
        """A project defined elsewhere, by ARN (`arn:aws:codebuild:<region>:<account>:project/<name>`); its
        account and region come from the ARN."""
        parts = split_import_arn(scope, "project_arn", project_arn, ArnFormat.SLASH_RESOURCE_NAME, _ARN_SHAPE,
                                 service="codebuild")
        return ImportedProject(scope, id, project_arn=project_arn, project_name=parts.resource_name or "",
                               account=parts.account, region=parts.region)

    @staticmethod
    def from_project_name(scope: Construct, id: str, project_name: str) -> IProject:
        """A project of this stack's account and region, by name."""
        name = require_str(scope, "project_name", project_name, "a project name (a non-empty string)")
        return ImportedProject(scope, id, project_arn=None, project_name=name)


class _ProjectValidation:
    def __init__(self, project: Project):
        self._project = project

    def validate(self) -> list[str]:
        return self._project._validate_project()


def _render(items: list[dict[str, Any]], cls: type[Any]) -> list[Any] | None:
    """A lazily rendered list of property values (None when empty, as the CDK leaves it out)."""
    return [render_struct(item, cls) for item in items] if items else None


@struct_methods
@attrs.frozen(slots=False, repr=False, eq=False)
class BatchBuildConfig:
    """What `enable_batch_builds` returns: the batch service role."""

    role: iam.IRole


class PipelineProject(Project):
    """A project run by a CodePipeline action (mirrors `aws_cdk.aws_codebuild.PipelineProject`): its source
    and artifacts are the pipeline's; the other defaults are those of `Project`."""

    def __init__(self, scope: Construct, id: str, **props: Any):
        for key in ("source", "artifacts"):
            if key in props:
                raise TypeError(f"PipelineProject.__init__() got an unexpected keyword argument '{key}'")
        super().__init__(scope, id, source=CodePipelineSource(), artifacts=CodePipelineArtifacts(), **props)
