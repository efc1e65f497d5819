"""`cdk_events.local.Simulator`: rules of any cloud assembly or template, run locally."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from cdk_events.assertions import Template
from cdk_events.local import (
    AssemblyError,
    InvalidInputError,
    InvalidScheduleError,
    LocalEngineError,
    Simulator,
    UndecidableRuleError,
)

SHOP, WAREHOUSE = "aws://111111111111/us-east-1", "aws://222222222222/eu-west-1"
EVENT: dict[str, Any] = {
    "version": "0", "id": "e-1", "detail-type": "OrderPlaced", "source": "shop", "account": "111111111111",
    "time": "2024-05-01T12:00:00Z", "region": "us-east-1", "resources": [], "detail": {"id": "o-1", "size": 3},
}


def _rule(pattern: Any = None, targets: list[Any] | None = None, **props: Any) -> dict[str, Any]:
    properties: dict[str, Any] = {"State": "ENABLED", "Targets": targets or [], **props}
    if pattern is not None:
        properties["EventPattern"] = pattern
    return {"Type": "AWS::Events::Rule", "Properties": properties}


def _target(arn: Any, target_id: str = "Target0", **extra: Any) -> dict[str, Any]:
    return {"Arn": arn, "Id": target_id, **extra}


def _assembly(folder: Path, stacks: dict[str, tuple[str, dict[str, Any]]]) -> Path:
    """A minimal cloud assembly: one stack artifact (environment, template) per name."""
    folder.mkdir(parents=True, exist_ok=True)
    artifacts: dict[str, Any] = {}
    for name, (env, resources) in stacks.items():
        (folder / f"{name}.template.json").write_text(json.dumps({"Resources": resources}))
        artifacts[name] = {"type": "aws:cloudformation:stack", "environment": env,
                           "properties": {"templateFile": f"{name}.template.json"}}
    (folder / "manifest.json").write_text(json.dumps({"version": "36.0.0", "artifacts": artifacts}))
    return folder


# --- forwarding between buses --------------------------------------------------------------------------

def test_a_target_on_another_accounts_default_bus_delivers_to_the_rules_there(tmp_path: Path) -> None:
    other_bus = {"Fn::Join": ["", [
        "arn:", {"Ref": "AWS::Partition"}, ":events:eu-west-1:222222222222:event-bus/default"]]}
    sim = Simulator.from_assembly(_assembly(tmp_path, {
        "Shop": (SHOP, {"Fwd": _rule({"source": ["shop"]}, [_target(other_bus)])}),
        "Warehouse": (WAREHOUSE, {
            "Pick": _rule({"detail-type": ["OrderPlaced"]}, [_target({"Fn::GetAtt": ["Q", "Arn"]},
                                                                       InputPath="$.detail.id")]),
            "Other": _rule({"source": ["nobody"]}, [_target("arn:aws:sqs:eu-west-1:222222222222:x")]),
        }),
    }))
    hop, pick = sim.send(EVENT)
    assert (hop.stack, hop.target_arn, hop.input_json) == (
        "Shop", "arn:${AWS::Partition}:events:eu-west-1:222222222222:event-bus/default", EVENT)
    assert (pick.stack, pick.rule, pick.target_arn, pick.input, pick.via) == (
        "Warehouse", "Pick", "${Q.Arn}", '"o-1"', ("Shop/Fwd",))
    # an environment that no stack is in: the target only receives the event
    alone = Simulator.from_assembly(_assembly(tmp_path / "alone", {"Shop": (SHOP, {"Fwd": _rule(
        {"source": ["shop"]}, [_target("arn:aws:events:ap-south-1:333333333333:event-bus/default")])})}))
    assert [d.rule for d in alone.send(EVENT)] == ["Fwd"]


def test_a_bus_target_in_the_same_template_forwards_and_loops_stop() -> None:
    template = {"Resources": {
        "Bus": {"Type": "AWS::EventBus", "Properties": {}},
        "Audit": {"Type": "AWS::Events::EventBus", "Properties": {"Name": "audit"}},
        "ToAudit": _rule({"source": ["shop"]}, [_target({"Fn::GetAtt": ["Audit", "Arn"]})]),
        "Back": _rule({"source": ["shop"]}, [_target({"Fn::Sub": "arn:${AWS::Partition}:events:${AWS::Region}:"
                                                                "${AWS::AccountId}:event-bus/default"})],
                      EventBusName={"Ref": "Audit"}),
        "Keep": _rule({"source": ["shop"]}, [_target("arn:aws:sqs:us-east-1:111111111111:keep")],
                      EventBusName="audit"),
    }}
    sim = Simulator.from_template(template, env=SHOP, name="S")
    deliveries = sim.send(EVENT)
    assert [(d.rule, d.bus, d.via) for d in deliveries] == [
        ("ToAudit", "default", ()), ("Back", "audit", ("S/ToAudit",)), ("Keep", "audit", ("S/ToAudit",))]
    assert deliveries[0].target_arn == "arn:${AWS::Partition}:events:us-east-1:111111111111:event-bus/audit"
    assert sim.send(EVENT, bus="audit").rules == ["S/Back", "S/ToAudit", "S/Keep"]


# --- placeholders and set --------------------------------------------------------------------------------

def test_deploy_time_values_in_targets_are_readable_placeholders() -> None:
    template = {"Resources": {"R": _rule({"source": ["shop"]}, [
        _target({"Fn::GetAtt": ["Queue4A7E3555", "Arn"]}),
        _target({"Fn::Join": [":", ["arn", {"Ref": "AWS::Partition"}, "lambda", {"Ref": "AWS::Region"},
                                    {"Ref": "AWS::AccountId"}, "function", {"Ref": "Fn"}]]}, "T1"),
        _target({"Fn::ImportValue": "SharedTopic"}, "T2"),
        _target({"Fn::Sub": ["${Base}/x", {"Base": {"Fn::GetAtt": "Api.Arn"}}]}, "T3",
                Input={"Fn::Sub": '{"region": "${AWS::Region}"}'}),
    ])}}
    deliveries = Simulator.from_template(template).send(EVENT)
    assert [d.target_arn for d in deliveries] == [
        "${Queue4A7E3555.Arn}", "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${Fn}",
        "${ImportValue:SharedTopic}", "${Api.Arn}/x"]
    assert deliveries[3].input == '{"region": "${AWS::Region}"}'
    assert (deliveries[0].rule_name, deliveries[0].rule_path) == ("${R}", None)
    # a stack's environment fills in account and region; set fills in the rest
    sim = Simulator.from_template(template, env=SHOP, set={"AWS::Partition": "aws", "Fn": "f", "Api.Arn": "arn:a"})
    assert [d.target_arn for d in sim.send(EVENT)][1:4:2] == [
        "arn:aws:lambda:us-east-1:111111111111:function:f", "arn:a/x"]


def test_the_rule_name_and_arn_reach_the_input_transformer() -> None:
    transformer = {"InputPathsMap": {"id": "$.detail.id"},
                   "InputTemplate": '{"id": <id>, "rule": <aws.events.rule-name>, "arn": <aws.events.rule-arn>}'}
    template = {"Resources": {
        "Named": _rule({"source": ["shop"]}, [_target("arn:q", InputTransformer=transformer)], Name="orders",
                       EventBusName="shop-bus"),
        "Generated": _rule({"source": ["shop"]}, [_target("arn:q", InputTransformer=transformer)]),
    }}
    sim = Simulator.from_template(template, env=SHOP)
    (named,) = sim.send(EVENT, bus="shop-bus")
    assert named.input_json == {"id": "o-1", "rule": "orders",
                                "arn": "arn:${AWS::Partition}:events:us-east-1:111111111111:rule/shop-bus/orders"}
    (generated,) = sim.send(EVENT)
    assert generated.input_json == {"id": "o-1", "rule": "${Generated}", "arn": "${Generated.Arn}"}


def test_set_values_decide_patterns_and_may_be_any_json() -> None:
    template = {"Resources": {"R": _rule(
        {"detail": {"size": [{"Ref": "Size"}], "id": [{"Fn::GetAtt": ["Table", "Name"]}]}}, [_target("arn:q")])}}
    assert Simulator.from_template(template, set={"Size": 3, "Table.Name": "o-1"}).send(EVENT).rules == ["Template/R"]
    assert Simulator.from_template(template, set={"Size": 4, "Table.Name": "o-1"}).send(EVENT) == []


# --- undecidable patterns --------------------------------------------------------------------------------

@pytest.mark.parametrize(("pattern", "verdict"), [
    ({"source": ["elsewhere"], "detail": {"id": [{"Ref": "X"}]}}, False),       # another field rules it out
    ({"detail": {"id": ["o-1", {"Ref": "X"}]}}, True),                          # another value matches
    ({"detail": {"id": [{"prefix": "o-"}, {"prefix": {"Ref": "X"}}]}}, True),
    ({"detail": {"id": [{"Ref": "X"}]}}, None),
    ({"detail": {"id": [{"anything-but": [{"Ref": "X"}]}]}}, None),             # may exclude it: undecidable
    ({"detail": {"size": [{"numeric": [">", {"Ref": "X"}]}]}}, None),
    ({"$or": [{"source": ["shop"]}, {"detail": {"id": [{"Ref": "X"}]}}]}, True),
    ({"$or": [{"source": ["no"]}, {"detail": {"id": [{"Ref": "X"}]}}]}, None),
    ({"source": [{"Fn::Join": ["", ["sh", {"Ref": "X"}]]}]}, None),
])
def test_a_pattern_with_unset_values_is_decided_only_when_they_do_not_matter(pattern: Any, verdict: Any) -> None:
    sim = Simulator.from_template({"Resources": {"R": _rule(pattern, [_target("arn:q")])}})
    if verdict is None:
        with pytest.raises(UndecidableRuleError, match=r"Template/R \(set X\)") as error:
            sim.send(EVENT)
        assert [(u.rule, u.keys) for u in error.value.rules] == [("R", ("X",))]
        lenient = sim.send(EVENT, strict=False)
        assert lenient == [] and [u.rule for u in lenient.undecidable] == ["R"]
        assert lenient.to_json()["undecidable"] == [{"stack": "Template", "rule": "R", "rulePath": None, "set": ["X"]}]
    else:
        assert bool(sim.send(EVENT)) is verdict


# --- schedules ------------------------------------------------------------------------------------------

def test_scheduled_between_lists_firings_by_time_with_what_targets_receive() -> None:
    template = {"Resources": {
        "Hourly": _rule(None, [_target("arn:q", Input='{"a":1}')], ScheduleExpression="rate(6 hours)"),
        "Daily": _rule(None, [_target({"Fn::GetAtt": ["F", "Arn"]})], ScheduleExpression="cron(0 6 * * ? *)",
                       Name="daily"),
        "Off": {"Type": "AWS::Events::Rule",
                "Properties": {"State": "DISABLED", "ScheduleExpression": "rate(1 minute)"}},
        "Pattern": _rule({"source": ["shop"]}, [_target("arn:q")]),
    }}
    sim = Simulator.from_template(template, env=SHOP)
    firings = sim.scheduled_between(datetime(2024, 5, 1), datetime(2024, 5, 1, 18, tzinfo=UTC))
    assert [(f.rule, f.time.hour) for f in firings] == [("Hourly", 6), ("Daily", 6), ("Hourly", 12)]
    assert firings[0].deliveries[0].input == '{"a":1}'
    scheduled = firings[1].deliveries[0].input_json
    assert scheduled["detail-type"] == "Scheduled Event" and scheduled["source"] == "aws.events"
    assert scheduled["resources"] == ["arn:${AWS::Partition}:events:us-east-1:111111111111:rule/daily"]
    assert (scheduled["time"], scheduled["account"], scheduled["detail"]) == (
        "2024-05-01T06:00:00Z", "111111111111", {})
    assert firings[1].to_json()["time"] == "2024-05-01T06:00:00Z"
    # the start is included for cron, the end excluded
    assert [f.rule for f in sim.scheduled_between(datetime(2024, 5, 1, 6), datetime(2024, 5, 1, 6, 1))] == ["Daily"]
    with pytest.raises(LocalEngineError, match="more than 10 scheduled firings"):
        sim.scheduled_between(datetime(2024, 5, 1), datetime(2024, 5, 10), limit=10)


def test_scheduled_between_refuses_unset_and_invalid_expressions() -> None:
    unset = {"Resources": {"R": _rule(None, [], ScheduleExpression={"Ref": "Every"})}}
    with pytest.raises(UndecidableRuleError, match=r"\(set Every\)"):
        Simulator.from_template(unset).scheduled_between(datetime(2024, 1, 1), datetime(2024, 1, 2))
    assert len(Simulator.from_template(unset, set={"Every": "rate(1 hour)"}).scheduled_between(
        datetime(2024, 1, 1), datetime(2024, 1, 2))) == 23
    bad = {"Resources": {"R": _rule(None, [], ScheduleExpression="cron(0 0 32 * ? *)")}}
    with pytest.raises(InvalidScheduleError):
        Simulator.from_template(bad).scheduled_between(datetime(2024, 1, 1), datetime(2024, 1, 2))


# --- inputs, events, buses ------------------------------------------------------------------------------

def test_a_partial_event_is_completed_like_put_events_in_aws_order() -> None:
    sim = Simulator.from_template({"Resources": {"R": _rule({"source": ["shop"]}, [_target("arn:q")])}}, env=SHOP)
    (delivery,) = sim.send('{"detail": {"x": 1}, "source": "shop", "detail-type": "D"}')
    body = delivery.input_json
    assert list(body) == ["version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail"]
    assert (body["account"], body["region"], body["resources"]) == ("111111111111", "us-east-1", [])


def test_bad_inputs_name_the_rule() -> None:
    template = {"Resources": {"R": _rule({"source": ["shop"]}, [_target("arn:q", Input="{not json")])}}
    with pytest.raises(InvalidInputError, match=r"^Template/R: Input for target Target0 is not valid JSON"):
        Simulator.from_template(template).send(EVENT)


def test_environment_and_bus_mistakes_are_errors(tmp_path: Path) -> None:
    sim = Simulator.from_assembly(_assembly(tmp_path, {
        "A": (SHOP, {"R": _rule({"source": ["shop"]})}), "B": (WAREHOUSE, {"R": _rule({"source": ["shop"]})})}))
    partial = {k: v for k, v in EVENT.items() if k not in ("account", "region")}
    with pytest.raises(LocalEngineError, match="the stacks are in 2 environments"):
        sim.send(partial)
    assert sim.send(partial, env=WAREHOUSE) == []   # rules without targets fire, deliver nothing
    with pytest.raises(LocalEngineError, match="no stack is in account 999999999999"):
        sim.send(dict(EVENT, account="999999999999"))
    with pytest.raises(LocalEngineError, match="no bus 'nope' in aws://111111111111/us-east-1: the buses there are"):
        sim.send(EVENT, bus="nope")


# --- sources and errors ---------------------------------------------------------------------------------

def test_templates_come_as_dicts_text_files_yaml_and_template_objects(tmp_path: Path) -> None:
    template = {"Resources": {"R": _rule({"source": ["shop"]}, [_target({"Fn::GetAtt": ["Q", "Arn"]})])}}
    (tmp_path / "app.template.json").write_text(json.dumps(template))
    (tmp_path / "app.yaml").write_text(
        "AWSTemplateFormatVersion: 2010-09-09\nResources:\n  R:\n    Type: AWS::Events::Rule\n    Properties:\n"
        "      EventPattern: {source: [shop]}\n      Targets:\n        - Arn: !GetAtt Q.Arn\n          Id: Target0\n")
    for source in (template, json.dumps(template), tmp_path / "app.template.json", str(tmp_path / "app.yaml"),
                   Template.from_json(template)):
        (delivery,) = Simulator.from_template(source).send(EVENT)
        assert delivery.target_arn == "${Q.Arn}", source
    assert Simulator.from_template(tmp_path / "app.template.json").send(EVENT)[0].stack == "app"
    assert Simulator.load(tmp_path / "app.yaml").rules == ["app/R"]


def test_yaml_needs_pyyaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cdk_events.local import _assembly_model

    monkeypatch.setattr(_assembly_model, "_yaml_loader", lambda: None)
    (tmp_path / "t.yaml").write_text("Resources: {}\n")
    with pytest.raises(AssemblyError, match="is not JSON, and YAML templates need PyYAML"):
        Simulator.from_template(tmp_path / "t.yaml")


def test_what_cannot_be_read_raises_assembly_errors(tmp_path: Path) -> None:
    (tmp_path / "list.json").write_text("[1, 2]")
    (tmp_path / "broken.json").write_text('{"Resources": ')
    (tmp_path / "empty").mkdir()
    cases = [
        (lambda: Simulator.from_assembly(tmp_path / "missing"), "cloud assembly folder .* does not exist"),
        (lambda: Simulator.from_assembly(tmp_path / "list.json"), "is a file, not a cloud assembly folder"),
        (lambda: Simulator.from_assembly(tmp_path / "empty"), "is not a cloud assembly: it has no manifest.json"),
        (lambda: Simulator.from_template(tmp_path / "list.json"), "not a CloudFormation template: it has a JSON list"),
        (lambda: Simulator.from_template({"Outputs": {}}), "is not a CloudFormation template: it has no Resources"),
        (lambda: Simulator.from_template(tmp_path / "broken.json"), "is not valid JSON"),
        (lambda: Simulator.from_template(tmp_path / "nope.json"), "template file .* does not exist"),
        (lambda: Simulator.from_template(tmp_path / "empty"), "is a folder, not a template file"),
        (lambda: Simulator.from_template(42), "expected a template"),
        (lambda: Simulator.from_template({"Resources": {}}, env="111/us-east-1"), "is not of the form aws://"),
    ]
    for make, message in cases:
        with pytest.raises(AssemblyError, match=message):
            make()
    assert issubclass(AssemblyError, LocalEngineError) and issubclass(AssemblyError, ValueError)
    _assembly(tmp_path / "bad", {"S": (SHOP, {})})
    (tmp_path / "bad" / "S.template.json").write_text('"text"')
    with pytest.raises(AssemblyError, match=r"S\.template\.json' is not a CloudFormation template"):
        Simulator.from_assembly(tmp_path / "bad")


def test_nested_assemblies_and_cdk_events_apps(tmp_path: Path) -> None:
    from cdk_events import EventPattern, Rule
    from cdk_events.aws import sqs
    from cdk_events.core import App, Stack
    from cdk_events.targets import SqsQueue

    inner = _assembly(tmp_path / "outer" / "assembly-Prod", {"Prod-S": (SHOP, {"R": _rule({"source": ["shop"]})})})
    (tmp_path / "outer" / "manifest.json").write_text(json.dumps({"version": "36.0.0", "artifacts": {
        "assembly-Prod": {"type": "cdk:cloud-assembly", "properties": {"directoryName": inner.name}}}}))
    assert Simulator.from_assembly(tmp_path / "outer").rules == ["Prod-S/R"]

    app = App(outdir=str(tmp_path / "cdk.out"), context={"aws:cdk:enable-path-metadata": True})
    stack = Stack(app, "S")
    Rule(stack, "OnShop", event_pattern=EventPattern(source=["shop"]), targets=[SqsQueue(sqs.Queue(stack, "Q"))])
    (delivery,) = Simulator.from_app(app).send(EVENT)
    assert delivery.rule_path == "S/OnShop" and delivery.target_arn.startswith("${Q")


def test_events_patterns_and_templates_at_the_edges() -> None:
    from cdk_events.local import InvalidEventError, InvalidEventPatternError

    assert Simulator.from_template({"Resources": {}}).send(EVENT) == []
    text_pattern = {"Resources": {"R": _rule('{"source": ["shop"]}', [_target({"Fn::Sub": "${AWS::StackName}-q"})])}}
    (delivery,) = Simulator.from_template(text_pattern, name="Orders").send(EVENT)
    assert delivery.target_arn == "Orders-q"
    with pytest.raises(InvalidEventError, match="Parameter Event is not valid"):
        Simulator.from_template(text_pattern).send({"detail-type": "D", "detail": {}})
    bad = {"Resources": {"R": _rule({"source": [{"prefix": 1}]})}}
    with pytest.raises(InvalidEventPatternError, match=r"^Template/R: Event pattern is not valid\. Reason: prefix"):
        Simulator.from_template(bad).send(EVENT)
    bus = {"Resources": {"R": _rule({"source": ["shop"]}, [_target("arn:q")], EventBusName="orders")}}
    arn = "arn:aws:events:us-east-1:111111111111:event-bus/orders"
    assert Simulator.from_template(bus, env=SHOP).send(EVENT, bus=arn).rules == ["Template/R"]


def test_an_environment_agnostic_stack_shares_the_bus_of_the_events_environment(tmp_path: Path) -> None:
    sim = Simulator.from_assembly(_assembly(tmp_path, {
        "Pinned": (SHOP, {"R": _rule({"source": ["shop"]}, [_target("arn:pinned")])}),
        "Anywhere": ("aws://unknown-account/unknown-region", {"R": _rule({"source": ["shop"]}, [_target("arn:any")])}),
    }))
    assert [d.target_arn for d in sim.send(EVENT)] == ["arn:pinned", "arn:any"]
    assert [d.target_arn for d in sim.send(dict(EVENT, account="999999999999"))] == ["arn:any"]


def test_a_pattern_field_named_ref_is_not_a_deploy_time_value() -> None:
    template = {"Resources": {"R": _rule({"detail": {"Ref": ["x"]}}, [_target("arn:q")])}}
    assert Simulator.from_template(template).send(dict(EVENT, detail={"Ref": "x"})).rules == ["Template/R"]
