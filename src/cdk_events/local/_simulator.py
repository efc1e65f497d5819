"""Run the rules of any cloud assembly or template locally: which rules an event fires, what each target
receives, and which scheduled rules fire in a time window.

It reads plain templates, so it works on the ``cdk.out`` of an aws-cdk-lib app, of a cdk-events app, or on
a CloudFormation template. Every ``AWS::Events::Rule`` of every stack takes part, on its bus
(``EventBusName``; the default bus when it has none). A target that is an event bus of a stack of the
assembly (another account's or region's default bus, as aws-cdk-lib writes for a cross-account target)
passes the event on to the rules of that bus.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from ._assembly_model import (
    Resolver,
    StackModel,
    Unresolved,
    load_assembly,
    load_template,
    parse_environment,
    unresolved_keys,
)
from ._errors import InvalidEventError, InvalidEventPatternError, InvalidInputError, LocalEngineError
from ._input import render_input
from ._pattern_unknowns import decide
from ._scheduler import next_fire_times
from ._test_event_pattern import REQUIRED_EVENT_FIELDS, parse_event

__all__ = ["Deliveries", "Delivery", "Firing", "Simulator", "UndecidableRule", "UndecidableRuleError"]

_MAX_HOPS = 8
_SEGMENT = r"(?:\$\{[^}]*\}|[^:$])*"
_BUS_ARN = re.compile(rf"^arn:{_SEGMENT}:events:({_SEGMENT}):({_SEGMENT}):event-bus/(.+)$")
_ENVELOPE = ("version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail")


@dataclass(frozen=True)
class UndecidableRule:
    """A rule whose pattern (or schedule) holds deploy-time values nobody set, on which its verdict depends.

    ``keys`` are the names to pass in ``set`` (``{"Uploads4F6EB0FD": "my-bucket"}``)."""

    stack: str
    rule: str
    rule_path: str | None
    keys: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.rule_path or self.stack + '/' + self.rule} (set {', '.join(self.keys)})"


class UndecidableRuleError(LocalEngineError):
    """Whether a rule fires depends on deploy-time values nobody set; ``rules`` lists them and the keys."""

    def __init__(self, rules: Sequence[UndecidableRule]) -> None:
        self.rules = tuple(rules)
        names = "; ".join(str(rule) for rule in self.rules)
        super().__init__(
            f"cannot decide whether these rules fire: their patterns hold deploy-time values: {names}. "
            "Pass set={'<key>': <value>} (CLI: --set KEY=VALUE), or strict=False to skip them")


@dataclass(frozen=True)
class Delivery:
    """What one target of a rule that fired receives.

    ``rule`` is the rule's logical id, ``rule_path`` its construct path (``Shop/OrderPlaced``) when the
    template has path metadata, ``rule_name`` its name (a placeholder such as ``${Rule4C995B7F}`` when
    CloudFormation generates it). ``target_arn`` is the target's ARN as text, deploy-time values shown as
    placeholders (``${Queue4A7E3555.Arn}``); ``input`` the exact body the target receives. ``via`` lists the
    rules (paths) an event crossed on its way from bus to bus before reaching this rule.
    """

    stack: str
    rule: str
    rule_path: str | None
    rule_name: str
    bus: str
    target_id: str
    target_arn: str
    input: str
    via: tuple[str, ...] = ()

    @property
    def input_json(self) -> Any:
        """``input`` parsed as JSON."""
        return json.loads(self.input)

    @property
    def rule_ref(self) -> str:
        """``rule_path`` when known, else ``<stack>/<logical id>``."""
        return self.rule_path or f"{self.stack}/{self.rule}"

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready summary."""
        return {"stack": self.stack, "rule": self.rule, "rulePath": self.rule_path, "ruleName": self.rule_name,
                "bus": self.bus, "targetId": self.target_id, "targetArn": self.target_arn, "input": self.input,
                "via": list(self.via)}


