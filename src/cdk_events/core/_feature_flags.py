"""`FeatureFlags`: the CDK's feature-flag context keys, read from the construct tree's context."""

from __future__ import annotations

from typing import Any

from ._construct import Construct

# The flags a new `cdk init` project of aws-cdk-lib 2.275 writes into cdk.json, restricted to those
# that change what cdk-events synthesizes (the full list is passed through untouched).
RECOMMENDED_FEATURE_FLAGS: dict[str, Any] = {
    "@aws-cdk/aws-events:eventsTargetQueueSameAccount": True,
    "@aws-cdk/aws-events:requireEventBusPolicySid": True,
    "@aws-cdk/aws-iam:minimizePolicies": True,
    "@aws-cdk/core:enablePartitionLiterals": True,
    "@aws-cdk/core:defaultCrossStackReferences": "weak",
    "@aws-cdk/core:validateAgainstDefaultRules": True,
    "@aws-cdk/aws-lambda:useCdkManagedLogGroup": True,
    "@aws-cdk/core:explicitStackTags": True,
    "@aws-cdk/aws-iam:importedRoleStackSafeDefaultPolicyName": True,
    "@aws-cdk/aws-ecs:arnFormatIncludesClusterName": True,
    "@aws-cdk/aws-apigateway:disableCloudWatchRole": True,
    "@aws-cdk/aws-codepipeline:defaultPipelineTypeToV2": True,
    "@aws-cdk/aws-codepipeline:crossAccountKeysDefaultValueToFalse": True,
    "@aws-cdk/core:target-partitions": ["aws", "aws-cn"],
}

# Flags whose unset value behaves as `true` in CDK v2.
_V2_DEFAULTS: dict[str, Any] = {
    "@aws-cdk/core:newStyleStackSynthesis": True,
    "@aws-cdk/core:stackRelativeExports": True,
    "@aws-cdk/core:defaultCrossStackReferences": "strong",
}


class FeatureFlags:
    """Feature flags as seen from a scope (mirrors `aws_cdk.FeatureFlags`)."""

    def __init__(self, scope: Construct):
        self._scope = scope

    @staticmethod
    def of(scope: Construct) -> FeatureFlags:
        """The flags visible from `scope`."""
        return FeatureFlags(scope)

    def value(self, feature_flag: str) -> Any:
        """The flag's context value, or its CDK v2 default."""
        value = self._scope.node.try_get_context(feature_flag)
        return _V2_DEFAULTS.get(feature_flag) if value is None else value

    def is_enabled(self, feature_flag: str) -> bool:
        """True if the flag is on (a truthy context value, or on by default in CDK v2)."""
        value = self.value(feature_flag)
        if isinstance(value, str):
            return value.lower() in ("true", "1", "yes")
        return bool(value)
