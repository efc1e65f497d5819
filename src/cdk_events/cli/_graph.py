"""The event graph of synthesized templates: buses, rules, targets, dead-letter queues and the hops
between accounts and regions. Templates are read as plain JSON: a rule is an `AWS::Events::Rule`
resource, a `Ref` / `Fn::GetAtt` names the logical id it points at."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

_PART = r"(\$\{[^}]*\}|[^:]*)"  # an ARN part: text, or a `${...}` placeholder (which may hold colons)
_BUS_ARN = re.compile(rf"^arn:{_PART}:events:{_PART}:{_PART}:event-bus/(.+)$")
_REFERENCE = re.compile(r"\$\{([A-Za-z0-9]+)([.}])")
_UNKNOWN = ("unknown-account", "unknown-region")
_LABEL_WIDTH = 60


@dataclass
class Node:
    """A box of the graph. `kind`: bus, rule, target, dlq or external; `cluster`: its stack, if any."""

    id: str
    label: str
    kind: str
    cluster: str | None


@dataclass
class Edge:
    """An arrow. `style`: event (bus to rule), target, dlq (dashed) or hop (another account or region)."""

    source: str
    target: str
    label: str
    style: str


@dataclass
class Cluster:
    """A stack: its id in the graph and its label (name and environment)."""

    id: str
    label: str


@dataclass
class Graph:
    """Clusters, nodes (in the order they were found) and edges."""

    clusters: list[Cluster] = field(default_factory=list)
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)

    def add_node(self, node: Node) -> str:
        """Add `node` unless a node with its id exists; its id."""
        self.nodes.setdefault(node.id, node)
        return node.id


def as_text(value: Any) -> str:
    """A template value as text: intrinsic functions become `${...}` placeholders."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and len(value) == 1:
        (name, arg), = value.items()
        if name == "Ref":
            return "${" + str(arg) + "}"
        if name == "Fn::GetAtt" and isinstance(arg, list):
            return "${" + ".".join(str(a) for a in arg) + "}"
        if name == "Fn::Join" and isinstance(arg, list) and len(arg) == 2 and isinstance(arg[1], list):
            return str(arg[0]).join(as_text(v) for v in arg[1])
        if name == "Fn::Sub":
            return as_text(arg[0] if isinstance(arg, list) else arg)
        if name == "Fn::ImportValue":
            return "${Import:" + as_text(arg) + "}"
    return json.dumps(value, separators=(",", ":"))


def _referenced(value: Any) -> str | None:
    """The logical id a `Ref` / `Fn::GetAtt` value points at."""
    if isinstance(value, dict) and len(value) == 1:
        if isinstance(value.get("Ref"), str):
            return str(value["Ref"])
        attr = value.get("Fn::GetAtt")
        if isinstance(attr, list) and attr and isinstance(attr[0], str):
            return attr[0]
        if isinstance(attr, str):
            return attr.split(".")[0]
    return None


def _clip(text: str) -> str:
    return text if len(text) <= _LABEL_WIDTH else text[:_LABEL_WIDTH - 1] + "…"


def is_intrinsic(value: Any) -> bool:
    """Whether `value` is a CloudFormation intrinsic function (a reference to something deployed)."""
    return isinstance(value, dict) and len(value) == 1 and next(iter(value)) in ("Ref", "Fn::GetAtt", "Fn::Join",
                                                                               "Fn::Sub", "Fn::ImportValue")


def _matcher(value: Any) -> str:
    """One value of a pattern's list: a literal, or a content filter such as `prefix x` or `numeric > 100`."""
    if isinstance(value, str):
        return value
    if is_intrinsic(value):
        return as_text(value)
    if isinstance(value, dict) and len(value) == 1:
        (operator, operand), = value.items()
        if operand is True and operator == "exists":
            return "exists"
        if isinstance(operand, list):
            return f"{operator} " + " ".join(_matcher(v) for v in operand)
        return f"{operator} {_matcher(operand)}"
    return json.dumps(value, separators=(",", ":"))


