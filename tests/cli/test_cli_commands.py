"""The `cdk-events` command: synth, ls, test-pattern, simulate, one-line errors, --debug, --version."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import Cli

ROOT = Path(__file__).resolve().parents[2]

EVENT = {
    "version": "0",
    "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
    "detail-type": "OrderCreated",
    "source": "com.example.orders",
    "account": "111122223333",
    "time": "2024-01-01T00:00:00Z",
    "region": "us-east-1",
    "resources": [],
    "detail": {"id": "o-1", "amount": 250},
}

SIMULATE_APP = """
from cdk_events import EventBus, EventField, EventPattern, Rule, RuleTargetInput
from cdk_events.aws import sqs
from cdk_events.core import App, Stack
from cdk_events.targets import SqsQueue
app = App()
stack = Stack(app, 'S')
q = sqs.Queue(stack, 'Q')
Rule(stack, 'Big', event_pattern=EventPattern(source=['com.example.orders']), targets=[SqsQueue(q,
     message=RuleTargetInput.from_object({'order': EventField.from_path('$.detail.id')}))])
Rule(stack, 'Other', event_pattern=EventPattern(source=['aws.ec2']), targets=[SqsQueue(q)])
bus = EventBus(stack, 'OrdersBus', event_bus_name='orders')
Rule(stack, 'OnOrders', event_bus=bus, event_pattern=EventPattern(source=['com.example.orders']),
     targets=[SqsQueue(q)])
