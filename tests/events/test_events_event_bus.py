"""`EventBus`, `EventBusPolicy`, bus grants and imports (spec §1.8, §1.9, §8), account-id checks,
and the compat goldens `event_bus_custom`, `event_bus_imports`, `event_bus_grants`,
`event_bus_grants_object`, `event_bus_resource_policy`, `rule_on_custom_bus`.
"""

from __future__ import annotations

import pytest
from events_support import assert_same_as_golden, golden_error, golden_template, resources_of, synth_template

from cdk_events import EventBus, EventPattern, IncludeDetail, Level, LogConfig, Rule, targets
from cdk_events.aws import iam, kms, lambda_, sqs
from cdk_events.core import CfnOutput, Environment, Stack, ValidationError

REQUIRE_SID = "@aws-cdk/aws-events:requireEventBusPolicySid"


def _fn(stack):
    return lambda_.Function(stack, "Fn", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                            code=lambda_.Code.from_inline("def handler(event, context):\n    return event\n"))


def _warnings(construct):
    return [m.data for m in construct.node.metadata if m.type == "aws:cdk:warning"]


# --- spec §8 / §1.8 ---------------------------------------------------------------------------

def test_default_name_is_the_unique_id_of_the_path(env):
    app = env.app()
    stack = Stack(app, "BusStack")
    bus = EventBus(stack, "Bus")
    Rule(stack, "Rule", event_bus=bus, event_pattern=EventPattern(source=["a"]))
    resources = synth_template(app, stack)["Resources"]
    assert resources["BusEA82B648"] == {"Type": "AWS::Events::EventBus", "Properties": {"Name": "BusStackBusE376C2D9"}}
    assert resources["Rule4C995B7F"]["Properties"]["EventBusName"] == {"Ref": "BusEA82B648"}


def test_rule_on_a_bus_imported_by_arn_uses_its_plain_name(env):
    app = env.app()
    stack = Stack(app, "S")
    bus = EventBus.from_event_bus_arn(stack, "Imported", "arn:aws:events:us-east-1:123456789012:event-bus/foo")
    Rule(stack, "Rule", event_bus=bus, event_pattern=EventPattern(source=["a"]))
    assert synth_template(app, stack)["Resources"]["Rule4C995B7F"]["Properties"]["EventBusName"] == "foo"
    assert (bus.env.account, bus.env.region) == ("123456789012", "us-east-1")


def test_properties_render_in_cfn_order(env):
    app = env.app()
    stack = Stack(app, "S")
    EventBus(stack, "Bus", event_bus_name="b", description="d", dead_letter_queue=sqs.Queue(stack, "Dlq"),
             kms_key=kms.Key(stack, "Key"), log_config=LogConfig(include_detail=IncludeDetail.FULL, level=Level.ERROR))
    props = synth_template(app, stack)["Resources"]["BusEA82B648"]["Properties"]
    assert list(props) == ["DeadLetterConfig", "Description", "KmsKeyIdentifier", "LogConfig", "Name"]
    assert props["LogConfig"] == {"IncludeDetail": "FULL", "Level": "ERROR"}
    assert props["DeadLetterConfig"] == {"Arn": {"Fn::GetAtt": ["DlqD1FAA4AD", "Arn"]}}


def test_partner_bus_is_named_after_its_source(env):
    app = env.app()
    stack = Stack(app, "S")
    EventBus(stack, "Bus", event_source_name="aws.partner/example.com/123/src")
    props = synth_template(app, stack)["Resources"]["BusEA82B648"]["Properties"]
    assert props == {"EventSourceName": "aws.partner/example.com/123/src", "Name": "aws.partner/example.com/123/src"}


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"event_bus_name": "default"}, "'eventBusName' must not be 'default'"),
    ({"event_bus_name": "a/b"}, "'eventBusName' must not contain '/'"),
    ({"event_bus_name": "with space"}, "'eventBusName' must satisfy: /^[\\/\\.\\-_A-Za-z0-9]{1,256}$/"),
    ({"event_bus_name": "x" * 257}, "'eventBusName' must satisfy: /^[\\/\\.\\-_A-Za-z0-9]{1,256}$/"),
    ({"event_bus_name": "n", "event_source_name": "aws.partner/a/b"},
     "'eventBusName' and 'eventSourceName' cannot both be provided"),
    ({"event_source_name": "aws.partner/only-one"},
     "'eventSourceName' must satisfy: /^aws\\.partner(\\/[\\.\\-_A-Za-z0-9]+){2,}$/"),
    ({"event_source_name": "aws.partner/a/" + "b" * 260},
     "'eventSourceName' must satisfy: /^[\\/\\.\\-_A-Za-z0-9]{1,256}$/"),
    ({"description": "d" * 513}, "description must be less than or equal to 512 characters, got 513"),
])
def test_invalid_props_are_rejected_at_construction_with_the_path(env, kwargs, message):
    stack = Stack(env.app(), "ErrStack")
    with pytest.raises(ValidationError) as error:
        EventBus(stack, "Bus", **kwargs)
    assert str(error.value) == f"[ErrStack/Bus] {message}"


