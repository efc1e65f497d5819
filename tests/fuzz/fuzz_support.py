"""The hostile-user fuzz of the public boundary: entry points, valid arguments, hostile values, outcomes.

An *entry point* is a public constructor, static or class method, or instance method of a public name of
`cdk_events`, `cdk_events.core`, `cdk_events.targets` or a service package (`cdk_events.aws.<svc>`). Each case
calls one entry point with valid arguments (built from the annotations: a fresh stack for `scope`, a queue for
an `IQueue`, ...) except one parameter, which gets a hostile value. The outcome is one of:

* `library error` - a `CdkEventsError` (the call refused the value, or synthesis did);
* `accepted` - the call and the synthesis of the app went through (the templates are then linted, a sample);
* `raw error` - any other exception, from the call or the synthesis: a failure;
* `invalid template` - accepted, but cfn-lint finds an error in a template: a failure.
"""

from __future__ import annotations

import enum
import functools
import importlib
import inspect
import math
import pkgutil
import shutil
import signal
import tempfile
import traceback
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cdk_events
import cdk_events.aws
from cdk_events.core import CdkEventsError
from cdk_events.core._checked import _Context

PACKAGES = ["cdk_events", "cdk_events.core", "cdk_events.targets",
            *sorted(f"cdk_events.aws.{m.name}" for m in pkgutil.iter_modules(cdk_events.aws.__path__))]


# --- hostile values ----------------------------------------------------------------------------------------


def _deep(levels: int) -> dict[str, Any]:
    root: dict[str, Any] = {}
    node = root
    for _ in range(levels):
        node["a"] = {}
        node = node["a"]
    return root


def _deep_list(levels: int) -> list[Any]:
    root: list[Any] = []
    node = root
    for _ in range(levels):
        child: list[Any] = []
        node.append(child)
        node = child
    return root


class _Opaque:
    """An object of no expected type."""

    def __repr__(self) -> str:
        return "<opaque>"


def hostile_values() -> list[tuple[str, Callable[[], Any]]]:
    """(label, factory) of the hostile values (a factory: each case gets its own, deep ones included)."""
    from cdk_events.core import Aws, Duration

    return [
        ("None", lambda: None),
        ("object", _Opaque),
        ("True", lambda: True),
        ("False", lambda: False),
        ("0", lambda: 0),
        ("-1", lambda: -1),
        ("1.5", lambda: 1.5),
        ("NaN", lambda: math.nan),
        ("inf", lambda: math.inf),
        ("-inf", lambda: -math.inf),
        ("10**400", lambda: 10**400),
        ("2**63", lambda: 2**63),
        ("-2**63", lambda: -(2**63)),
        ("1e308", lambda: 1e308),
        ("empty string", lambda: ""),
        ("'false'", lambda: "false"),
        ("'orders'", lambda: "orders"),
        ("300,000 characters", lambda: "x" * 300_000),
        ("unicode", lambda: "ünïcödé-名前-🚀"),
        ("lone surrogate", lambda: "a\ud800b"),
        ("NUL", lambda: "a\x00b"),
        ("newline", lambda: "a\nb"),
        ("final newline", lambda: "orders\n"),
        ("fake string token", lambda: "cost ${Token[TOKEN.99999999]}"),
        ("fake list token", lambda: ["#{Token[TOKEN.99999998]}"]),
        ("real token", lambda: Aws.REGION),
        ("arn", lambda: "arn:aws:sqs:us-east-1:123456789012:queue"),
        ("bytes", lambda: b"bytes"),
        ("empty list", lambda: []),
        ("list of str", lambda: ["a", "b"]),
        ("list of None", lambda: [None]),
        ("list with NaN", lambda: [math.nan]),
        ("empty dict", lambda: {}),
        ("dict", lambda: {"x": 1}),
        ("dict with NaN", lambda: {"x": math.nan}),
        ("dict with 10**400", lambda: {"n": [10**400]}),
        ("dict with int key", lambda: {1: "x"}),
        ("3,000-deep dict", lambda: _deep(3000)),
        ("3,000-deep list", lambda: _deep_list(3000)),
        ("set", lambda: {"a"}),
        ("tuple", lambda: ("a",)),
        ("lambda", lambda: (lambda: 1)),
        ("Duration", lambda: Duration.minutes(1)),
        ("enum member", lambda: _Color.RED),
    ]


