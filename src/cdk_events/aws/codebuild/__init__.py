"""cdk_events.aws.codebuild: CodeBuild projects, imported by ARN or name (the `aws_cdk.aws_codebuild`
counterpart, as far as event targets need it)."""

from ..._public import set_public_module
from ._project import IProject, Project, ProjectBase

__all__ = ["IProject", "Project", "ProjectBase"]

set_public_module(globals())