def test_default_name_message_is_the_cdks():
    assert "'eventBusName' must not be 'default'" in golden_error("error_bus_name_invalid")


# --- grants -----------------------------------------------------------------------------------

def _policy_statements(template, logical_prefix):
    policies = [r for k, r in resources_of(template, "AWS::IAM::Policy").items() if k.startswith(logical_prefix)]
    return [s for p in policies for s in p["Properties"]["PolicyDocument"]["Statement"]]


def test_grant_put_events_to_a_function(env):
    app = env.app()
    stack = Stack(app, "S")
    fn = _fn(stack)
    bus = EventBus(stack, "Bus", event_bus_name="b")
    bus.grant_put_events_to(fn)
    statements = _policy_statements(synth_template(app, stack), "FnServiceRoleDefaultPolicy")
    assert {"Action": "events:PutEvents", "Effect": "Allow",
            "Resource": {"Fn::GetAtt": ["BusEA82B648", "Arn"]}} in statements


def test_grant_all_put_events_is_on_every_bus(env):
    app = env.app()
    stack = Stack(app, "S")
    role = iam.Role(stack, "Role", assumed_by=iam.ServicePrincipal("ec2.amazonaws.com"))
    EventBus.grant_all_put_events(role)
    statements = _policy_statements(synth_template(app, stack), "RoleDefaultPolicy")
    assert statements == [{"Action": "events:PutEvents", "Effect": "Allow", "Resource": "*"}]


def test_grant_to_a_service_principal_without_the_flag_warns_and_renders_nothing(env):
    app = env.app()
    stack = Stack(app, "S")
    bus = EventBus(stack, "Bus")
    bus.grant_put_events_to(iam.ServicePrincipal("sns.amazonaws.com"), "S1")
    assert _warnings(bus) == [
        "Unable to grant PutEvents to service principal: Statement ID is required for EventBus resource policies. "
        "Either provide a 'sid' parameter or enable the '@aws-cdk/aws-events:requireEventBusPolicySid' feature flag. "
        "[ack: @aws-cdk/aws-events:eventBusServicePrincipalGrant]"]
    assert not resources_of(synth_template(app, stack), "AWS::Events::EventBusPolicy")


def test_grant_to_a_service_principal_without_a_sid_is_rejected_under_the_flag(env):
    stack = Stack(env.app({REQUIRE_SID: True}), "ErrStack")
    bus = EventBus(stack, "Bus")
    with pytest.raises(ValidationError) as error:
        bus.grant_put_events_to(iam.ServicePrincipal("sns.amazonaws.com"))
    assert str(error.value) == "[ErrStack/Bus] Event Bus policy statements must have a sid"
    assert "Event Bus policy statements must have a sid" in golden_error("error_grant_service_principal_without_sid")


def test_add_to_resource_policy_makes_one_event_bus_policy_per_statement(env):
    app = env.app()
    stack = Stack(app, "S")
    bus = EventBus(stack, "B")
    bus.add_to_resource_policy(iam.PolicyStatement(sid="S1", actions=["events:PutEvents"], resources=["*"],
                                                   principals=[iam.AccountPrincipal("222222222222")]))
    resource = synth_template(app, stack)["Resources"]["BcdkS17D782A04"]
    assert resource["Type"] == "AWS::Events::EventBusPolicy"
    props = resource["Properties"]
    assert props["EventBusName"] == {"Ref": "B08E7C7AF"}
    assert props["StatementId"] == "cdk-S1"
    assert props["Statement"]["Sid"] == "cdk-S1"
    assert props["Statement"]["Action"] == "events:PutEvents"


