"""Every ```python block of every docs/*.md page runs, and its assertions hold.

The blocks of one page run in order in one namespace (a later block may use the names an earlier
one defined), from a temporary working directory, with `CDK_OUTDIR` and `CDK_CONTEXT_JSON` removed
from the environment. A failure names the page, the block number and the block's first line.
Blocks that are not meant to run are fenced as ```text.
"""

from __future__ import annotations

import re
import traceback
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"
PAGES = sorted(DOCS.glob("*.md"))
FENCE = re.compile(r"^```(\S*)[^\n]*\n(.*?)^```[ \t]*$", re.S | re.M)


def _blocks(page: Path) -> list[tuple[str, int, str]]:
    """(language, line number of the opening fence, source) of each fenced block."""
    text = page.read_text(encoding="utf-8")
    return [(m.group(1), text.count("\n", 0, m.start()) + 1, m.group(2)) for m in FENCE.finditer(text)]


def test_there_are_pages() -> None:
    assert PAGES, f"no pages in {DOCS}"


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_fences_are_python_or_text(page: Path) -> None:
    """A bare fence or another language would silently not run: say python or text."""
    wrong = [(line, lang or "(none)") for lang, line, _ in _blocks(page) if lang not in ("python", "text")]
    assert not wrong, f"{page.name}: code blocks must be ```python or ```text; found {wrong}"


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_python_blocks_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CDK_OUTDIR", raising=False)
    monkeypatch.delenv("CDK_CONTEXT_JSON", raising=False)
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem.replace('-', '_')}"}
    blocks = [(line, source) for lang, line, source in _blocks(page) if lang == "python"]
    for number, (line, source) in enumerate(blocks, start=1):
        code = compile(source, f"{page.name}:block{number}(line {line})", "exec")
        failure = None
        try:
            exec(code, namespace)
        except Exception as error:
            first = source.strip().splitlines()[0] if source.strip() else ""
            detail = "".join(traceback.format_exception_only(type(error), error)).strip()
            failure = (
                f"{page.name}, python block {number} of {len(blocks)} (line {line}: {first!r}) failed:\n"
                f"{detail}\n\n{traceback.format_exc(limit=-3)}"
            )
        if failure is not None:
            pytest.fail(failure, pytrace=False)
