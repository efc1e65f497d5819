"""`python -m cdk_events.cli`: the `cdk-events` command."""

import sys

from ._main import main

sys.exit(main())
