"""The other stack synthesizers of aws-cdk-lib: `BootstraplessSynthesizer` (bootstrap roles, no
assets), `CliCredentialsStackSynthesizer` (bootstrap bucket, the CLI's own credentials) and
`LegacyStackSynthesizer` (assets as template parameters the CLI fills in)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._assets import FileAssetLocation, FileAssetSource
from ._cfn_parameter import CfnParameter
from ._construct import Construct
from ._default_synthesizer import (
    AssetManifestBuilder,
    DefaultStackSynthesizer,
    StackSynthesizer,
    bind_bootstrap_locations,
    check_no_tokens,
)
from ._errors import UnscopedValidationError
from ._fn import Fn

if TYPE_CHECKING:
    from ._stack import Stack

ASSET_PREFIX_SEPARATOR = "||"


class BootstraplessSynthesizer(DefaultStackSynthesizer):
    """Deploys with the bootstrap roles but without the bootstrap bucket (mirrors
    `aws_cdk.BootstraplessSynthesizer`): no bootstrap-version rule, no asset manifest, and no assets —
    adding one fails. Roles default to the bootstrap stack's (qualifier `hnb659fds`)."""

    def __init__(self, *, qualifier: str | None = None, deploy_role_arn: str | None = None,
                 cloud_formation_execution_role_arn: str | None = None):
        super().__init__(deploy_role_arn=deploy_role_arn,
                         cloud_formation_execution_role=cloud_formation_execution_role_arn,
                         generate_bootstrap_version_rule=False, qualifier=qualifier)

    def add_file_asset(self, asset: FileAssetSource) -> FileAssetLocation:
        """Refused: this synthesizer has no bucket to publish assets to."""
        raise UnscopedValidationError("Cannot add assets to a Stack that uses the BootstraplessSynthesizer")

    def add_docker_image_asset(self, asset: Any) -> Any:
        """Refused: this synthesizer has no repository to publish images to."""
        raise UnscopedValidationError("Cannot add assets to a Stack that uses the BootstraplessSynthesizer")

    def asset_manifest(self, template_hash: str) -> dict[str, Any] | None:  # type: ignore[override]
        """None: the template is not an asset here."""
        return None

    def asset_artifact(self) -> dict[str, Any] | None:  # type: ignore[override]
        """None: no asset manifest."""
        return None

    def stack_artifact(self, template_hash: str, dependencies: list[str], has_metadata: bool) -> dict[str, Any]:
        """The manifest entry: the deploy and CloudFormation execution roles only."""
        return self._emit_artifact(dependencies, has_metadata, {
            "assumeRoleArn": self.deploy_role_arn,
            "cloudFormationExecutionRoleArn": self.cloud_formation_execution_role_arn,
        })


class CliCredentialsStackSynthesizer(StackSynthesizer):
    """Assets and the template go to the bootstrap bucket, and the CLI deploys with its own credentials
    (mirrors `aws_cdk.CliCredentialsStackSynthesizer`): no roles, no bootstrap-version rule. Names default
    as in `DefaultStackSynthesizer`."""

    # set by bind() (bind_bootstrap_locations)
    bucket_name: str
    repository_name: str
    bucket_prefix: str
    docker_tag_prefix: str

    def __init__(self, *, file_assets_bucket_name: str | None = None, image_assets_repository_name: str | None = None,
                 qualifier: str | None = None, bucket_prefix: str | None = None, docker_tag_prefix: str | None = None):
        super().__init__()
        props: dict[str, str | None] = {"file_assets_bucket_name": file_assets_bucket_name,
                 "image_assets_repository_name": image_assets_repository_name, "qualifier": qualifier,
                 "bucket_prefix": bucket_prefix, "docker_tag_prefix": docker_tag_prefix}
        given = {k: v for k, v in props.items() if v is not None}
        for key, value in given.items():
            if not isinstance(value, str):
                raise UnscopedValidationError(
                    f"CliCredentialsStackSynthesizer: '{key}' must be a string, got {value!r}")
        check_no_tokens("CliCredentialsStackSynthesizer", given)
        self._props: dict[str, str] = given
        self._assets = AssetManifestBuilder()
        self.qualifier: str | None = None

    def _reset(self) -> None:
        super()._reset()
        self._assets = AssetManifestBuilder()

    def bind(self, stack: Stack) -> None:
        """Attach to a stack (once) and fill in the bucket and repository names."""
        super().bind(stack)
        bind_bootstrap_locations(self, stack, self._props)

    @property
    def bootstrap_qualifier(self) -> str | None:
        """The qualifier of the bootstrap bucket."""
        return self.qualifier

    def add_file_asset(self, asset: FileAssetSource) -> FileAssetLocation:
        """Publish the asset to the bootstrap bucket (under `bucket_prefix`) with the CLI's credentials."""
        destination = self._assets.default_add_file_asset(self.bound_stack, asset, bucket_name=self.bucket_name,
                                                          bucket_prefix=self.bucket_prefix)
        return self._location_from_file_asset(destination)

    def _template_destination(self, template_hash: str) -> dict[str, Any]:
        return self._assets.add_template(self.bound_stack, template_hash, bucket_name=self.bucket_name,
                                         bucket_prefix=self.bucket_prefix)

    def asset_manifest(self, template_hash: str) -> dict[str, Any] | None:
        """The `<stack>.assets.json` document: the file assets, then the template."""
        self._template_destination(template_hash)
        return self._assets.manifest()

    def asset_artifact(self) -> dict[str, Any] | None:
        """The manifest entry of the asset manifest (no bootstrap version required)."""
        return {"type": "cdk:asset-manifest", "properties": {"file": f"{self.bound_stack.artifact_id}.assets.json"}}

    def stack_artifact(self, template_hash: str, dependencies: list[str], has_metadata: bool) -> dict[str, Any]:
        """The manifest entry: the template URL and the asset-manifest dependency."""
        destination = self._template_destination(template_hash)
        assets_id = f"{self.bound_stack.artifact_id}.assets"
        return self._emit_artifact(dependencies, has_metadata, {
            "stackTemplateAssetObjectUrl": f"s3://{destination['bucketName']}/{destination['objectKey']}",
            "additionalDependencies": [assets_id],
        }, [assets_id])


