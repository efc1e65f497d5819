"""The worked example of docs/testing.md, run against the cloud assembly aws-cdk-lib 2.275.0 wrote.

tests/data/awscdk_assembly/assembly/ is a golden written by aws-cdk-lib (from app.py next to it): never
regenerate it with cdk-events. The example's blocks are fenced as text (the docs test has no cdk.out), so
they run here, from a folder where the assembly is `cdk.out`.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from cdk_events.local import Simulator

ROOT = Path(__file__).resolve().parents[2]
ASSEMBLY = ROOT / "tests" / "data" / "awscdk_assembly" / "assembly"
PAGE = ROOT / "docs" / "testing.md"


def _example_blocks() -> list[str]:
    text = PAGE.read_text(encoding="utf-8")
    section = text.split("### A worked example", 1)[1]
    blocks = re.findall(r"^```text\n(.*?)^```", section, re.S | re.M)
    return [block for block in blocks if "events.Rule(" not in block]  # not the aws-cdk-lib app excerpt


def test_the_assembly_is_aws_cdk_libs() -> None:
    manifest = json.loads((ASSEMBLY / "manifest.json").read_text())
    assert manifest["artifacts"]["Shop"]["environment"] == "aws://111111111111/us-east-1"
    assert "aws-cdk-lib/feature-flag-report" in manifest["artifacts"]  # only aws-cdk-lib writes this
    assert sorted(p.name for p in ASSEMBLY.iterdir() if not p.name.endswith(".json")) == []


def test_the_worked_example_of_docs_testing_md_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = _example_blocks()
    assert len(blocks) == 3 and "Simulator.from_assembly(\"cdk.out\")" in blocks[0]
    shutil.copytree(ASSEMBLY, tmp_path / "cdk.out")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "docs_testing_worked_example"}
    for number, block in enumerate(blocks, start=1):
        exec(compile(block, f"testing.md:worked-example-block{number}", "exec"), namespace)


def test_the_cross_account_hop_is_the_warehouse_rule_aws_cdk_lib_added() -> None:
    sim = Simulator.from_assembly(ASSEMBLY)
    order = {"source": "shop", "detail-type": "OrderPlaced", "account": "111111111111", "region": "us-east-1",
             "detail": {"id": "o-2"}}
    deliveries = sim.send(order, bus="orders")
    assert [(d.stack, d.target_id, d.via) for d in deliveries] == [
        ("Shop", "Target0", ()), ("Shop", "Target1", ()), ("Warehouse", "Target0", ("Shop/OrderPlaced",))]
    # sent straight to the warehouse's default bus (its account), only the warehouse rule fires
    direct = sim.send(dict(order, account="222222222222", region="eu-west-1"))
    assert direct.rules == ["Warehouse/ShopOrderPlaced394B649F-Target1"]
    # the bus is found by its name, construct id, path, logical id and ARN alike
    for bus in ("OrdersBus", "Shop/OrdersBus", "OrdersBus68D47F66",
                "arn:${AWS::Partition}:events:us-east-1:111111111111:event-bus/orders"):
        assert sim.send(order, bus=bus).rules == ["Shop/OrderPlaced", "Warehouse/ShopOrderPlaced394B649F-Target1"]