"""


def test_synth_without_an_app_or_cdk_json_runs_the_quickstart_and_says_so(cli: Cli, tmp_path: Path) -> None:
    result = cli("synth", "-o", "out")
    assert result.code == 0, result.err
    assert "no APP given and no cdk.json here: running the built-in quickstart app" in result.err
    assert result.out.splitlines()[0].startswith("QuickstartStack: ")
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["artifacts"]["QuickstartStack"]["type"] == "aws:cloudformation:stack"
    # no feature flag is injected: minimizePolicies is off, as under `python app.py` / `cdk synth`
    template = json.loads((tmp_path / "out" / "QuickstartStack.template.json").read_text())
    policies = [r for r in template["Resources"].values() if r["Type"] == "AWS::SQS::QueuePolicy"]
    actions = policies[0]["Properties"]["PolicyDocument"]["Statement"][0]["Action"]
    assert actions == ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"]


def test_synth_app_gives_the_templates_python_app_py_gives(cli: Cli, tmp_path: Path) -> None:
    source = (ROOT / "src" / "cdk_events" / "cli" / "_quickstart.py").read_text()
    (tmp_path / "app.py").write_text(source)
    assert cli("synth", "app.py", "-q").code == 0
    plain = subprocess.run([sys.executable, "app.py"], cwd=tmp_path, capture_output=True, text=True,
                           env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "CDK_OUTDIR": "plain"}, check=True)
    assert plain.returncode == 0

    def without_paths(folder: str) -> dict[str, object]:
        template = json.loads((tmp_path / folder / "QuickstartStack.template.json").read_text())
        for resource in template["Resources"].values():  # the CLI's own aws:cdk:path metadata, as cdk synth
            resource.pop("Metadata", None)
        return template

    assert without_paths("cdk.out") == without_paths("plain")


def test_ls_prints_stack_ids_and_long_gives_name_and_environment(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(
        "from cdk_events.core import App, Stack, CfnResource, Environment\napp = App()\n"
        "CfnResource(Stack(app, 'One'), 'T', type='AWS::SNS::Topic')\n"
        "CfnResource(Stack(app, 'Two', stack_name='two-prod', env=Environment(account='111111111111', "
        "region='eu-west-1')), 'T', type='AWS::SNS::Topic')\n")
    result = cli("ls", "app.py")
    assert result.code == 0, result.err
    assert result.out.split() == ["One", "Two"]
    assert not (tmp_path / "cdk.out").exists()  # ls synthesizes into a temporary folder
    long = cli("ls", "--long", "app.py")
    assert long.out == (
        "- id: One\n  name: One\n  environment:\n    account: unknown-account\n    region: unknown-region\n"
        "    name: aws://unknown-account/unknown-region\n"
        "- id: Two\n  name: two-prod\n  environment:\n    account: '111111111111'\n    region: eu-west-1\n"
        "    name: aws://111111111111/eu-west-1\n\n")
    as_json = json.loads(cli("ls", "-l", "--json", "app.py").out)
    assert as_json[1] == {"id": "Two", "name": "two-prod", "environment": {
        "account": "111111111111", "region": "eu-west-1", "name": "aws://111111111111/eu-west-1"}}


def test_app_errors_are_one_line_on_stderr_and_debug_shows_the_traceback(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(
        "from cdk_events import Rule\nfrom cdk_events.core import App, Stack\n"
        "app = App()\nRule(Stack(app, 'S'), 'R', rule_name='bad name')\napp.synth()\n")
    result = cli("synth", "app.py", "-o", "out")
    assert result.code == 1
    assert "Traceback" not in result.err
    assert "[S/R] Event rule name bad name can contain only letters" in result.err
    assert "Either 'eventPattern' or 'schedule' must be defined" in result.err
    assert "Subprocess exited" not in result.err  # reported once
    assert not (tmp_path / "out" / "manifest.json").exists()
    for args in (["--debug", "synth", "app.py"], ["synth", "app.py", "--debug"]):  # before or after the command
        debug = cli(*args, "-o", "out")
        assert debug.code == 1
        assert "Traceback" in debug.err


def test_version(cli: Cli) -> None:
    for args in (["--version"], ["version"], ["synth", "--version"]):
        result = cli(*args)
        assert result.code == 0
        assert result.out.startswith("cdk-events 0.")


def test_global_options_anywhere_on_the_line(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(
        "from cdk_events.core import App, Stack, CfnResource\napp = App()\n"
        "s = Stack(app, 'S')\nCfnResource(s, 'T', type='AWS::SNS::Topic', properties={'TopicName': "
        "s.node.try_get_context('name')})\napp.synth()\n")
    for args in (["-c", "name=a", "-o", "one", "synth", "app.py"], ["synth", "app.py", "-c", "name=a", "-o", "one"],
                 ["--context", "name=a", "synth", "--output=one", "app.py"]):
        assert cli(*args).code == 0
        template = json.loads((tmp_path / "one" / "S.template.json").read_text())
        assert template["Resources"]["T"]["Properties"] == {"TopicName": "a"}
    assert cli("--app", "app.py", "ls").out.split() == ["S"]
    assert cli("ls", "-a", "app.py").out.split() == ["S"]


def test_test_pattern_exit_codes(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "event.json").write_text(json.dumps(EVENT))
    (tmp_path / "yes.json").write_text(json.dumps({"detail": {"amount": [{"numeric": [">", 100]}]}}))
    (tmp_path / "no.json").write_text(json.dumps({"source": ["aws.ec2"]}))
    (tmp_path / "bad.json").write_text(json.dumps({"source": "aws.ec2"}))
    assert cli("test-pattern", "yes.json", "event.json").code == 0
    assert cli("test-pattern", "no.json", "event.json").code == 1
    invalid = cli("test-pattern", "bad.json", "-", stdin=json.dumps(EVENT))
    assert invalid.code == 2
    assert invalid.err.startswith("cdk-events: pattern bad.json: Event pattern is not valid. Reason: ")


def test_simulate_shows_what_the_target_receives(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(SIMULATE_APP)
    (tmp_path / "event.json").write_text(json.dumps(EVENT))
    result = cli("simulate", "app.py", "event.json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert [d["rule"] for d in report["deliveries"]] == ["Big7715433D"]
    assert report["deliveries"][0]["input"] == '{"order":"o-1"}'
    on_bus = json.loads(cli("simulate", "app.py", "event.json", "--bus", "orders").out)
    assert [d["rule"] for d in on_bus["deliveries"]] == ["OnOrders3D9B19EC"]
    (tmp_path / "other.json").write_text(json.dumps(dict(EVENT, source="com.example.none")))
    assert cli("simulate", "app.py", "other.json").code == 1


def test_simulate_reads_a_cloud_assembly_folder(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(SIMULATE_APP + "app.synth()\n")
    (tmp_path / "event.json").write_text(json.dumps(EVENT))
    assert cli("synth", "app.py", "-q").code == 0
    result = cli("simulate", "cdk.out", "event.json")
    assert result.code == 0, result.err
    assert [d["rule"] for d in json.loads(result.out)["deliveries"]] == ["Big7715433D"]
    from_template = cli("simulate", str(tmp_path / "cdk.out" / "S.template.json"), "event.json")  # or one template
    assert [d["rule"] for d in json.loads(from_template.out)["deliveries"]] == ["Big7715433D"], from_template.err


def test_simulate_reports_patterns_with_deploy_time_values_until_they_are_set(cli: Cli, tmp_path: Path) -> None:
    """Never silently unmatched: a rule whose pattern holds a deploy-time value (a pseudo parameter of an
    environment-agnostic stack, a resource attribute) is reported undecidable until `--set` gives it."""
    (tmp_path / "app.py").write_text(
        "from cdk_events import EventPattern, Rule\nfrom cdk_events.aws import sqs\n"
        "from cdk_events.core import App, Aws, Stack\nfrom cdk_events.targets import SqsQueue\n"
        "app = App()\nstack = Stack(app, 'S')\nq = sqs.Queue(stack, 'Q')\n"
        "Rule(stack, 'ByArn', event_pattern=EventPattern(resources=[f'arn:{Aws.PARTITION}:s3:::{Aws.REGION}-b']),"
        " targets=[SqsQueue(q)])\n"
        "Rule(stack, 'ByQueue', event_pattern=EventPattern(resources=[q.queue_arn]), targets=[SqsQueue(q)])\n")
    (tmp_path / "bucket.json").write_text(json.dumps(dict(EVENT, resources=["arn:aws:s3:::us-east-1-b"])))
    result = cli("simulate", "app.py", "bucket.json")
    assert result.code == 1
    report = json.loads(result.out)
    assert report["deliveries"] == []
    assert {u["rule"][:6]: u["set"] for u in report["undecidable"]} == {
        "ByArn0": ["AWS::Partition", "AWS::Region"], "ByQueu": ["Q63C6E3AB.Arn"]}
    assert "cannot tell whether S/ByArn" in result.err and "--set KEY=VALUE" in result.err
    decided = cli("simulate", "app.py", "bucket.json", "--set", "AWS::Partition=aws", "--set", "AWS::Region=us-east-1",
                  "--set", "Q63C6E3AB.Arn=arn:aws:sqs:us-east-1:123456789012:q")
    assert decided.code == 0, decided.err
    assert [d["rule"] for d in json.loads(decided.out)["deliveries"]] == ["ByArn048781FC"]
    assert cli("simulate", "app.py", "bucket.json", "--set", "nonsense").code == 2


