"""Cross-stack references: strong (exports) by default, weak (`Fn::GetStackOutput`) with the flag.

Weak-mode expectations are the `cross_stack_ref` golden byte for byte; strong-mode ones are spec §8.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from core_support import golden_json, golden_text

from cdk_events.core import App, CfnResource, Construct, CycleError, Environment, Stack

WEAK = {"@aws-cdk/core:defaultCrossStackReferences": "weak", "aws:cdk:enable-path-metadata": True}


def bus(stack: Stack, name: str) -> CfnResource:
    return CfnResource(
        Construct(stack, "Bus"), "Resource", type="AWS::Events::EventBus", properties={"Name": name}
    )


def consumer(stack: Stack, id: str, value: Any) -> CfnResource:
    return CfnResource(stack, id, type="AWS::Test::Consumer", properties={"Value": value})


def read(outdir: Path, name: str) -> str:
    return (outdir / name).read_text(encoding="utf-8")


def test_weak_references_reproduce_the_cross_stack_ref_golden(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path), context=WEAK)
    env = Environment(account="123456789012", region="us-east-1")
    a = Stack(app, "StackA", env=env)
    shared = bus(a, "shared-bus")
    b = Stack(app, "StackB", env=env)
    consumer(b, "UsesName", shared.ref)
    consumer(b, "UsesArn", shared.get_att("Arn"))
    c = Stack(app, "StackC")
    agnostic = bus(c, "StackCBusF6B857F5")
    d = Stack(app, "StackD")
    consumer(d, "UsesName", agnostic.ref)
    app.synth()

    for name in ("StackA.template.json", "StackA.assets.json", "StackC.template.json", "StackC.assets.json"):
        # byte-identical but for the schema version (we write 36.0.0 on purpose, see the assembly test)
        ours = read(tmp_path, name).replace('"version": "36.0.0"', '"version": "55.0.0"')
        assert ours == golden_text("cross_stack_ref", name), name

    b_resources = json.loads(read(tmp_path, "StackB.template.json"))["Resources"]
    golden_b = golden_json("cross_stack_ref", "StackB.template.json")["Resources"]
    assert (
        b_resources["UsesName"]["Properties"]["Value"]
        == golden_b["RuleOnSharedBusAE616A2D"]["Properties"]["EventBusName"]
    )
    assert (
        b_resources["UsesArn"]["Properties"]["Value"]
        == golden_b["PublisherDefaultPolicy113227AA"]["Properties"]["PolicyDocument"]["Statement"][0][
            "Resource"
        ]
    )
    d_resources = json.loads(read(tmp_path, "StackD.template.json"))["Resources"]
    assert (
        d_resources["UsesName"]["Properties"]["Value"]
        == golden_json("cross_stack_ref", "StackD.template.json")["Resources"]["RuleOnBus281D3C423"][
            "Properties"
        ]["EventBusName"]
    )

    manifest = json.loads(read(tmp_path, "manifest.json"))
    golden_manifest = golden_json("cross_stack_ref", "manifest.json")
    for artifact in ("StackA.assets", "StackA", "StackC.assets", "StackC"):
        assert manifest["artifacts"][artifact] == golden_manifest["artifacts"][artifact], artifact
    assert manifest["artifacts"]["StackB"]["dependencies"] == ["StackA", "StackB.assets"]
    assert manifest["artifacts"]["StackD"]["dependencies"] == ["StackC", "StackD.assets"]


def test_strong_references_export_and_import(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path))
    producer = Stack(app, "BusStack")
    shared = bus(producer, "b")
    rules = Stack(app, "RuleStack")
    consumer(rules, "Rule", shared.ref)
    app.synth()
    outputs = json.loads(read(tmp_path, "BusStack.template.json"))["Outputs"]
    assert outputs == {
        "ExportsOutputRefBusEA82B6486A28F94F": {
            "Value": {"Ref": "BusEA82B648"},
            "Export": {"Name": "BusStack:ExportsOutputRefBusEA82B6486A28F94F"},
        }
    }
    assert json.loads(read(tmp_path, "RuleStack.template.json"))["Resources"]["Rule"]["Properties"] == {
        "Value": {"Fn::ImportValue": "BusStack:ExportsOutputRefBusEA82B6486A28F94F"}
    }
    manifest = json.loads(read(tmp_path, "manifest.json"))
    assert manifest["artifacts"]["RuleStack"]["dependencies"] == ["BusStack", "RuleStack.assets"]
    assert rules.dependencies == [producer]


def test_export_name_for_get_att(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path))
    producer = Stack(app, "BusStack")
    shared = bus(producer, "b")
    consumer(Stack(app, "RuleStack"), "Rule", shared.get_att("Arn"))
    app.synth()
    outputs = json.loads(read(tmp_path, "BusStack.template.json"))["Outputs"]
    assert outputs["ExportsOutputFnGetAttBusEA82B648ArnBC65BB77"]["Export"] == {
        "Name": "BusStack:ExportsOutputFnGetAttBusEA82B648ArnBC65BB77"
    }


def test_referenced_logical_id_is_locked(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path))
    shared = bus(Stack(app, "P"), "b")
    consumer(Stack(app, "C"), "R", shared.ref)
    app.synth()
    with pytest.raises(Exception, match="has been locked and cannot be overridden"):
        shared.override_logical_id("Other")


def test_cyclic_references_are_rejected(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path))
    src = Stack(app, "Src")
    tgt = Stack(app, "Tgt")
    rule = CfnResource(Construct(src, "R"), "Resource", type="AWS::Events::Rule")
    queue = CfnResource(Construct(tgt, "Q"), "Resource", type="AWS::SQS::Queue")
    consumer(src, "Target", queue.get_att("Arn"))
    consumer(tgt, "Policy", rule.get_att("Arn"))
    with pytest.raises(CycleError) as info:
        app.synth()
    assert (
        "'Src' depends on 'Tgt' (Src -> Tgt/Q/Resource.Arn). Adding this dependency "
        "(Tgt -> Src/R/Resource.Arn) would create a cyclic reference." in str(info.value)
    )
    assert not (tmp_path / "manifest.json").exists()


def test_references_across_accounts_are_rejected(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path))
    shared = bus(Stack(app, "P", env=Environment(account="111111111111", region="us-east-1")), "b")
    consumer(Stack(app, "C", env=Environment(account="222222222222", region="us-east-1")), "R", shared.ref)
    with pytest.raises(Exception, match='Stack "C" cannot reference'):
        app.synth()
