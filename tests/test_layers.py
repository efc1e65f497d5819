"""The layers contract of pyproject.toml names every package of `src/cdk_events`, so import-linter checks
each of them (a new service, a new events module or a new top-level package is not silently unchecked)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "cdk_events"


def _layered_modules() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    layers = next(c for c in contracts if c["type"] == "layers")["layers"]
    names: set[str] = set()
    for layer in layers:
        for part in layer.replace("|", ":").split(":"):
            names.add(part.strip().strip("()"))
    return names


def _covered(module: str, layered: set[str]) -> bool:
    return any(module == name or module.startswith(name + ".") for name in layered)


def test_every_package_and_events_module_is_in_a_layer() -> None:
    layered = _layered_modules()
    expected = {f"cdk_events.{p.name}" for p in SRC.iterdir() if (p / "__init__.py").exists() and p.name != "aws"}
    expected |= {f"cdk_events.aws.{p.name}" for p in (SRC / "aws").iterdir() if (p / "__init__.py").exists()}
    expected |= {f"cdk_events.{p.stem}" for p in SRC.glob("_*.py") if p.stem != "__init__"}
    missing = sorted(m for m in expected if not _covered(m, layered))
    assert not missing, f"add these to the layers contract in pyproject.toml (see docs/design.md): {missing}"


def test_the_aws_namespace_holds_only_service_packages() -> None:
    # shared helpers of the services live in core (core._prop_checks, core._import_checks): a module here
    # would sit outside every layer
    stray = sorted(p.name for p in (SRC / "aws").glob("*.py") if p.name != "__init__.py")
    assert not stray
