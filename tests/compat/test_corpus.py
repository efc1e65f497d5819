"""The repository's byte-compatibility corpus (tests/corpus): every compat app has its golden and every golden
its app, the goldens hold no machine paths, and — where a workplace keeps the reference copy next to the
repository (`../shared`) — the corpus equals it, so a golden or an app added there is not missed here."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

import pytest

from _corpus import COMPAT, CONFORMANCE, IN_REPO, ROOT

SUITES = [("apps", "goldens"), ("porting/apps", "porting/goldens"), ("scheduler/apps", "scheduler/goldens"),
          ("divergent/apps", "divergent/goldens"), ("porting/divergent/apps", "porting/divergent/goldens")]
SHARED = ROOT.parent / "shared"
MACHINE_PATH = re.compile(r"/(?:tmp|work|root|home|Users)/[\w.-]+")


@pytest.mark.parametrize(("apps", "goldens"), SUITES)
def test_every_app_has_a_golden_and_every_golden_an_app(apps: str, goldens: str) -> None:
    app_names = {p.stem for p in (COMPAT / apps).glob("*.py") if not p.name.startswith("_")}
    golden_names = {p.name for p in (COMPAT / goldens).iterdir() if p.is_dir()}
    assert app_names, f"no apps in {COMPAT / apps}"
    assert app_names == golden_names, (sorted(app_names - golden_names), sorted(golden_names - app_names))
    for name in golden_names:
        files = {p.name for p in (COMPAT / goldens / name).iterdir()}
        synthesized = "manifest.json" in files and any(f.endswith(".template.json") for f in files)
        assert "ERROR.txt" in files or synthesized, f"{goldens}/{name}: neither ERROR.txt nor a manifest with templates"


def test_goldens_hold_no_machine_paths() -> None:
    found = [f"{p.relative_to(COMPAT)}: {m.group(0)}" for p in COMPAT.rglob("goldens/*/*") if p.is_file()
             for m in [MACHINE_PATH.search(p.read_text(errors="replace"))] if m]
    assert found == []


def test_the_harness_and_the_conformance_cases_are_there() -> None:
    for name in ("run.py", "compare.py", "context.json", "shims/cdk_events/cdkapi.py", "shims/aws_cdk/cdkapi.py"):
        assert (COMPAT / name).is_file(), name
    assert (CONFORMANCE / "event-patterns.jsonl").stat().st_size > 0
    assert (CONFORMANCE / "input-transformers.jsonl").stat().st_size > 0


def _differences(ours: Path, theirs: Path) -> list[str]:
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(f"only in the repository: {prefix}{n}" for n in cmp.left_only if n != "__pycache__")
        found.extend(f"only in {theirs}: {prefix}{n}" for n in cmp.right_only if n != "__pycache__")
        found.extend(f"differs: {prefix}{n}" for n in cmp.diff_files)
        for name, sub in cmp.subdirs.items():
            if name != "__pycache__":
                walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(ours, theirs, ignore=[".gitattributes", "__pycache__"]), "")
    return found


@pytest.mark.skipif(not (SHARED / "compat").is_dir(), reason=f"{SHARED} is absent (only a workplace has it)")
@pytest.mark.parametrize("part", ["compat", "conformance"])
def test_the_corpus_equals_the_workplace_copy(part: str) -> None:
    ours, theirs = IN_REPO / part, SHARED / part
    differences = _differences(ours, theirs)
    if part == "conformance":  # the repository keeps the cases and their README, not the recording tools
        differences = [d for d in differences if not d.startswith(f"only in {theirs}")]
    assert differences == [], (
        f"tests/corpus/{part} is out of date with {theirs}; copy the apps and goldens that changed "
        f"(goldens only ever from aws-cdk-lib): " + "; ".join(differences[:20]))