class LegacyStackSynthesizer(StackSynthesizer):
    """The CDK v1 way (mirrors `aws_cdk.LegacyStackSynthesizer`): each file asset becomes three template
    parameters (`AssetParameters<hash>S3Bucket`, `...S3VersionKey`, `...ArtifactHash`) that the CLI fills
    in at deploy time; the CLI's credentials deploy; no bootstrap-version rule, no asset manifest."""

    def __init__(self) -> None:
        super().__init__()
        self._asset_parameters: Construct | None = None

    def _reset(self) -> None:
        super()._reset()
        self._asset_parameters = None

    def add_file_asset(self, asset: FileAssetSource) -> FileAssetLocation:
        """The asset's parameters (created once per source hash) and a location built from them."""
        stack = self.bound_stack
        if self._asset_parameters is None:
            self._asset_parameters = Construct(stack, "AssetParameters")
        params = self._asset_parameters.node.try_find_child(asset.source_hash)
        if params is None:
            if not asset.file_name or asset.packaging is None:
                raise UnscopedValidationError(f"LegacyStackSynthesizer does not support this type of file asset: "
                                              f"{asset}")
            params = Construct(self._asset_parameters, asset.source_hash)
            bucket = CfnParameter(params, "S3Bucket", type="String",
                                  description=f'S3 bucket for asset "{asset.source_hash}"')
            key = CfnParameter(params, "S3VersionKey", type="String",
                               description=f'S3 key for asset version "{asset.source_hash}"')
            artifact_hash = CfnParameter(params, "ArtifactHash", type="String",
                                         description=f'Artifact hash for asset "{asset.source_hash}"')
            stack.node.add_metadata("aws:cdk:asset", {
                "path": asset.file_name, "id": asset.source_hash, "packaging": asset.packaging.value,
                "sourceHash": asset.source_hash, "s3BucketParameter": bucket.logical_id,
                "s3KeyParameter": key.logical_id, "artifactHashParameter": artifact_hash.logical_id,
            })
        bucket_parameter = params.node.find_child("S3Bucket")
        key_parameter = params.node.find_child("S3VersionKey")
        assert isinstance(bucket_parameter, CfnParameter) and isinstance(key_parameter, CfnParameter)
        bucket_name = bucket_parameter.value_as_string
        encoded = key_parameter.value_as_string
        prefix = Fn.select(0, Fn.split(ASSET_PREFIX_SEPARATOR, encoded))
        file_name = Fn.select(1, Fn.split(ASSET_PREFIX_SEPARATOR, encoded))
        object_key = f"{prefix}{file_name}"
        http_url = f"https://s3.{stack.region}.{stack.url_suffix}/{bucket_name}/{object_key}"
        return FileAssetLocation(bucket_name=bucket_name, object_key=object_key, http_url=http_url,
                                 s3_object_url=f"s3://{bucket_name}/{object_key}", s3_url=http_url)
