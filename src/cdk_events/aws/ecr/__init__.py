"""cdk_events.aws.ecr: imported ECR repositories (`Repository.from_repository_name`, ...), for
`ecs.ContainerImage.from_ecr_repository` and pull grants (the `aws_cdk.aws_ecr` counterpart)."""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._repository import IRepository, Repository

__all__ = ["IRepository", "Repository"]

lazy_exports(globals(), {
    "IRepository": "._repository",
    "Repository": "._repository",
})