def pattern_summary(pattern: Any, prefix: str = "") -> list[str]:
    """A short description of an event pattern: one line per field (nested fields as dotted paths)."""
    if not isinstance(pattern, dict) or is_intrinsic(pattern):
        return [_clip(f"{prefix}{as_text(pattern)}")]
    lines = []
    for key, value in pattern.items():
        if isinstance(value, dict) and not is_intrinsic(value):
            lines.extend(pattern_summary(value, f"{prefix}{key}."))
        elif isinstance(value, list):
            lines.append(_clip(f"{prefix}{key} = " + " | ".join(_matcher(v) for v in value)))
        else:
            lines.append(_clip(f"{prefix}{key}: {as_text(value)}"))
    return lines


def _short_type(kind: str) -> str:
    parts = kind.split("::")
    return " ".join(parts[1:]) if len(parts) == 3 else kind


def _construct_id(resource: dict[str, Any], logical_id: str) -> str:
    path = (resource.get("Metadata") or {}).get("aws:cdk:path")
    if isinstance(path, str) and "/" in path:
        parts = path.split("/")
        return parts[-2] if parts[-1] in ("Resource", "Default") and len(parts) > 2 else parts[-1]
    return logical_id


@dataclass
class _Stack:
    key: str
    name: str
    account: str
    region: str
    resources: dict[str, Any]


