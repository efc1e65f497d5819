"""`IRuleTarget` and `RuleTargetConfig`: the protocol between a rule and its targets."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import attrs

from .core._struct_methods import struct_methods

if TYPE_CHECKING:
    from ._cfn_generated import CfnRule
    from ._input import RuleTargetInput
    from ._rule_ref import IRule
    from .aws.iam import IRole
    from .core import IConstruct


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class RuleTargetConfig:
    """What a target tells the rule when it is bound (mirrors `aws_cdk.aws_events.RuleTargetConfig`).

    `arn` is required; `id` defaults to `Target<n>`; `role` (default none) is the role EventBridge
    assumes. The parameter blocks are the L1 property types (`CfnRule.EcsParametersProperty`, ...);
    a dict with their CloudFormation or snake_case keys is accepted in their place. The rule renders
    the target entry through `CfnRule.TargetProperty`. `target_resource` (default none) decides
    whether the target is in another account or region.
    """

    arn: str
    id: str | None = None
    role: IRole | None = None
    input: RuleTargetInput | None = None
    dead_letter_config: CfnRule.DeadLetterConfigProperty | Mapping[str, Any] | None = None
    retry_policy: CfnRule.RetryPolicyProperty | Mapping[str, Any] | None = None
    ecs_parameters: CfnRule.EcsParametersProperty | Mapping[str, Any] | None = None
    http_parameters: CfnRule.HttpParametersProperty | Mapping[str, Any] | None = None
    kinesis_parameters: CfnRule.KinesisParametersProperty | Mapping[str, Any] | None = None
    run_command_parameters: CfnRule.RunCommandParametersProperty | Mapping[str, Any] | None = None
    batch_parameters: CfnRule.BatchParametersProperty | Mapping[str, Any] | None = None
    sqs_parameters: CfnRule.SqsParametersProperty | Mapping[str, Any] | None = None
    redshift_data_parameters: CfnRule.RedshiftDataParametersProperty | Mapping[str, Any] | None = None
    app_sync_parameters: CfnRule.AppSyncParametersProperty | Mapping[str, Any] | None = None
    target_resource: IConstruct | None = None


@runtime_checkable
class IRuleTarget(Protocol):
    """A rule target: `bind(rule, id)` returns the target's configuration."""

    def bind(self, rule: IRule, id: str | None = None) -> RuleTargetConfig:
        """Configure the target for `rule` (creating permissions as needed)."""
        ...
