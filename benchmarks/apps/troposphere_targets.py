"""The templates of `lambda_rules.py` and `ecs_rules.py`, built with troposphere (the pure-Python
CloudFormation baseline): `python troposphere_targets.py lambda|ecs OUTDIR` with RULES set."""

import hashlib
import json
import os
import sys
from pathlib import Path

from troposphere import GetAtt, Join, Ref, Template
from troposphere.awslambda import Code, Function, Permission
from troposphere.events import AwsVpcConfiguration, EcsParameters, NetworkConfiguration, Rule, Target
from troposphere.iam import PolicyType, Role
from troposphere.logs import LogGroup


def logical_id(*path: str) -> str:
    digest = hashlib.md5("/".join(path).encode()).hexdigest()[:8].upper()
    return "".join(p for p in path if p != "Resource") + digest


def pattern(i: int) -> dict:
    return {"detail-type": ["OrderCreated"], "source": [f"com.example.service{i % 20}"]}


def lambda_stack(stack: str, rules: range) -> Template:
    t = Template()
    role = t.add_resource(
        Role(
            logical_id("Handler", "ServiceRole", "Resource"),
            AssumeRolePolicyDocument={
                "Statement": [
                    {"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}}
                ],
                "Version": "2012-10-17",
            },
            ManagedPolicyArns=[
                Join("", ["arn:", Ref("AWS::Partition"), ":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"])
            ],
        )
    )
    fn = t.add_resource(
        Function(
            logical_id("Handler", "Resource"),
            Code=Code(ZipFile="def handler(event, context):\n    return event\n"),
            Handler="index.handler",
            Role=GetAtt(role, "Arn"),
            Runtime="python3.12",
            DependsOn=[role.title],
        )
    )
    t.add_resource(
        LogGroup(
            logical_id("Handler", "LogGroup", "Resource"),
            LogGroupName=Join("", ["/aws/lambda/", Ref(fn)]),
            RetentionInDays=731,
            UpdateReplacePolicy="Retain",
            DeletionPolicy="Retain",
        )
    )
    fn_unique = logical_id(stack, "Handler")
    for i in rules:
        rule = t.add_resource(
            Rule(
                logical_id(f"Rule{i}", "Resource"),
                EventPattern=pattern(i),
                State="ENABLED",
                Targets=[Target(Arn=GetAtt(fn, "Arn"), Id="Target0")],
            )
        )
        t.add_resource(
            Permission(
                logical_id(f"Rule{i}", f"AllowEventRule{fn_unique}"),
                Action="lambda:InvokeFunction",
                FunctionName=GetAtt(fn, "Arn"),
                Principal="events.amazonaws.com",
                SourceArn=GetAtt(rule, "Arn"),
            )
        )
    return t


def ecs_stack(stack: str, rules: range) -> Template:
    t = Template()
    role = t.add_resource(
        Role(
            logical_id("Task", "EventsRole", "Resource"),
            AssumeRolePolicyDocument={
                "Statement": [
                    {"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"}}
                ],
                "Version": "2012-10-17",
            },
        )
    )
    policy_id = logical_id("Task", "EventsRole", "DefaultPolicy", "Resource")
    task = "arn:aws:ecs:us-east-1:123456789012:task-definition/bench:1"
    cluster = "arn:aws:ecs:us-east-1:123456789012:cluster/bench"
    t.add_resource(
        PolicyType(
            policy_id,
            PolicyName=policy_id,
            Roles=[Ref(role)],
            PolicyDocument={
                "Statement": [
                    {
                        "Action": "ecs:RunTask",
                        "Condition": {"ArnEquals": {"ecs:cluster": cluster}},
                        "Effect": "Allow",
                        "Resource": task,
                    },
                    {
                        "Action": "ecs:TagResource",
                        "Effect": "Allow",
                        "Resource": "arn:aws:ecs:us-east-1:*:task/bench/*",
                    },
                    {
                        "Action": "iam:PassRole",
                        "Effect": "Allow",
                        "Resource": "arn:aws:iam::123456789012:role/bench-task",
                    },
                ],
                "Version": "2012-10-17",
            },
        )
    )
    for i in rules:
        t.add_resource(
            Rule(
                logical_id(f"Rule{i}", "Resource"),
                EventPattern=pattern(i),
                State="ENABLED",
                Targets=[
                    Target(
                        Arn=cluster,
                        Id="Target0",
                        Input="{}",
                        RoleArn=GetAtt(role, "Arn"),
                        EcsParameters=EcsParameters(
                            LaunchType="FARGATE",
                            TaskCount=1,
                            TaskDefinitionArn=task,
                            NetworkConfiguration=NetworkConfiguration(
                                AwsVpcConfiguration=AwsVpcConfiguration(
                                    AssignPublicIp="DISABLED",
                                    SecurityGroups=["sg-0123456789abcdef0"],
                                    Subnets=["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"],
                                )
                            ),
                        ),
                    )
                ],
            )
        )
    return t


def main() -> None:
    kind, out = sys.argv[1], Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    n = int(os.environ.get("RULES", "2"))
    per_stack = 200 if kind == "lambda" else 250
    build = lambda_stack if kind == "lambda" else ecs_stack
    for s in range((n + per_stack - 1) // per_stack):
        template = build(f"Bench{s}", range(s * per_stack, min(n, (s + 1) * per_stack)))
        (out / f"Bench{s}.template.json").write_text(json.dumps(template.to_dict(), indent=1))


if __name__ == "__main__":
    main()
