"""`FeatureFlags`: the CDK's feature-flag context keys, read from the construct tree's context."""

from __future__ import annotations

import json
import os
from typing import Any

from ._construct import Construct


def _cdk_init_context() -> dict[str, Any]:
    with open(os.path.join(os.path.dirname(__file__), "cdk_init_context.json"), encoding="utf-8") as file:
        value: dict[str, Any] = json.load(file)
    return value


# The feature flags a new `cdk init` project of aws-cdk-lib 2.275 writes into cdk.json (all 89 of them;
# those that change what cdk-events synthesizes are listed in docs/differences.md and docs/quickstart.md).
RECOMMENDED_FEATURE_FLAGS: dict[str, Any] = _cdk_init_context()

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
