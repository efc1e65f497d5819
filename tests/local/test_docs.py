"""The examples of docs/local-engine.md run and their assertions hold."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "local-engine.md"
BLOCKS = re.findall(r"```python\n(.*?)```", DOC.read_text(), re.S) if DOC.exists() else []


@pytest.mark.skipif(not BLOCKS, reason="docs/local-engine.md has no Python examples")
@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_doc_example(index: int) -> None:
    exec(compile(BLOCKS[index], f"{DOC.name}[{index}]", "exec"), {})
