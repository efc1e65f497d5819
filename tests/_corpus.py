"""Where the tests find their reference material: the repository's own corpus, `tests/corpus/`.

- `compat/`: the compat suites (events `apps/`, `porting/apps/`, `scheduler/apps/`, the `divergent/` apps,
  their `assets/`), the goldens aws-cdk-lib 2.275.0 wrote for them (`**/goldens`), the `run.py` /
  `compare.py` harness, the `shims/` and `context.json`. `tools/regen_goldens.py` rewrites the goldens
  with a pinned aws-cdk-lib; never write a golden from cdk-events output.
- `conformance/`: event-pattern and input-transformer cases with outcomes recorded against AWS.

`CDK_EVENTS_CORPUS` names another folder laid out the same way (for example a workplace's
`../shared`, which has `compat/` and `conformance/` too) to run the tests against it instead.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
IN_REPO = Path(__file__).resolve().parent / "corpus"
CORPUS = Path(os.environ["CDK_EVENTS_CORPUS"]).resolve() if os.environ.get("CDK_EVENTS_CORPUS") else IN_REPO
COMPAT = CORPUS / "compat"
GOLDENS = COMPAT / "goldens"
PORTING = COMPAT / "porting"
SCHEDULER = COMPAT / "scheduler"
CONFORMANCE = CORPUS / "conformance"

# The repository always has its corpus; this only matters for a CDK_EVENTS_CORPUS that lacks a part.
needs_compat = pytest.mark.skipif(not COMPAT.is_dir(), reason=f"compat corpus not found: {COMPAT}")
