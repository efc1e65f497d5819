"""The work behind each `cdk-events` subcommand.

The local engine and the graph renderer are imported inside the commands that use them (lazy: `synth`
and `ls` never load them)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._assembly import Assembly, StackArtifact, format_messages, read_assembly
from ._errors import EXIT_FAILED, EXIT_OK, REPORTED_ENV, CommandFailed, UsageError, check_file, read_json
from ._graph import build_graph
from ._project import DEFAULT_OUTPUT, Project, app_environment, parse_context_pairs, quickstart_path, resolve_app


@dataclass
class Options:
    """The parsed command line (global options may come before or after the command)."""

    command: str
    debug: bool = False
    app: str | None = None  # --app
    positional_app: str | None = None  # APP
    output: str | None = None
    context: list[str] = field(default_factory=list)
    strict: bool = False
    quiet: bool = False
    long: bool = False
    json: bool = False
    pattern: str | None = None
    event: str | None = None
    bus: str | None = None
    set: list[str] = field(default_factory=list)
    format: str = "mermaid"


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_ino, stat.st_mtime_ns


def _app_stdout(to_stderr: bool) -> int | None:
    if not to_stderr:
        return None
    try:
        return sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):  # stderr replaced (tests): let the app's output through
        return None


def _run(command: list[str] | str, env: dict[str, str], display: str, to_stderr: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="cdk-events-run-") as tmp:
        reported = Path(tmp) / "reported"
        env = dict(env, **{REPORTED_ENV: str(reported)})
        try:
            result = subprocess.run(command, shell=isinstance(command, str), env=env,
                                    stdout=_app_stdout(to_stderr), check=False)
        except OSError as error:
            raise CommandFailed(f"Failed to execute CDK app: {display} ({error})") from None
        if result.returncode != 0:
            if reported.exists():  # the runner printed the app's error already
                raise CommandFailed(printed=True)
            code = result.returncode if result.returncode > 0 else f"signal {-result.returncode}"
            raise CommandFailed(f"{display}: Subprocess exited with error {code}")


def synthesize(options: Options, outdir: Path, *, bundling: bool, app_stdout_to_stderr: bool) -> Assembly:
    """Run the app (APP, `--app`, cdk.json's `app` or the quickstart) as `cdk synth` runs it, and read
    the assembly it wrote into `outdir`. An assembly folder given as the app is read as it is."""
    project = Project.load()
    source = resolve_app(project, options.positional_app, options.app)
    if source.kind == "assembly":
        return read_assembly(source.value)
    context = project.context(parse_context_pairs(options.context), bundling=bundling)
    if source.value == str(quickstart_path()):
        print("cdk-events: no APP given and no cdk.json here: running the built-in quickstart app",
              file=sys.stderr)
    env = app_environment(outdir, context, debug=options.debug)
    build = project.setting("build")
    if isinstance(build, str) and build.strip():
        _run(build, env, build, app_stdout_to_stderr)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"Could not create output directory {outdir} ({error})") from None
    manifest = outdir / "manifest.json"
    before = _stamp(manifest)
    _run(source.command(), env, source.display, app_stdout_to_stderr)
    after = _stamp(manifest)
    if after is None or after == before:
        raise CommandFailed(f"{source.display} wrote no cloud assembly to {outdir} (does it call app.synth()?)")
    return read_assembly(outdir)


@contextmanager
def _scratch_output() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="cdk-events-") as tmp:
        yield Path(tmp) / "cdk.out"


def command_synth(options: Options) -> int:
    """`cdk-events synth`: write the assembly, print its annotations as `cdk synth` does, and fail on
    an error annotation (on a warning too with `--strict`)."""
    project = Project.load()
    output = project.setting("output", options.output, DEFAULT_OUTPUT)
    if not isinstance(output, str):
        raise UsageError(f"--output takes a string, got {json.dumps(output)}")
    assembly = synthesize(options, Path(output), bundling=True, app_stdout_to_stderr=False)
    messages = assembly.messages
    blocks = format_messages(messages)
    if blocks:
        print("\n\n".join(blocks), file=sys.stderr)
    if any(m.level == "error" for m in messages):
        print("Synthesis finished with errors", file=sys.stderr)
        return EXIT_FAILED
    if options.strict and any(m.level == "warning" for m in messages):
        print("Synthesis finished with warnings (--strict mode)", file=sys.stderr)
        return EXIT_FAILED
    if not options.quiet:
        for stack in assembly.stacks:
            count = len(stack.template.get("Resources", {}))
            print(f"{stack.display_name}: {count} resource{'s' if count != 1 else ''} ({stack.template_file})")
        print(f"Cloud assembly written to {assembly.directory}")
    return EXIT_OK


def _yaml_scalar(value: str) -> str:
    plain = value and not value.isdigit() and value[0] not in "-?:,[]{}#&*!|>'\"%@`" and ": " not in value \
        and " #" not in value and value.strip() == value and value.lower() not in ("true", "false", "null", "~")
    return value if plain else "'" + value.replace("'", "''") + "'"


def _long_entry(stack: StackArtifact) -> dict[str, Any]:
    return {"id": stack.display_name, "name": stack.stack_name,
            "environment": {"account": stack.account, "region": stack.region, "name": stack.environment}}


def command_ls(options: Options) -> int:
    """`cdk-events ls`: print each stack's id; `--long`: id, name and environment (as `cdk ls --long`)."""
    with _scratch_output() as outdir:
        assembly = synthesize(options, outdir, bundling=False, app_stdout_to_stderr=True)
        stacks = assembly.stacks
        if options.json:
            value: Any = [_long_entry(s) for s in stacks] if options.long else [s.display_name for s in stacks]
            print(json.dumps(value, indent=2))
        elif options.long:
            lines = []
            for stack in stacks:
                entry = _long_entry(stack)
                env = entry["environment"]
                lines += [f"- id: {_yaml_scalar(entry['id'])}", f"  name: {_yaml_scalar(entry['name'])}",
                          "  environment:", f"    account: {_yaml_scalar(env['account'])}",
                          f"    region: {_yaml_scalar(env['region'])}", f"    name: {_yaml_scalar(env['name'])}"]
            print("\n".join(lines) + "\n")
        else:
            for stack in stacks:
                print(stack.display_name)
    return EXIT_OK


def _event_problem(event: Any) -> str | None:
    """Why TestEventPattern would answer "Parameter Event is not valid." for this event, if it would."""
    from ..local._test_event_pattern import REQUIRED_EVENT_FIELDS

    required = ", ".join(REQUIRED_EVENT_FIELDS[:-1]) + " and " + REQUIRED_EVENT_FIELDS[-1]
    if not isinstance(event, dict):
        return f"the event is a JSON {type(event).__name__.replace('list', 'array')}, not an object"
    missing = [name for name in REQUIRED_EVENT_FIELDS if name not in event]
    if not missing:
        return None
    fields = ", ".join(f'"{name}"' for name in missing)
    return f"the event has no {fields} (TestEventPattern requires {required})"


def _read_event(source: str) -> tuple[str, Any]:
    text, value = read_json(source, "event")
    problem = _event_problem(value)
    if problem is not None:
        name = "standard input" if source == "-" else source
        raise UsageError(f"event {name}: Parameter Event is not valid. Reason: {problem}")
    return text, value


def command_test_pattern(options: Options) -> int:
    """`cdk-events test-pattern`: 0 match, 1 no match, 2 bad input."""
    from ..local import InvalidEventPatternError, test_event_pattern

    assert options.pattern is not None and options.event is not None
    if options.pattern == "-" and options.event == "-":
        raise UsageError("PATTERN and EVENT cannot both be - (standard input)")
    pattern_text, _ = read_json(options.pattern, "pattern")
    event_text, _ = _read_event(options.event)
    try:
        matched = test_event_pattern(pattern_text, event_text)
    except InvalidEventPatternError as error:
        name = "standard input" if options.pattern == "-" else options.pattern
        raise UsageError(f"pattern {name}: {error}") from None
    print("match" if matched else "no match")
    return EXIT_OK if matched else EXIT_FAILED


def _set_values(pairs: list[str]) -> dict[str, str]:
    """`--set KEY=VALUE` pairs (a deploy-time value of a pattern: a logical id, `Logical.Attribute`, or a
    parameter name) as a dict."""
    values: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise UsageError(f"--set {pair}: expected KEY=VALUE (e.g. --set Queue4A7E3555.Arn=arn:aws:sqs:...)")
        values[key] = value
    return values


def command_simulate(options: Options) -> int:
    """`cdk-events simulate`: print what each target of the rules that fire receives; 0 something fired,
    1 nothing did, 2 bad input. APP is an app, a cloud assembly folder or a template file."""
    from ..local import LocalEngineError, Simulator  # the local engine loads only for this command

    assert options.event is not None
    _, event_value = _read_event(options.event)
    values = _set_values(options.set)
    source = options.positional_app
    try:
        if source is not None and Path(source).is_file() and not source.endswith(".py"):
            simulator = Simulator.load(source, set=values)
            result = simulator.send(event_value, options.bus or "default", strict=False)
        else:
            with _scratch_output() as outdir:
                assembly = synthesize(options, outdir, bundling=False, app_stdout_to_stderr=True)
                simulator = Simulator.from_assembly(assembly.directory, set=values)
                result = simulator.send(event_value, options.bus or "default", strict=False)
    except LocalEngineError as error:
        raise UsageError(str(error)) from None
    for rule in result.undecidable:
        print(f"cdk-events: note: cannot tell whether {rule} fires: its pattern holds deploy-time values "
              "(give them with --set KEY=VALUE)", file=sys.stderr)
    print(json.dumps(result.to_json(), indent=2))
    return EXIT_OK if result else EXIT_FAILED


def command_graph(options: Options) -> int:
    """`cdk-events graph`: the app's buses, rules and targets as Mermaid, DOT, SVG or HTML."""
    from ._graph_render import render  # runs Graphviz: loaded only here

    source = options.positional_app
    if source is not None and source.endswith(".json") and not Path(source).is_dir():
        check_file(source, "template")
        _, value = read_json(source, "template")
        if not isinstance(value, dict) or "Resources" not in value:
            raise UsageError(f"template {source} is not a CloudFormation template (it has no Resources)")
        graph = build_graph([(Path(source).name.removesuffix(".template.json").removesuffix(".json"),
                              "aws://unknown-account/unknown-region", value)])
    else:
        with _scratch_output() as outdir:
            assembly = synthesize(options, outdir, bundling=False, app_stdout_to_stderr=True)
            graph = build_graph([(s.display_name, s.environment, s.template) for s in assembly.stacks])
    sys.stdout.write(render(graph, options.format))
    return EXIT_OK