class _Color(enum.Enum):
    RED = "RED"


# --- valid arguments -----------------------------------------------------------------------------------------


class Unbuildable(Exception):
    """No valid value is known for a parameter: the entry point is left out."""


@dataclass
class World:
    """What one case builds in: an app and a stack, and the resources made for arguments (cached by kind)."""

    app: Any
    stack: Any
    outdir: Path
    made: dict[str, Any] = field(default_factory=dict)
    counter: int = 0

    def next_id(self, base: str = "Thing") -> str:
        self.counter += 1
        return f"{base}{self.counter}"


def new_world() -> World:
    from cdk_events.core import App, Stack

    outdir = Path(tempfile.mkdtemp(prefix="cdk-events-fuzz-"))
    app = App(outdir=str(outdir), context={"aws:cdk:version-reporting": False})
    stack = Stack(app, "Fuzz", env={"account": "123456789012", "region": "us-east-1"})
    return World(app, stack, outdir)


def _resource(world: World, kind: str, build: Callable[[World], Any]) -> Any:
    if kind not in world.made:
        world.made[kind] = build(world)
    return world.made[kind]


def _protocol_factories() -> dict[str, Callable[[World], Any]]:
    """Valid objects for the protocols the entry points take."""

    def queue(w: World) -> Any:
        from cdk_events.aws import sqs

        return _resource(w, "queue", lambda w: sqs.Queue(w.stack, w.next_id("Queue")))

    def bus(w: World) -> Any:
        return _resource(w, "bus", lambda w: cdk_events.EventBus(w.stack, w.next_id("Bus")))

    def role(w: World) -> Any:
        from cdk_events.aws import iam

        return _resource(w, "role", lambda w: iam.Role(
            w.stack, w.next_id("Role"), assumed_by=iam.ServicePrincipal("events.amazonaws.com")))

    def key(w: World) -> Any:
        from cdk_events.aws import kms

        return _resource(w, "key", lambda w: kms.Key(w.stack, w.next_id("Key")))

    def topic(w: World) -> Any:
        from cdk_events.aws import sns

        return _resource(w, "topic", lambda w: sns.Topic(w.stack, w.next_id("Topic")))

    def function(w: World) -> Any:
        from cdk_events.aws import lambda_

        return _resource(w, "function", lambda w: lambda_.Function(
            w.stack, w.next_id("Fn"), runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return None\n")))

    def bucket(w: World) -> Any:
        from cdk_events.aws import s3

        return _resource(w, "bucket", lambda w: s3.Bucket(w.stack, w.next_id("Bucket")))

    def stream(w: World) -> Any:
        from cdk_events.aws import kinesis

        return _resource(w, "stream", lambda w: kinesis.Stream(w.stack, w.next_id("Stream")))

    def log_group(w: World) -> Any:
        from cdk_events.aws import logs

        return _resource(w, "log_group", lambda w: logs.LogGroup(w.stack, w.next_id("Logs")))

    def connection(w: World) -> Any:
        from cdk_events.core import SecretValue

        return _resource(w, "connection", lambda w: cdk_events.Connection(
            w.stack, w.next_id("Connection"),
            authorization=cdk_events.Authorization.api_key("x-api-key", SecretValue.unsafe_plain_text("secret"))))

    def api_destination(w: World) -> Any:
        return _resource(w, "api_destination", lambda w: cdk_events.ApiDestination(
            w.stack, w.next_id("Destination"), connection=connection(w), endpoint="https://example.com/orders"))

    def rule(w: World) -> Any:
        return _resource(w, "rule", lambda w: cdk_events.Rule(
            w.stack, w.next_id("Rule"), event_pattern=cdk_events.EventPattern(source=["fuzz"])))

    def target(w: World) -> Any:
        from cdk_events import targets

        return targets.SqsQueue(queue(w))

    def principal(w: World) -> Any:
        from cdk_events.aws import iam

        return iam.ServicePrincipal("events.amazonaws.com")

    def state_machine(w: World) -> Any:
        from cdk_events.aws import sfn

        return _resource(w, "state_machine", lambda w: sfn.StateMachine(
            w.stack, w.next_id("Machine"),
            definition_body=sfn.DefinitionBody.from_chainable(sfn.Pass(w.stack, w.next_id("Pass")))))

    return {
        "IQueue": queue, "IEventBus": bus, "IRole": role, "IKey": key, "ITopic": topic, "IFunction": function,
        "IBucket": bucket, "IStream": stream, "ILogGroup": log_group, "IConnection": connection,
        "IApiDestination": api_destination, "IRule": rule, "IRuleTarget": target, "IPrincipal": principal,
        "IGrantable": role, "IStateMachine": state_machine, "IConstruct": lambda w: w.stack,
    }


def _class_factories() -> dict[str, Callable[[World], Any]]:
    """Valid objects of the classes whose constructor is not the way to build them."""
    from cdk_events.core import Duration, SecretValue

    def statement(w: World) -> Any:
        from cdk_events.aws import iam

        return iam.PolicyStatement(actions=["sqs:SendMessage"], resources=["*"])

    return {
        "Duration": lambda w: Duration.minutes(5),
        "Schedule": lambda w: cdk_events.Schedule.rate(Duration.minutes(5)),
        "Authorization": lambda w: cdk_events.Authorization.api_key("x-api-key",
                                                                    SecretValue.unsafe_plain_text("secret")),
        "RuleTargetInput": lambda w: cdk_events.RuleTargetInput.from_text("hello"),
        "EventPattern": lambda w: cdk_events.EventPattern(source=["fuzz"]),
        "SecretValue": lambda w: SecretValue.unsafe_plain_text("secret"),
        "HttpParameter": lambda w: cdk_events.HttpParameter.from_string("v"),
        "PolicyStatement": statement,
        "Construct": lambda w: w.stack,
        "Node": lambda w: w.stack.node,
        "Stack": lambda w: w.stack,
        "App": lambda w: w.app,
    }


_STRINGS = {"arn": "arn:aws:sqs:us-east-1:123456789012:fuzz-queue", "endpoint": "https://example.com/orders",
            "url": "https://example.com/orders", "path": "$.detail", "region": "us-east-1",
            "account": "123456789012", "expression": "rate(5 minutes)", "range": "10.0.0.0/24"}


def valid_value(annotation: Any, name: str, world: World, depth: int = 0) -> Any:
    """A valid value of `annotation` for a parameter called `name`."""
    if depth > 4:
        raise Unbuildable(name)
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, __import__("types").UnionType):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        for member in members:
            try:
                return valid_value(member, name, world, depth + 1)
            except Unbuildable:
                continue
        raise Unbuildable(name)
    if name == "scope":
        return world.stack
    if name == "id":
        return world.next_id("Id")
    if annotation is str:
        for hint, value in _STRINGS.items():
            if hint in name.lower():
                return value
        return "fuzz"
    if annotation is bool:
        return True
    if annotation in (int, float):
        return 1
    if annotation is Any or annotation is object:
        return "fuzz"
    if origin in (list, tuple, typing.Sequence, __import__("collections.abc").abc.Sequence):
        args = typing.get_args(annotation)
        return [valid_value(args[0] if args else str, name.rstrip("s"), world, depth + 1)]
    if origin in (dict, Mapping, __import__("collections.abc").abc.Mapping):
        args = typing.get_args(annotation)
        return {"key": valid_value(args[1] if len(args) == 2 else str, "value", world, depth + 1)}
    if isinstance(annotation, type):
        if issubclass(annotation, enum.Enum):
            return next(iter(annotation))
        protocols = _protocol_factories()
        if annotation.__name__ in protocols:
            return protocols[annotation.__name__](world)
        classes = _class_factories()
        if annotation.__name__ in classes:
            return classes[annotation.__name__](world)
        if getattr(annotation, "_is_protocol", False):
            raise Unbuildable(annotation.__name__)
        return build_instance(annotation, world, depth + 1)
    raise Unbuildable(str(annotation))


def build_instance(cls: type, world: World, depth: int) -> Any:
    """An instance of `cls` from its constructor with valid values for the required parameters (not of the
    abstract `...Base` classes, which subclasses complete, as in the CDK)."""
    classes = _class_factories()
    if cls.__name__ in classes:
        return classes[cls.__name__](world)
    if cls.__name__.endswith("Base") and cls.__name__ != "Base":
        concrete = _concrete_subclass(cls)
        if concrete is None:
            raise Unbuildable(cls.__name__)
        cls = concrete
    call = EntryPoint.for_constructor(cls)
    if call is None:
        raise Unbuildable(cls.__name__)
    try:
        return call.call(world, call.valid_arguments(world, depth))
    except CdkEventsError:
        raise Unbuildable(cls.__name__) from None


def _concrete_subclass(base: type) -> type | None:
    """The public class completing an abstract `XBase` (`BucketBase` -> `Bucket`)."""
    wanted = base.__name__.removesuffix("Base").lstrip("_")
    for _, cls in _public_classes():
        if cls.__name__ == wanted and issubclass(cls, base):
            return cls
    return None


# --- entry points ------------------------------------------------------------------------------------------


@dataclass
class Parameter:
    name: str
    annotation: Any
    required: bool
    positional_only: bool


@dataclass
class EntryPoint:
    """One public callable: `owner.attribute` (constructor when `attribute` is `__init__`)."""

    label: str
    owner: type
    attribute: str
    kind: str  # "constructor", "static", "method"
    parameters: list[Parameter]

    @staticmethod
    def for_constructor(cls: type) -> EntryPoint | None:
        return EntryPoint._make(cls, "__init__", "constructor")

    @staticmethod
    def _make(cls: type, attribute: str, kind: str) -> EntryPoint | None:
        raw = inspect.getattr_static(cls, attribute)
        func = getattr(raw, "__func__", raw)
        func = inspect.unwrap(func)
        try:
            signature = inspect.signature(func)
        except (TypeError, ValueError):
            return None
        context = _Context(func, cls)
        parameters = []
        for index, param in enumerate(signature.parameters.values()):
            if (index == 0 and kind in ("constructor", "method")) or (isinstance(raw, classmethod) and index == 0):
                continue
            if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
                continue
            parameters.append(Parameter(param.name, context.evaluate(param.annotation),
                                        param.default is param.empty, param.kind is param.POSITIONAL_ONLY))
        label = cls.__qualname__ if kind == "constructor" else f"{cls.__qualname__}.{attribute}"
        return EntryPoint(label, cls, attribute, kind, parameters)

    def valid_arguments(self, world: World, depth: int = 0) -> dict[str, Any]:
        arguments = {p.name: valid_value(p.annotation, p.name, world, depth) for p in self.parameters if p.required}
        for name, factory in BASELINE_EXTRAS.get(self.label, {}).items():
            arguments[name] = factory(world)
        return arguments

    def call(self, world: World, arguments: dict[str, Any], instance: Any = None) -> Any:
        given = [arguments[p.name] for p in self.parameters if p.positional_only and p.name in arguments]
        keywords = {p.name: arguments[p.name] for p in self.parameters if not p.positional_only and p.name in arguments}
        if self.kind == "constructor":
            return self.owner(*given, **keywords)
        if self.kind == "static":
            return getattr(self.owner, self.attribute)(*given, **keywords)
        if instance is None:
            instance = build_instance(self.owner, world, 1)
        return getattr(instance, self.attribute)(*given, **keywords)


# Optional arguments some entry points need to make a valid app (a rule needs a pattern or a schedule)
BASELINE_EXTRAS: dict[str, dict[str, Callable[[World], Any]]] = {
    "Rule": {"event_pattern": lambda w: cdk_events.EventPattern(source=["fuzz"])},
}


@functools.cache
def _public_classes() -> list[tuple[str, type]]:
    classes: dict[int, tuple[str, type]] = {}
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        for name in getattr(package, "__all__", ()):
            value = getattr(package, name, None)
            if isinstance(value, type) and not issubclass(value, (BaseException, enum.Enum)) and \
                    not getattr(value, "_is_protocol", False):
                classes.setdefault(id(value), (f"{package_name}.{name}", value))
    return list(classes.values())


# Public names whose constructor only the library calls (a construct makes its own `Node`; a `CfnReference`
# comes from `CfnReference.for_` / `ref` / `get_att`): building them by hand corrupts the tree, as in the CDK.
EXCLUDED = {"Node.__init__": "built by Construct", "CfnReference.__init__": "built by CfnReference.for_",
            "Grant.__init__": "built by the grant methods"}
# The resolver's protocol (`resolve(context)` of a token, ...): called by the library with its own context.
EXCLUDED_METHODS = {"resolve", "produce", "post_process"}


def entry_points() -> list[EntryPoint]:
    """Every public entry point the fuzz can build valid arguments for."""
    found: list[EntryPoint] = []
    for _, cls in _public_classes():
        candidates: list[tuple[str, str]] = []
        if "__init__" in cls.__dict__:
            candidates.append(("__init__", "constructor"))
        for attribute, member in cls.__dict__.items():
            if attribute.startswith("_"):
                continue
            if isinstance(member, (staticmethod, classmethod)):
                candidates.append((attribute, "static"))
            elif inspect.isfunction(member):
                candidates.append((attribute, "method"))
        for attribute, kind in candidates:
            if f"{cls.__qualname__}.{attribute}" in EXCLUDED or attribute in EXCLUDED_METHODS:
                continue
            entry = EntryPoint._make(cls, attribute, kind)
            if entry is not None and entry.parameters:
                found.append(entry)
    return found


# --- one case ----------------------------------------------------------------------------------------------


@dataclass
class Outcome:
    kind: str  # "library error", "accepted", "raw error", "invalid template", "skipped"
    detail: str = ""


class CaseTimeout(BaseException):
    """A case ran longer than `CASE_SECONDS` (a hang: a failure)."""


CASE_SECONDS = 20.0


def _on_alarm(signum: int, frame: Any) -> None:
    raise CaseTimeout


_BASELINES: dict[str, str] = {}
_BASELINE_FINDINGS: dict[str, set[str]] = {}


def is_l1(entry: EntryPoint) -> bool:
    """An L1 class (`CfnRule`, `CfnRule.TargetProperty`, `CfnResource`): it passes its values to CloudFormation
    as they are, as the CDK's L1 classes do (CloudFormation checks them); its templates are not linted."""
    return entry.owner.__qualname__.split(".")[0].startswith("Cfn")


def baseline_findings(entry: EntryPoint) -> set[str]:
    """The cfn-lint rule ids the entry point's valid arguments alone already raise (a required property that
    the fuzz does not give, ...): not the hostile value's doing."""
    if entry.label not in _BASELINE_FINDINGS:
        world = new_world()
        try:
            instance = build_instance(entry.owner, world, 1) if entry.kind == "method" else None
            entry.call(world, entry.valid_arguments(world), instance)
            world.app.synth()
            _BASELINE_FINDINGS[entry.label] = {f.split(" ", 1)[0] for f in lint_assembly(world.outdir)}
        finally:
            shutil.rmtree(world.outdir, ignore_errors=True)
    return _BASELINE_FINDINGS[entry.label]


def baseline_problem(entry: EntryPoint) -> str:
    """Why the entry point with only valid arguments does not make a valid app ('' if it does); cached."""
    if entry.label not in _BASELINES:
        world = new_world()
        try:
            arguments = entry.valid_arguments(world)
            instance = build_instance(entry.owner, world, 1) if entry.kind == "method" else None
            entry.call(world, arguments, instance)
            world.app.synth()
            _BASELINES[entry.label] = ""
        except Exception as error:
            _BASELINES[entry.label] = f"{type(error).__name__}: {str(error)[:120]}"
        finally:
            shutil.rmtree(world.outdir, ignore_errors=True)
    return _BASELINES[entry.label]


def run_case(entry: EntryPoint, parameter: Parameter, value_factory: Callable[[], Any], *,
             lint: bool) -> Outcome:
    """Call `entry` with valid arguments and the hostile value for `parameter`; synthesize; lint if asked.
    An entry point whose valid arguments alone do not make a valid app is skipped."""
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, CASE_SECONDS)
    try:
        problem = baseline_problem(entry)
        if problem:
            return Outcome("skipped", f"baseline: {problem}")
        return _run_case(entry, parameter, value_factory, lint=lint)
    except CaseTimeout:
        return Outcome("raw error", f"no answer within {CASE_SECONDS:.0f} s (a hang)")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _run_case(entry: EntryPoint, parameter: Parameter, value_factory: Callable[[], Any], *,
              lint: bool) -> Outcome:
    world = new_world()
    try:
        try:
            arguments = entry.valid_arguments(world)
        except (Unbuildable, CdkEventsError):
            return Outcome("skipped", "no valid arguments")
        except Exception as error:  # building valid arguments is the fuzz's own business
            return Outcome("skipped", f"valid arguments: {type(error).__name__}: {error}")
        instance = None
        if entry.kind == "method":
            try:
                instance = build_instance(entry.owner, world, 1)
            except (Unbuildable, CdkEventsError):
                return Outcome("skipped", "no instance")
            except Exception as error:
                return Outcome("skipped", f"instance: {type(error).__name__}: {error}")
        arguments[parameter.name] = value_factory()
        try:
            entry.call(world, arguments, instance)
        except CdkEventsError:
            return Outcome("library error")
        except NotImplementedError:  # an abstract method (of a base class the fuzz built as it is)
            return Outcome("skipped", "an abstract method")
        except Exception as error:
            return Outcome("raw error", _describe(error))
        try:
            world.app.synth()
        except CdkEventsError:
            return Outcome("library error")
        except Exception as error:
            return Outcome("raw error", "at synthesis: " + _describe(error))
        if lint and not is_l1(entry):
            baseline = baseline_findings(entry)
            findings = [f for f in lint_assembly(world.outdir) if f.split(" ", 1)[0] not in baseline]
            if findings:
                return Outcome("invalid template", "; ".join(findings[:3]))
        return Outcome("accepted")
    finally:
        shutil.rmtree(world.outdir, ignore_errors=True)