class Deliveries(list[Delivery]):
    """The deliveries of one event (a list of :class:`Delivery`), in rule order; each delivery to a bus is
    followed by what that bus's rules delivered. ``undecidable`` lists the rules skipped with
    ``strict=False``."""

    def __init__(self, items: Iterable[Delivery] = (), undecidable: Iterable[UndecidableRule] = ()) -> None:
        super().__init__(items)
        self.undecidable: tuple[UndecidableRule, ...] = tuple(undecidable)

    @property
    def rules(self) -> list[str]:
        """The rules that fired (``rule_ref``), each once, in order."""
        return list(dict.fromkeys(d.rule_ref for d in self))

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready summary (``deliveries`` and ``undecidable``)."""
        return {"deliveries": [d.to_json() for d in self],
                "undecidable": [{"stack": u.stack, "rule": u.rule, "rulePath": u.rule_path, "set": list(u.keys)}
                                for u in self.undecidable]}


@dataclass(frozen=True)
class Firing:
    """One firing of a scheduled rule: when, which rule, its expression and what its targets receive."""

    time: datetime
    stack: str
    rule: str
    rule_path: str | None
    rule_name: str
    expression: str
    deliveries: tuple[Delivery, ...] = ()

    @property
    def rule_ref(self) -> str:
        """``rule_path`` when known, else ``<stack>/<logical id>``."""
        return self.rule_path or f"{self.stack}/{self.rule}"

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready summary."""
        return {"time": self.time.strftime("%Y-%m-%dT%H:%M:%SZ"), "stack": self.stack, "rule": self.rule,
                "rulePath": self.rule_path, "ruleName": self.rule_name, "expression": self.expression,
                "deliveries": [d.to_json() for d in self.deliveries]}


@dataclass
class _Rule:
    stack: StackModel
    resolver: Resolver
    logical_id: str
    path: str | None
    name: str
    arn: str
    bus: tuple[str, str, str]
    pattern: Any
    schedule: Any
    targets: list[Mapping[str, Any]]

    @property
    def ref(self) -> str:
        return self.path or f"{self.stack.name}/{self.logical_id}"


@dataclass
class _Bus:
    key: tuple[str, str, str]
    aliases: set[str] = field(default_factory=set)


def _path(resource: Mapping[str, Any]) -> str | None:
    path = (resource.get("Metadata") or {}).get("aws:cdk:path")
    if not isinstance(path, str):
        return None
    return path.removesuffix("/Resource")


