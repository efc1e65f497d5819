"""cdk_events.aws.ec2: the parts of `aws_cdk.aws_ec2` that EventBridge targets and ECS need.

Owned VPCs (`Vpc`: subnets per availability zone, route tables, internet and NAT gateways, the
`Custom::VpcRestrictDefaultSG` resource under the `restrictDefaultSecurityGroup` flag) and imported
ones (`Vpc.from_vpc_attributes`) with `select_subnets`; subnets (`SubnetConfiguration`, `SubnetType`,
`SubnetSelection`, `Subnet.from_subnet_id`); security groups (owned, with ingress and egress rules from
`Peer` and `Port`, or `SecurityGroup.from_security_group_id`). Literal ids are checked against the
formats CloudFormation validates (`sg-`, `subnet-`, `vpc-` + 8 or 17 hex digits).
"""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._cfn_generated import (
        CfnEIP,
        CfnInternetGateway,
        CfnNatGateway,
        CfnRoute,
        CfnRouteTable,
        CfnSecurityGroup,
        CfnSubnet,
        CfnSubnetRouteTableAssociation,
        CfnVPC,
        CfnVPCGatewayAttachment,
    )
    from ._ip_addresses import IIpAddresses, IpAddresses
    from ._peer import IPeer, Peer, Port, Protocol
    from ._security_group import ISecurityGroup, SecurityGroup
    from ._subnet import (
        ISubnet,
        PrivateSubnet,
        PublicSubnet,
        RouteTable,
        SelectedSubnets,
        Subnet,
        SubnetConfiguration,
        SubnetSelection,
        SubnetType,
    )
    from ._vpc import DefaultInstanceTenancy, IVpc, Vpc

__all__ = [
    "CfnEIP",
    "CfnInternetGateway",
    "CfnNatGateway",
    "CfnRoute",
    "CfnRouteTable",
    "CfnSecurityGroup",
    "CfnSubnet",
    "CfnSubnetRouteTableAssociation",
    "CfnVPC",
    "CfnVPCGatewayAttachment",
    "DefaultInstanceTenancy",
    "IIpAddresses",
    "IPeer",
    "ISecurityGroup",
    "ISubnet",
    "IVpc",
    "IpAddresses",
    "Peer",
    "Port",
    "PrivateSubnet",
    "Protocol",
    "PublicSubnet",
    "RouteTable",
    "SecurityGroup",
    "SelectedSubnets",
    "Subnet",
    "SubnetConfiguration",
    "SubnetSelection",
    "SubnetType",
    "Vpc",
]

lazy_exports(globals(), {
    **{name: "._cfn_generated" for name in (
        "CfnEIP", "CfnInternetGateway", "CfnNatGateway", "CfnRoute", "CfnRouteTable", "CfnSecurityGroup", "CfnSubnet",
        "CfnSubnetRouteTableAssociation", "CfnVPC", "CfnVPCGatewayAttachment")},
    "IIpAddresses": "._ip_addresses",
    "IpAddresses": "._ip_addresses",
    "IPeer": "._peer",
    "Peer": "._peer",
    "Port": "._peer",
    "Protocol": "._peer",
    "ISecurityGroup": "._security_group",
    "SecurityGroup": "._security_group",
    "ISubnet": "._subnet",
    "PrivateSubnet": "._subnet",
    "PublicSubnet": "._subnet",
    "RouteTable": "._subnet",
    "SelectedSubnets": "._subnet",
    "Subnet": "._subnet",
    "SubnetConfiguration": "._subnet",
    "SubnetSelection": "._subnet",
    "SubnetType": "._subnet",
    "DefaultInstanceTenancy": "._vpc",
    "IVpc": "._vpc",
    "Vpc": "._vpc",
})
