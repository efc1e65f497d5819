"""The bind boundary: `RuleTargetConfig` typed as in the CDK, and `Rule.add_target` rendering each entry
through `CfnRule.TargetProperty` (issue #10)."""

from __future__ import annotations

from typing import Any

import pytest

import cdk_events as events
from cdk_events import core as cdk
from cdk_events import targets
from cdk_events._cfn_generated import CfnRule
from cdk_events._rule import _render_target
from cdk_events.assertions import Template
from cdk_events.aws import iam, sqs
from cdk_events.core import ValidationError

ARN = "arn:aws:sqs:us-east-1:123456789012:q"


class _Custom:
    """A target written by a user, returning parameter blocks as property types or as dicts."""

    def __init__(self, **config: Any):
        self.config = config

    def bind(self, rule: events.IRule, id: str | None = None) -> events.RuleTargetConfig:
        return events.RuleTargetConfig(arn=ARN, **self.config)


def _targets(*targets_: Any) -> list[dict[str, Any]]:
    stack = cdk.Stack(cdk.App(), "S")
    events.Rule(stack, "R", schedule=events.Schedule.rate(cdk.Duration.hours(1)), targets=list(targets_))
    rule = next(iter(Template.from_stack(stack).find_resources("AWS::Events::Rule").values()))
    return list(rule["Properties"]["Targets"])


def test_entries_are_target_properties_rendered_as_to_cfn_renders_them() -> None:
    full = CfnRule.TargetProperty(
        app_sync_parameters={"GraphQLOperation": "q"}, arn="a", batch_parameters={"JobDefinition": "d"},
        dead_letter_config=CfnRule.DeadLetterConfigProperty(arn="dlq"), ecs_parameters={"TaskDefinitionArn": "t"},
        http_parameters={"PathParameterValues": ["p"]}, id="i", input="{}", input_path="$.x",
        input_transformer={"InputTemplate": "<x>"}, kinesis_parameters={"PartitionKeyPath": "$.k"},
        redshift_data_parameters={"Database": "db"}, retry_policy={"MaximumRetryAttempts": 1}, role_arn="r",
        run_command_parameters={"RunCommandTargets": []},
        sage_maker_pipeline_parameters={"PipelineParameterList": []}, sqs_parameters={"MessageGroupId": "g"})
    rendered = _render_target(full)
    assert rendered == full._to_cfn()
    assert list(rendered) == list(full._to_cfn())
    assert list(_render_target(CfnRule.TargetProperty(arn="a", id="b"))) == ["Arn", "Id"]


@pytest.mark.parametrize("field", sorted(CfnRule.TargetProperty._CFN_NAMES))
def test_every_field_of_the_property_type_is_rendered(field: str) -> None:
    """Each field of the generated `TargetProperty` (a new one included) renders as `_to_cfn` renders it."""
    struct = CfnRule.TargetProperty.__init__.__annotations__[field].startswith("CfnRule.")
    entry = CfnRule.TargetProperty(**{field: {} if struct else "value"})
    assert _render_target(entry) == entry._to_cfn() == {CfnRule.TargetProperty._CFN_NAMES[field]: {} if struct
                                                        else "value"}


def test_add_target_keeps_a_target_property() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    rule = events.Rule(stack, "R", schedule=events.Schedule.rate(cdk.Duration.hours(1)),
                       targets=[targets.SqsQueue(sqs.Queue(stack, "Q"), retry_attempts=2)])
    [entry] = rule._targets
    assert type(entry) is CfnRule.TargetProperty
    assert entry.id == "Target0" and entry.retry_policy == CfnRule.RetryPolicyProperty(maximum_retry_attempts=2)
    with pytest.raises(AttributeError, match="immutable"):
        entry.arn = "x"  # type: ignore[misc]


def test_parameter_blocks_as_property_types_or_dicts_render_the_same() -> None:
    typed = _Custom(sqs_parameters=CfnRule.SqsParametersProperty(message_group_id="g"),
                    retry_policy=CfnRule.RetryPolicyProperty(maximum_retry_attempts=3, maximum_event_age_in_seconds=60))
    plain = _Custom(sqs_parameters={"MessageGroupId": "g"},
                    retry_policy={"MaximumRetryAttempts": 3, "MaximumEventAgeInSeconds": 60})
    expected = {"Arn": ARN, "Id": "Target0", "RetryPolicy": {"MaximumEventAgeInSeconds": 60, "MaximumRetryAttempts": 3},
                "SqsParameters": {"MessageGroupId": "g"}}
    for target in (typed, plain):
        assert _targets(target) == [expected]


def test_a_role_in_the_config_becomes_role_arn() -> None:
    stack = cdk.Stack(cdk.App(), "S")
    role = iam.Role.from_role_arn(stack, "Role", "arn:aws:iam::123456789012:role/r")
    events.Rule(stack, "R", schedule=events.Schedule.rate(cdk.Duration.hours(1)), targets=[_Custom(role=role)])
    rule = next(iter(Template.from_stack(stack).find_resources("AWS::Events::Rule").values()))
    assert rule["Properties"]["Targets"] == [{"Arn": ARN, "Id": "Target0",
                                              "RoleArn": "arn:aws:iam::123456789012:role/r"}]


def test_a_dict_block_with_a_wrong_key_is_a_validation_error() -> None:
    """Named with the rule's path when the rule renders it (or, where `RuleTargetConfig` checks its fields
    against their annotations, when the target makes its config)."""
    with pytest.raises(ValidationError, match=r"GroupId"):
        _targets(_Custom(sqs_parameters={"GroupId": "g"}))
