"""The hash of a function's configuration that names its `current_version` (as the CDK computes it, so
the Version's logical id is the CDK's): MD5 of the version-locked properties, resolved, in the CDK's
historical key order, written as JavaScript's `JSON.stringify` writes them, followed by the hash of
the layers."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from cdk_events.core import FeatureFlags, Stack, Token

from ...core._errors import construct_error
from ...core._json import js_stringify

if TYPE_CHECKING:
    from cdk_events.core import CfnResource

    from ._function import Function

RECOGNIZE_LAYER_VERSION = "@aws-cdk/aws-lambda:recognizeLayerVersion"

# property -> whether a change to it needs a new version (the CDK's classification)
VERSION_LOCKED: dict[str, bool] = {
    "Architectures": True, "Code": True, "DeadLetterConfig": True, "Description": True, "Environment": True,
    "EphemeralStorage": True, "FileSystemConfigs": True, "FunctionName": True, "Handler": True,
    "ImageConfig": True, "KmsKeyArn": True, "Layers": True, "MemorySize": True, "PackageType": True,
    "RecursiveLoop": True, "Role": True, "Runtime": True, "RuntimeManagementConfig": True, "SnapStart": True,
    "Timeout": True, "TracingConfig": True, "VpcConfig": True, "LoggingConfig": True,
    "CapacityProviderConfig": True, "FunctionScalingConfig": True, "PublishToLatestPublished": True,
    "DurableConfig": True,
    "CodeSigningConfigArn": False, "ReservedConcurrentExecutions": False, "Tags": False, "TenancyConfig": False,
}

# the order of the properties up to aws-cdk-lib 2.87 (kept so that hashes did not change); others follow, sorted
_FUNCTION_ORDER = (
    "Code", "Handler", "Role", "Runtime", "Architectures", "CodeSigningConfigArn", "DeadLetterConfig", "Description",
    "Environment", "EphemeralStorage", "FileSystemConfigs", "FunctionName", "ImageConfig", "KmsKeyArn", "Layers",
    "MemorySize", "PackageType", "ReservedConcurrentExecutions", "RuntimeManagementConfig", "SnapStart", "Tags",
    "Timeout", "TracingConfig", "VpcConfig",
)
_LAYER_ORDER = ("Content", "CompatibleArchitectures", "CompatibleRuntimes", "Description", "LayerName", "LicenseInfo")


def calculate_function_hash(fn: Function, additional: str = "") -> str:
    """The MD5 hex digest of `fn`'s version-locked configuration (and its layers, `additional`)."""
    stack = Stack.of(fn)
    properties = _resolved_properties(stack, fn._resource)
    classes = {**VERSION_LOCKED, **fn._version_props()}
    unclassified = [key for key, value in properties.items() if value is not None and key not in classes]
    if unclassified:
        raise construct_error(
            fn, f"The following properties are not recognized as version properties: [{','.join(unclassified)}]. "
                "See the README of the aws-lambda module to learn more about this and to fix it.")
    locked = {key: value for key, value in properties.items() if classes.get(key)}
    text = js_stringify(_sort(locked, _FUNCTION_ORDER))
    if FeatureFlags.of(fn).is_enabled(RECOGNIZE_LAYER_VERSION):
        text += _layers_hash(fn._layers)
    return hashlib.md5((text + additional).encode("utf-8")).hexdigest()


def trim_from_start(text: str, max_length: int) -> str:
    """The last `max_length` characters of `text`."""
    return text[len(text) - min(max_length, len(text)):]


def _resolved_properties(stack: Stack, resource: CfnResource) -> dict[str, Any]:
    template = stack.resolve(resource._to_cloudformation())
    resources = template["Resources"]
    if len(resources) != 1:
        raise construct_error(resource, f"Expected one rendered CloudFormation resource but found {len(resources)}")
    properties: dict[str, Any] = next(iter(resources.values())).get("Properties", {})
    return properties


def _sort(properties: dict[str, Any], known: Sequence[str]) -> dict[str, Any]:
    ordered = {key: properties[key] for key in known if key in properties}
    for key in sorted(k for k in properties if k not in ordered):
        ordered[key] = properties[key]
    return ordered


_FAMILY_INDEX = {"NODEJS": 0, "JAVA": 1, "PYTHON": 2, "DOTNET_CORE": 3, "GO": 4, "RUBY": 5, "OTHER": 6}


def _runtime_json(runtime: Any) -> dict[str, Any]:
    """A `Runtime` as JavaScript's JSON.stringify writes the CDK's Runtime object (its fields in the
    order its constructor sets them; the family is the enum's number)."""
    image = {"image": f"public.ecr.aws/sam/build-{runtime.name}"}
    family = runtime.family
    return {"name": runtime.name, "supportsInlineCode": runtime.supports_inline_code,
            "family": _FAMILY_INDEX[family.value] if family is not None else None, "isVariable": runtime.is_variable,
            "bundlingDockerImage": image, "bundlingImage": image,
            "supportsCodeGuruProfiling": runtime.supports_code_guru_profiling,
            "supportsSnapStart": runtime.supports_snap_start}


def _layers_hash(layers: Sequence[Any]) -> str:
    config: dict[str, Any] = {}
    for layer in layers:
        stack = Stack.of(layer)
        resource = layer.node.default_child
        if resource is None:
            arn = layer.layer_version_arn
            runtimes = getattr(layer, "compatible_runtimes", None)
            if not Token.is_unresolved(arn):
                config[arn] = [_runtime_json(r) for r in runtimes] if runtimes is not None else None
            else:
                config[layer.node.id] = {"arn": stack.resolve(arn),
                                         "runtimes": [r.name for r in runtimes] if runtimes else None}
            continue
        config[layer.node.id] = _sort(_resolved_properties(stack, resource), _LAYER_ORDER)
    return hashlib.md5(js_stringify(config).encode("utf-8")).hexdigest()
