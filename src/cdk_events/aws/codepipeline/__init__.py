"""cdk_events.aws.codepipeline: CodePipeline pipelines, imported by ARN (the `aws_cdk.aws_codepipeline`
counterpart, as far as event targets need it)."""

from ..._public import set_public_module
from ._pipeline import IPipeline, Pipeline, PipelineBase

__all__ = ["IPipeline", "Pipeline", "PipelineBase"]

set_public_module(globals())
