"""The package as published: LICENSE, metadata (classifiers, URLs), README and CHANGELOG links that work in
the sdist, the wheel's contents, and `dir()` of the public packages."""

from __future__ import annotations

import importlib
import pkgutil
import re
import tomllib
import zipfile
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import cdk_events
from cdk_events.core._version import VERSION

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text())
PROJECT: dict[str, Any] = PYPROJECT["project"]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def test_license_is_the_apache_2_text_and_ships_in_the_wheel() -> None:
    text = (ROOT / "LICENSE").read_text()
    assert text.split()[:5] == ["Apache", "License", "Version", "2.0,", "January"]
    assert "END OF TERMS AND CONDITIONS" in text and "APPENDIX: How to apply the Apache License" in text
    assert PROJECT["license"] == "Apache-2.0"
    assert PROJECT["license-files"] == ["LICENSE"]
    assert "/LICENSE" in PYPROJECT["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]


def test_a_classifier_per_tested_python_version() -> None:
    tox = (ROOT / "tox.ini").read_text()
    envlist = re.search(r"^envlist\s*=\s*(.+)$", tox, re.M)
    assert envlist is not None
    tested = sorted(f"3.{m}" for m in re.findall(r"\bpy3(\d+)\b", envlist.group(1)))
    classified = sorted(c.rsplit(" :: ", 1)[1] for c in PROJECT["classifiers"]
                        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c))
    assert tested and classified == tested
    assert PROJECT["requires-python"] == f">={tested[0]}"


def test_project_urls_are_https_with_short_labels() -> None:
    urls: dict[str, str] = PROJECT["urls"]
    assert urls
    for label, url in urls.items():
        assert len(label) <= 32, f"core metadata allows 32 characters in a Project-URL label: {label!r}"
        assert url.startswith("https://") and "example." not in url and "placeholder" not in url, url


@pytest.mark.parametrize("page", ["README.md", "CHANGELOG.md"])
def test_links_resolve_in_the_repository_and_the_sdist(page: str) -> None:
    text = (ROOT / page).read_text()
    include = PYPROJECT["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]
    headings = {re.sub(r"[^a-z0-9 -]", "", h.lower()).replace(" ", "-") for h in re.findall(r"^#+ (.+)$", text, re.M)}
    links = LINK.findall(text)
    assert links
    for link in links:
        if link.startswith("https://"):
            continue
        assert not link.startswith("http:") and not link.startswith("/"), link
        if link.startswith("#"):
            assert link[1:] in headings, f"{page}: no heading for {link}"
            continue
        path = link.split("#")[0]
        assert (ROOT / path).exists(), f"{page}: {link} does not exist"
        assert "/" + path.split("/")[0] in include, f"{page}: {link} is not in the sdist"


def test_changelog_names_the_current_version() -> None:
    assert re.search(rf"^## {re.escape(VERSION)}\b", (ROOT / "CHANGELOG.md").read_text(), re.M)


def _public_packages() -> list[str]:
    found = (m.name for m in pkgutil.walk_packages(cdk_events.__path__, "cdk_events.") if m.ispkg)
    return ["cdk_events", *sorted(n for n in found if not any(part.startswith("_") for part in n.split(".")))]


def _is_dunder(name: str) -> bool:
    return name.startswith("__") and name.endswith("__")


@pytest.mark.parametrize("name", _public_packages())
def test_dir_of_a_public_package_lists_its_public_names_only(name: str) -> None:
    module = importlib.import_module(name)
    listed = dir(module)
    public = set(getattr(module, "__all__", ()))
    assert public <= set(listed)
    submodules = {n for n in listed if isinstance(getattr(module, n, None), ModuleType)}
    assert {n for n in submodules if n.startswith("_")} == set(), f"private modules in dir({name})"
    extra = [n for n in listed if n not in public and not _is_dunder(n) and n not in submodules]
    assert extra == [], f"dir({name}) lists helpers that are not public: {extra}"
    assert not {"TYPE_CHECKING", "lazy_exports", "annotations"} & set(listed)


def test_the_wheel_holds_the_license_and_no_tests(tmp_path: Path) -> None:
    builders = pytest.importorskip("hatchling.builders.wheel", reason="hatchling is not installed (tox -e package)")
    wheel = Path(next(builders.WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])))
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert [n for n in names if n.startswith("tests/") or "/tests/" in n or "corpus" in n] == []
    assert "cdk_events/py.typed" in names
