"""Stack synthesizers: where a stack's file assets go, what its template gets (the bootstrap-version
parameter and rule) and what its manifest entry says (roles, template URL), as aws-cdk-lib 2.x
writes them. `StackSynthesizer` is the base and `DefaultStackSynthesizer` the default; the others are
in `_other_synthesizers.py`."""

from __future__ import annotations

import copy
import hashlib
import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from ._cfn_element import CfnElement
from ._cfn_parameter import CfnParameter
from ._cfn_rule import CfnRule
from ._errors import UnscopedValidationError, ValidationError
from ._fn import Fn
from ._json import js_stringify
from ._token_encoding import is_unresolved

if TYPE_CHECKING:
    from ._assets import FileAssetLocation, FileAssetSource
    from ._stack import Stack

QUALIFIER = "hnb659fds"
BOOTSTRAP_QUALIFIER_CONTEXT = "@aws-cdk/core:bootstrapQualifier"
MIN_BOOTSTRAP_VERSION = 6
LOOKUP_BOOTSTRAP_VERSION = 8
SESSION_TAGS_BOOTSTRAP_VERSION = 22
_PLACEHOLDERS = "${Qualifier}, ${AWS::Region}, ${AWS::AccountId}, ${AWS::Partition}"

# Schema 36.0.0 is read by every CDK CLI since 2.150 (newer CLIs read older schemas; older CLIs
# refuse newer ones), so assemblies written here work with the CLI versions users actually have.
MANIFEST_VERSION = "36.0.0"


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def check_no_tokens(synthesizer: str, props: Mapping[str, Any]) -> None:
    """Synthesizer props may hold placeholders (`${AWS::AccountId}`), never tokens."""
    for key, value in props.items():
        if isinstance(value, str) and is_unresolved(value):
            raise UnscopedValidationError(
                f"{synthesizer} property '{_camel(key)}' cannot contain tokens; only the following placeholder "
                f"strings are allowed: {_PLACEHOLDERS}")


def _resolved_or(value: str, default: str) -> str:
    return default if is_unresolved(value) else value


class StringSpecializer:
    """Fills `${Qualifier}` always, and `${AWS::AccountId}` / `${AWS::Region}` when the stack's
    environment is concrete (`${AWS::Partition}` stays: it is never known at synthesis)."""

    def __init__(self, stack: Stack, qualifier: str):
        self._qualifier = qualifier
        self._account = _resolved_or(stack.account, "${AWS::AccountId}")
        self._region = _resolved_or(stack.region, "${AWS::Region}")

    def specialize(self, text: str) -> str:
        """Replace every placeholder that has a value."""
        text = self.qualifier_only(text)
        return text.replace("${AWS::Region}", self._region).replace("${AWS::AccountId}", self._account)

    def qualifier_only(self, text: str) -> str:
        """Replace `${Qualifier}` only."""
        return text.replace("${Qualifier}", self._qualifier)