def test_add_to_resource_policy_needs_a_sid(env):
    stack = Stack(env.app(), "S")
    bus = EventBus(stack, "Bus")
    with pytest.raises(ValidationError, match=r"^\[S/Bus\] Event Bus policy statements must have a sid$"):
        bus.add_to_resource_policy(iam.PolicyStatement(actions=["events:PutEvents"], resources=["*"],
                                                       principals=[iam.AccountPrincipal("222222222222")]))


def test_statement_id_is_truncated_to_64_characters(env):
    stack = Stack(env.app(), "S")
    bus = EventBus(stack, "Bus")
    statement = iam.PolicyStatement(sid="x" * 80, actions=["events:PutEvents"], resources=["*"],
                                    principals=[iam.AccountPrincipal("222222222222")])
    bus.add_to_resource_policy(statement)
    assert statement.sid == ("cdk-" + "x" * 80)[:64]


def test_imported_bus_resource_policy_is_a_no_op_with_a_warning(env):
    stack = Stack(env.app(), "S")
    arn = "arn:aws:events:us-east-1:123456789012:event-bus/foo"
    bus = EventBus.from_event_bus_arn(stack, "Imported", arn)
    result = bus.add_to_resource_policy(iam.PolicyStatement(sid="S", actions=["events:PutEvents"], resources=["*"],
                                                            principals=[iam.AccountPrincipal("222222222222")]))
    assert result.statement_added is False
    assert _warnings(bus) == [f"Unable to add necessary permissions to imported target event bus: {arn} "
                              "[ack: @aws-cdk/aws-events:eventBusAddToResourcePolicy]"]


# --- account ids (our addition) -------------------------------------------------------------------

def test_imported_bus_with_an_11_digit_account_is_rejected(env):
    stack = Stack(env.app(), "S")
    with pytest.raises(ValidationError) as error:
        EventBus.from_event_bus_arn(stack, "ImportedEventBus", "arn:aws:events:us-east-1:11111111111:event-bus/b")
    message = str(error.value)
    assert message.startswith("[S/ImportedEventBus] ")
    assert "arn:aws:events:us-east-1:11111111111:event-bus/b" in message and "12 digits" in message


def test_the_readme_9_digit_account_is_rejected_as_the_cdk_rejects_it(env):
    stack = Stack(env.app(), "GrantReadmeStack")
    with pytest.raises(ValidationError, match=r"'111111111'.*12 digits"):
        EventBus.from_event_bus_arn(stack, "ImportedEventBus",
                                    "arn:aws:events:us-east-1:111111111:event-bus/my-event-bus")
    assert "E3510" in golden_error("error_grant_readme_account_id")


def test_stack_with_an_11_digit_account_is_rejected(env):
    with pytest.raises(ValidationError) as error:
        Stack(env.app(), "S", env=Environment(account="11111111111", region="us-east-1"))
    assert str(error.value).startswith("[S] env.account '11111111111' is not an AWS account id")
    assert "12 digits" in str(error.value)


def test_account_id_validation_can_be_turned_off(env):
    app = env.app({"@cdk-events/core:validateAccountIds": False})
    stack = Stack(app, "S", env=Environment(account="11111111111", region="us-east-1"))
    bus = EventBus.from_event_bus_arn(stack, "Imported", "arn:aws:events:us-east-1:111111111:event-bus/b")
    assert bus.env.account == "111111111"
    assert stack.account == "11111111111"


# --- compat goldens ---------------------------------------------------------------------------

def test_event_bus_custom_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "BusStack")
    default_props = EventBus(stack, "DefaultPropsBus")
    named = EventBus(stack, "NamedBus", event_bus_name="MyCustomEventBus", description="MyCustomEventBus")
    key = kms.Key(stack, "Key")
    EventBus(stack, "KmsBus", event_bus_name="kms-bus", kms_key=key)
    dlq = sqs.Queue(stack, "DLQ")
    EventBus(stack, "DlqBus", dead_letter_queue=dlq)
    EventBus(stack, "LoggingBus", log_config=LogConfig(include_detail=IncludeDetail.FULL, level=Level.TRACE))
    EventBus(stack, "PartnerBus", event_source_name="aws.partner/example.com/123/my-source")
    CfnOutput(stack, "DefaultBusName", value=default_props.event_bus_name)
    CfnOutput(stack, "NamedBusArn", value=named.event_bus_arn)
    assert_same_as_golden(synth_template(app, stack), golden_template("event_bus_custom", "BusStack"))


