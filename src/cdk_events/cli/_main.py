"""`cdk-events`: synth and ls for app files, test-pattern and simulate for the local engine.

Exit codes: 0 success (or "matches"), 1 failure (or "no match"), 2 bad input or usage.
User errors print one line on stderr; `--debug` shows the traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ._commands import UsageError, command_ls, command_simulate, command_synth, command_test_pattern


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cdk-events",
        description="Amazon EventBridge in the AWS CDK programming model, in pure Python.",
    )
    parser.add_argument("--debug", action="store_true", help="show Python tracebacks for errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    synth = sub.add_parser("synth", help="synthesize an app into a cloud assembly",
                           description="Run APP (a Python file; default: the built-in quickstart app) and write "
                                       "its cloud assembly. Prints each stack and its number of resources.")
    synth.add_argument("app", nargs="?", help="the app file (default: the built-in quickstart)")
    synth.add_argument("-o", "--output", default="cdk.out", help="output folder (default: cdk.out)")
    synth.add_argument("-c", "--context", action="append", default=[], metavar="KEY=VALUE",
                       help="add a context value (repeatable)")

    ls = sub.add_parser("ls", help="list the stacks of an app",
                        description="Run APP and print the path of each stack.")
    ls.add_argument("app", nargs="?", help="the app file (default: the built-in quickstart)")
    ls.add_argument("-c", "--context", action="append", default=[], metavar="KEY=VALUE",
                    help="add a context value (repeatable)")

    test = sub.add_parser("test-pattern", help="does an event match an event pattern?",
                          description="Exit 0 when EVENT matches PATTERN, 1 when not, 2 when either is invalid. "
                                      "Each is a JSON file, or - for standard input.")
    test.add_argument("pattern", help="event pattern JSON file (or -)")
    test.add_argument("event", help="event JSON file (or -)")

    simulate = sub.add_parser("simulate", help="which rules of an app fire for an event, and what targets get",
                              description="Run APP, send EVENT to BUS (default: the default bus) and print, for "
                                          "each matching rule, what each target receives. Exit 0 when a rule "
                                          "matched, 1 when none did, 2 on invalid input.")
    simulate.add_argument("app", help="the app file")
    simulate.add_argument("event", help="event JSON file (or -)")
    simulate.add_argument("--bus", default=None, help="the bus name (default: the default bus)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    try:
        if args.command == "synth":
            return command_synth(args.app, args.output, args.context)
        if args.command == "ls":
            return command_ls(args.app, args.context)
        if args.command == "test-pattern":
            return command_test_pattern(args.pattern, args.event)
        return command_simulate(args.app, args.event, args.bus)
    except UsageError as error:
        if args.debug:
            raise
        print(f"cdk-events: {error}", file=sys.stderr)
        return 2
    except Exception as error:
        if args.debug:
            raise
        from ..core import CdkEventsError

        kind = "" if isinstance(error, (CdkEventsError, ValueError)) else f"{type(error).__name__}: "
        text = " ".join(str(error).split("\n")) if "Validation failed" not in str(error) else str(error)
        print(f"cdk-events: error: {kind}{text}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
