"""ECS clusters: `ICluster`, the owned `Cluster` (with its default VPC) and imported clusters
(`Cluster.from_cluster_attributes`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from cdk_events.core import ArnComponents, ArnFormat, Aspects, Construct, IAspect, Resource, ResourceEnvironment, Stack

from ...core._errors import construct_error
from ...core._prop_checks import check_bool, check_enum, check_str
from .. import ec2
from ..ec2 import IVpc
from ._enums import ContainerInsights

if TYPE_CHECKING:
    from ..ec2 import ISecurityGroup
    from ._cfn_generated import CfnClusterCapacityProviderAssociations


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


class Cluster(Resource):
    """An ECS cluster (mirrors `aws_cdk.aws_ecs.Cluster`).

    `vpc` defaults to a new `ec2.Vpc` `Vpc` with `max_azs=2` under the cluster; `cluster_name` to a
    name CloudFormation generates; Container Insights to the account setting (`container_insights_v2`
    an `ecs.ContainerInsights`, or the deprecated `container_insights` bool; not both);
    `enable_fargate_capacity_providers` to False (True associates FARGATE and FARGATE_SPOT).
    """

    def __init__(self, scope: Construct, id: str, *, vpc: IVpc | None = None, cluster_name: str | None = None,
                 container_insights: bool | None = None, container_insights_v2: ContainerInsights | None = None,
                 enable_fargate_capacity_providers: bool | None = None,
                 capacity_providers: Sequence[str] | None = None):
        # lazy on purpose: the L1s load only for an owned cluster (an imported one does without them)
        from ._cfn_generated import CfnCluster

        super().__init__(scope, id, physical_name=cluster_name)
        check_str(self, "cluster_name", cluster_name)
        check_bool(self, "container_insights", container_insights)
        check_bool(self, "enable_fargate_capacity_providers", enable_fargate_capacity_providers)
        check_enum(self, "container_insights_v2", container_insights_v2, ContainerInsights)
        if container_insights is not None and container_insights_v2 is not None:
            raise construct_error(self, "You cannot set both containerInsights and containerInsightsV2")
        if vpc is not None and not isinstance(vpc, IVpc):
            raise construct_error(self, "'vpc' must be an ec2.IVpc (ec2.Vpc(...) or "
                                        f"ec2.Vpc.from_vpc_attributes(...)), got {vpc!r}")
        settings = None
        if container_insights is not None:
            value = ContainerInsights.ENABLED if container_insights else ContainerInsights.DISABLED
            settings = [{"name": "containerInsights", "value": value.value}]
        elif container_insights_v2 is not None:
            settings = [{"name": "containerInsights", "value": container_insights_v2.value}]
        self._capacity_provider_names: list[str] = list(capacity_providers or [])
        self._default_capacity_provider_strategy: list[Any] = []
        if enable_fargate_capacity_providers:
            self.enable_fargate_capacity_providers()
        self._resource = CfnCluster(self, "Resource", cluster_name=self.physical_name, cluster_settings=settings)
        self.cluster_arn: str = self._get_resource_arn_attribute(self._resource.attr_arn, ArnComponents(
            service="ecs", resource="cluster", resource_name=self.physical_name))
        self.cluster_name: str = self._get_resource_name_attribute(self._resource.ref)
        self.vpc: IVpc = vpc if vpc is not None else ec2.Vpc(self, "Vpc", max_azs=2)
        self.has_ec2_capacity = False
        self.security_groups: list[ISecurityGroup] = []
        Aspects.of(self).add(_CapacityProviderAssociations(self, id))

    def enable_fargate_capacity_providers(self) -> None:
        """Associate the FARGATE and FARGATE_SPOT capacity providers with the cluster."""
        for provider in ("FARGATE", "FARGATE_SPOT"):
            if provider not in self._capacity_provider_names:
                self._capacity_provider_names.append(provider)

    @property
    def capacity_provider_names(self) -> list[str]:
        """The capacity providers associated with the cluster."""
        return list(self._capacity_provider_names)

    def arn_for_tasks(self, key_pattern: str) -> str:
        """The ARN pattern of this cluster's tasks: `...:task/<cluster name>/<key_pattern>`."""
        return self.stack.format_arn(service="ecs", resource="task", resource_name=f"{self.cluster_name}/{key_pattern}",
                                     arn_format=ArnFormat.SLASH_RESOURCE_NAME)

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


class _CapacityProviderAssociations(IAspect):
    """Adds the capacity provider associations at synthesis, once providers are known (as the CDK does)."""

    def __init__(self, cluster: Cluster, id: str):
        self.cluster = cluster
        self.id = id
        self.resource: CfnClusterCapacityProviderAssociations | None = None

    def visit(self, node: Construct) -> None:
        """Create the association on the cluster when it has providers."""
        cluster = self.cluster
        if node is not cluster or self.resource is not None:
            return
        if cluster._capacity_provider_names or cluster._default_capacity_provider_strategy:
            # lazy on purpose: the L1s load only for an owned cluster
            from ._cfn_generated import CfnClusterCapacityProviderAssociations

            self.resource = CfnClusterCapacityProviderAssociations(
                cluster, self.id, cluster=cluster.cluster_name,
                default_capacity_provider_strategy=list(cluster._default_capacity_provider_strategy),
                capacity_providers=list(cluster._capacity_provider_names))