def _bus_name(text: str) -> str:
    """A bus's name from an ``EventBusName`` (a name or an ARN)."""
    if text.startswith("arn:") and ":event-bus/" in text:
        return text.split(":event-bus/", 1)[1]
    return text


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class Simulator:
    """The rules of a cloud assembly or of templates, run locally.

    Build it with :meth:`from_assembly`, :meth:`from_template`, :meth:`from_app` or :meth:`load`.
    ``set`` gives deploy-time values (keys as in the placeholders: ``"Uploads4F6EB0FD"`` for a ``Ref``,
    ``"Queue4A7E3555.Arn"`` for a ``Fn::GetAtt``, ``"AWS::Partition"``); they apply in every stack.
    Default: none set, so such values show as ``${...}`` placeholders.
    """

    def __init__(self, stacks: Sequence[StackModel], *, set: Mapping[str, Any] | None = None) -> None:
        self.stacks: tuple[StackModel, ...] = tuple(stacks)
        self.values: dict[str, Any] = dict(set or {})
        self._rules: list[_Rule] = []
        self._buses: list[_Bus] = []
        self._envs: list[tuple[str, str]] = []
        for stack in self.stacks:
            self._read_stack(stack)

    # --- construction ---------------------------------------------------------------------------------

    @classmethod
    def from_assembly(cls, directory: str | Path, *, set: Mapping[str, Any] | None = None) -> Simulator:
        """The stacks of the cloud assembly folder ``directory`` (a ``cdk.out`` of aws-cdk-lib or cdk-events).

        Raises :class:`AssemblyError` when the folder or its manifest is missing or unreadable."""
        return cls(load_assembly(directory), set=set)

    @classmethod
    def from_template(cls, template: Any, *, set: Mapping[str, Any] | None = None,
                      env: str | None = None, name: str | None = None) -> Simulator:
        """One template: a dict, JSON text, a JSON (or, with PyYAML installed, YAML) file, or an
        ``assertions.Template``. ``env`` (``aws://ACCOUNT/REGION``) defaults to environment-agnostic;
        ``name`` (the stack's name in results) to the file's stem or ``"Template"``."""
        return cls([load_template(template, name=name, env=env)], set=set)

    @classmethod
    def from_app(cls, app: Any, *, set: Mapping[str, Any] | None = None) -> Simulator:
        """A cdk-events ``App`` (or ``Stage``): synthesizes it and reads the assembly it wrote."""
        assembly = app.synth()
        return cls.from_assembly(assembly.directory, set=set)

    @classmethod
    def load(cls, source: str | Path, *, set: Mapping[str, Any] | None = None,
             env: str | None = None) -> Simulator:
        """A cloud assembly folder or a template file, whichever ``source`` is (the CLI's entry)."""
        if Path(source).is_dir():
            return cls.from_assembly(source, set=set)
        return cls.from_template(source, set=set, env=env)

    def _read_stack(self, stack: StackModel) -> None:
        resolver = Resolver(stack, self.values)
        env = (resolver.text({"Ref": "AWS::AccountId"}), resolver.text({"Ref": "AWS::Region"}))
        if env not in self._envs:
            self._envs.append(env)
        partition = resolver.text({"Ref": "AWS::Partition"})
        for logical_id, resource in stack.resources.items():
            if not isinstance(resource, Mapping):
                continue
            props = resource.get("Properties") or {}
            if resource.get("Type") == "AWS::Events::EventBus":
                name = resolver.text({"Ref": logical_id})
                bus = _Bus((*env, name), {name, logical_id, resolver.text({"Fn::GetAtt": [logical_id, "Arn"]})})
                path = _path(resource)
                if path:
                    bus.aliases.update({path, path.rsplit("/", 1)[-1]})
                self._buses.append(bus)
                continue
            if resource.get("Type") != "AWS::Events::Rule":
                continue
            state = props.get("State", "ENABLED")
            if isinstance(state, str) and state == "DISABLED":
                continue
            bus_name = _bus_name(resolver.text(props.get("EventBusName", "default")))
            raw_name = props.get("Name")
            name = resolver.text(raw_name) if raw_name is not None else resolver.text({"Ref": logical_id})
            if raw_name is not None and "${" not in name:
                rule_part = name if bus_name == "default" else f"{bus_name}/{name}"
                arn = f"arn:{partition}:events:{env[1]}:{env[0]}:rule/{rule_part}"
            else:
                arn = resolver.text({"Fn::GetAtt": [logical_id, "Arn"]})
            pattern = props.get("EventPattern")
            schedule = props.get("ScheduleExpression")
            targets = [t for t in props.get("Targets") or [] if isinstance(t, Mapping)]
            self._rules.append(_Rule(
                stack, resolver, logical_id, _path(resource), name, arn, (*env, bus_name),
                resolver.value(pattern) if pattern is not None else None,
                resolver.value(schedule) if schedule is not None else None, targets))

    # --- queries --------------------------------------------------------------------------------------

    @property
    def rules(self) -> list[str]:
        """Every enabled rule (construct path, or ``<stack>/<logical id>``), in stack and template order."""
        return [rule.ref for rule in self._rules]

    def _start(self, event: dict[str, Any], env: str | None) -> list[tuple[str, str]]:
        """The environments an event is put in: the one of its account and region (or ``env``), where
        environment-agnostic stacks are too."""
        account, region = parse_environment(env) if env else (event.get("account"), event.get("region"))
        keys: list[tuple[str, str]] = []
        for stack_env in self._envs:
            agnostic_account, agnostic_region = stack_env[0].startswith("${"), stack_env[1].startswith("${")
            if (account is None or agnostic_account or stack_env[0] == account) and (
                    region is None or agnostic_region or stack_env[1] == region):
                keys.append(stack_env)
        concrete = [k for k in keys if not k[0].startswith("${") and not k[1].startswith("${")]
        if len(concrete) > 1:
            raise LocalEngineError(
                f"the stacks are in {len(concrete)} environments "
                f"({', '.join(f'aws://{a}/{r}' for a, r in concrete)}): "
                "give the event an account and a region, or pass env='aws://ACCOUNT/REGION'")
        if not keys:
            envs = sorted({s.environment for s in self.stacks})
            raise LocalEngineError(
                f"no stack is in account {account} and region {region} (the event's or env's): "
                f"the stacks are in {', '.join(envs) or 'no environment'}")
        return concrete + [k for k in keys if k not in concrete]

    def _bus_key(self, env: tuple[str, str], bus: str) -> tuple[str, str, str]:
        arn = _BUS_ARN.match(bus)
        if arn is not None and not any(bus in b.aliases for b in self._buses):
            bus = arn.group(3)
        if bus == "default":
            return (*env, "default")
        for candidate in self._buses:
            if candidate.key[:2] == env and bus in candidate.aliases:
                return candidate.key
        names = {r.bus[2] for r in self._rules if r.bus[:2] == env}
        if bus in names or _bus_name(bus) in names:
            return (*env, _bus_name(bus))
        known = sorted(names | {"default"} | {b.key[2] for b in self._buses if b.key[:2] == env})
        if "${" in env[0] + env[1]:  # environment-agnostic stacks: no environment worth naming
            raise LocalEngineError(f"no bus {bus!r}: the buses are {', '.join(known)}")
        raise LocalEngineError(f"no bus {bus!r} in aws://{env[0]}/{env[1]}: the buses there are {', '.join(known)}")

    def send(self, event: Mapping[str, Any] | str, bus: str = "default", *, env: str | None = None,
             strict: bool = True) -> Deliveries:
        """Put ``event`` on ``bus`` and return what every target receives (rules in stack and template order).

        ``bus`` is ``"default"`` (the default), a bus's name, logical id, construct id or path, or ARN.
        The bus is the one in the environment of the event's ``account`` and ``region`` (``env``,
        ``aws://ACCOUNT/REGION``, overrides them; an environment-agnostic stack is in every environment).
        Like PutEvents, a missing ``version``, ``id``, ``time``, ``resources``, ``account`` or ``region``
        is filled in (``id`` random, ``time`` now). A rule whose verdict depends on deploy-time values
        nobody set raises :class:`UndecidableRuleError`; with ``strict=False`` it is skipped and listed in
        the result's ``undecidable``.
        """
        parsed = dict(parse_event(event))
        envs = self._start(parsed, env)
        start = envs[0]
        defaults = {"version": "0", "id": str(uuid.uuid4()), "time": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "account": "123456789012" if start[0].startswith("${") else start[0],
                    "region": "us-east-1" if start[1].startswith("${") else start[1], "resources": []}
        full = {k: parsed[k] if k in parsed else defaults[k] for k in _ENVELOPE if k in parsed or k in defaults}
        full.update((k, v) for k, v in parsed.items() if k not in full)
        missing = [name for name in REQUIRED_EVENT_FIELDS if name not in full]
        if missing:
            raise InvalidEventError(f"missing field(s): {', '.join(missing)}")
        out: list[Delivery] = []
        undecidable: list[UndecidableRule] = []
        keys = []
        for candidate in envs:
            try:
                keys.append(self._bus_key(candidate, bus))
            except LocalEngineError:
                if candidate is envs[-1] and not keys:
                    raise
        for key in keys:
            self._put(full, key, (), set(keys), out, undecidable)
        if undecidable and strict:
            raise UndecidableRuleError(undecidable)
        return Deliveries(out, undecidable)

    def _put(self, event: dict[str, Any], bus: tuple[str, str, str], via: tuple[str, ...],
             visited: set[tuple[str, str, str]], out: list[Delivery], undecidable: list[UndecidableRule]) -> None:
        for rule in self._rules:
            if rule.bus != bus or rule.pattern is None:
                continue
            try:
                verdict = decide(rule.pattern, event)
            except InvalidEventError:
                raise
            except InvalidEventPatternError as error:
                raise InvalidEventPatternError(error.reason, message=f"{rule.ref}: {error}") from None
            if verdict is None:
                undecidable.append(UndecidableRule(rule.stack.name, rule.logical_id, rule.path,
                                                   unresolved_keys(rule.pattern)))
            elif verdict:
                self._deliver(rule, event, via, visited, out, undecidable)

    def _deliver(self, rule: _Rule, event: dict[str, Any], via: tuple[str, ...], visited: set[tuple[str, str, str]],
                 out: list[Delivery], undecidable: list[UndecidableRule]) -> None:
        for index, target in enumerate(rule.targets):
            target_id = rule.resolver.text(target.get("Id", f"Target{index}"))
            constant = rule.resolver.text(target["Input"]) if "Input" in target else None
            path = rule.resolver.text(target["InputPath"]) if "InputPath" in target else None
            transformer = self._transformer(rule, target.get("InputTransformer"))
            try:
                body = render_input(event, input=constant, input_path=path, input_transformer=transformer,
                                    rule_arn=rule.arn, rule_name=rule.name, target_id=target_id,
                                    ingestion_time=event.get("time") if isinstance(event.get("time"), str) else None)
            except InvalidInputError as error:
                raise type(error)(f"{rule.ref}: {error}") from None
            arn = rule.resolver.text(target.get("Arn", ""))
            out.append(Delivery(rule.stack.name, rule.logical_id, rule.path, rule.name, rule.bus[2], target_id,
                                arn, body, via))
            forward = self._forward_bus(rule, arn)
            if forward is None or forward in visited or len(via) >= _MAX_HOPS:
                continue
            passed = event
            if constant is not None or path is not None or transformer is not None:
                try:
                    passed = parse_event(body)
                except LocalEngineError:
                    continue
                if any(name not in passed for name in REQUIRED_EVENT_FIELDS):
                    continue
            self._put(passed, forward, (*via, rule.ref), visited | {forward}, out, undecidable)

    @staticmethod
    def _transformer(rule: _Rule, transformer: Any) -> dict[str, Any] | None:
        if not isinstance(transformer, Mapping):
            return None
        paths = transformer.get("InputPathsMap") or {}
        return {"InputPathsMap": {k: rule.resolver.text(v) for k, v in paths.items()} if isinstance(paths, Mapping)
                else rule.resolver.text(paths),
                "InputTemplate": rule.resolver.text(transformer.get("InputTemplate", ""))}

    def _forward_bus(self, rule: _Rule, arn: str) -> tuple[str, str, str] | None:
        """The bus (of a stack of the assembly) a target ARN names, if it is one."""
        for bus in self._buses:
            if bus.key[:2] == rule.bus[:2] and arn in bus.aliases:
                return bus.key
        match = _BUS_ARN.match(arn)
        if match is None:
            return None
        region, account, name = match.groups()
        key = (account, region, name)
        if name != "default" and not any(r.bus == key for r in self._rules):
            return None
        if not any(r.bus[:2] == (account, region) for r in self._rules):
            return None
        return key

    def scheduled_between(self, start: datetime, end: datetime, *, limit: int = 10_000) -> list[Firing]:
        """The firings of the scheduled rules from ``start`` (included) to ``end`` (excluded), by time.

        Naive datetimes are UTC. ``cron(...)`` rules fire at their times; a ``rate(...)`` rule is taken to be
        created at ``start``, so it fires at ``start + rate``, ``start + 2 * rate`` ... Each firing holds what
        the targets receive for the "Scheduled Event". Raises :class:`LocalEngineError` when there are more
        than ``limit`` firings (default 10,000), :class:`UndecidableRuleError` when an expression holds a
        deploy-time value nobody set, :class:`InvalidScheduleError` for an invalid expression.
        """
        start, end = _utc(start), _utc(end)
        firings: list[tuple[datetime, int, _Rule, str]] = []
        unknown = [UndecidableRule(r.stack.name, r.logical_id, r.path, r.schedule.keys)
                   for r in self._rules if isinstance(r.schedule, Unresolved)]
        if unknown:
            raise UndecidableRuleError(unknown)
        for order, rule in enumerate(self._rules):
            if rule.schedule is None or rule.bus[2] != "default":
                continue
            expression = str(rule.schedule)
            after = start if expression.strip().startswith("rate(") else start - timedelta(microseconds=1)
            while True:
                times = next_fire_times(expression, after, 256)
                for moment in times:
                    if moment >= end:
                        break
                    firings.append((moment, order, rule, expression))
                    if len(firings) > limit:
                        raise LocalEngineError(f"more than {limit} scheduled firings between {start} and {end}: "
                                               "narrow the window or raise limit")
                if len(times) < 256 or times[-1] >= end:
                    break
                after = times[-1]
        firings.sort(key=lambda item: (item[0], item[1]))
        return [self._fire(moment, rule, expression) for moment, _, rule, expression in firings]

    def _fire(self, moment: datetime, rule: _Rule, expression: str) -> Firing:
        account, region = rule.bus[0], rule.bus[1]
        time = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
        event = {"version": "0", "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{rule.ref}@{time}")),
                 "detail-type": "Scheduled Event", "source": "aws.events", "account": account, "time": time,
                 "region": region, "resources": [rule.arn], "detail": {}}
        out: list[Delivery] = []
        undecidable: list[UndecidableRule] = []
        self._deliver(rule, event, (), {rule.bus}, out, undecidable)
        if undecidable:
            raise UndecidableRuleError(undecidable)
        return Firing(moment, rule.stack.name, rule.logical_id, rule.path, rule.name, expression, tuple(out))