class AssetManifestBuilder:
    """The `<stack>.assets.json` being built: file assets by source hash, each with its destinations."""

    def __init__(self) -> None:
        self.files: dict[str, dict[str, Any]] = {}
        self.template_hash: str | None = None

    def default_add_file_asset(self, stack: Stack, asset: FileAssetSource, *, bucket_name: str,
                               bucket_prefix: str = "", role: dict[str, Any] | None = None) -> dict[str, Any]:
        """Add `asset` with the conventional object key (`<prefix><hash>.zip` or the file's extension)."""
        if (asset.executable is not None) == (asset.file_name is not None):
            raise UnscopedValidationError(f"Exactly one of 'fileName' or 'executable' is required, got: {asset}")
        if (asset.packaging is not None) != (asset.file_name is not None):
            raise UnscopedValidationError(f"'packaging' is expected in combination with 'fileName', got: {asset}")
        return self.add(stack, asset.source_hash, file_name=asset.file_name,
                        packaging=asset.packaging.value if asset.packaging is not None else None,
                        executable=asset.executable, display_name=asset.display_name, bucket_name=bucket_name,
                        bucket_prefix=bucket_prefix, role=role)

    def add(self, stack: Stack, source_hash: str, *, file_name: str | None, packaging: str | None,
            executable: Sequence[str] | None = None, display_name: str | None = None, bucket_name: str,
            bucket_prefix: str = "", role: dict[str, Any] | None = None) -> dict[str, Any]:
        """Add a file asset given by its parts (`packaging` is 'zip' or 'file'); returns its destination."""
        extension = os.path.splitext(file_name)[1] if file_name is not None else ""
        object_key = f"{bucket_prefix}{source_hash}{'.zip' if packaging == 'zip' else extension}"
        destination: dict[str, Any] = {"bucketName": bucket_name, "objectKey": object_key}
        if not is_unresolved(stack.region):
            destination["region"] = stack.region
        for key, value in (role or {}).items():
            if value is not None:
                destination[key] = value
        source: dict[str, Any] = {"path": file_name} if file_name is not None else {}
        if executable is not None:
            source["executable"] = list(executable)
        if packaging is not None:
            source["packaging"] = packaging
        entry = self.files.get(source_hash)
        if entry is None:
            entry = self.files[source_hash] = {}
            if display_name is not None:
                entry["displayName"] = display_name
            entry["source"] = source
            entry["destinations"] = {}
        env = f"{_resolved_or(stack.account, 'current_account')}-{_resolved_or(stack.region, 'current_region')}"
        digest = hashlib.sha256(js_stringify(destination).encode()).hexdigest()[:8]
        entry["destinations"][f"{env}-{digest}"] = destination
        return destination

    def add_template(self, stack: Stack, template_hash: str, *, bucket_name: str, bucket_prefix: str = "",
                     role: dict[str, Any] | None = None) -> dict[str, Any]:
        """Add the stack's template (last, as the CDK adds it at synthesis); a second synthesis replaces the
        entry of the first."""
        previous = self.template_hash
        if previous == template_hash:
            destinations: dict[str, Any] = self.files[template_hash]["destinations"]
            return next(iter(destinations.values()))
        if previous is not None:
            del self.files[previous]
        self.template_hash = template_hash
        return self.add(stack, template_hash, file_name=stack.template_file, packaging="file",
                        display_name=f"{stack.stack_name} Template", bucket_name=bucket_name,
                        bucket_prefix=bucket_prefix, role=role)

    def manifest(self) -> dict[str, Any]:
        """The asset manifest document."""
        return {"version": MANIFEST_VERSION, "files": self.files, "dockerImages": {}}


class StackSynthesizer:
    """The base of every synthesizer (mirrors `aws_cdk.StackSynthesizer`): bound to one stack, it
    places the stack's file assets and writes the stack's manifest entry."""

    def __init__(self) -> None:
        self._bound_stack: Stack | None = None

    def bind(self, stack: Stack) -> None:
        """Attach to a stack (once)."""
        if self._bound_stack is not None:
            raise ValidationError(f"[{stack.node.path}] A StackSynthesizer can only be used for one Stack: create a "
                                  "new instance to use with a different Stack")
        self._bound_stack = stack

    def reusable_bind(self, stack: Stack) -> StackSynthesizer:
        """A copy of this synthesizer bound to `stack` (how `App(default_stack_synthesizer=...)` serves
        every stack)."""
        bound = copy.copy(self)
        bound._reset()
        bound.bind(stack)
        return bound

    def _reset(self) -> None:
        self._bound_stack = None

    @property
    def bound_stack(self) -> Stack:
        """The stack this synthesizer is bound to."""
        if self._bound_stack is None:
            raise UnscopedValidationError("The StackSynthesizer must be bound to a Stack first before boundStack() "
                                          "can be called")
        return self._bound_stack

    @property
    def bootstrap_qualifier(self) -> str | None:
        """The bootstrap qualifier (None: this synthesizer uses none)."""
        return None

    @property
    def lookup_role(self) -> str | None:
        """The lookup role (None: this synthesizer uses none)."""
        return None

    def add_file_asset(self, asset: FileAssetSource) -> FileAssetLocation:
        """Register a file asset; returns where the template finds it."""
        raise NotImplementedError

    def add_docker_image_asset(self, asset: Any) -> Any:
        """Not offered: Docker image assets need Docker to build."""
        raise UnscopedValidationError("Docker image assets are not offered by cdk-events: they need Docker to build")

    # --- what synthesis asks ---------------------------------------------------------------
    def _template_elements(self) -> list[CfnElement]:
        return []

    def asset_manifest(self, template_hash: str) -> dict[str, Any] | None:
        """The `<stack>.assets.json` document, or None when this synthesizer writes none."""
        return None

    def asset_artifact(self) -> dict[str, Any] | None:
        """The manifest entry of the stack's asset manifest, or None."""
        return None

    def stack_artifact(self, template_hash: str, dependencies: list[str], has_metadata: bool) -> dict[str, Any]:
        """The manifest entry of the stack."""
        return self._emit_artifact(dependencies, has_metadata, {})

    def _emit_artifact(self, dependencies: list[str], has_metadata: bool, options: dict[str, Any],
                       additional_dependencies: list[str] | None = None) -> dict[str, Any]:
        stack = self.bound_stack
        properties: dict[str, Any] = {
            "templateFile": stack.template_file,
            "terminationProtection": stack.termination_protection,
            "validateOnSynth": False,
        }
        properties.update((k, v) for k, v in options.items() if v is not None)
        if stack.stack_name != stack.artifact_id:
            properties["stackName"] = stack.stack_name
        tags = stack.tags.tag_values()
        if tags:
            properties["tags"] = tags
        if stack.notification_arns:
            properties["notificationArns"] = list(stack.notification_arns)
        artifact: dict[str, Any] = {"type": "aws:cloudformation:stack", "environment": stack.environment,
                                    "properties": properties}
        all_dependencies = [*dependencies, *(additional_dependencies or [])]
        if all_dependencies:
            artifact["dependencies"] = all_dependencies
        if has_metadata:
            artifact["additionalMetadataFile"] = f"{stack.artifact_id}.metadata.json"
        artifact["displayName"] = stack.node.path
        return artifact

    def _location_from_file_asset(self, destination: dict[str, Any]) -> FileAssetLocation:
        from ._assets import FileAssetLocation

        stack = self.bound_stack
        region = _resolved_or(stack.region, "${AWS::Region}")
        bucket, key = destination["bucketName"], destination["objectKey"]
        http_url = _cfnify(f"https://s3.{region}.${{AWS::URLSuffix}}/{bucket}/{key}")
        with_placeholders = f"s3://{bucket}/{key}"
        return FileAssetLocation(bucket_name=_cfnify(bucket), object_key=_cfnify(key), http_url=http_url,
                                 s3_object_url=_cfnify(with_placeholders), s3_url=http_url,
                                 s3_object_url_with_placeholders=with_placeholders)


