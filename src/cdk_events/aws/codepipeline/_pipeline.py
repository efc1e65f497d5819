"""`Pipeline` imports: CodePipeline pipelines defined elsewhere, and their event rules."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol, runtime_checkable

from cdk_events.core import ArnFormat, Construct, Node, Resource, ResourceEnvironment

from ..._event_pattern import EventPattern, PatternLiteral
from ..._rule import Rule
from ..._target import IRuleTarget
from ...core import ValidationError
from ...core._import_checks import split_import_arn
from .. import iam

_ARN_SHAPE = "arn:<partition>:codepipeline:<region>:<account>:<name>"


@runtime_checkable
class IPipeline(Protocol):
    """A CodePipeline pipeline (mirrors `aws_cdk.aws_codepipeline.IPipeline`)."""

    @property
    def pipeline_arn(self) -> str: ...

    @property
    def pipeline_name(self) -> str: ...

    @property
    def env(self) -> ResourceEnvironment: ...

    @property
    def node(self) -> Node: ...

    def on_event(self, id: str, *, target: IRuleTarget | None = None, description: str | None = None,
                 event_pattern: EventPattern | Mapping[str, Any] | None = None, rule_name: str | None = None,
                 cross_stack_scope: Construct | None = None) -> Rule: ...

    def on_state_change(self, id: str, *, target: IRuleTarget | None = None, description: str | None = None,
                        event_pattern: EventPattern | Mapping[str, Any] | None = None, rule_name: str | None = None,
                        cross_stack_scope: Construct | None = None) -> Rule: ...


class PipelineBase(Resource):
    """What every pipeline offers: its ARN, its name, event rules (`on_event`, `on_state_change`) and grants.

    Each `on_*` helper creates an `events.Rule` under the pipeline with the pattern the CDK builds
    (`source: aws.codepipeline`, `resources: [pipeline ARN]`, then `detail-type`, after any `event_pattern`
    given) and adds `target` if given.
    """

    pipeline_arn: str
    pipeline_name: str

    def on_event(self, id: str, *, target: IRuleTarget | None = None, description: str | None = None,
                 event_pattern: EventPattern | Mapping[str, Any] | None = None, rule_name: str | None = None,
                 cross_stack_scope: Construct | None = None) -> Rule:
        """A rule for every CodePipeline event of this pipeline."""
        rule = Rule(self, id, description=description, rule_name=rule_name, event_pattern=event_pattern,
                    cross_stack_scope=cross_stack_scope)
        rule.add_target(target)
        rule.add_event_pattern(PatternLiteral({"source": ["aws.codepipeline"], "resources": [self.pipeline_arn]}))
        return rule

    def on_state_change(self, id: str, *, target: IRuleTarget | None = None, description: str | None = None,
                        event_pattern: EventPattern | Mapping[str, Any] | None = None, rule_name: str | None = None,
                        cross_stack_scope: Construct | None = None) -> Rule:
        """A rule for "CodePipeline Pipeline Execution State Change" events (filter `detail.state` to narrow
        it)."""
        rule = self.on_event(id, target=target, description=description, event_pattern=event_pattern,
                             rule_name=rule_name, cross_stack_scope=cross_stack_scope)
        rule.add_event_pattern(PatternLiteral({"detail_type": ["CodePipeline Pipeline Execution State Change"]}))
        return rule

    def grant(self, identity: iam.IGrantable, *actions: str) -> iam.Grant:
        """Grant `actions` on this pipeline to `identity` (in its own policy)."""
        return iam.Grant.add_to_principal(grantee=identity, actions=list(actions), resource_arns=[self.pipeline_arn])


class _ImportedPipeline(PipelineBase):
    def __init__(self, scope: Construct, id: str, pipeline_arn: str, pipeline_name: str):
        super().__init__(scope, id, environment_from_arn=pipeline_arn)
        self.pipeline_arn = pipeline_arn
        self.pipeline_name = pipeline_name


class Pipeline(PipelineBase):
    """A CodePipeline pipeline (mirrors `aws_cdk.aws_codepipeline.Pipeline`).

    cdk-events only imports pipelines: use `from_pipeline_arn`.
    """

    def __init__(self, scope: Construct, id: str, **props: Any) -> None:
        raise ValidationError(
            f"[{scope.node.path}/{id}] cdk-events cannot define pipelines; import one with "
            "codepipeline.Pipeline.from_pipeline_arn(...)")

    @staticmethod
    def from_pipeline_arn(scope: Construct, id: str, pipeline_arn: str) -> IPipeline:
        """A pipeline defined elsewhere, by ARN (`arn:aws:codepipeline:<region>:<account>:<name>`); its account
        and region come from the ARN."""
        parts = split_import_arn(scope, "pipeline_arn", pipeline_arn, ArnFormat.SLASH_RESOURCE_NAME, _ARN_SHAPE,
                                 service="codepipeline", need_name=False)
        return _ImportedPipeline(scope, id, pipeline_arn, parts.resource)
