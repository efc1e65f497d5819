"""ECS clusters: `ICluster` and imported clusters (`Cluster.from_cluster_attributes`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

from cdk_events.core import ArnFormat, Construct, Resource, ResourceEnvironment, Stack

from ...core._errors import construct_error
from ...core._import_only import ImportOnly
from ...core._prop_checks import check_bool
from ..ec2 import ISecurityGroup, IVpc


@runtime_checkable
class ICluster(Protocol):
    """An ECS cluster, owned or imported (mirrors `aws_cdk.aws_ecs.ICluster`)."""

    @property
    def node(self) -> Any: ...

    @property
    def env(self) -> ResourceEnvironment: ...

    @property
    def stack(self) -> Stack: ...

    @property
    def cluster_name(self) -> str: ...

    @property
    def cluster_arn(self) -> str: ...

    @property
    def vpc(self) -> IVpc: ...


class _ImportedCluster(Resource):
    """A cluster defined elsewhere."""

    def __init__(self, scope: Construct, id: str, *, cluster_name: str, vpc: IVpc, cluster_arn: str | None,
                 security_groups: Sequence[ISecurityGroup] | None, has_ec2_capacity: bool | None):
        super().__init__(scope, id)
        if not isinstance(cluster_name, str) or not cluster_name:
            raise construct_error(self, f"'cluster_name' must be a non-empty string, got {cluster_name!r}")
        if not isinstance(getattr(vpc, "vpc_id", None), str) or not callable(getattr(vpc, "select_subnets", None)):
            raise construct_error(self, f"'vpc' must be an ec2.IVpc (e.g. ec2.Vpc.from_vpc_attributes(...)), got "
                                        f"{vpc!r}")
        check_bool(self, "has_ec2_capacity", has_ec2_capacity)
        self.cluster_name = cluster_name
        self.vpc = vpc
        self.has_ec2_capacity = has_ec2_capacity is not False
        self.security_groups: list[ISecurityGroup] = list(security_groups or [])
        self.cluster_arn = cluster_arn if cluster_arn is not None else self.stack.format_arn(
            service="ecs", resource="cluster", resource_name=cluster_name)

    def arn_for_tasks(self, key_pattern: str) -> str:
        """The ARN pattern of this cluster's tasks: `...:task/<cluster name>/<key_pattern>`."""
        return self.stack.format_arn(service="ecs", resource="task", resource_name=f"{self.cluster_name}/{key_pattern}",
                                     arn_format=ArnFormat.SLASH_RESOURCE_NAME)


class Cluster(ImportOnly):
    """Cluster imports (mirrors the static methods of `aws_cdk.aws_ecs.Cluster`)."""

    _IMPORT_HINT = "import one with ecs.Cluster.from_cluster_attributes(...)"

    @staticmethod
    def from_cluster_attributes(scope: Construct, id: str, *, cluster_name: str, vpc: IVpc,
                                cluster_arn: str | None = None,
                                security_groups: Sequence[ISecurityGroup] | None = None,
                                has_ec2_capacity: bool | None = None) -> ICluster:
        """A cluster defined elsewhere.

        `cluster_arn` defaults to `arn:<partition>:ecs:<region>:<account>:cluster/<cluster_name>` of the
        importing stack; `security_groups` (of its container instances) to none; `has_ec2_capacity` to True.
        """
        return _ImportedCluster(scope, id, cluster_name=cluster_name, vpc=vpc, cluster_arn=cluster_arn,
                                security_groups=security_groups, has_ec2_capacity=has_ec2_capacity)
