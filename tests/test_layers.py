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
    if any(module == name or module.startswith(name + ".") for name in layered):
        return True
    # a package split across layers (cdk_events.scheduler: its modules beside the services, its `targets`
    # above them; import-linter refuses a layer inside another) is covered when each of its parts is
    folder = SRC.joinpath(*module.split(".")[1:])
    if not folder.is_dir():
        return False
    parts = [f"{module}.{p.stem}" for p in folder.glob("*.py") if p.stem != "__init__"]
    parts += [f"{module}.{p.name}" for p in folder.iterdir() if (p / "__init__.py").exists()]
    return bool(parts) and all(_covered(part, layered) for part in parts)


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


def _runtime_imports(path: Path, package: str) -> set[str]:
    """The modules of cdk_events that `path` imports when it runs (at module level or inside functions);
    imports under `if TYPE_CHECKING:` are for annotations only and are left out."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            type_only |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in type_only or not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            base = package.split(".")
            base = base[: len(base) - node.level + 1]
            target = ".".join([*base, node.module] if node.module else base)
        else:
            target = node.module or ""
        if not target.startswith("cdk_events"):
            continue
        names = [f"{target}.{a.name}" for a in node.names] if not node.module or (node.level and not node.module) \
            else [target]
        found.update(names)
    return found


# Cycles that mirror one in the CDK's own model, each with why it stays (a function-level import, commented).
ALLOWED_CYCLES = {
    frozenset({"cdk_events.aws.sfn._basic_states", "cdk_events.aws.sfn._chain", "cdk_events.aws.sfn._parallel"}):
        "a state continues into a Chain and Chain.to_single_state wraps a chain into a Parallel state "
        "(the CDK's chain.ts and parallel.ts import each other too)",
}


def test_no_module_imports_itself_back_at_run_time() -> None:
    """No cycle of run-time imports between modules (a cycle of packages is the layers contract's job), but
    the few listed in ALLOWED_CYCLES."""
    modules = {}
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC.parent).with_suffix("")
        name = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        modules[name] = path
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        targets = {t if t in modules else t.rsplit(".", 1)[0] for t in _runtime_imports(path, package)}
        # a package's __init__ that only re-exports lazily is not a real edge to its modules
        edges[name] = {t for t in targets if t in modules and t != name and modules[t].name != "__init__.py"}
    cycles = [c for c in _strongly_connected(edges) if frozenset(c) not in ALLOWED_CYCLES]
    assert not cycles, "modules that import each other at run time: " + "; ".join(" <-> ".join(sorted(c))
                                                                               for c in cycles)


def _strongly_connected(edges: dict[str, set[str]]) -> list[set[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in edges.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(component)

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found
