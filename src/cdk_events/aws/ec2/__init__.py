"""cdk_events.aws.ec2: the parts of `aws_cdk.aws_ec2` that EventBridge targets need.

Imported VPCs (`Vpc.from_vpc_attributes`) with `select_subnets`, imported subnets
(`Subnet.from_subnet_id`), security groups (owned with the CDK's default egress rule, or
`SecurityGroup.from_security_group_id`), `SubnetSelection` and `SubnetType`. Literal ids are
checked against the formats CloudFormation validates (`sg-`, `subnet-`, `vpc-` + 8 or 17 hex digits).
"""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._cfn_generated import CfnSecurityGroup
    from ._security_group import ISecurityGroup, SecurityGroup
    from ._subnet import ISubnet, RouteTable, SelectedSubnets, Subnet, SubnetSelection, SubnetType
    from ._vpc import IVpc, Vpc

__all__ = [
    "CfnSecurityGroup",
    "ISecurityGroup",
    "ISubnet",
    "IVpc",
    "RouteTable",
    "SecurityGroup",
    "SelectedSubnets",
    "Subnet",
    "SubnetSelection",
    "SubnetType",
    "Vpc",
]

lazy_exports(globals(), {
    "CfnSecurityGroup": "._cfn_generated",
    "ISecurityGroup": "._security_group",
    "SecurityGroup": "._security_group",
    "ISubnet": "._subnet",
    "RouteTable": "._subnet",
    "SelectedSubnets": "._subnet",
    "Subnet": "._subnet",
    "SubnetSelection": "._subnet",
    "SubnetType": "._subnet",
    "IVpc": "._vpc",
    "Vpc": "._vpc",
})
