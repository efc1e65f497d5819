"""cdk_events.aws.codepipeline: CodePipeline pipelines, imported by ARN (the `aws_cdk.aws_codepipeline`
counterpart, as far as event targets need it)."""

from ._pipeline import IPipeline, Pipeline, PipelineBase

__all__ = ["IPipeline", "Pipeline", "PipelineBase"]

for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type) and _obj.__module__.startswith("cdk_events.aws.codepipeline."):
        _obj.__module__ = "cdk_events.aws.codepipeline"
del _name, _obj