class _Builder:
    def __init__(self, stacks: list[tuple[str, str, dict[str, Any]]]) -> None:
        self.graph = Graph()
        self.stacks: list[_Stack] = []
        for index, (name, environment, template) in enumerate(stacks):
            account, _, region = environment.removeprefix("aws://").partition("/")
            self.stacks.append(_Stack(f"s{index}", name, account, region, template.get("Resources") or {}))

    def build(self) -> Graph:
        for stack in self.stacks:
            where = "environment-agnostic" if (stack.account, stack.region) == _UNKNOWN else \
                f"{stack.account} / {stack.region}"
            self.graph.clusters.append(Cluster(stack.key, f"{stack.name} ({where})"))
            for logical_id, resource in stack.resources.items():
                if resource.get("Type") == "AWS::Events::EventBus":
                    self._bus(stack, logical_id)
        for stack in self.stacks:
            for logical_id, resource in stack.resources.items():
                if resource.get("Type") == "AWS::Events::Rule":
                    self._rule(stack, logical_id, resource)
        return self.graph

    def _bus(self, stack: _Stack, logical_id: str) -> str:
        props = stack.resources[logical_id].get("Properties") or {}
        name = props.get("Name")
        label = f"bus {name}" if isinstance(name, str) else f"bus {logical_id}"
        return self.graph.add_node(Node(f"{stack.key}_{logical_id}", label, "bus", stack.key))

    def _default_bus(self, stack: _Stack) -> str:
        return self.graph.add_node(Node(f"{stack.key}__default", "default bus", "bus", stack.key))

    def _bus_of_rule(self, stack: _Stack, value: Any) -> str:
        if value is None:
            return self._default_bus(stack)
        referenced = _referenced(value)
        if referenced is not None and referenced in stack.resources:
            return self._bus(stack, referenced)
        text = as_text(value)
        match = _BUS_ARN.match(text)
        if match:
            return self._remote_bus(match.group(3), match.group(2), match.group(4), stack)
        if text == "default":
            return self._default_bus(stack)
        safe = re.sub(r"\W", "_", text)
        return self.graph.add_node(Node(f"{stack.key}__bus_{safe}", f"bus {text} (imported)", "bus", stack.key))

    def _remote_bus(self, account: str, region: str, name: str, origin: _Stack) -> str:
        """The node of the bus `name` in `account`/`region`: a bus of a stack of the graph when one there
        has that name, else an external node."""
        account = origin.account if account.startswith("${") else account
        region = origin.region if region.startswith("${") else region
        for stack in self.stacks:
            if (stack.account, stack.region) != (account, region) or (account, region) == _UNKNOWN:
                continue
            if name == "default":
                return self._default_bus(stack)
            for logical_id, resource in stack.resources.items():
                if resource.get("Type") == "AWS::Events::EventBus" and \
                        (resource.get("Properties") or {}).get("Name") == name:
                    return self._bus(stack, logical_id)
        safe = re.sub(r"\W", "_", f"{account}_{region}_{name}")
        return self.graph.add_node(Node(f"ext_bus_{safe}", f"bus {name}\n{account} / {region}", "external", None))

    def _endpoint(self, stack: _Stack, value: Any, kind: str) -> tuple[str, tuple[str, str] | None]:
        """The node a target (or dead-letter) ARN points at, and for an event bus its account and region."""
        referenced = _referenced(value)
        if referenced is not None and referenced in stack.resources:
            resource = stack.resources[referenced]
            if resource.get("Type") == "AWS::Events::EventBus":
                return self._bus(stack, referenced), (stack.account, stack.region)
            label = f"{_construct_id(resource, referenced)}\n{_short_type(str(resource.get('Type', '')))}"
            return self.graph.add_node(Node(f"{stack.key}_{referenced}", label, kind, stack.key)), None
        text = as_text(value)
        match = _BUS_ARN.match(text)
        if match:
            region, account = match.group(2), match.group(3)
            account = stack.account if account.startswith("${") else account
            region = stack.region if region.startswith("${") else region
            return self._remote_bus(account, region, match.group(4), stack), (account, region)
        safe = re.sub(r"\W", "_", text)[:80]
        return self.graph.add_node(Node(f"ext_{safe}", _clip(text), "external", None)), None

    @staticmethod
    def _named(stack: _Stack, match: re.Match[str]) -> str:
        """A `${LogicalId...` reference of a pattern, shown with the construct id of that resource."""
        resource = stack.resources.get(match.group(1))
        return match.group(0) if resource is None else "${" + _construct_id(resource, match.group(1)) + match.group(2)

    def _rule(self, stack: _Stack, logical_id: str, resource: dict[str, Any]) -> None:
        props = resource.get("Properties") or {}
        lines = [f"rule {_construct_id(resource, logical_id)}"]
        if props.get("State") == "DISABLED":
            lines[0] += " (disabled)"
        if props.get("ScheduleExpression") is not None:
            lines.append(as_text(props["ScheduleExpression"]))
        if props.get("EventPattern") is not None:
            lines.extend(_REFERENCE.sub(lambda m: self._named(stack, m), line)
                         for line in pattern_summary(props["EventPattern"]))
        rule = self.graph.add_node(Node(f"{stack.key}_{logical_id}", "\n".join(lines), "rule", stack.key))
        if props.get("EventPattern") is not None or props.get("ScheduleExpression") is None:
            self.graph.edges.append(Edge(self._bus_of_rule(stack, props.get("EventBusName")), rule, "", "event"))
        else:  # a schedule fires the rule; it does not come from a bus
            self.graph.edges.append(Edge(self.graph.add_node(
                Node(f"{stack.key}__schedule", "schedules", "bus", stack.key)), rule, "", "event"))
        for target in props.get("Targets") or []:
            if not isinstance(target, dict):
                continue
            target_id = str(target.get("Id", ""))
            node, bus_env = self._endpoint(stack, target.get("Arn"), "target")
            hop = []
            if bus_env is not None and _UNKNOWN[0] not in (bus_env[0], stack.account) and bus_env[0] != stack.account:
                hop.append("cross-account")
            if bus_env is not None and _UNKNOWN[1] not in (bus_env[1], stack.region) and bus_env[1] != stack.region:
                hop.append("cross-region")
            label = f"{target_id}: {', '.join(hop)}" if hop else target_id
            self.graph.edges.append(Edge(rule, node, label, "hop" if hop else "target"))
            dead_letter = (target.get("DeadLetterConfig") or {}).get("Arn")
            if dead_letter is not None:
                dlq, _ = self._endpoint(stack, dead_letter, "dlq")
                self.graph.nodes[dlq].kind = "dlq"
                self.graph.edges.append(Edge(rule, dlq, f"{target_id}: dead letters", "dlq"))


def build_graph(stacks: list[tuple[str, str, dict[str, Any]]]) -> Graph:
    """The graph of templates given as (stack name, environment `aws://account/region`, template)."""
    return _Builder(stacks).build()
