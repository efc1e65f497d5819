"""Tests written exactly as one writes them for ``aws_cdk.assertions``; only the import differs.

With the AWS CDK these would start ``from aws_cdk.assertions import Template, Match, Capture``.
The template is what an EventBridge app synthesizes: a rule sending to a queue (with its
queue policy), a scheduled rule invoking a function, a custom bus with an archive.
"""

import json

import pytest

from cdk_events.assertions import Capture, Match, Template

RULE_ID = "OrderCreatedRule0F1A2B3C"
QUEUE_ID = "OrdersQueue5A8B9C0D"
FUNCTION_ID = "ReportFn1234ABCD"

TEMPLATE = {
    "Resources": {
        QUEUE_ID: {
            "Type": "AWS::SQS::Queue",
            "UpdateReplacePolicy": "Delete",
            "DeletionPolicy": "Delete",
        },
        "OrdersQueuePolicy1C2D3E4F": {
            "Type": "AWS::SQS::QueuePolicy",
            "Properties": {
                "PolicyDocument": {
                    "Statement": [
                        {
                            "Action": ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"],
                            "Condition": {"ArnEquals": {"aws:SourceArn": {"Fn::GetAtt": [RULE_ID, "Arn"]}}},
                            "Effect": "Allow",
                            "Principal": {"Service": "events.amazonaws.com"},
                            "Resource": {"Fn::GetAtt": [QUEUE_ID, "Arn"]},
                        }
                    ],
                    "Version": "2012-10-17",
                },
                "Queues": [{"Ref": QUEUE_ID}],
            },
        },
        "OrdersBus9A8B7C6D": {"Type": "AWS::Events::EventBus", "Properties": {"Name": "orders"}},
        "OrdersBusArchive1A2B3C4D": {
            "Type": "AWS::Events::Archive",
            "Properties": {
                "EventPattern": {"account": [{"Ref": "AWS::AccountId"}]},
                "RetentionDays": 30,
                "SourceArn": {"Fn::GetAtt": ["OrdersBus9A8B7C6D", "Arn"]},
            },
        },
        RULE_ID: {
            "Type": "AWS::Events::Rule",
            "Properties": {
                "EventBusName": {"Ref": "OrdersBus9A8B7C6D"},
                "EventPattern": {"source": ["shop.orders"], "detail-type": ["OrderCreated"]},
                "State": "ENABLED",
                "Targets": [{"Arn": {"Fn::GetAtt": [QUEUE_ID, "Arn"]}, "Id": "Target0"}],
            },
        },
        "NightlyReportRuleAB12CD34": {
            "Type": "AWS::Events::Rule",
            "Properties": {
                "ScheduleExpression": "cron(0 2 * * ? *)",
                "State": "ENABLED",
                "Targets": [
                    {
                        "Arn": {"Fn::GetAtt": [FUNCTION_ID, "Arn"]},
                        "Id": "Target0",
                        "Input": '{"report":"nightly","days":1}',
                        "RetryPolicy": {"MaximumRetryAttempts": 2},
                    }
                ],
            },
        },
        "NightlyReportRuleAllowEventRule5E6F7A8B": {
            "Type": "AWS::Lambda::Permission",
            "Properties": {
                "Action": "lambda:InvokeFunction",
                "FunctionName": {"Fn::GetAtt": [FUNCTION_ID, "Arn"]},
                "Principal": "events.amazonaws.com",
                "SourceArn": {"Fn::GetAtt": ["NightlyReportRuleAB12CD34", "Arn"]},
            },
        },
        FUNCTION_ID: {
            "Type": "AWS::Lambda::Function",
            "Properties": {"Handler": "index.handler", "Runtime": "python3.12"},
        },
    },
    "Outputs": {
        "BusArn": {
            "Value": {"Fn::GetAtt": ["OrdersBus9A8B7C6D", "Arn"]},
            "Export": {"Name": "OrdersBusArn"},
        }
    },
}


@pytest.fixture
def template():
    return Template.from_string(json.dumps(TEMPLATE))


def test_two_rules_and_one_bus(template):
    template.resource_count_is("AWS::Events::Rule", 2)
    template.resource_count_is("AWS::Events::EventBus", 1)


def test_rule_event_pattern(template):
    template.has_resource_properties(
        "AWS::Events::Rule",
        {
            "EventPattern": {"source": ["shop.orders"], "detail-type": ["OrderCreated"]},
            "State": "ENABLED",
        },
    )


