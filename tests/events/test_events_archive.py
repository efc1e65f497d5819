"""`Archive` and `EventBus.archive` (spec §1.10, §8) and the compat golden `archive`."""

from __future__ import annotations

from events_support import assert_same_as_golden, golden_template, synth_template

from cdk_events import Archive, EventBus, EventPattern, Match
from cdk_events.aws import kms
from cdk_events.core import CfnOutput, Duration, Stack


def test_archive_without_retention_or_key_renders_empty_key_and_zero_days(env):
    app = env.app()
    stack = Stack(app, "S")
    bus = EventBus(stack, "Bus")
    Archive(stack, "A", source_event_bus=bus, event_pattern=EventPattern(source=["a"]))
    resource = synth_template(app, stack)["Resources"]["AArchiveF2FC901D"]
    assert resource == {"Type": "AWS::Events::Archive", "Properties": {
        "EventPattern": {"source": ["a"]},
        "KmsKeyIdentifier": "",
        "RetentionDays": 0,
        "SourceArn": {"Fn::GetAtt": ["BusEA82B648", "Arn"]},
    }}


def test_bus_archive_is_a_child_of_the_bus_with_a_default_description(env):
    app = env.app()
    stack = Stack(app, "S")
    bus = EventBus(stack, "B", event_bus_name="orders")
    archive = bus.archive("Arch", event_pattern=EventPattern(source=["a"]), retention=Duration.days(7),
                          archive_name="orders-archive")
    assert archive.node.path == "S/B/Arch"
    props = synth_template(app, stack)["Resources"]["BArchArchive69EFCE46"]["Properties"]
    assert list(props) == ["ArchiveName", "Description", "EventPattern", "KmsKeyIdentifier", "RetentionDays",
                           "SourceArn"]
    assert props["ArchiveName"] == "orders-archive"
    assert props["RetentionDays"] == 7
    assert props["Description"] == {"Fn::Join": ["", ["Event Archive for ", {"Ref": "B08E7C7AF"}, " Event Bus"]]}


def test_bus_archive_ignores_kms_key_like_the_cdk_and_says_so(env):
    """Spec §1.8: `archive()` drops `kmsKey` (aws-cdk#38298): `KmsKeyIdentifier` stays `""`."""
    app = env.app()
    stack = Stack(app, "S")
    bus = EventBus(stack, "B")
    key = kms.Key(stack, "Key")
    bus.archive("Arch", event_pattern=EventPattern(source=["a"]), kms_key=key)
    props = synth_template(app, stack)["Resources"]["BArchArchive69EFCE46"]["Properties"]
    assert props["KmsKeyIdentifier"] == ""
    warnings = [m.data for m in bus.node.metadata if m.type == "aws:cdk:warning"]
    assert len(warnings) == 1 and "kms_key is ignored" in warnings[0]


def test_archive_with_kms_key_adds_two_key_policy_statements(env):
    app = env.app()
    stack = Stack(app, "S")
    bus = EventBus(stack, "Bus")
    key = kms.Key(stack, "Key")
    Archive(stack, "A", source_event_bus=bus, event_pattern=EventPattern(source=["a"]), kms_key=key)
    resources = synth_template(app, stack)["Resources"]
    assert resources["AArchiveF2FC901D"]["Properties"]["KmsKeyIdentifier"] == {"Fn::GetAtt": ["Key961B73FD", "Arn"]}
    sids = [s.get("Sid") for s in resources["Key961B73FD"]["Properties"]["KeyPolicy"]["Statement"]]
    assert "Allow EventBridge to use kms operations" in sids
    assert "Allow EventBridge to call kms:DescribeKey" in sids


def test_archive_attributes(env):
    app = env.app()
    stack = Stack(app, "S")
    archive = Archive(stack, "A", source_event_bus=EventBus(stack, "Bus"), event_pattern=EventPattern(source=["a"]))
    CfnOutput(stack, "Name", value=archive.archive_name)
    CfnOutput(stack, "Arn", value=archive.archive_arn)
    assert synth_template(app, stack)["Outputs"] == {
        "Name": {"Value": {"Ref": "AArchiveF2FC901D"}}, "Arn": {"Value": {"Fn::GetAtt": ["AArchiveF2FC901D", "Arn"]}}}


def test_archive_golden(env):
    app = env.app(golden=True)
    stack = Stack(app, "ArchiveStack")
    bus = EventBus(stack, "bus", event_bus_name="MyCustomEventBus", description="MyCustomEventBus")
    bus.archive("MyArchive", archive_name="MyCustomEventBusArchive", description="MyCustomerEventBus Archive",
                event_pattern=EventPattern(account=[Stack.of(stack).account]), retention=Duration.days(365))
    key = kms.Key(stack, "ArchiveKey")
    bus2 = EventBus(stack, "Bus2")
    Archive(stack, "Standalone", source_event_bus=bus2, kms_key=key, event_pattern=EventPattern(source=["aws.ec2"]),
            retention=Duration.days(7))
    Archive(stack, "NoRetention", source_event_bus=bus2, event_pattern=EventPattern(source=["com.example"]))
    default_bus = EventBus.from_event_bus_name(stack, "DefaultBus", "default")
    default_archive = Archive(stack, "DefaultBusArchive", source_event_bus=default_bus, archive_name="default-archive",
                              event_pattern=EventPattern(detail_type=Match.prefix("Order")))
    CfnOutput(stack, "DefaultArchiveName", value=default_archive.archive_name)
    CfnOutput(stack, "DefaultArchiveArn", value=default_archive.archive_arn)
    assert_same_as_golden(synth_template(app, stack), golden_template("archive", "ArchiveStack"))
