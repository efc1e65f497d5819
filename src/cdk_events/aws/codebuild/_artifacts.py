"""Build outputs (`Artifacts`) and build caches (`Cache`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from cdk_events.core import Aws, Construct, Fn, ValidationError

from ._enums import LocalCacheMode

if TYPE_CHECKING:
    from ..s3 import IBucket
    from ._project_base import IProject


@runtime_checkable
class IArtifacts(Protocol):
    """A build output (mirrors `aws_cdk.aws_codebuild.IArtifacts`)."""

    @property
    def identifier(self) -> str | None: ...

    @property
    def type(self) -> str: ...

    def bind(self, scope: Construct, project: IProject) -> dict[str, Any]: ...


class Artifacts:
    """Where a project puts its build output (mirrors `aws_cdk.aws_codebuild.Artifacts`); the default is
    no artifacts (`NO_ARTIFACTS`), or the pipeline's for a `PipelineProject`."""

    type: str = "NO_ARTIFACTS"

    def __init__(self, *, identifier: str | None = None):
        self.identifier = identifier

    @staticmethod
    def s3(*, bucket: IBucket, path: str | None = None, name: str | None = None, include_build_id: bool | None = None,
           package_zip: bool | None = None, encryption: bool | None = None,
           identifier: str | None = None) -> IArtifacts:
        """Output to `bucket` (read-write granted): zipped (`package_zip`, default True), under the build id
        (`include_build_id`, default True), encrypted (`encryption`, default True); `name` defaults to the
        buildspec's."""
        return _S3Artifacts(bucket=bucket, path=path, name=name, include_build_id=include_build_id,
                            package_zip=package_zip, encryption=encryption, identifier=identifier)

    def bind(self, scope: Construct, project: IProject) -> dict[str, Any]:
        """The `Artifacts` property (CloudFormation names)."""
        return {"ArtifactIdentifier": self.identifier, "Type": self.type}


class NoArtifacts(Artifacts):
    """No build output."""


class CodePipelineArtifacts(Artifacts):
    """The output artifacts of the CodePipeline action (the `PipelineProject` default)."""

    type = "CODEPIPELINE"


class _S3Artifacts(Artifacts):
    type = "S3"

    def __init__(self, *, bucket: IBucket, path: str | None, name: str | None, include_build_id: bool | None,
                 package_zip: bool | None, encryption: bool | None, identifier: str | None):
        super().__init__(identifier=identifier)
        if not hasattr(bucket, "bucket_name"):
            raise ValidationError(f"Artifacts.s3: 'bucket' must be an s3.IBucket, got {bucket!r}")
        self.bucket = bucket
        self.path = path
        self.name = name
        self.include_build_id = include_build_id
        self.package_zip = package_zip
        self.encryption = encryption

    def bind(self, scope: Construct, project: IProject) -> dict[str, Any]:
        self.bucket.grant_read_write(project)
        return {
            **super().bind(scope, project),
            "Location": self.bucket.bucket_name,
            "Path": self.path,
            "NamespaceType": "NONE" if self.include_build_id is False else "BUILD_ID",
            "Name": self.name,
            "Packaging": "NONE" if self.package_zip is False else "ZIP",
            "EncryptionDisabled": True if self.encryption is False else None,
            "OverrideArtifactName": True if self.name is None else None,
        }


class Cache:
    """A build cache (mirrors `aws_cdk.aws_codebuild.Cache`): `Cache.none()` (the default), `Cache.local(...)`
    or `Cache.bucket(...)`."""

    def __init__(self, rendered: dict[str, Any], bucket: Any = None):
        self._rendered = rendered
        self._bucket = bucket

    @staticmethod
    def none() -> Cache:
        """No cache (`NO_CACHE`)."""
        return Cache({"Type": "NO_CACHE"})

    @staticmethod
    def local(*modes: LocalCacheMode) -> Cache:
        """A cache on the build host, for the given modes."""
        return Cache({"Type": "LOCAL", "Modes": [mode.value for mode in modes]})

    @staticmethod
    def bucket(bucket: IBucket, *, prefix: str | None = None, cache_namespace: str | None = None) -> Cache:
        """A cache in `bucket` (under `prefix`); the project's role may read and write it."""
        return Cache({"Type": "S3", "Location": Fn.join("/", [bucket.bucket_name, prefix or Aws.NO_VALUE]),
                      "CacheNamespace": cache_namespace}, bucket)

    def _bind(self, project: IProject) -> None:
        if self._bucket is not None:
            self._bucket.grant_read_write(project)

    def _to_cloud_formation(self) -> dict[str, Any]:
        return self._rendered
