"""`cdk-events`: synth, ls and graph for CDK apps, test-pattern and simulate for the local engine.

Exit codes: 0 success (or "matched"), 1 failure (or "not matched"), 2 bad input or usage.
Errors print one line on stderr; `--debug` shows the traceback. The global options (`--debug`,
`--app`, `--output`, `--context`, `--strict`, `--version`) are accepted before or after the command.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from ._commands import (
    Options,
    command_graph,
    command_ls,
    command_simulate,
    command_synth,
    command_test_pattern,
)
from ._errors import EXIT_BAD_INPUT, EXIT_FAILED, CommandFailed, UsageError


def _add_globals(parser: argparse.ArgumentParser, prefix: str) -> None:
    """The global options; `prefix` keeps the values given before the command apart from those after it."""
    suppress: Any = argparse.SUPPRESS if prefix == "after_" else None
    parser.add_argument("--debug", action="store_true", dest=f"{prefix}debug", default=suppress,
                        help="show Python tracebacks for errors (and set CDK_DEBUG=true for the app)")
    parser.add_argument("-a", "--app", dest=f"{prefix}app", default=suppress, metavar="APP",
                        help="the app: a command line (like cdk's --app), a Python file or a cloud assembly "
                             "folder (default: cdk.json's app)")
    parser.add_argument("-o", "--output", dest=f"{prefix}output", default=suppress, metavar="DIR",
                        help="where synth writes the cloud assembly (default: cdk.json's output, else cdk.out)")
    parser.add_argument("-c", "--context", action="append", dest=f"{prefix}context", default=suppress,
                        metavar="KEY=VALUE", help="add a context value, a string (repeatable)")
    parser.add_argument("--strict", action="store_true", dest=f"{prefix}strict", default=suppress,
                        help="synth: fail on warnings too")
    parser.add_argument("--version", action="store_true", dest=f"{prefix}version", default=suppress,
                        help="print the version and exit")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cdk-events",
        description="Amazon EventBridge in the AWS CDK programming model, in pure Python. Run in a CDK project "
                    "folder, synth and ls run cdk.json's app as the CDK CLI does.")
    _add_globals(parser, "before_")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, **kwargs: Any) -> argparse.ArgumentParser:
        child = sub.add_parser(name, **kwargs)
        _add_globals(child, "after_")
        return child

    app_help = "the app: a Python file or a cloud assembly folder (default: cdk.json's app, else the quickstart)"
    synth = command("synth", help="synthesize an app into a cloud assembly",
                    description="Run the app as `cdk synth` does and write its cloud assembly; print its "
                                "warnings and errors. Exit 1 on an error annotation (on a warning with --strict).")
    synth.add_argument("positional_app", nargs="?", metavar="APP", help=app_help)
    synth.add_argument("-q", "--quiet", action="store_true", help="do not print the stacks written")

    ls = command("ls", help="list the stacks of an app", description="Run the app and print each stack's id.")
    ls.add_argument("positional_app", nargs="?", metavar="APP", help=app_help)
    ls.add_argument("-l", "--long", action="store_true", help="id, name and environment of each stack")
    ls.add_argument("-j", "--json", action="store_true", help="print JSON")

    test = command("test-pattern", help="does an event match an event pattern?",
                   description="Exit 0 when EVENT matches PATTERN, 1 when not, 2 on bad input. Each is a JSON "
                               "file, or - for standard input.")
    test.add_argument("pattern", help="event pattern JSON file (or -)")
    test.add_argument("event", help="event JSON file (or -)")

    simulate = command("simulate", help="which rules of an app fire for an event, and what targets get",
                       description="Run APP (or read an assembly folder or a template), send EVENT to BUS "
                                   "(default: the default bus) and print what each target of the rules that fire "
                                   "receives. Exit 0 when a rule matched, 1 when "
                                   "none did, 2 on bad input.")
    simulate.add_argument("positional_app", metavar="APP",
                          help="the app (a Python file), a cloud assembly folder (aws-cdk-lib's too) or a template")
    simulate.add_argument("event", help="event JSON file (or -)")
    simulate.add_argument("--bus", default=None, help="the bus name (default: the default bus)")
    simulate.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                          help="a deploy-time value a pattern holds (e.g. --set Queue4A7E3555.Arn=arn:...)")

    graph = command("graph", help="draw the app's buses, rules and targets",
                    description="Draw the buses, rules (pattern or schedule), targets, dead-letter queues and "
                                "cross-account or cross-region hops of an app, a cloud assembly folder or a "
                                "template. Mermaid by default; dot, svg and html need Graphviz.")
    graph.add_argument("positional_app", nargs="?", metavar="APP|ASSEMBLY|TEMPLATE",
                       help="a Python app, a cloud assembly folder or a template JSON file (default: as synth)")
    graph.add_argument("-f", "--format", choices=("mermaid", "dot", "svg", "html"), default="mermaid",
                       help="output format (default: mermaid)")

    command("version", help="print the version")
    return parser


def _merge(args: argparse.Namespace) -> Options:
    values = vars(args)

    def pick(name: str) -> Any:
        after = values.get(f"after_{name}")
        return after if after is not None else values.get(f"before_{name}")

    return Options(
        command=args.command, debug=bool(pick("debug")), app=pick("app"),
        positional_app=values.get("positional_app"), output=pick("output"),
        context=[*(values.get("before_context") or []), *(values.get("after_context") or [])],
        strict=bool(pick("strict")), quiet=bool(values.get("quiet")), long=bool(values.get("long")),
        json=bool(values.get("json")), pattern=values.get("pattern"), event=values.get("event"),
        bus=values.get("bus"), format=values.get("format") or "mermaid", set=list(values.get("set") or []))


def _version() -> str:
    from ..core._version import VERSION

    return f"cdk-events {VERSION} (the aws-cdk-lib 2.275 API; Python {sys.version.split()[0]})"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse: usage errors exit 2, --help exits 0
        return int(exit_.code or 0)
    options = _merge(args)
    if vars(args).get("after_version") or vars(args).get("before_version") or options.command == "version":
        print(_version())
        return 0
    if not options.command:
        parser.print_help()
        return EXIT_BAD_INPUT
    handlers = {"synth": command_synth, "ls": command_ls, "test-pattern": command_test_pattern,
                "simulate": command_simulate, "graph": command_graph}
    try:
        return handlers[options.command](options)
    except UsageError as error:
        if options.debug:
            raise
        print(f"cdk-events: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except CommandFailed as error:  # the app's process failed: its own output (traceback with --debug) is above
        if not error.printed:
            print(f"cdk-events: error: {error}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a fault of ours (or an unreadable assembly): one line, the traceback with --debug
        if options.debug:
            raise
        print(f"cdk-events: error: {type(error).__name__}: {' '.join(str(error).split())}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
