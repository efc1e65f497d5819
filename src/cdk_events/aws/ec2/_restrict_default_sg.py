"""`Custom::VpcRestrictDefaultSG`: remove the rules of a VPC's default security group.

aws-cdk-lib backs the resource with a Node.js handler bundled inside aws-cdk-lib (an S3 asset of the
`Custom::VpcRestrictDefaultSGCustomResourceProvider`). cdk-events writes the same resources, logical
ids, role and policies, with its own small Python 3.12 / boto3 handler inline (`Code.ZipFile`)
instead of the asset, so nothing needs publishing, and without the handler's redundant `DependsOn` on
its role (its `Fn::GetAtt` already orders them; cfn-lint W3005). See docs/differences.md.
"""

from __future__ import annotations

from typing import Any

from cdk_events.core import CfnResource, Construct, Lazy, RemovalPolicy, Stack

RESTRICT_DEFAULT_SG_FLAG = "@aws-cdk/aws-ec2:restrictDefaultSecurityGroup"
RESOURCE_TYPE = "Custom::VpcRestrictDefaultSG"
PROVIDER_ID = f"{RESOURCE_TYPE}CustomResourceProvider"
_ACTIONS = ["ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress",
            "ec2:RevokeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress"]

# The handler (at most 4096 bytes inline). Create: revoke the default group's two default rules (all
# traffic from the group itself, all traffic out); Update to another group: give the old one its rules
# back, revoke the new one's; Delete: give the rules back. Missing or duplicate rules are not errors.
HANDLER_SOURCE = '''\
import json, urllib.request
import boto3
from botocore.exceptions import ClientError

EC2 = boto3.client("ec2")


def rules(group, account):
    ingress = [{"IpProtocol": "-1", "UserIdGroupPairs": [{"GroupId": group, "UserId": account}]}]
    egress = [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]
    return ingress, egress


def call(fn, ok, group, permissions):
    try:
        fn(GroupId=group, IpPermissions=permissions)
    except ClientError as error:
        if error.response["Error"]["Code"] != ok:
            raise


def revoke(group, account):
    ingress, egress = rules(group, account)
    call(EC2.revoke_security_group_ingress, "InvalidPermission.NotFound", group, ingress)
    call(EC2.revoke_security_group_egress, "InvalidPermission.NotFound", group, egress)


def grant(group, account):
    ingress, egress = rules(group, account)
    call(EC2.authorize_security_group_ingress, "InvalidPermission.Duplicate", group, ingress)
    call(EC2.authorize_security_group_egress, "InvalidPermission.Duplicate", group, egress)


def handler(event, context):
    status, reason = "SUCCESS", ""
    props = event["ResourceProperties"]
    group, account = props["DefaultSecurityGroupId"], props["Account"]
    try:
        kind = event["RequestType"]
        if kind == "Create":
            revoke(group, account)
        elif kind == "Update":
            old = event.get("OldResourceProperties", {}).get("DefaultSecurityGroupId")
            if old and old != group:
                grant(old, account)
            revoke(group, account)
        else:
            grant(group, account)
    except Exception as error:
        status, reason = "FAILED", str(error)[:500]
    body = json.dumps({
        "Status": status, "Reason": reason or "See CloudWatch Logs",
        "PhysicalResourceId": event.get("PhysicalResourceId") or group,
        "StackId": event["StackId"], "RequestId": event["RequestId"],
        "LogicalResourceId": event["LogicalResourceId"], "Data": {},
    }).encode()
    request = urllib.request.Request(event["ResponseURL"], data=body, method="PUT",
                                     headers={"Content-Type": "", "Content-Length": str(len(body))})
    urllib.request.urlopen(request, timeout=30).read()
'''


class _Provider(Construct):
    """The stack's provider: a role and a function, shared by every VPC of the stack."""

    def __init__(self, scope: Construct, id: str):
        super().__init__(scope, id)
        self.statements: list[dict[str, Any]] = []
        role = CfnResource(self, "Role", type="AWS::IAM::Role", properties={
            "AssumeRolePolicyDocument": {
                "Version": "2012-10-17",
                "Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow",
                               "Principal": {"Service": "lambda.amazonaws.com"}}],
            },
            "ManagedPolicyArns": [
                {"Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"}],
            "Policies": Lazy.any(lambda: [{"PolicyName": "Inline", "PolicyDocument": {
                "Version": "2012-10-17", "Statement": self.statements}}] if self.statements else None),
        })
        handler = CfnResource(self, "Handler", type="AWS::Lambda::Function", properties={
            "Code": {"ZipFile": HANDLER_SOURCE},
            "Timeout": 900,
            "MemorySize": 128,
            "Handler": "index.handler",
            "Role": role.get_att("Arn"),
            "Runtime": "python3.12",
            "Description": "Lambda function for removing all inbound/outbound rules from the VPC default security "
                           "group",
        })
        self.service_token: Any = handler.get_att("Arn")


def add_restrict_default_sg(vpc: Construct, default_security_group_id: str) -> CfnResource:
    """Add the custom resource that strips `vpc`'s default security group (and the stack's provider)."""
    stack = Stack.of(vpc)
    provider = stack.node.try_find_child(PROVIDER_ID)
    if not isinstance(provider, _Provider):
        provider = _Provider(stack, PROVIDER_ID)
    provider.statements.append({
        "Effect": "Allow",
        "Action": list(_ACTIONS),
        "Resource": [stack.format_arn(service="ec2", resource="security-group",
                                      resource_name=default_security_group_id)],
    })
    holder = Construct(vpc, "RestrictDefaultSecurityGroupCustomResource")
    resource = CfnResource(holder, "Default", type=RESOURCE_TYPE, properties={
        "ServiceToken": provider.service_token,
        "DefaultSecurityGroupId": default_security_group_id,
        "Account": stack.account,
    })
    resource.apply_removal_policy(RemovalPolicy.DESTROY)
    return resource