def _cfnify(text: str) -> str:
    return Fn.sub(text) if "${" in text else text


class DefaultStackSynthesizer(StackSynthesizer):
    """The CDK's default synthesizer (mirrors `aws_cdk.DefaultStackSynthesizer`): assets and the template
    go to the bootstrap bucket, deployment assumes the bootstrap roles, the template checks the bootstrap
    version. Every name defaults to the bootstrap stack's (qualifier `hnb659fds`, or the
    `@aws-cdk/core:bootstrapQualifier` context); `${Qualifier}`, `${AWS::AccountId}`, `${AWS::Region}`
    and `${AWS::Partition}` placeholders are filled in."""

    # set by bind() (bind_bootstrap_locations)
    bucket_name: str
    repository_name: str
    bucket_prefix: str
    docker_tag_prefix: str

    DEFAULT_QUALIFIER: ClassVar[str] = QUALIFIER
    DEFAULT_CLOUDFORMATION_ROLE_ARN: ClassVar[str] = (
        "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-${Qualifier}-cfn-exec-role-${AWS::AccountId}-${AWS::Region}")
    DEFAULT_DEPLOY_ROLE_ARN: ClassVar[str] = (
        "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-${Qualifier}-deploy-role-${AWS::AccountId}-${AWS::Region}")
    DEFAULT_FILE_ASSET_PUBLISHING_ROLE_ARN: ClassVar[str] = (
        "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-${Qualifier}-file-publishing-role-${AWS::AccountId}-"
        "${AWS::Region}")
    DEFAULT_IMAGE_ASSET_PUBLISHING_ROLE_ARN: ClassVar[str] = (
        "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-${Qualifier}-image-publishing-role-${AWS::AccountId}-"
        "${AWS::Region}")
    DEFAULT_LOOKUP_ROLE_ARN: ClassVar[str] = (
        "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-${Qualifier}-lookup-role-${AWS::AccountId}-${AWS::Region}")
    DEFAULT_IMAGE_ASSETS_REPOSITORY_NAME: ClassVar[str] = (
        "cdk-${Qualifier}-container-assets-${AWS::AccountId}-${AWS::Region}")
    DEFAULT_FILE_ASSETS_BUCKET_NAME: ClassVar[str] = "cdk-${Qualifier}-assets-${AWS::AccountId}-${AWS::Region}"
    DEFAULT_FILE_ASSET_KEY_ARN_EXPORT_NAME: ClassVar[str] = "CdkBootstrap-${Qualifier}-FileAssetKeyArn"
    DEFAULT_FILE_ASSET_PREFIX: ClassVar[str] = ""
    DEFAULT_DOCKER_ASSET_PREFIX: ClassVar[str] = ""
    DEFAULT_BOOTSTRAP_STACK_VERSION_SSM_PARAMETER: ClassVar[str] = "/cdk-bootstrap/${Qualifier}/version"

    def __init__(
        self, *, file_assets_bucket_name: str | None = None, image_assets_repository_name: str | None = None,
        file_asset_publishing_role_arn: str | None = None, file_asset_publishing_external_id: str | None = None,
        image_asset_publishing_role_arn: str | None = None, image_asset_publishing_external_id: str | None = None,
        lookup_role_arn: str | None = None, lookup_role_external_id: str | None = None,
        use_lookup_role_for_stack_operations: bool | None = None, deploy_role_external_id: str | None = None,
        deploy_role_arn: str | None = None, cloud_formation_execution_role: str | None = None,
        file_asset_key_arn_export_name: str | None = None, qualifier: str | None = None,
        generate_bootstrap_version_rule: bool | None = None, bucket_prefix: str | None = None,
        docker_tag_prefix: str | None = None, bootstrap_stack_version_ssm_parameter: str | None = None,
        deploy_role_additional_options: Mapping[str, Any] | None = None,
        lookup_role_additional_options: Mapping[str, Any] | None = None,
        file_asset_publishing_role_additional_options: Mapping[str, Any] | None = None,
        image_asset_publishing_role_additional_options: Mapping[str, Any] | None = None,
    ):
        super().__init__()
        props = {k: v for k, v in locals().items() if k not in ("self", "__class__") and v is not None}
        for key, value in props.items():
            if key.endswith("_options"):
                if not isinstance(value, Mapping):
                    raise UnscopedValidationError(f"DefaultStackSynthesizer: '{key}' must be a dict, got {value!r}")
            elif key in ("use_lookup_role_for_stack_operations", "generate_bootstrap_version_rule"):
                if not isinstance(value, bool):
                    raise UnscopedValidationError(f"DefaultStackSynthesizer: '{key}' must be a bool, got {value!r}")
            elif not isinstance(value, str):
                raise UnscopedValidationError(f"DefaultStackSynthesizer: '{key}' must be a string, got {value!r}")
        check_no_tokens(type(self).__name__ if type(self) is DefaultStackSynthesizer else "DefaultStackSynthesizer",
                        props)
        self._props = props
        self.use_lookup_role_for_stack_operations = props.get("use_lookup_role_for_stack_operations", True)
        self.generate_bootstrap_version_rule = props.get("generate_bootstrap_version_rule", True)
        self._elements: list[CfnElement] = []
        self._assets = AssetManifestBuilder()
        self.qualifier: str | None = None

    def _reset(self) -> None:
        super()._reset()
        self._elements = []
        self._assets = AssetManifestBuilder()

    def bind(self, stack: Stack) -> None:
        """Attach to a stack (once) and fill in every name from the stack's environment."""
        super().bind(stack)
        props = self._props
        spec = bind_bootstrap_locations(self, stack, props)
        self._deploy_role_arn = spec.specialize(props.get("deploy_role_arn", self.DEFAULT_DEPLOY_ROLE_ARN))
        self._cfn_exec_role_arn = spec.specialize(
            props.get("cloud_formation_execution_role", self.DEFAULT_CLOUDFORMATION_ROLE_ARN))
        self.file_asset_publishing_role_arn = spec.specialize(
            props.get("file_asset_publishing_role_arn", self.DEFAULT_FILE_ASSET_PUBLISHING_ROLE_ARN))
        self.image_asset_publishing_role_arn = spec.specialize(
            props.get("image_asset_publishing_role_arn", self.DEFAULT_IMAGE_ASSET_PUBLISHING_ROLE_ARN))
        self.lookup_role_arn = spec.specialize(props.get("lookup_role_arn", self.DEFAULT_LOOKUP_ROLE_ARN))
        self.bootstrap_stack_version_ssm_parameter = spec.qualifier_only(
            props.get("bootstrap_stack_version_ssm_parameter", self.DEFAULT_BOOTSTRAP_STACK_VERSION_SSM_PARAMETER))

    @property
    def bootstrap_qualifier(self) -> str | None:
        """The qualifier of the bootstrap stack this stack deploys with."""
        return self.qualifier

    @property
    def lookup_role(self) -> str | None:
        """The role context lookups assume."""
        return getattr(self, "lookup_role_arn", None)

    @property
    def bootstrap_parameter(self) -> str:
        """The SSM parameter holding the bootstrap version."""
        return self.bootstrap_stack_version_ssm_parameter

    @property
    def deploy_role_arn(self) -> str:
        """The role the CLI assumes to deploy."""
        if self._bound_stack is None:
            raise UnscopedValidationError("deployRoleArn getter can only be called after the synthesizer has been "
                                          "bound to a Stack")
        return self._deploy_role_arn

    @property
    def cloud_formation_execution_role_arn(self) -> str:
        """The role CloudFormation runs the deployment with."""
        if self._bound_stack is None:
            raise UnscopedValidationError("cloudFormationExecutionRoleArn getter can only be called after the "
                                          "synthesizer has been bound to a Stack")
        return self._cfn_exec_role_arn

    def add_file_asset(self, asset: FileAssetSource) -> FileAssetLocation:
        """Publish the asset to the bootstrap bucket (under `bucket_prefix`) with the file-publishing role."""
        props = self._props
        role = {"assumeRoleArn": self.file_asset_publishing_role_arn,
                "assumeRoleExternalId": props.get("file_asset_publishing_external_id"),
                "assumeRoleAdditionalOptions": props.get("file_asset_publishing_role_additional_options")}
        destination = self._assets.default_add_file_asset(
            self.bound_stack, asset, bucket_name=self.bucket_name, bucket_prefix=self.bucket_prefix, role=role)
        return self._location_from_file_asset(destination)

    # --- template --------------------------------------------------------------------------
    def _required_version(self, options_prop: str, default: int = MIN_BOOTSTRAP_VERSION) -> int:
        options = self._props.get(options_prop)
        return SESSION_TAGS_BOOTSTRAP_VERSION if options and options.get("Tags") else default

    def _template_elements(self) -> list[CfnElement]:
        """The bootstrap parameter and rule, rendered after every other element."""
        if not self.generate_bootstrap_version_rule or self._bound_stack is None:
            return []
        if not self._elements:
            stack = self._bound_stack
            required = self._required_version("deploy_role_additional_options")
            parameter = CfnParameter(
                stack, "BootstrapVersion", type="AWS::SSM::Parameter::Value<String>",
                default=self.bootstrap_stack_version_ssm_parameter,
                description="Version of the CDK Bootstrap resources in this environment, automatically retrieved "
                            "from SSM Parameter Store. [cdk:skip]")
            rule = CfnRule(stack, "CheckBootstrapVersion", assertions=[{
                "assert": {"Fn::Not": [{"Fn::Contains": [[str(n) for n in range(1, required)],
                                                         {"Ref": "BootstrapVersion"}]}]},
                "assertDescription": f"CDK bootstrap stack version {required} required. Please run "
                                     "'cdk bootstrap' with a recent version of the CDK CLI.",
            }])
            # kept out of the construct tree: they belong to the synthesizer, and render last
            stack.node.try_remove_child("BootstrapVersion")
            stack.node.try_remove_child("CheckBootstrapVersion")
            self._elements = [parameter, rule]
        return self._elements

    # --- manifest --------------------------------------------------------------------------
    def _template_destination(self, template_hash: str) -> dict[str, Any]:
        props = self._props
        return self._assets.add_template(
            self.bound_stack, template_hash, bucket_name=self.bucket_name, bucket_prefix=self.bucket_prefix,
            role={"assumeRoleArn": self.file_asset_publishing_role_arn,
                  "assumeRoleExternalId": props.get("file_asset_publishing_external_id"),
                  "assumeRoleAdditionalOptions": props.get("file_asset_publishing_role_additional_options")})

    def asset_manifest(self, template_hash: str) -> dict[str, Any]:
        """The `<stack>.assets.json` document: the file assets, then the template."""
        self._template_destination(template_hash)
        return self._assets.manifest()

    def asset_artifact(self) -> dict[str, Any]:
        """The manifest entry of the stack's asset manifest."""
        stack = self.bound_stack
        return {
            "type": "cdk:asset-manifest",
            "properties": {
                "file": f"{stack.artifact_id}.assets.json",
                "requiresBootstrapStackVersion": max(
                    self._required_version("file_asset_publishing_role_additional_options"),
                    self._required_version("image_asset_publishing_role_additional_options")),
                "bootstrapStackVersionSsmParameter": self.bootstrap_stack_version_ssm_parameter,
            },
        }

    def stack_artifact(self, template_hash: str, dependencies: list[str], has_metadata: bool) -> dict[str, Any]:
        """The manifest entry of the stack: roles, template URL, bootstrap version, lookup role."""
        stack = self.bound_stack
        destination = self._template_destination(template_hash)
        props = self._props
        lookup: dict[str, Any] | None = None
        if self.use_lookup_role_for_stack_operations and self.lookup_role_arn:
            lookup = {"arn": self.lookup_role_arn}
            for key, prop in (("assumeRoleExternalId", "lookup_role_external_id"),
                              ("assumeRoleAdditionalOptions", "lookup_role_additional_options")):
                if props.get(prop) is not None:
                    lookup[key] = props[prop]
            lookup["requiresBootstrapStackVersion"] = self._required_version(
                "lookup_role_additional_options", LOOKUP_BOOTSTRAP_VERSION)
            lookup["bootstrapStackVersionSsmParameter"] = self.bootstrap_stack_version_ssm_parameter
        options = {
            "assumeRoleExternalId": props.get("deploy_role_external_id"),
            "assumeRoleArn": self._deploy_role_arn,
            "assumeRoleAdditionalOptions": props.get("deploy_role_additional_options"),
            "cloudFormationExecutionRoleArn": self._cfn_exec_role_arn,
            "stackTemplateAssetObjectUrl": f"s3://{destination['bucketName']}/{destination['objectKey']}",
            "requiresBootstrapStackVersion": self._required_version("deploy_role_additional_options"),
            "bootstrapStackVersionSsmParameter": self.bootstrap_stack_version_ssm_parameter,
            "additionalDependencies": [f"{stack.artifact_id}.assets"],
            "lookupRole": lookup,
        }
        return self._emit_artifact(dependencies, has_metadata, options, [f"{stack.artifact_id}.assets"])