def test_event_bus_imports_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "ImportStack")
    by_arn = EventBus.from_event_bus_arn(stack, "ByArn", "arn:aws:events:us-east-1:111111111111:event-bus/my-event-bus")
    by_name = EventBus.from_event_bus_name(stack, "ByName", "my-named-bus")
    by_attrs = EventBus.from_event_bus_attributes(
        stack, "ByAttrs", event_bus_arn="arn:aws:events:us-east-1:111111111111:event-bus/attr-bus",
        event_bus_name="attr-bus", event_bus_policy='{"Version":"2012-10-17","Statement":[]}',
        event_source_name="aws.partner/example.com/attr")
    for i, bus in enumerate([by_arn, by_name, by_attrs]):
        Rule(stack, f"RuleOnBus{i}", event_bus=bus, event_pattern=EventPattern(source=["com.example"]))
        CfnOutput(stack, f"Bus{i}Name", value=bus.event_bus_name)
        CfnOutput(stack, f"Bus{i}Arn", value=bus.event_bus_arn)
    assert_same_as_golden(synth_template(app, stack), golden_template("event_bus_imports", "ImportStack"))


def test_event_bus_grants_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "GrantStack")
    fn = _fn(stack)
    bus = EventBus(stack, "Bus", event_bus_name="granted-bus")
    bus.grant_put_events_to(fn)
    imported = EventBus.from_event_bus_arn(stack, "ImportedEventBus",
                                           "arn:aws:events:us-east-1:111111111111:event-bus/my-event-bus")
    imported.grant_put_events_to(fn)
    role = iam.Role(stack, "PublisherRole", assumed_by=iam.ServicePrincipal("ec2.amazonaws.com"))
    EventBus.grant_all_put_events(role)
    assert_same_as_golden(synth_template(app, stack), golden_template("event_bus_grants", "GrantStack"))


def test_event_bus_grants_object_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "BusGrantsStack")
    bus = EventBus(stack, "Bus", event_bus_name="orders-bus")
    role = iam.Role(stack, "Publisher", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"), managed_policies=[
        iam.ManagedPolicy.from_aws_managed_policy_name("service-role/AWSLambdaBasicExecutionRole")])
    bus.grants.all_put_events(role)
    bus.grants.actions(role, ["events:DescribeEventBus", "events:ListRules"])
    bus.grants.actions(role, ["events:DescribeRule"],
                       resource_arns=["arn:aws:events:us-east-1:123456789012:rule/orders-bus/*"])
    fn = _fn(stack)
    EventBus.grant_all_put_events(fn)
    bus.grant_put_events_to(fn)
    assert_same_as_golden(synth_template(app, stack), golden_template("event_bus_grants_object", "BusGrantsStack"))


def test_event_bus_resource_policy_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "BusPolicyStack")
    bus = EventBus(stack, "Bus", event_bus_name="policy-bus")
    bus.grant_put_events_to(iam.ServicePrincipal("sns.amazonaws.com"), "AllowSns")
    bus.grant_put_events_to(iam.AccountPrincipal("222222222222"), "AllowAccount2")
    bus.add_to_resource_policy(iam.PolicyStatement(
        sid="AllowAccount3", actions=["events:PutEvents"], resources=[bus.event_bus_arn],
        principals=[iam.AccountPrincipal("333333333333")]))
    bus.add_to_resource_policy(iam.PolicyStatement(
        sid="AllowOrg", actions=["events:PutEvents"], resources=[bus.event_bus_arn],
        principals=[iam.AnyPrincipal()], conditions={"StringEquals": {"aws:PrincipalOrgID": "o-1234567890"}}))
    assert_same_as_golden(synth_template(app, stack), golden_template("event_bus_resource_policy", "BusPolicyStack"))


def test_rule_on_custom_bus_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "CustomBusRuleStack")
    bus = EventBus(stack, "Bus", event_bus_name="orders")
    queue = sqs.Queue(stack, "Queue")
    Rule(stack, "OnCustomBus", event_bus=bus, event_pattern=EventPattern(source=["com.example.orders"]),
         targets=[targets.SqsQueue(queue)])
    imported = EventBus.from_event_bus_name(stack, "Imported", "imported-bus")
    Rule(stack, "OnImportedBus", event_bus=imported, event_pattern=EventPattern(source=["com.example.other"]),
         targets=[targets.SqsQueue(queue)])
    Rule(stack, "OnDefaultBus", event_pattern=EventPattern(source=["aws.ec2"]), targets=[targets.SqsQueue(queue)])
    assert_same_as_golden(synth_template(app, stack), golden_template("rule_on_custom_bus", "CustomBusRuleStack"))
