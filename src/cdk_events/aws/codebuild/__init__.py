"""cdk_events.aws.codebuild: CodeBuild projects, imported by ARN or name (the `aws_cdk.aws_codebuild`
counterpart, as far as event targets need it)."""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._project import IProject, Project, ProjectBase

__all__ = ["IProject", "Project", "ProjectBase"]

lazy_exports(globals(), {
    "IProject": "._project",
    "Project": "._project",
    "ProjectBase": "._project",
})