def bind_bootstrap_locations(synthesizer: Any, stack: Stack, props: Mapping[str, Any]) -> StringSpecializer:
    """Set `qualifier`, `bucket_name`, `repository_name`, `bucket_prefix` and `docker_tag_prefix` of a
    synthesizer that publishes to the bootstrapped environment (the default one, the CLI-credentials one)
    from its props, the defaults of `DefaultStackSynthesizer` filling the gaps; the specializer they used."""
    qualifier = props.get("qualifier") or stack.node.try_get_context(BOOTSTRAP_QUALIFIER_CONTEXT) or QUALIFIER
    synthesizer.qualifier = qualifier
    spec = StringSpecializer(stack, qualifier)
    defaults = DefaultStackSynthesizer
    synthesizer.bucket_name = spec.specialize(
        props.get("file_assets_bucket_name", defaults.DEFAULT_FILE_ASSETS_BUCKET_NAME))
    synthesizer.repository_name = spec.specialize(
        props.get("image_assets_repository_name", defaults.DEFAULT_IMAGE_ASSETS_REPOSITORY_NAME))
    synthesizer.bucket_prefix = spec.specialize(props.get("bucket_prefix", defaults.DEFAULT_FILE_ASSET_PREFIX))
    synthesizer.docker_tag_prefix = spec.specialize(
        props.get("docker_tag_prefix", defaults.DEFAULT_DOCKER_ASSET_PREFIX))
    return spec


def bind_synthesizer(stack: Stack, synthesizer: StackSynthesizer | None) -> StackSynthesizer:
    """The synthesizer a new stack uses: its own (bound to it), else a copy of the app's
    `default_stack_synthesizer`, else a new `DefaultStackSynthesizer`."""
    if synthesizer is not None:
        if not isinstance(synthesizer, StackSynthesizer):
            raise ValidationError(f"Stack '{stack.node.path}': 'synthesizer' must be a stack synthesizer (e.g. "
                                  f"DefaultStackSynthesizer()), got {synthesizer!r}")
        synthesizer.bind(stack)
        return synthesizer
    default = getattr(stack.node.root, "default_stack_synthesizer", None)
    if default is not None:
        return default.reusable_bind(stack)  # type: ignore[no-any-return]
    synthesizer = DefaultStackSynthesizer()
    synthesizer.bind(stack)
    return synthesizer
