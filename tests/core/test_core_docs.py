"""Every Python block of docs/design.md runs on its own and its assertions hold."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "design.md"
BLOCKS = re.findall(r"^```python\n(.*?)^```", DOC.read_text(encoding="utf-8"), re.S | re.M)


def test_the_page_has_examples() -> None:
    assert len(BLOCKS) >= 6


def test_every_code_block_is_python_or_text() -> None:
    fences = re.findall(r"^```(\w*)$", DOC.read_text(encoding="utf-8"), re.M)
    openings = fences[::2]
    assert set(openings) <= {"python", "text"}


@pytest.mark.parametrize("source", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_doc_block_runs(source: str, tmp_path: Path) -> None:
    exec(compile(source, str(DOC), "exec"), {"__name__": "docs_design"})
