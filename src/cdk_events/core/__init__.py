"""cdk_events.core: the construct tree and synthesis, with the names of `aws_cdk` core.

App, Stack, tokens, intrinsics (`Fn`, `Aws`), ARNs, logical ids, `CfnResource` and the other
template elements, and the cloud assembly writer.
"""

import gc as _gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._assets import (
        AssetHashType,
        AssetStaging,
        FileAssetLocation,
        FileAssetPackaging,
        FileAssetSource,
        IgnoreMode,
        SymlinkFollowMode,
    )
    from ._cfn_mapping import CfnMapping
    from ._other_synthesizers import BootstraplessSynthesizer, CliCredentialsStackSynthesizer, LegacyStackSynthesizer
    from ._time_zone import TimeZone

# Importing builds many classes (attrs generates their methods): the cyclic garbage collector would run
# dozens of times over young objects that all stay alive. It is paused while the core loads.
_collecting = _gc.isenabled()
_gc.disable()
try:
    from ._annotations import Annotations
    from ._app import App
    from ._arn import Arn, ArnComponents, ArnFormat
    from ._assembly import CloudAssembly, CloudFormationStackArtifact
    from ._aws import Aws
    from ._cfn_element import CfnCondition, CfnElement, CfnRefElement, CfnReference, CfnResource, CfnResourceOptions
    from ._cfn_json import to_json_string
    from ._cfn_output import CfnOutput
    from ._cfn_parameter import CfnParameter
    from ._cfn_rule import CfnRule
    from ._cfn_runtime import CfnTag
    from ._construct import (
        Construct,
        ConstructOrder,
        IConstruct,
        IDependable,
        IValidation,
        MetadataEntry,
        Node,
    )
    from ._default_synthesizer import DefaultStackSynthesizer, StackSynthesizer
    from ._duration import Duration, TimeUnit
    from ._errors import (
        CdkEventsError,
        CycleError,
        ResolutionError,
        SynthesisError,
        UnscopedValidationError,
        ValidationError,
    )
    from ._feature_flags import RECOMMENDED_FEATURE_FLAGS, FeatureFlags
    from ._fn import Fn
    from ._js import js_number
    from ._json import JSON_NULL, JsonNull, js_stringify
    from ._lazy import Lazy
    from ._names import Names
    from ._public import lazy_exports, set_public_module
    from ._references import reference_from
    from ._removal_policy import RemovalPolicy
    from ._resolve import DefaultTokenResolver, ITokenResolver, cfn_concat, minimal_join
    from ._resource import PhysicalName, Resource, ResourceEnvironment, generate_physical_name
    from ._secret_value import SecretValue
    from ._stack import Environment, Stack, TemplateOptions
    from ._tags import Aspects, IAspect, RemoveTag, Tag, TagManager, Tags
    from ._token_encoding import (
        Intrinsic,
        IPostProcessor,
        IResolvable,
        IResolveContext,
        ResolutionTypeHint,
    )
    from ._token_public import Token, TokenComparison, Tokenization
finally:
    if _collecting:
        _gc.enable()
    del _collecting

__all__ = [
    "JSON_NULL",
    "RECOMMENDED_FEATURE_FLAGS",
    "Annotations",
    "App",
    "Arn",
    "ArnComponents",
    "ArnFormat",
    "Aspects",
    "Aws",
    "CdkEventsError",
    "CfnCondition",
    "CfnElement",
    "CfnMapping",
    "CfnOutput",
    "CfnParameter",
    "CfnRefElement",
    "CfnReference",
    "CfnResource",
    "CfnResourceOptions",
    "CfnRule",
    "CfnTag",
    "CloudAssembly",
    "CloudFormationStackArtifact",
    "Construct",
    "ConstructOrder",
    "CycleError",
    "DefaultStackSynthesizer",
    "FileAssetLocation",
    "FileAssetPackaging",
    "FileAssetSource",
    "IgnoreMode",
    "LegacyStackSynthesizer",
    "StackSynthesizer",
    "SymlinkFollowMode",
    "AssetHashType",
    "AssetStaging",
    "BootstraplessSynthesizer",
    "CliCredentialsStackSynthesizer",
    "DefaultTokenResolver",
    "Duration",
    "Environment",
    "FeatureFlags",
    "Fn",
    "IAspect",
    "IConstruct",
    "IDependable",
    "IPostProcessor",
    "IResolvable",
    "IResolveContext",
    "ITokenResolver",
    "IValidation",
    "Intrinsic",
    "JsonNull",
    "Lazy",
    "MetadataEntry",
    "Names",
    "Node",
    "PhysicalName",
    "RemovalPolicy",
    "RemoveTag",
    "ResolutionError",
    "ResolutionTypeHint",
    "Resource",
    "ResourceEnvironment",
    "SecretValue",
    "Stack",
    "SynthesisError",
    "TagManager",
    "Tag",
    "Tags",
    "TemplateOptions",
    "TimeUnit",
    "TimeZone",
    "Token",
    "TokenComparison",
    "Tokenization",
    "UnscopedValidationError",
    "ValidationError",
    "cfn_concat",
    "generate_physical_name",
    "js_number",
    "js_stringify",
    "minimal_join",
    "reference_from",
    "to_json_string",
]

# file assets, the other synthesizers, mappings and time zones (their table of zones is large) load on first
# use: an app without them never imports them
_ON_FIRST_USE = {
    "CfnMapping": "._cfn_mapping", "TimeZone": "._time_zone",
    "AssetHashType": "._assets", "AssetStaging": "._assets", "FileAssetLocation": "._assets",
    "FileAssetPackaging": "._assets", "FileAssetSource": "._assets", "IgnoreMode": "._assets",
    "SymlinkFollowMode": "._assets", "BootstraplessSynthesizer": "._other_synthesizers",
    "CliCredentialsStackSynthesizer": "._other_synthesizers", "LegacyStackSynthesizer": "._other_synthesizers",
}
set_public_module(globals())
lazy_exports(globals(), _ON_FIRST_USE)
