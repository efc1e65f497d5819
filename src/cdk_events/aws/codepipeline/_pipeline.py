"""`Pipeline` imports: CodePipeline pipelines defined elsewhere."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from cdk_events.core import ArnFormat, Construct, Node, Resource, ResourceEnvironment

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


class PipelineBase(Resource):
    """What every pipeline offers: its ARN, its name and grants on it."""

    pipeline_arn: str
    pipeline_name: str

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
