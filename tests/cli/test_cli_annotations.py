"""`cdk-events synth` prints warnings, errors and infos with their construct paths as `cdk synth` does,
fails on error annotations ("Synthesis finished with errors") and, with `--strict`, on warnings."""

from __future__ import annotations

from pathlib import Path

from cdk_events.cli._assembly import Message, format_messages
from conftest import Cli

CRON_WARNING = (
    "WARNING cron: If you don't pass 'minute', by default the event runs every minute. Pass 'minute: '*'' if "
    "that's what you intend, or 'minute: 0' to run once per hour instead. (Construct Annotations)\n"
    "   WarnStack/EveryMinuteByAccident\n"
    "   Acknowledge with 'Annotation::@aws-cdk/aws-events:scheduleWillRunEveryMinute'")

APP = """
from cdk_events import Rule, Schedule
from cdk_events.core import Annotations, App, Stack

app = App()
stack = Stack(app, "WarnStack")
rule = Rule(stack, "EveryMinuteByAccident", schedule=Schedule.cron(hour="4"))
{extra}
app.synth()
"""


def test_the_cron_warning_is_printed_and_synth_succeeds(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(APP.format(extra=""))
    result = cli("synth", "app.py")
    assert result.code == 0
    assert result.err == CRON_WARNING + "\n"
    assert result.out.startswith("WarnStack: 1 resource")


def test_strict_fails_on_warnings(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(APP.format(extra=""))
    for args in (["synth", "app.py", "--strict"], ["--strict", "synth", "app.py"]):
        result = cli(*args)
        assert result.code == 1
        assert result.err == CRON_WARNING + "\nSynthesis finished with warnings (--strict mode)\n"
        assert result.out == ""


def test_error_annotations_fail_and_come_first(cli: Cli, tmp_path: Path) -> None:
    extra = ('Annotations.of(stack).add_info("for your information")\n'
             'Annotations.of(rule).add_error("this rule cannot be deployed")')
    (tmp_path / "app.py").write_text(APP.format(extra=extra))
    result = cli("synth", "app.py")
    assert result.code == 1
    assert result.err == (
        "ERROR this rule cannot be deployed (Construct Annotations)\n   WarnStack/EveryMinuteByAccident\n"
        "   Rule Annotation::error-annotation\n\n" + CRON_WARNING + "\n\n"
        "INFO for your information (Construct Annotations)\n   WarnStack\n"
        "   Acknowledge with 'Annotation::info-annotation'\n"
        "Synthesis finished with errors\n")
    assert (tmp_path / "cdk.out" / "manifest.json").is_file()  # written, as cdk synth leaves it


def test_acknowledged_warnings_are_not_printed(cli: Cli, tmp_path: Path) -> None:
    extra = 'Annotations.of(stack).acknowledge_warning("@aws-cdk/aws-events:scheduleWillRunEveryMinute")'
    (tmp_path / "app.py").write_text(APP.format(extra=extra))
    result = cli("synth", "app.py", "--strict", "-q")
    assert (result.code, result.err, result.out) == (0, "", "")


def test_format_groups_by_message_and_orders_by_severity() -> None:
    messages = [Message("info", "S", "note"), Message("warning", "S/A", "same [ack: my-id]"),
                Message("warning", "S/B", "other"), Message("warning", "S/C", "same [ack: my-id]")]
    assert format_messages(messages) == [
        "WARNING same (Construct Annotations)\n   S/A\n   Acknowledge with 'Annotation::my-id'",
        "WARNING same (Construct Annotations)\n   S/C\n   Acknowledge with 'Annotation::my-id'",
        "WARNING other (Construct Annotations)\n   S/B\n   Acknowledge with 'Annotation::warning-annotation'",
        "INFO note (Construct Annotations)\n   S\n   Acknowledge with 'Annotation::info-annotation'"]
