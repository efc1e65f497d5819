"""`cdk-events graph`: buses, rules, targets, dead-letter queues and cross-account / cross-region hops,
as Mermaid (default), DOT, SVG and HTML (the last two through Graphviz's `dot`)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from _corpus import COMPAT, GOLDENS, ROOT, needs_compat
from conftest import Cli

APP = """
from cdk_events import EventBus, EventPattern, Match, Rule, Schedule
from cdk_events.aws import sqs
from cdk_events.core import App, Duration, Stack
from cdk_events.targets import SqsQueue

app = App()
stack = Stack(app, "Orders")
bus = EventBus(stack, "OrdersBus", event_bus_name="orders")
queue = sqs.Queue(stack, "NewOrders")
dead_letters = sqs.Queue(stack, "DeadLetters")
Rule(stack, "OnNewOrder", event_bus=bus,
     event_pattern=EventPattern(source=["com.example.orders"], detail={"amount": Match.greater_than(100)}),
     targets=[SqsQueue(queue, dead_letter_queue=dead_letters)])
Rule(stack, "Nightly", schedule=Schedule.cron(minute="0", hour="3"), targets=[SqsQueue(queue)])
app.synth()
"""

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")


def test_mermaid_shows_buses_rules_targets_and_dead_letter_queues(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(APP)
    result = cli("graph", "app.py")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "flowchart LR"
    assert '  subgraph s0["Orders (environment-agnostic)"]' in lines
    assert '    s0_OrdersBus68D47F66(["bus orders"])' in lines
    rule = next(line.strip() for line in lines if line.strip().startswith("s0_OnNewOrder"))
    assert rule.endswith('["rule OnNewOrder<br/>detail.amount = numeric &gt; 100<br/>source = com.example.orders"]')
    rule_id = rule.split("[")[0]
    queue = next(line.split("[")[0].strip() for line in lines if "NewOrders<br/>SQS Queue" in line)
    dlq = next(line.split("[")[0].strip() for line in lines if "DeadLetters<br/>SQS Queue" in line)
    assert f"  s0_OrdersBus68D47F66 --> {rule_id}" in lines
    assert f'  {rule_id} -->|"Target0"| {queue}' in lines
    assert f'  {rule_id} -.->|"Target0: dead letters"| {dlq}' in lines
    nightly = next(line.strip() for line in lines if line.strip().startswith("s0_Nightly"))
    assert "cron(0 3 * * ? *)" in nightly
    assert not (tmp_path / "cdk.out").exists()


@needs_compat
def test_a_cross_account_app_through_the_compat_shim(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(COMPAT / "shims" / "cdk_events"), str(ROOT / "src")]))
    result = cli("graph", str(COMPAT / "apps" / "cross_account_event_bus_target.py"))
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert '  subgraph s0["SourceStack (111111111111 / us-east-1)"]' in lines
    assert '  subgraph s1["TargetStack (222222222222 / us-east-1)"]' in lines
    assert '    s1_BusEA82B648(["bus target-bus"])' in lines
    assert '  s0_ToBusF6634956 ==>|"Target0: cross-account"| s1_BusEA82B648' in lines


@needs_compat
def test_an_assembly_written_by_aws_cdk_lib_with_a_cross_account_and_cross_region_hop(cli: Cli) -> None:
    result = cli("graph", str(GOLDENS / "cross_account"), "--format", "dot")
    assert result.code == 0, result.err
    assert result.out.startswith("digraph events {\n  rankdir=LR;\n")
    assert '    label="Stack1 (111111111111 / us-west-1)";' in result.out
    assert "\\nresources = ${Repository.Arn}\\n" in result.out  # a reference, named by its construct id
    assert ('  s0_RepositoryOnCommit439A0504 -> s1__default [label="Target0: cross-account, cross-region", '
            'penwidth=2.5, color="#c0392b"];') in result.out
    assert "s1_Stack1RepositoryOnCommitC714DFA6Target039262E0D -> ext_arn_aws_codebuild_us_east_1_222222222222" \
           "_project_MyProject" in result.out


def test_a_template_file(cli: Cli, tmp_path: Path) -> None:
    template = {"Resources": {
        "Rule": {"Type": "AWS::Events::Rule", "Properties": {
            "EventBusName": "arn:aws:events:eu-west-1:999999999999:event-bus/central",
            "EventPattern": {"source": [{"prefix": "com.example"}]},
            "Targets": [{"Id": "Fn", "Arn": {"Fn::GetAtt": ["Handler", "Arn"]}}]}},
        "Handler": {"Type": "AWS::Lambda::Function", "Properties": {}}}}
    (tmp_path / "Some.template.json").write_text(json.dumps(template))
    result = cli("graph", "Some.template.json")
    assert result.code == 0, result.err
    assert result.out == (
        'flowchart LR\n  subgraph s0["Some (environment-agnostic)"]\n'
        '    s0_Rule["rule Rule<br/>source = prefix com.example"]\n'
        '    s0_Handler[/"Handler<br/>Lambda Function"/]\n  end\n'
        '  ext_bus_999999999999_eu_west_1_central{{"bus central<br/>999999999999 / eu-west-1"}}\n'
        '  ext_bus_999999999999_eu_west_1_central --> s0_Rule\n  s0_Rule -->|"Fn"| s0_Handler\n')
    (tmp_path / "not-a-template.json").write_text("{}")
    bad = cli("graph", "not-a-template.json")
    assert (bad.code, bad.err) == (
        2, "cdk-events: template not-a-template.json is not a CloudFormation template (it has no Resources)\n")


@needs_dot
def test_svg_and_html_through_graphviz(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(APP)
    svg = cli("graph", "app.py", "--format", "svg")
    assert svg.code == 0, svg.err
    assert "<svg" in svg.out and "rule OnNewOrder" in svg.out
    page = cli("graph", "app.py", "-f", "html")
    assert page.out.startswith("<!DOCTYPE html>\n<html>") and "<svg" in page.out and "<?xml" not in page.out


def test_svg_without_graphviz_says_so(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "t.json").write_text(json.dumps({"Resources": {}}))
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    result = cli("graph", "t.json", "--format", "svg")
    assert result.code == 1
    assert result.err == ("cdk-events: error: --format svg and html need Graphviz's `dot`, which is not installed "
                          "(apt-get install graphviz, brew install graphviz); --format mermaid and dot need nothing\n")
