"""`LayerVersion`: a Lambda layer from an asset (or any non-inline `Code`), layer imports, and the
layer wiring of a function (`layers=` / `add_layers`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import attrs

from cdk_events.core import Construct, FeatureFlags, RemovalPolicy, Resource

from ...core._errors import construct_error
from ...core._prop_checks import check_enum, check_str
from ...core._struct import to_struct
from ...core._struct_methods import struct_methods
from ._cfn_generated import CfnLayerVersion, CfnLayerVersionPermission
from ._code import Code
from ._runtime import Architecture, Runtime

if TYPE_CHECKING:
    from ._function import Function

RECOGNIZE_LAYER_VERSION = "@aws-cdk/aws-lambda:recognizeLayerVersion"
MAX_LAYERS = 5


@runtime_checkable
class ILayerVersion(Protocol):
    """A Lambda layer version (mirrors `aws_cdk.aws_lambda.ILayerVersion`)."""

    @property
    def layer_version_arn(self) -> str:
        """The ARN of the layer version."""
        ...

    @property
    def compatible_runtimes(self) -> list[Runtime] | None:
        """The runtimes it works with (None: every runtime)."""
        ...

    def add_permission(self, id: str, permission: LayerVersionPermission | Mapping[str, Any]) -> None:
        """Let another account (or organization) use the layer."""
        ...


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class LayerVersionPermission:
    """Who may use a layer version: `account_id` (`'*'` for any), and with `'*'` optionally an
    `organization_id`."""

    account_id: str
    organization_id: str | None = None


class LayerVersionBase(Resource):
    """What owned and imported layer versions share."""

    layer_version_arn: str
    compatible_runtimes: list[Runtime] | None

    def add_permission(self, id: str, permission: LayerVersionPermission | Mapping[str, Any]) -> None:
        """Grant `lambda:GetLayerVersion` to an account (or an organization, with `account_id='*'`): a child
        `AWS::Lambda::LayerVersionPermission` named `id`."""
        grant = to_struct(LayerVersionPermission, permission, prop="permission", scope=self)
        if not isinstance(grant, LayerVersionPermission):
            raise construct_error(self, f"'permission' must be a LayerVersionPermission, got {permission!r}")
        if grant.organization_id is not None and grant.account_id != "*":
            raise construct_error(self, f"OrganizationId can only be specified if AwsAccountId is '*', but it is "
                                        f"{grant.account_id}")
        CfnLayerVersionPermission(self, id, action="lambda:GetLayerVersion", layer_version_arn=self.layer_version_arn,
                                  principal=grant.account_id, organization_id=grant.organization_id)


class LayerVersion(LayerVersionBase):
    """A Lambda layer version (mirrors `aws_cdk.aws_lambda.LayerVersion`): `code` is an asset or other
    S3 code (inline code is refused). Defaults: every runtime and architecture (none listed), a
    CloudFormation-generated name, no description or license, no removal policy (CloudFormation
    deletes the version with the stack)."""

    def __init__(self, scope: Construct, id: str, *, code: Code,
                 compatible_runtimes: Sequence[Runtime] | None = None,
                 compatible_architectures: Sequence[Architecture] | None = None, description: str | None = None,
                 license: str | None = None, layer_version_name: str | None = None,
                 removal_policy: RemovalPolicy | None = None):
        super().__init__(scope, id, physical_name=layer_version_name)
        if not isinstance(code, Code):
            raise construct_error(self, f"'code' must be a lambda_.Code (Code.from_asset(path)), got {code!r}")
        for prop, values, kind in (("compatible_runtimes", compatible_runtimes, Runtime),
                                   ("compatible_architectures", compatible_architectures, Architecture)):
            if values is not None and (isinstance(values, str) or not all(isinstance(v, kind) for v in values)):
                raise construct_error(self, f"'{prop}' must be a list of lambda_.{kind.__name__}, got {values!r}")
        check_str(self, "description", description)
        check_str(self, "license", license)
        check_str(self, "layer_version_name", layer_version_name)
        check_enum(self, "removal_policy", removal_policy, RemovalPolicy)
        if compatible_runtimes is not None and len(compatible_runtimes) == 0:
            raise construct_error(self, "Attempted to define a Lambda layer that supports no runtime!")
        config = code.bind(self)
        if config.inline_code is not None:
            raise construct_error(self, "Inline code is not supported for AWS Lambda layers")
        location = config.s3_location
        if location is None:
            raise construct_error(self, "Code must define an S3 location")
        content = {"S3Bucket": location.bucket_name, "S3Key": location.object_key,
                   "S3ObjectVersion": getattr(location, "object_version", None)}
        resource = CfnLayerVersion(
            self, "Resource",
            compatible_runtimes=[r.name for r in compatible_runtimes] if compatible_runtimes is not None else None,
            compatible_architectures=([a.name for a in compatible_architectures]
                                      if compatible_architectures is not None else None),
            content={k: v for k, v in content.items() if v is not None},
            description=description, layer_name=self.physical_name, license_info=license)
        if removal_policy is not None:
            resource.apply_removal_policy(removal_policy)
        code.bind_to_resource(resource, resource_property="Content")
        self._resource = resource
        self.layer_version_arn = resource.ref
        self.compatible_runtimes = list(compatible_runtimes) if compatible_runtimes is not None else None

    @staticmethod
    def from_layer_version_arn(scope: Construct, id: str, layer_version_arn: str) -> ILayerVersion:
        """A layer version defined elsewhere, by ARN; taken as compatible with every runtime."""
        return LayerVersion.from_layer_version_attributes(scope, id, layer_version_arn=layer_version_arn,
                                                          compatible_runtimes=list(Runtime.ALL))

    @staticmethod
    def from_layer_version_attributes(scope: Construct, id: str, *, layer_version_arn: str,
                                      compatible_runtimes: Sequence[Runtime] | None = None) -> ILayerVersion:
        """A layer version defined elsewhere: its ARN and, if known, the runtimes it works with."""
        if not isinstance(layer_version_arn, str):
            raise construct_error(scope, f"LayerVersion.from_layer_version_attributes ({id}): 'layer_version_arn' "
                                         f"must be a string, got {layer_version_arn!r}")
        if compatible_runtimes is not None and len(compatible_runtimes) == 0:
            raise construct_error(scope, "Attempted to import a Lambda layer that supports no runtime!")
        return _ImportedLayerVersion(scope, id, layer_version_arn,
                                     list(compatible_runtimes) if compatible_runtimes is not None else None)


class _ImportedLayerVersion(LayerVersionBase):
    def __init__(self, scope: Construct, id: str, layer_version_arn: str, compatible_runtimes: list[Runtime] | None):
        super().__init__(scope, id)
        self.layer_version_arn = layer_version_arn
        self.compatible_runtimes = compatible_runtimes


def add_layers(function: Function, layers: Sequence[ILayerVersion]) -> None:
    """Add layers to a function, with the CDK's checks: at most five, each compatible with its runtime."""
    for layer in layers:
        if not isinstance(layer, ILayerVersion):
            raise construct_error(function, f"'layers' must hold lambda_.ILayerVersion objects (LayerVersion or "
                                            f"LayerVersion.from_layer_version_arn), got {layer!r}")
        if len(function._layers) == MAX_LAYERS:
            raise construct_error(function, "Unable to add layer: this lambda function already uses 5 layers.")
        runtimes = layer.compatible_runtimes
        if runtimes and not any(r.runtime_equals(function.runtime) for r in runtimes):
            names = ", ".join(r.name for r in runtimes)
            raise construct_error(function, f"This lambda function uses a runtime that is incompatible with this "
                                            f"layer ({function.runtime.name} is not in [{names}])")
        function._layers.append(layer)


def render_layers(function: Function) -> list[str] | None:
    """The function's `Layers` property: the layer ARNs (sorted by construct path when
    `@aws-cdk/aws-lambda:recognizeLayerVersion` is on, as the CDK sorts them), or None."""
    layers = list(function._layers)
    if not layers:
        return None
    if FeatureFlags.of(function).is_enabled(RECOGNIZE_LAYER_VERSION):
        layers.sort(key=lambda layer: _sort_key(layer))
        function._layers[:] = layers
    return [layer.layer_version_arn for layer in layers]


def _sort_key(layer: Any) -> bytes:
    # JavaScript's default sort compares the objects' strings (a construct's is its path), in UTF-16 units
    text = layer.node.path if isinstance(layer, Construct) else str(layer)
    return text.encode("utf-16-be")
