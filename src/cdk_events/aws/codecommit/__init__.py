"""cdk_events.aws.codecommit: CodeCommit repositories and their event rules (the
`aws_cdk.aws_codecommit` counterpart): `Repository.on_commit`, `on_event`, ... and
`ReferenceEvent` fields for target inputs."""

from ._cfn import CfnRepository
from ._events import ReferenceEvent
from ._repository import IRepository, Repository, RepositoryBase

__all__ = ["CfnRepository", "IRepository", "ReferenceEvent", "Repository", "RepositoryBase"]

for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type) and _obj.__module__.startswith("cdk_events.aws.codecommit."):
        _obj.__module__ = "cdk_events.aws.codecommit"
del _name, _obj
