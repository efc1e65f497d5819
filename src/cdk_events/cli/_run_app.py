"""`python -m cdk_events.cli._run_app APP.py [ARGS]`: how `cdk-events` runs a Python app file.

The file runs as `python APP.py` would (`__name__ == "__main__"`, its folder first on `sys.path`,
`sys.argv` = [APP.py, ARGS...]). An `App` it leaves unsynthesized is synthesized at the end, as
aws-cdk-lib's `App` does by itself when `CDK_OUTDIR` is set (its `auto_synth`). An error the app
raises is printed on one line (the traceback with `CDK_DEBUG=true`, set by `cdk-events --debug`) and
the runner exits 1 after writing the message to `CDK_EVENTS_REPORTED` (so `cdk-events` does not
report it twice); `sys.exit(n)` in the app exits with `n`.
"""

from __future__ import annotations

import os
import runpy
import sys
from typing import Any

from ._errors import REPORTED_ENV


def _one_line(error: BaseException) -> str:
    from ..core import CdkEventsError

    kind = "" if isinstance(error, (CdkEventsError, ValueError)) else f"{type(error).__name__}: "
    text = str(error)
    if "Validation failed" not in text:
        text = " ".join(text.split("\n"))
    return f"{kind}{text}"


def run(path: str, args: list[str]) -> int:
    """Run the app file at `path`; returns the exit code."""
    from ..core import App

    created: list[App] = []
    original_init = App.__init__

    def tracking_init(self: App, *a: Any, **kw: Any) -> None:
        original_init(self, *a, **kw)
        created.append(self)

    App.__init__ = tracking_init  # type: ignore[method-assign]
    sys.argv = [path, *args]
    # `python -m` put the current folder first on sys.path; `python APP.py` puts the app's folder there
    sys.path[0] = os.path.dirname(os.path.abspath(path))
    try:
        runpy.run_path(path, run_name="__main__")
        App.__init__ = original_init  # type: ignore[method-assign]
        for instance in created:
            instance.synth()
    except SystemExit:
        raise
    except Exception as error:  # the app's own error: one line, as `cdk-events` reports errors
        if os.environ.get("CDK_DEBUG") == "true":
            raise
        message = _one_line(error)
        print(f"cdk-events: error: {message}", file=sys.stderr)
        reported = os.environ.get(REPORTED_ENV)
        if reported:
            with open(reported, "w", encoding="utf-8") as file:
                file.write(message)
        return 1
    finally:
        App.__init__ = original_init  # type: ignore[method-assign]
    return 0


def main() -> int:
    """The module's entry point."""
    if len(sys.argv) < 2:
        print("usage: python -m cdk_events.cli._run_app APP.py [ARGS...]", file=sys.stderr)
        return 2
    return run(sys.argv[1], sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
