"""cdk_events.aws.codebuild: CodeBuild projects, imported by ARN or name (the `aws_cdk.aws_codebuild`
counterpart, as far as event targets need it)."""

from ._project import IProject, Project, ProjectBase

__all__ = ["IProject", "Project", "ProjectBase"]

for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type) and _obj.__module__.startswith("cdk_events.aws.codebuild."):
        _obj.__module__ = "cdk_events.aws.codebuild"
del _name, _obj
