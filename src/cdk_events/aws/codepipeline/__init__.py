"""cdk_events.aws.codepipeline: CodePipeline pipelines, imported by ARN (the `aws_cdk.aws_codepipeline`
counterpart, as far as event targets need it)."""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._pipeline import IPipeline, Pipeline, PipelineBase

__all__ = ["IPipeline", "Pipeline", "PipelineBase"]

lazy_exports(globals(), {
    "IPipeline": "._pipeline",
    "Pipeline": "._pipeline",
    "PipelineBase": "._pipeline",
})
