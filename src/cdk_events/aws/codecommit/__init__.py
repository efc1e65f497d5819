"""cdk_events.aws.codecommit: CodeCommit repositories and their event rules (the
`aws_cdk.aws_codecommit` counterpart): `Repository.on_commit`, `on_event`, ... and
`ReferenceEvent` fields for target inputs."""

from ..._public import set_public_module
from ._cfn import CfnRepository
from ._events import ReferenceEvent
from ._repository import IRepository, Repository, RepositoryBase

__all__ = ["CfnRepository", "IRepository", "ReferenceEvent", "Repository", "RepositoryBase"]

set_public_module(globals())
