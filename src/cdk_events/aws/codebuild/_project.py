"""`Project` imports: CodeBuild projects defined elsewhere, with their grants."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from cdk_events.core import ArnFormat, Construct, Node, Resource, ResourceEnvironment, Stack

from ...core import ValidationError
from ...core._import_checks import require_str, split_import_arn
from .. import iam

_ARN_SHAPE = "arn:<partition>:codebuild:<region>:<account>:project/<name>"


@runtime_checkable
class IProject(Protocol):
    """A CodeBuild project (mirrors `aws_cdk.aws_codebuild.IProject`)."""

    @property
    def project_arn(self) -> str: ...

    @property
    def project_name(self) -> str: ...

    @property
    def env(self) -> ResourceEnvironment: ...

    @property
    def node(self) -> Node: ...


class ProjectBase(Resource):
    """What every project offers: its ARN, its name and grants on it."""

    project_arn: str
    project_name: str

    def grant(self, identity: iam.IGrantable, *actions: str) -> iam.Grant:
        """Grant `actions` on this project to `identity` (in its own policy)."""
        return iam.Grant.add_to_principal(grantee=identity, actions=list(actions), resource_arns=[self.project_arn])


class _ImportedProject(ProjectBase):
    def __init__(self, scope: Construct, id: str, *, project_arn: str, project_name: str,
                 account: str | None = None, region: str | None = None):
        super().__init__(scope, id, account=account, region=region)
        self.project_arn = project_arn
        self.project_name = project_name


class Project(ProjectBase):
    """A CodeBuild project (mirrors `aws_cdk.aws_codebuild.Project`).

    cdk-events only imports projects: use `from_project_arn` or `from_project_name`.
    """

    def __init__(self, scope: Construct, id: str, **props: Any) -> None:
        raise ValidationError(
            f"[{scope.node.path}/{id}] cdk-events cannot define CodeBuild projects; import one with "
            "codebuild.Project.from_project_arn(...) or from_project_name(...)")

    @staticmethod
    def from_project_arn(scope: Construct, id: str, project_arn: str) -> IProject:
        """A project defined elsewhere, by ARN (`arn:aws:codebuild:<region>:<account>:project/<name>`); its
        account and region come from the ARN."""
        parts = split_import_arn(scope, "project_arn", project_arn, ArnFormat.SLASH_RESOURCE_NAME, _ARN_SHAPE,
                                 service="codebuild")
        return _ImportedProject(scope, id, project_arn=project_arn, project_name=parts.resource_name or "",
                                account=parts.account, region=parts.region)

    @staticmethod
    def from_project_name(scope: Construct, id: str, project_name: str) -> IProject:
        """A project of this stack's account and region, by name."""
        name = require_str(scope, "project_name", project_name, "a project name (a non-empty string)")
        arn = Stack.of(scope).format_arn(service="codebuild", resource="project", resource_name=name)
        return _ImportedProject(scope, id, project_arn=arn, project_name=name)
