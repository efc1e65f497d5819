"""The `cdk-events` command: synthesize, list, and run rules locally."""

import sys

from ..core._public import public_names
from ._main import main


def entry_point() -> None:
    """The console script: run `main` and exit with its code."""
    sys.exit(main())


__all__ = ["entry_point", "main"]


def __dir__() -> list[str]:
    """`__all__` and the dunder names: not `sys` nor the private modules."""
    return public_names(globals())
