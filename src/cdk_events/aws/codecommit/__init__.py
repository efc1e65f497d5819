"""cdk_events.aws.codecommit: CodeCommit repositories and their event rules (the
`aws_cdk.aws_codecommit` counterpart): `Repository.on_commit`, `on_event`, ... and
`ReferenceEvent` fields for target inputs."""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._cfn_generated import CfnRepository
    from ._events import ReferenceEvent
    from ._repository import IRepository, Repository, RepositoryBase

__all__ = ["CfnRepository", "IRepository", "ReferenceEvent", "Repository", "RepositoryBase"]

lazy_exports(globals(), {
    "CfnRepository": "._cfn_generated",
    "ReferenceEvent": "._events",
    "IRepository": "._repository",
    "Repository": "._repository",
    "RepositoryBase": "._repository",
})