def test_rule_targets_the_queue(template):
    template.has_resource_properties(
        "AWS::Events::Rule",
        {
            "Targets": Match.array_with(
                [Match.object_like({"Arn": {"Fn::GetAtt": [QUEUE_ID, "Arn"]}, "Id": "Target0"})]
            )
        },
    )


def test_target_arn_points_at_the_only_queue(template):
    target_arn = Capture()
    template.has_resource_properties(
        "AWS::Events::Rule",
        {"EventPattern": Match.any_value(), "Targets": [{"Arn": target_arn, "Id": "Target0"}]},
    )
    queue_id = template.get_resource_id("AWS::SQS::Queue")
    assert target_arn.as_object() == {"Fn::GetAtt": [queue_id, "Arn"]}


def test_queue_policy_allows_only_this_rule(template):
    template.has_resource_properties(
        "AWS::SQS::QueuePolicy",
        {
            "PolicyDocument": {
                "Statement": Match.array_with(
                    [
                        Match.object_like(
                            {
                                "Action": Match.array_with(["sqs:SendMessage"]),
                                "Principal": {"Service": "events.amazonaws.com"},
                                "Condition": {
                                    "ArnEquals": {"aws:SourceArn": {"Fn::GetAtt": [RULE_ID, "Arn"]}}
                                },
                            }
                        )
                    ]
                )
            },
            "Queues": [{"Ref": QUEUE_ID}],
        },
    )


def test_scheduled_rule_input_is_json(template):
    template.has_resource_properties(
        "AWS::Events::Rule",
        {
            "ScheduleExpression": Match.string_like_regexp(r"^cron\(0 2 "),
            "Targets": [
                Match.object_like(
                    {
                        "Input": Match.serialized_json({"report": "nightly", "days": 1}),
                        "RoleArn": Match.absent(),
                    }
                )
            ],
        },
    )


def test_function_may_be_invoked_by_the_rule(template):
    template.has_resource_properties(
        "AWS::Lambda::Permission",
        {
            "Action": "lambda:InvokeFunction",
            "Principal": "events.amazonaws.com",
            "SourceArn": {"Fn::GetAtt": [Match.string_like_regexp("^NightlyReportRule"), "Arn"]},
        },
    )


def test_queue_is_deleted_with_the_stack(template):
    template.has_resource("AWS::SQS::Queue", {"DeletionPolicy": "Delete", "UpdateReplacePolicy": "Delete"})


def test_every_rule_is_enabled(template):
    template.all_resources_properties("AWS::Events::Rule", {"State": "ENABLED"})


def test_only_one_rule_is_on_the_custom_bus(template):
    template.resource_properties_count_is(
        "AWS::Events::Rule", {"EventBusName": {"Ref": "OrdersBus9A8B7C6D"}}, 1
    )
    template.resource_properties_count_is("AWS::Events::Rule", {"EventBusName": Match.absent()}, 1)


def test_capture_every_target_id(template):
    target_id = Capture(Match.string_like_regexp("^Target"))
    found = template.find_resources(
        "AWS::Events::Rule",
        {"Properties": {"Targets": Match.array_with([Match.object_like({"Id": target_id})])}},
    )
    assert len(found) == 2
    ids = [target_id.as_string()]
    while target_id.next():
        ids.append(target_id.as_string())
    assert ids == ["Target0", "Target0"]


def test_archive_and_export(template):
    template.has_resource_properties(
        "AWS::Events::Archive",
        {"RetentionDays": 30, "SourceArn": {"Fn::GetAtt": [Match.any_value(), "Arn"]}},
    )
    template.has_output("*", {"Export": {"Name": "OrdersBusArn"}})


def test_whole_template_shape(template):
    template.template_matches(
        {
            "Resources": Match.object_like({RULE_ID: {"Type": "AWS::Events::Rule"}}),
            "Outputs": Match.object_equals({"BusArn": Match.any_value()}),
        }
    )


def test_a_wrong_expectation_shows_the_closest_rule(template):
    with pytest.raises(AssertionError) as excinfo:
        template.has_resource_properties("AWS::Events::Rule", {"ScheduleExpression": "rate(1 day)"})
    message = str(excinfo.value)
    assert message.startswith(
        "Template has 2 resources with type AWS::Events::Rule, but none match as expected.\n"
        "The 2 closest matches:\n"
    )
    assert "!!   Expected rate(1 day) but received cron(0 2 * * ? *)" in message
    assert "!!   Missing key 'ScheduleExpression'" in message
