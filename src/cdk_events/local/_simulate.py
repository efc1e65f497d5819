"""Simulate an app: which rules fire for an event, and what each target receives.

It reads the synthesized templates (plain JSON), so it needs no construct classes: give it an App
(anything with `synth()` returning an assembly), a stack (anything with `node.root` and
`artifact_id`), or an assembly.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ._test_event_pattern import test_event_pattern
from ._input import render_input

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


def _stacks(subject: Any) -> list[Any]:
    if hasattr(subject, "stacks") and hasattr(subject, "get_stack_artifact"):
        return list(subject.stacks)
    if hasattr(subject, "artifact_id") and hasattr(subject, "node"):
        assembly = subject.node.root.synth()
        return [assembly.get_stack_artifact(subject.artifact_id)]
    if hasattr(subject, "synth"):
        return list(subject.synth().stacks)
    raise TypeError(f"simulate() expects an App, a Stack or a cloud assembly, got {type(subject).__name__}")


def _environment(stack: Any) -> tuple[str, str]:
    env = getattr(stack, "environment", "aws://unknown-account/unknown-region")
    account, _, region = env.removeprefix("aws://").partition("/")
    return (DEFAULT_ACCOUNT if account.startswith("unknown") else account,
            DEFAULT_REGION if region.startswith("unknown") else region)


def _bus_names(value: Any, resources: Mapping[str, Any]) -> set[str]:
    """The names a rule's `EventBusName` answers to: the bus name, and for a bus of the same template
    also its logical id and its construct id."""
    if isinstance(value, str):
        return {value.rsplit("/", 1)[-1] if value.startswith("arn:") else value}
    if isinstance(value, dict) and len(value) == 1 and "Ref" in value:
        logical_id = value["Ref"]
        target = resources.get(logical_id, {})
        names = {logical_id}
        name = target.get("Properties", {}).get("Name")
        if isinstance(name, str):
            names.add(name)
        path = target.get("Metadata", {}).get("aws:cdk:path")
        if isinstance(path, str) and "/" in path:
            names.add(path.rsplit("/", 2)[-2] if path.endswith("/Resource") else path.rsplit("/", 1)[-1])
        return names
    return set()


def simulate(subject: Any, event: Mapping[str, Any] | str, *, bus: str | None = None) -> SimulationResult:
    """Send `event` to `bus` (default: the default bus) of every stack and report the rules that fire.

    Only enabled rules with an event pattern are considered. `bus` is a bus name; a custom bus of the
    same template also answers to its construct id (e.g. `OrdersBus`) and its logical id.
    """
    event_value = json.loads(event) if isinstance(event, str) else dict(event)
    wanted_bus = bus or "default"
    matches: list[RuleMatch] = []
    for stack in _stacks(subject):
        template = stack.template
        resources: Mapping[str, Any] = template.get("Resources", {})
        account, region = _environment(stack)
        for logical_id, resource in resources.items():
            if resource.get("Type") != "AWS::Events::Rule":
                continue
            props = resource.get("Properties", {})
            pattern = props.get("EventPattern")
            if pattern is None or props.get("State", "ENABLED") != "ENABLED":
                continue
            if wanted_bus not in _bus_names(props.get("EventBusName", "default"), resources):
                continue
            if not test_event_pattern(pattern, event_value):
                continue
            name = props.get("Name") if isinstance(props.get("Name"), str) else logical_id
            rule_arn = f"arn:aws:events:{region}:{account}:rule/{name}"
            deliveries = []
            for target in props.get("Targets", []):
                transformer = target.get("InputTransformer")
                body = render_input(event_value, input=target.get("Input"), input_path=target.get("InputPath"),
                                    input_transformer=transformer, rule_arn=rule_arn, rule_name=name,
                                    target_id=target.get("Id", "Target0"))
                deliveries.append(TargetDelivery(target.get("Id", ""), target.get("Arn"), body))
            matches.append(RuleMatch(stack.stack_name, logical_id, name, deliveries))
    return SimulationResult(matches)
