"""`simulate(app, event)`: which rules of an app fire for an event, and what each target receives — the
short form of `Simulator` (one engine: this module only shapes its deliveries per rule).

It reads the synthesized templates (plain JSON), so it needs no construct classes: give it an App
(anything with `synth()` returning an assembly), a stack (anything with `node.root` and
`artifact_id`), or an assembly (anything with a `directory`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ._errors import LocalEngineError
from ._simulator import Simulator

DEFAULT_ACCOUNT = "123456789012"
DEFAULT_REGION = "us-east-1"


@dataclass(frozen=True)
class TargetDelivery:
    """What one target of a matching rule receives."""

    target_id: str
    arn: Any
    body: str


@dataclass(frozen=True)
class RuleMatch:
    """A rule that matched, with its targets' deliveries."""

    stack: str
    logical_id: str
    rule_name: str
    deliveries: list[TargetDelivery] = field(default_factory=list)


@dataclass(frozen=True)
class SimulationResult:
    """The rules that matched an event (`matched_rules`), in template order."""

    matched_rules: list[RuleMatch]

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready summary."""
        return {"matchedRules": [
            {"stack": m.stack, "rule": m.logical_id, "ruleName": m.rule_name,
             "targets": [{"id": d.target_id, "arn": d.arn, "body": d.body} for d in m.deliveries]}
            for m in self.matched_rules]}


def _simulator(subject: Any) -> tuple[Simulator, str | None]:
    """The simulator of `subject` and, for a stack, the name of the one stack to keep."""
    if hasattr(subject, "stacks") and hasattr(subject, "directory"):
        return Simulator.from_assembly(subject.directory), None
    if hasattr(subject, "artifact_id") and hasattr(subject, "node"):
        return Simulator.from_assembly(subject.node.root.synth().directory), subject.artifact_id
    if hasattr(subject, "synth"):
        return Simulator.from_app(subject), None
    raise LocalEngineError(
        f"simulate() expects an App, a Stack or a cloud assembly, got {type(subject).__name__}"
    )


def simulate(subject: Any, event: Mapping[str, Any] | str, *, bus: str | None = None) -> SimulationResult:
    """Send `event` to `bus` (default: the default bus) and report the rules that fire, each with what
    its targets receive (`Simulator.send`, grouped per rule; rules whose patterns hold deploy-time
    values are skipped — use `Simulator` to set them).

    Only enabled rules with an event pattern are considered. `bus` is a bus name; a custom bus of the
    same template also answers to its construct id (e.g. `OrdersBus`) and its logical id.
    """
    if bus is not None and not isinstance(bus, str):
        raise LocalEngineError(f"simulate(): bus must be a bus name (a string), got {type(bus).__name__}")
    simulator, only_stack = _simulator(subject)
    matches: dict[tuple[str, str], RuleMatch] = {}
    for delivery in simulator.send(event, bus or "default", strict=False):
        if delivery.via or (only_stack is not None and delivery.stack != only_stack):
            continue  # the rules an event reaches through another bus are reported by `Simulator`
        key = (delivery.stack, delivery.rule)
        match = matches.get(key)
        if match is None:
            match = matches[key] = RuleMatch(delivery.stack, delivery.rule, delivery.rule_name)
        match.deliveries.append(TargetDelivery(delivery.target_id, delivery.target_arn, delivery.input))
    return SimulationResult(list(matches.values()))
