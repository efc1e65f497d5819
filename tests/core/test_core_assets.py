"""File assets: the CDK fingerprint (stable across machines, file-creation order and copies; changed by
`exclude`), the ignore modes, staging into the assembly (all-or-nothing), and `AssetStaging` options."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from _corpus import PORTING
from cdk_events.core import (
    App,
    AssetHashType,
    AssetStaging,
    IgnoreMode,
    Stack,
    SymlinkFollowMode,
    ValidationError,
)
from cdk_events.core._fingerprint import content_fingerprint, fingerprint
from cdk_events.core._ignore import IgnoreStrategy, minimatch

PORTING_ASSETS = PORTING / "apps" / "assets"


def _tree(root: Path, files: dict[str, bytes], order: list[str] | None = None) -> Path:
    root.mkdir(parents=True)
    for name in order or list(files):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[name])
    return root


FILES = {"index.py": b"def handler(event, context):\n    return event\n", "lib/util.py": b"X = 1\n",
         "lib/data.bin": bytes(range(256)) * 40, "notes.md": b"# notes\r\nline\r\n", "z/empty.txt": b""}


def _hash(path: Path, exclude: list[str] | None = None, mode: str = "glob") -> str:
    return fingerprint(str(path), ignore=IgnoreStrategy(mode, [".is_custom_resource", *(exclude or [])]))


def test_same_hash_in_any_file_creation_order_and_for_a_copy(tmp_path: Path) -> None:
    first = _tree(tmp_path / "a", FILES)
    second = _tree(tmp_path / "b", FILES, order=list(reversed(FILES)))
    copied = tmp_path / "c"
    shutil.copytree(first, copied)
    os.utime(copied / "index.py", (1, 1))  # times do not count
    assert _hash(first) == _hash(second) == _hash(copied)


def test_content_and_names_change_the_hash(tmp_path: Path) -> None:
    base = _hash(_tree(tmp_path / "a", FILES))
    assert _hash(_tree(tmp_path / "b", {**FILES, "index.py": b"changed\n"})) != base
    renamed = {("main.py" if k == "index.py" else k): v for k, v in FILES.items()}
    assert _hash(_tree(tmp_path / "c", renamed)) != base


def test_exclude_changes_the_hash_and_equals_the_folder_without_the_files(tmp_path: Path) -> None:
    full = _tree(tmp_path / "full", FILES)
    slim = _tree(tmp_path / "slim", {k: v for k, v in FILES.items() if not k.endswith(".md")})
    assert _hash(full, ["*.md"]) != _hash(full)
    assert _hash(full, ["*.md"]) == _hash(slim)
    assert _hash(full, ["lib"]) == _hash(_tree(tmp_path / "nolib", {k: v for k, v in FILES.items()
                                                                    if not k.startswith("lib/")}))


def test_line_endings_are_normalized_for_text_but_not_binary(tmp_path: Path) -> None:
    crlf, lf, binary = tmp_path / "crlf", tmp_path / "lf", tmp_path / "bin"
    crlf.write_bytes(b"a\r\nb\r\n" * 5000)
    lf.write_bytes(b"a\nb\n" * 5000)
    binary.write_bytes(b"\0a\r\n")
    assert content_fingerprint(str(crlf)) == content_fingerprint(str(lf))
    assert content_fingerprint(str(lf)) == f"{lf.stat().st_size}:{hashlib.sha256(lf.read_bytes()).hexdigest()}"
    assert content_fingerprint(str(binary)) == "4:" + hashlib.sha256(binary.read_bytes()).hexdigest()


def test_non_ascii_text_split_across_chunks_is_decoded_per_chunk_as_node_does(tmp_path: Path) -> None:
    text = tmp_path / "t"
    data = b"a" * 8191 + "é".encode() + b"tail"  # é straddles the 8 KiB chunk boundary
    text.write_bytes(data)
    replaced = b"a" * 8191 + "\ufffd".encode() + "\ufffd".encode() + b"tail"
    assert content_fingerprint(str(text)) == f"{len(replaced)}:{hashlib.sha256(replaced).hexdigest()}"


def test_fingerprints_of_the_porting_assets_are_the_cdk_ones() -> None:
    if not PORTING_ASSETS.exists():
        pytest.fail(f"{PORTING_ASSETS} is missing (the compat corpus)")
    assert _hash(PORTING_ASSETS / "handler_py") == "75c039a43a5de620c341865065e9570c399a2e037dd913a8f3adc4e9175435cd"
    assert _hash(PORTING_ASSETS / "handler_py", ["notes.md", "*.txt"]) == \
        "8bda5e7b3fe50ed3202f95aa599750168f8c3f7608798ba172068565600707b0"
    assert _hash(PORTING_ASSETS / "handler_bundle.zip") == \
        "9c7a4fa25c50f6c42c70a7d2994828723c78425223a7137cac3b5089dcb5e2da"


def test_symlinks_inside_are_hashed_as_links_outside_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"shared\n")
    root = _tree(tmp_path / "root", {"a.txt": b"a\n"})
    (root / "inner").symlink_to("a.txt")
    (root / "outer").symlink_to(outside)
    copy = _tree(tmp_path / "copy", {"a.txt": b"a\n", "outer": b"shared\n"})
    (copy / "inner").symlink_to("a.txt")
    assert _hash(root) == _hash(copy)  # the external link is followed: same as a real file


def test_glob_patterns_follow_minimatch() -> None:
    assert minimatch("lib/notes.md", "*.md")  # matchBase: a pattern without a slash matches the base name
    assert not minimatch(".hidden.md", "*.md")  # no dot files for a leading wildcard
    assert minimatch("a/b/c.py", "a/**/*.py") and minimatch("a/c.py", "a/**/*.py")
    assert minimatch("x.ts", "*.{js,ts}") and not minimatch("x.py", "*.{js,ts}")
    strategy = IgnoreStrategy("glob", ["*.md", "!keep.md"])
    assert strategy.ignores("a.md") and not strategy.ignores("keep.md")


def test_git_and_docker_modes(tmp_path: Path) -> None:
    git = IgnoreStrategy("git", ["build/", "*.log", "!important.log", "/top.txt"])
    assert git.completely_ignores("build") and git.ignores("build/x.js") and not git.ignores("build")
    assert git.ignores("deep/a.log") and not git.ignores("important.log")
    assert git.ignores("top.txt") and not git.ignores("sub/top.txt")
    docker = IgnoreStrategy("docker", ["**/*.pyc", "tests", "!tests/keep.py"])
    assert docker.ignores("a/b/c.pyc") and docker.ignores("tests/x.py") and not docker.ignores("tests/keep.py")
    assert not docker.completely_ignores("tests")
    root = _tree(tmp_path / "r", FILES)
    assert _hash(root, mode="git") != _hash(root)  # the ignore mode is part of the fingerprint


def _stack(tmp_path: Path, **context: object) -> tuple[App, Stack]:
    app = App(outdir=str(tmp_path / "out"), context=dict(context))
    return app, Stack(app, "Assets")


def test_staging_copies_into_the_assembly_without_excluded_files(tmp_path: Path) -> None:
    source = _tree(tmp_path / "src", FILES)
    app, stack = _stack(tmp_path)
    staging = AssetStaging(stack, "Stage", source_path=str(source), exclude=["*.md"])
    assert staging.relative_staged_path(stack) == f"asset.{staging.asset_hash}"
    assert not (tmp_path / "out").exists()  # nothing is written before synthesis
    app.synth()
    staged = tmp_path / "out" / f"asset.{staging.asset_hash}"
    assert sorted(str(p.relative_to(staged)) for p in staged.rglob("*") if p.is_file()) == [
        "index.py", "lib/data.bin", "lib/util.py", "z/empty.txt"]
    assert _hash(staged) == staging.asset_hash


def test_a_zip_file_is_staged_with_its_extension(tmp_path: Path) -> None:
    archive = tmp_path / "bundle.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\0" * 18)
    app, stack = _stack(tmp_path)
    staging = AssetStaging(stack, "Stage", source_path=str(archive))
    assert staging.packaging.value == "file" and staging.is_archive
    app.synth()
    assert (tmp_path / "out" / f"asset.{staging.asset_hash}.zip").read_bytes() == archive.read_bytes()


def test_a_failed_synthesis_stages_nothing(tmp_path: Path) -> None:
    source = _tree(tmp_path / "src", FILES)
    app, stack = _stack(tmp_path)
    AssetStaging(stack, "Stage", source_path=str(source))
    stack.node.add_validation(type("V", (), {"validate": lambda self: ["broken"]})())
    with pytest.raises(ValidationError):
        app.synth()
    assert not any(p.name.startswith("asset.") for p in (tmp_path / "out").glob("*"))


def test_custom_hash_and_its_checks(tmp_path: Path) -> None:
    source = _tree(tmp_path / "src", FILES)
    _, stack = _stack(tmp_path)
    custom = AssetStaging(stack, "Custom", source_path=str(source), asset_hash="v1")
    assert custom.asset_hash == hashlib.sha256(b"v1").hexdigest()
    with pytest.raises(ValidationError, match="must be specified when `assetHashType` is set to"):
        AssetStaging(stack, "NoHash", source_path=str(source), asset_hash_type=AssetHashType.CUSTOM)
    with pytest.raises(ValidationError, match="Cannot specify `source` for `assetHashType`"):
        AssetStaging(stack, "Both", source_path=str(source), asset_hash="x", asset_hash_type=AssetHashType.SOURCE)
    with pytest.raises(ValidationError, match="`output` hash type when `bundling` is not specified"):
        AssetStaging(stack, "Output", source_path=str(source), asset_hash_type=AssetHashType.OUTPUT)


def test_bundling_missing_paths_and_bad_options_are_refused(tmp_path: Path) -> None:
    source = _tree(tmp_path / "src", FILES)
    _, stack = _stack(tmp_path)
    with pytest.raises(ValidationError, match="bundling is not offered by cdk-events: it runs a Docker"):
        AssetStaging(stack, "Bundled", source_path=str(source), bundling={"image": "python"})
    with pytest.raises(ValidationError, match="Cannot find asset at"):
        AssetStaging(stack, "Missing", source_path=str(tmp_path / "nope"))
    with pytest.raises(ValidationError, match=r"'ignore_mode' must be one of IgnoreMode\.GLOB"):
        AssetStaging(stack, "Mode", source_path=str(source), ignore_mode="git")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="'exclude' must be a list"):
        AssetStaging(stack, "Exclude", source_path=str(source), exclude="*.md")


def test_options_change_the_hash(tmp_path: Path) -> None:
    source = _tree(tmp_path / "src", FILES)
    _, stack = _stack(tmp_path)
    plain = AssetStaging(stack, "Plain", source_path=str(source)).asset_hash
    assert AssetStaging(stack, "Git", source_path=str(source), ignore_mode=IgnoreMode.GIT).asset_hash != plain
    assert AssetStaging(stack, "Follow", source_path=str(source), follow=SymlinkFollowMode.ALWAYS).asset_hash != plain
    assert AssetStaging(stack, "Extra", source_path=str(source), extra_hash="x").asset_hash != plain
    _, salted = _stack(tmp_path / "salted", **{"@aws-cdk/core:assetHashSalt": "s"})
    assert AssetStaging(salted, "Plain", source_path=str(source)).asset_hash != plain


def test_staging_disabled_points_at_the_source(tmp_path: Path) -> None:
    source = _tree(tmp_path / "src", FILES)
    app, stack = _stack(tmp_path, **{"aws:cdk:disable-asset-staging": True})
    staging = AssetStaging(stack, "Stage", source_path=str(source))
    assert staging.relative_staged_path(stack) == str(source)
    app.synth()
    assert not any(p.name.startswith("asset.") for p in (tmp_path / "out").iterdir())


def test_an_app_without_assets_loads_no_asset_code(tmp_path: Path) -> None:
    code = ("import sys\nfrom cdk_events.core import App, CfnResource, Stack\n"
            f"app = App(outdir={str(tmp_path / 'out')!r})\nCfnResource(Stack(app, 'S'), 'R', type='AWS::SNS::Topic')\n"
            "app.synth()\nprint(sorted(m for m in sys.modules if m.split('.')[-1] in "
            "('_assets', '_fingerprint', '_ignore', '_other_synthesizers')))")
    loaded = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert loaded.strip() == "[]"
    assert (tmp_path / "out" / "S.template.json").exists()