def _raised_by_unused(error: BaseException, entry: EntryPoint) -> bool:
    """True if `error` was raised by the entry point's own body (an abstract method says so)."""
    frames = traceback.extract_tb(error.__traceback__)
    return bool(frames) and frames[-1].name == entry.attribute


def _describe(error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    where = next((f"{Path(f.filename).name}:{f.lineno}" for f in reversed(frames) if "cdk_events" in f.filename),
                 "")
    return f"{type(error).__name__}: {str(error)[:200]} ({where})"


# cfn-lint findings that say nothing about the value under test
_LINT_IGNORED = ("W", "I")


def _is_json(text: str) -> bool:
    import json

    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def lint_assembly(outdir: Path) -> list[str]:
    from cfnlint.api import ManualArgs, lint

    findings: list[str] = []
    for template in sorted(outdir.glob("*.template.json")):
        text = template.read_text(encoding="utf-8")
        if '"Resources"' not in text:
            continue  # an empty stack (the CDK writes it so too): nothing a value could make invalid
        for match in lint(text, config=ManualArgs(regions=["us-east-1"])):
            if match.rule.id.startswith(_LINT_IGNORED):
                continue
            if match.rule.id == "E0000" and _is_json(text):
                continue  # cfn-lint's parser gives up on a valid JSON template (a 300,000-character key)
            findings.append(f"{match.rule.id} {match.message[:160]}")
    return findings
