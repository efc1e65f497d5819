"""The `cdk-events` command: synth, ls, test-pattern, simulate, exit codes and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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


def _run(args: list[str], cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CDK_")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])
    return subprocess.run(
        [sys.executable, "-m", "cdk_events.cli", *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_synth_without_an_app_writes_the_quickstart(tmp_path: Path) -> None:
    result = _run(["synth", "-o", "out"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("QuickstartStack: ")
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["artifacts"]["QuickstartStack"]["type"] == "aws:cloudformation:stack"
    # no cdk.json here: the flags of a new `cdk init` project apply (minimizePolicies sorts actions)
    template = json.loads((tmp_path / "out" / "QuickstartStack.template.json").read_text())
    policies = [r for r in template["Resources"].values() if r["Type"] == "AWS::SQS::QueuePolicy"]
    actions = policies[0]["Properties"]["PolicyDocument"]["Statement"][0]["Action"]
    assert actions == ["sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:SendMessage"]


def test_ls_prints_stack_paths(tmp_path: Path) -> None:
    app = tmp_path / "app.py"
    app.write_text(
        "from cdk_events.core import App, Stack, CfnResource\napp = App()\n"
        "for name in ('One', 'Two'):\n    CfnResource(Stack(app, name), 'T', type='AWS::SNS::Topic')\n"
    )
    result = _run(["ls", str(app)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["One", "Two"]


def test_user_errors_are_one_line_on_stderr_without_traceback(tmp_path: Path) -> None:
    app = tmp_path / "app.py"
    app.write_text(
        "from cdk_events import Rule\nfrom cdk_events.core import App, Stack\n"
        "app = App()\nRule(Stack(app, 'S'), 'R', rule_name='bad name')\napp.synth()\n"
    )
    result = _run(["synth", str(app), "-o", "out"], tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "[S/R] Event rule name bad name can contain only letters" in result.stderr
    assert "Either 'eventPattern' or 'schedule' must be defined" in result.stderr
    assert not (tmp_path / "out" / "manifest.json").exists()
    debug = _run(["--debug", "synth", str(app), "-o", "out"], tmp_path)
    assert "Traceback" in debug.stderr


def test_missing_app_file_is_a_usage_error(tmp_path: Path) -> None:
    result = _run(["synth", "nope.py"], tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == "cdk-events: app file not found: nope.py"


def test_test_pattern_exit_codes(tmp_path: Path) -> None:
    (tmp_path / "event.json").write_text(json.dumps(EVENT))
    (tmp_path / "yes.json").write_text(json.dumps({"detail": {"amount": [{"numeric": [">", 100]}]}}))
    (tmp_path / "no.json").write_text(json.dumps({"source": ["aws.ec2"]}))
    (tmp_path / "bad.json").write_text(json.dumps({"source": "aws.ec2"}))
    assert _run(["test-pattern", "yes.json", "event.json"], tmp_path).returncode == 0
    assert _run(["test-pattern", "no.json", "event.json"], tmp_path).returncode == 1
    invalid = _run(["test-pattern", "bad.json", "-"], tmp_path, stdin=json.dumps(EVENT))
    assert invalid.returncode == 2
    assert "Event pattern is not valid" in invalid.stderr


def test_simulate_shows_what_the_target_receives(tmp_path: Path) -> None:
    app = tmp_path / "app.py"
    app.write_text(
        "from cdk_events import EventField, EventPattern, Rule, RuleTargetInput\n"
        "from cdk_events.aws import sqs\nfrom cdk_events.core import App, Stack\n"
        "from cdk_events.targets import SqsQueue\n"
        "app = App()\nstack = Stack(app, 'S')\nq = sqs.Queue(stack, 'Q')\n"
        "Rule(stack, 'Big', event_pattern=EventPattern(source=['com.example.orders']), targets=[SqsQueue(q, "
        "message=RuleTargetInput.from_object({'order': EventField.from_path('$.detail.id')}))])\n"
        "Rule(stack, 'Other', event_pattern=EventPattern(source=['aws.ec2']), targets=[SqsQueue(q)])\n"
    )
    (tmp_path / "event.json").write_text(json.dumps(EVENT))
    result = _run(["simulate", str(app), "event.json"], tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [r["rule"] for r in report["matchedRules"]] == ["Big7715433D"]
    assert report["matchedRules"][0]["targets"][0]["body"] == '{"order":"o-1"}'
    other = dict(EVENT, source="com.example.none")
    (tmp_path / "other.json").write_text(json.dumps(other))
    assert _run(["simulate", str(app), "other.json"], tmp_path).returncode == 1
