"""ARNs: `Stack.format_arn` for each `ArnFormat` and `Arn.split` (spec §4.7, §3.2)."""

from __future__ import annotations

import pytest

from cdk_events.core import (
    App,
    Arn,
    ArnFormat,
    Aws,
    Environment,
    Fn,
    Intrinsic,
    Stack,
    Token,
    ValidationError,
)

PARTITION = {"Ref": "AWS::Partition"}
REGION = {"Ref": "AWS::Region"}
ACCOUNT = {"Ref": "AWS::AccountId"}
FLAG = "@aws-cdk/core:enablePartitionLiterals"


def test_env_agnostic_arn_is_a_join_of_pseudo_parameters() -> None:
    stack = Stack(App(), "S")
    arn = stack.format_arn(service="events", resource="event-bus", resource_name="default")
    assert stack.resolve(arn) == {
        "Fn::Join": ["", ["arn:", PARTITION, ":events:", REGION, ":", ACCOUNT, ":event-bus/default"]]
    }


def test_cross_account_bus_arn_with_and_without_partition_literals() -> None:
    # spec §3.2 step 1, with and without the partition-literals flag
    for context, expected in [
        ({}, {"Fn::Join": ["", ["arn:", PARTITION, ":events:us-east-1:222222222222:event-bus/default"]]}),
        ({FLAG: True}, "arn:aws:events:us-east-1:222222222222:event-bus/default"),
    ]:
        app = App(context=context)
        stack = Stack(app, "Tgt", env=Environment(account="222222222222", region="us-east-1"))
        arn = stack.format_arn(
            service="events",
            resource="event-bus",
            resource_name="default",
            region="us-east-1",
            account="222222222222",
        )
        assert stack.resolve(arn) == expected


def test_partition_literal_needs_a_concrete_region() -> None:
    app = App(context={FLAG: True})
    agnostic = Stack(app, "A")
    assert agnostic.partition == Aws.PARTITION
    china = Stack(app, "C", env=Environment(region="cn-north-1"))
    assert china.partition == "aws-cn"
    assert Stack(app, "G", env=Environment(region="us-gov-west-1")).partition == "aws-us-gov"


@pytest.mark.parametrize(
    ("arn_format", "expected"),
    [
        (ArnFormat.NO_RESOURCE_NAME, "arn:aws:svc:r:1:res"),
        (ArnFormat.COLON_RESOURCE_NAME, "arn:aws:svc:r:1:res:name"),
        (ArnFormat.SLASH_RESOURCE_NAME, "arn:aws:svc:r:1:res/name"),
        (ArnFormat.SLASH_RESOURCE_SLASH_RESOURCE_NAME, "arn:aws:svc:r:1:/res/name"),
    ],
)
def test_format_arn_for_each_format(arn_format: ArnFormat, expected: str) -> None:
    stack = Stack(App(), "S")
    assert (
        stack.format_arn(
            service="svc",
            resource="res",
            resource_name="name",
            partition="aws",
            region="r",
            account="1",
            arn_format=arn_format,
        )
        == expected
    )


def test_format_arn_separator_and_empty_region() -> None:
    stack = Stack(App(), "S", env=Environment(account="111111111111", region="r"))
    assert (
        stack.format_arn(service="iam", resource="role", resource_name="x", region="", partition="aws")
        == "arn:aws:iam::111111111111:role/x"
    )
    assert (
        stack.format_arn(service="s", resource="a", resource_name="b", sep=":", partition="aws")
        == "arn:aws:s:r:111111111111:a:b"
    )
    assert stack.format_arn(service="s", resource="a", partition="aws") == "arn:aws:s:r:111111111111:a"
    with pytest.raises(ValidationError, match="resourcePathSep may only be"):
        stack.format_arn(service="s", resource="a", resource_name="b", sep="|", partition="aws")


@pytest.mark.parametrize(
    ("arn", "arn_format", "resource", "resource_name"),
    [
        ("arn:aws:sqs:us-east-1:123456789012:my-queue", ArnFormat.NO_RESOURCE_NAME, "my-queue", None),
        (
            "arn:aws:events:us-east-1:123456789012:event-bus/foo",
            ArnFormat.SLASH_RESOURCE_NAME,
            "event-bus",
            "foo",
        ),
        (
            "arn:aws:lambda:us-east-1:123456789012:function:fn",
            ArnFormat.COLON_RESOURCE_NAME,
            "function",
            "fn",
        ),
        (
            "arn:aws:apigw:us-east-1:123456789012:/restapis/abc",
            ArnFormat.SLASH_RESOURCE_SLASH_RESOURCE_NAME,
            "restapis",
            "abc",
        ),
        (
            "arn:aws:states:us-east-1:123456789012:stateMachine:sm",
            ArnFormat.COLON_RESOURCE_NAME,
            "stateMachine",
            "sm",
        ),
    ],
)
def test_split_literal_arns(
    arn: str, arn_format: ArnFormat, resource: str, resource_name: str | None
) -> None:
    parts = Arn.split(arn, arn_format)
    assert (parts.partition, parts.region, parts.account) == ("aws", "us-east-1", "123456789012")
    assert (parts.resource, parts.resource_name) == (resource, resource_name)


@pytest.mark.parametrize(
    ("arn", "message"),
    [
        ("nope", 'ARNs must start with "arn:" and have at least 6 components: nope'),
        (
            "arn:aws:sqs:us-east-1",
            'ARNs must start with "arn:" and have at least 6 components: arn:aws:sqs:us-east-1',
        ),
        ("arn::sqs:r:a:q", "The `partition` component (2nd component) of an ARN is required: arn::sqs:r:a:q"),
        ("arn:aws::r:a:q", "The `service` component (3rd component) of an ARN is required: arn:aws::r:a:q"),
        (
            "arn:aws:sqs:r:a:",
            "The `resource` component (6th component) of an ARN is required: arn:aws:sqs:r:a:",
        ),
    ],
)
def test_split_errors(arn: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        Arn.split(arn, ArnFormat.NO_RESOURCE_NAME)
    assert str(info.value) == message


def test_split_token_arns_uses_select_and_split() -> None:
    stack = Stack(App(), "S")
    arn = Token.as_string(Intrinsic({"Ref": "Arn"}))
    parts = Arn.split(arn, ArnFormat.SLASH_RESOURCE_NAME)
    colon = {"Fn::Split": [":", {"Ref": "Arn"}]}
    assert stack.resolve(parts.account) == {"Fn::Select": [4, colon]}
    assert stack.resolve(parts.region) == {"Fn::Select": [3, colon]}
    assert stack.resolve(parts.resource) == {
        "Fn::Select": [0, {"Fn::Split": ["/", {"Fn::Select": [5, colon]}]}]
    }
    assert stack.resolve(parts.resource_name) == {
        "Fn::Select": [1, {"Fn::Split": ["/", {"Fn::Select": [5, colon]}]}]
    }


def test_extract_resource_name() -> None:
    assert (
        Arn.extract_resource_name("arn:aws:events:us-east-1:1:rule/imported-rule", "rule") == "imported-rule"
    )
    stack = Stack(App(), "S")
    arn = Token.as_string(Intrinsic({"Ref": "Arn"}))
    assert stack.resolve(Arn.extract_resource_name(arn, "rule")) == stack.resolve(
        Fn.select(1, Fn.split("/", Fn.select(5, Fn.split(":", arn))))
    )
