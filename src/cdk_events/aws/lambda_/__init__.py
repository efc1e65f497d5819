"""cdk_events.aws.lambda_: Lambda functions (the `aws_cdk.aws_lambda` counterpart).

`Function` creates its execution role, its CDK-managed log group, its permissions, its
EventInvokeConfig (destinations, retries) and its `current_version` as the CDK does; `Version` and
`Alias` publish and name versions.
"""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._cfn_generated import (
        CfnAlias,
        CfnEventInvokeConfig,
        CfnFunction,
        CfnLayerVersion,
        CfnLayerVersionPermission,
        CfnPermission,
        CfnVersion,
    )
    from ._code import AssetCode, Code, CodeConfig, InlineCode, S3Code
    from ._code_options import CodeS3Location, ResourceBindOptions
    from ._destination import DestinationConfig, DestinationOptions, DestinationType, IDestination
    from ._event_invoke_config import EventInvokeConfig
    from ._function import Function
    from ._function_base import FunctionBase, IFunction, LatestVersion
    from ._layer_version import ILayerVersion, LayerVersion, LayerVersionPermission
    from ._options import ApplicationLogLevel, LoggingFormat, RecursiveLoop, SystemLogLevel, Tracing
    from ._runtime import Architecture, Runtime, RuntimeFamily
    from ._version import Alias, IAlias, IVersion, QualifiedFunctionBase, Version, VersionOptions, VersionWeight

__all__ = ["S3Code", "AssetCode", "CfnLayerVersion", "CfnLayerVersionPermission", "CodeS3Location", "ILayerVersion",
           "LayerVersion", "LayerVersionPermission", "ResourceBindOptions", "Alias", "ApplicationLogLevel",
           "Architecture", "CfnAlias", "CfnEventInvokeConfig", "CfnFunction",
           "CfnPermission", "CfnVersion", "Code", "CodeConfig", "DestinationConfig", "DestinationOptions",
           "DestinationType", "EventInvokeConfig", "Function", "FunctionBase", "IAlias", "IDestination", "IFunction",
           "IVersion", "InlineCode", "LatestVersion", "LoggingFormat", "QualifiedFunctionBase", "RecursiveLoop",
           "Runtime", "RuntimeFamily", "SystemLogLevel", "Tracing", "Version", "VersionOptions", "VersionWeight"]

lazy_exports(globals(), {
    "Alias": "._version",
    "IAlias": "._version",
    "VersionWeight": "._version",
    "CfnAlias": "._cfn_generated",
    "CfnEventInvokeConfig": "._cfn_generated",
    "CfnVersion": "._cfn_generated",
    "DestinationConfig": "._destination",
    "DestinationOptions": "._destination",
    "DestinationType": "._destination",
    "IDestination": "._destination",
    "EventInvokeConfig": "._event_invoke_config",
    "LatestVersion": "._function_base",
    "ApplicationLogLevel": "._options",
    "LoggingFormat": "._options",
    "RecursiveLoop": "._options",
    "SystemLogLevel": "._options",
    "Tracing": "._options",
    "IVersion": "._version",
    "QualifiedFunctionBase": "._version",
    "Version": "._version",
    "VersionOptions": "._version",
    "CfnFunction": "._cfn_generated",
    "CfnPermission": "._cfn_generated",
    "Code": "._code",
    "AssetCode": "._code",
    "CodeS3Location": "._code_options",
    "ResourceBindOptions": "._code_options",
    "ILayerVersion": "._layer_version",
    "LayerVersion": "._layer_version",
    "LayerVersionPermission": "._layer_version",
    "CfnLayerVersion": "._cfn_generated",
    "CfnLayerVersionPermission": "._cfn_generated",
    "CodeConfig": "._code",
    "InlineCode": "._code",
    "S3Code": "._code",
    "Function": "._function",
    "FunctionBase": "._function_base",
    "IFunction": "._function_base",
    "Architecture": "._runtime",
    "Runtime": "._runtime",
    "RuntimeFamily": "._runtime",
})
