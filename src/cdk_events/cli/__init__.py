"""The `cdk-events` command: synthesize, list, and run rules locally."""

import sys

from ._main import main


def entry_point() -> None:
    """The console script: run `main` and exit with its code."""
    sys.exit(main())


__all__ = ["entry_point", "main"]
