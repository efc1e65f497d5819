"""`IRuleTarget` and `RuleTargetConfig`: the protocol between a rule and its targets."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import attrs

from .core import Construct

if TYPE_CHECKING:
    from ._input import RuleTargetInput
    from ._rule_ref import IRule


@attrs.frozen(kw_only=True)
class RuleTargetConfig:
    """What a target tells the rule when it is bound (mirrors `aws_cdk.aws_events.RuleTargetConfig`).

    `arn` is required; the parameter blocks are CloudFormation-shaped dicts (or `CfnRule.*Property`
    objects); `target_resource` decides whether the target is in another account or region.
    """

    arn: str
    id: str | None = None
    role: Any = None
    input: RuleTargetInput | None = None
    dead_letter_config: Any = None
    retry_policy: Any = None
    ecs_parameters: Any = None
    http_parameters: Any = None
    kinesis_parameters: Any = None
    run_command_parameters: Any = None
    batch_parameters: Any = None
    sqs_parameters: Any = None
    redshift_data_parameters: Any = None
    app_sync_parameters: Any = None
    target_resource: Construct | None = None


@runtime_checkable
class IRuleTarget(Protocol):
    """A rule target: `bind(rule, id)` returns the target's configuration."""

    def bind(self, rule: IRule, id: str | None = None) -> RuleTargetConfig:
        """Configure the target for `rule` (creating permissions as needed)."""
        ...
