"""Detection of dependency cycles between the resources of a template.

A cycle makes a template undeployable, so a unit test should not pass on one.
Dependencies are ``DependsOn`` plus ``Ref``, ``Fn::GetAtt`` and ``${...}`` in ``Fn::Sub``
found in ``Properties``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._js import is_array, js_keys, json_stringify

__all__ = ["check_template_for_cyclic_dependencies"]

# ordered sets: dicts with None values keep insertion order, as JavaScript's Set does
_OrderedSet = dict[str, None]


def check_template_for_cyclic_dependencies(template: Mapping[str, Any]) -> None:
    """Raise ``AssertionError`` naming the cycle if the resources depend on each other."""
    resources = template.get("Resources") or {}
    if not isinstance(resources, Mapping):
        return
    logical_ids = set(resources)
    dependencies: dict[str, _OrderedSet] = {}
    for logical_id in js_keys(resources):
        found = _resource_dependencies(resources[logical_id])
        dependencies[logical_id] = {d: None for d in found if d in logical_ids}

    # peel off resources without dependencies; if none are left to peel, there is a cycle
    while dependencies:
        free = [k for k, deps in dependencies.items() if not deps]
        if not free:
            cycle = _find_cycle(dependencies)
            shown = {logical_id: resources.get(logical_id) for logical_id in cycle}
            raise AssertionError(
                "Template is undeployable, these resources have a dependency cycle: "
                f"{' -> '.join(cycle)}:\n\n{json_stringify(shown, 2)}"
            )
        for logical_id in free:
            for deps in dependencies.values():
                deps.pop(logical_id, None)
            del dependencies[logical_id]


def _resource_dependencies(resource: Any) -> _OrderedSet:
    found: _OrderedSet = {}
    if not isinstance(resource, Mapping):
        return found
    depends_on = resource.get("DependsOn") or []
    for dep in depends_on if is_array(depends_on) else [depends_on]:
        if isinstance(dep, str):
            found[dep] = None
    _expression_dependencies(resource.get("Properties"), found)
    return found


def _expression_dependencies(value: Any, found: _OrderedSet) -> None:
    if not value:
        return
    if is_array(value):
        for item in value:
            _expression_dependencies(item, found)
        return
    if not isinstance(value, Mapping):
        return
    if len(value) == 1:
        (key, argument), = value.items()
        if key == "Ref":
            if isinstance(argument, str):
                found[argument] = None
            return
        if key == "Fn::GetAtt":
            if is_array(argument) and argument and isinstance(argument[0], str):
                found[argument[0]] = None
            elif isinstance(argument, str):  # the short "Name.Attribute" form
                found[argument.split(".", 1)[0]] = None
            return
        if key == "Fn::Sub":
            _sub_dependencies(argument, found)
            return
    for key in js_keys(value):
        _expression_dependencies(value[key], found)


def _sub_dependencies(argument: Any, found: _OrderedSet) -> None:
    template = argument[0] if is_array(argument) and argument else argument
    if isinstance(template, str):
        for logical_id in _logical_ids_in_sub(template):
            found[logical_id] = None
    variables = argument[1] if is_array(argument) and len(argument) > 1 else None
    if isinstance(variables, Mapping):
        for key in js_keys(variables):
            _expression_dependencies(variables[key], found)


def _logical_ids_in_sub(template: str) -> list[str]:
    ids = []
    start = 0
    opening = template.find("${", start)
    while opening > -1:
        if template[opening + 2 : opening + 3] == "!":
            # "${!" is a literal "${"
            start = opening + 3
            opening = template.find("${", start)
            continue
        closing = template.find("}", opening + 2)
        if closing == -1:
            break
        placeholder = template[opening + 2 : closing]
        ids.append(placeholder.split(".")[0])
        start = closing + 1
        opening = template.find("${", start)
    return ids


def _find_cycle(dependencies: Mapping[str, _OrderedSet]) -> list[str]:
    def walk(node: str, path: list[str]) -> list[str] | None:
        for dep in dependencies.get(node, {}):
            if dep in path:
                return [*path, dep]
            cycle = walk(dep, [*path, dep])
            if cycle:
                return cycle
        return None

    for node in dependencies:
        cycle = walk(node, [node])
        if cycle:
            return cycle
    raise AssertionError("No cycle found. Assertion failure!")
