"""The body a rule target receives: the whole event, ``Input``, ``InputPath`` or ``InputTransformer``."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from ._errors import InvalidInputError, UndeliverableInputError, short_repr
from ._json import deep_recursion, dumps_compact, nesting_depth
from ._limits import check_event
from ._test_event_pattern import parse_event

__all__ = ["PREDEFINED_VARIABLES", "render_input", "resolve_json_path"]

PREDEFINED_VARIABLES = frozenset(
    {
        "aws.events.rule-arn",
        "aws.events.rule-name",
        "aws.events.event.ingestion-time",
        "aws.events.event",
        "aws.events.event.json",
    }
)
"""Placeholders EventBridge defines itself; they cannot be keys of ``InputPathsMap``."""

_JSON_ONLY = frozenset({"aws.events.event", "aws.events.event.json"})
MAX_INPUT_PATHS = 100
_PLACEHOLDER = re.compile(r"<([A-Za-z0-9_.\-]+)>")
_PATH_STEP = re.compile(r"""\.([^.\[\]]+)|\[(\d+|\*)\]|\[\s*(['"])(.*?)\3\s*\]""")
_MISSING = object()


def _is_json(text: str) -> bool:
    """Whether ``text`` is one JSON value (nothing after it)."""
    try:
        json.loads(text)
    except json.JSONDecodeError:
        return False
    except RecursionError:
        with deep_recursion(nesting_depth(text)):
            return _is_json(text)
    except ValueError:
        return True  # an integer too long for int() is still JSON
    return True


def _compact(value: Any) -> str:
    return dumps_compact(value)


def resolve_json_path(event: Any, path: str) -> Any:
    """Evaluate an InputPath / InputPathsMap JSONPath (``$``, ``.name``, ``['name']``, ``[0]``, ``*``).

    Returns the value, a list of values when the path has a wildcard, or a private sentinel
    (tested with :func:`_found`) when nothing is selected. Raises :class:`InvalidInputError`
    for malformed paths.
    """
    if not path.startswith("$"):
        raise InvalidInputError(f"JSON path {path!r} must start with '$'")
    steps: list[str | int | None] = []
    pos = 1
    while pos < len(path):
        match = _PATH_STEP.match(path, pos)
        if match is None:
            raise InvalidInputError(f"JSON path {path!r} is not valid at position {pos}")
        name, index, _, quoted = match.groups()
        if name is not None:
            steps.append(None if name == "*" else name)
        elif index is not None:
            steps.append(None if index == "*" else int(index))
        else:
            steps.append(quoted)
        pos = match.end()
    current: list[Any] = [event]
    for step in steps:
        nxt: list[Any] = []
        for node in current:
            if step is None:
                nxt.extend(
                    node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
                )
            elif isinstance(step, int):
                if isinstance(node, list) and step < len(node):
                    nxt.append(node[step])
            elif isinstance(node, dict) and step in node:
                nxt.append(node[step])
        current = nxt
    if None in steps:
        return current if current else _MISSING
    return current[0] if current else _MISSING


def _found(value: Any) -> bool:
    return value is not _MISSING


def _as_text(value: Any) -> str:
    """A value rendered inside a text template: strings raw, objects/arrays without quotes."""
    if not _found(value):
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "{" + ",".join(f"{k}:{_as_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_as_text(v) for v in value) + "]"
    return _compact(value)


def _in_json_string(value: Any) -> str:
    """A value inside a quoted string of a JSON template: strings raw, everything else as JSON."""
    if not _found(value):
        return ""
    return value if isinstance(value, str) else _compact(value)


def _as_json(value: Any) -> str:
    """A value standing alone in a JSON template: its JSON (nothing selected becomes ``""``)."""
    return _compact(value) if _found(value) else '""'


def _substitute_json(template: str, values: dict[str, Any], target_id: str) -> str:
    out: list[str] = []
    in_string = False
    escaped = False
    i = 0
    while i < len(template):
        char = template[i]
        if char == "<":
            match = _PLACEHOLDER.match(template, i)
            if match is not None and match.group(1) in values:
                name = match.group(1)
                if in_string and name in _JSON_ONLY:
                    raise InvalidInputError(
                        f"InputTemplate for target {target_id} uses <{name}> inside a string; "
                        "it may only be used as a JSON value."
                    )
                out.append(_in_json_string(values[name]) if in_string else _as_json(values[name]))
                i = match.end()
                escaped = False
                continue
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        out.append(char)
        i += 1
    return "".join(out)


def _substitute_text(template: str, values: dict[str, Any], target_id: str) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            return match.group(0)
        if name in _JSON_ONLY:
            raise InvalidInputError(
                f"InputTemplate for target {target_id} uses <{name}> in a text template; "
                "it may only be used as a JSON value."
            )
        return _as_text(values[name])

    return _PLACEHOLDER.sub(replace, template)


def _transformer_parts(transformer: Mapping[str, Any]) -> tuple[Mapping[str, str], str]:
    if not isinstance(transformer, Mapping):
        raise InvalidInputError(
            f"InputTransformer must be a mapping with InputPathsMap and InputTemplate, got {type(transformer).__name__}"
        )
    paths = transformer.get("InputPathsMap", transformer.get("input_paths_map")) or {}
    template = transformer.get("InputTemplate", transformer.get("input_template"))
    if not isinstance(template, str):
        raise InvalidInputError("InputTransformer requires an InputTemplate string")
    if not isinstance(paths, Mapping):
        raise InvalidInputError("InputPathsMap must be a mapping of names to JSON paths")
    return paths, template


def _predefined(event: dict[str, Any], rule_arn: str, rule_name: str, ingestion_time: str) -> dict[str, Any]:
    envelope = {("detailType" if k == "detail-type" else k): v for k, v in event.items() if k != "detail"}
    return {
        "aws.events.rule-arn": rule_arn,
        "aws.events.rule-name": rule_name,
        "aws.events.event.ingestion-time": ingestion_time,
        "aws.events.event": envelope,
        "aws.events.event.json": event,
    }


def _render_transformer(
    event: dict[str, Any], transformer: Mapping[str, Any], predefined: dict[str, Any], target_id: str
) -> str:
    paths, template = _transformer_parts(transformer)
    if len(paths) > MAX_INPUT_PATHS:
        raise InvalidInputError(
            f"InputPathsMap for target {target_id} has {len(paths)} entries; "
            f"at most {MAX_INPUT_PATHS} are allowed."
        )
    values = dict(predefined)
    for name, path in paths.items():
        if not isinstance(name, str) or not isinstance(path, str):
            raise InvalidInputError(
                f"InputPathsMap for target {target_id} must map names to JSON path strings: "
                f"{short_repr(name)}: {short_repr(path)}"
            )
        if name in PREDEFINED_VARIABLES:
            raise InvalidInputError(
                f"InputPathsMap for target {target_id} cannot define the reserved variable {name}."
            )
        values[name] = resolve_json_path(event, path)
    for match in _PLACEHOLDER.finditer(template):
        if match.group(1) not in values:
            raise InvalidInputError(
                f"InputTemplate for target {target_id} contains invalid placeholder {match.group(1)}."
            )
    if template.lstrip().startswith('"'):
        return _substitute_text(template, values, target_id)
    body = _substitute_json(template, values, target_id)
    if not _is_json(body):
        raise UndeliverableInputError(
            f"The InputTemplate of target {target_id} renders invalid JSON for this event, so EventBridge "
            f"does not deliver it: {body}"
        )
    return body


def render_input(
    event: str | bytes | Mapping[str, Any],
    *,
    input: str | Mapping[str, Any] | None = None,
    input_path: str | None = None,
    input_transformer: Mapping[str, Any] | None = None,
    rule_arn: str | None = None,
    rule_name: str = "local-rule",
    ingestion_time: str | None = None,
    target_id: str = "Target0",
) -> str:
    """The exact body a target receives for ``event``.

    With none of ``input``, ``input_path``, ``input_transformer`` the whole event is delivered
    as compact JSON. ``input`` is a constant (JSON text, or a dict serialised to JSON);
    ``input_path`` a JSONPath whose selection is delivered as JSON (nothing selected: ``null``);
    ``input_transformer`` a mapping with ``InputPathsMap`` and ``InputTemplate`` (or
    ``input_paths_map`` / ``input_template``). ``rule_arn`` defaults to an ARN built from the
    event's region and account and ``rule_name`` (default ``"local-rule"``);
    ``ingestion_time`` defaults to the event's ``time`` (or now, in UTC); ``target_id``
    (default ``"Target0"``) only appears in error messages.

    Raises :class:`InvalidInputError` where PutTargets would reject the configuration and
    :class:`UndeliverableInputError` when a JSON template renders invalid JSON (AWS then
    silently drops the event).
    """
    given = sum(option is not None for option in (input, input_path, input_transformer))
    if given > 1:
        raise InvalidInputError(
            f"Only one of Input, InputPath, or InputTransformer must be provided for target {target_id}."
        )
    _check_text_options(input_path, rule_arn, rule_name, ingestion_time, target_id)
    parsed = parse_event(event)
    depth = check_event(parsed)
    with deep_recursion(depth):
        return _render(parsed, input, input_path, input_transformer, rule_arn, rule_name, ingestion_time, target_id)


def _check_text_options(
    input_path: Any, rule_arn: Any, rule_name: Any, ingestion_time: Any, target_id: Any
) -> None:
    options = {"input_path": input_path, "rule_arn": rule_arn, "ingestion_time": ingestion_time}
    for option, value in options.items():
        if value is not None and not isinstance(value, str):
            raise InvalidInputError(f"{option} must be a string, got {type(value).__name__}: {short_repr(value)}")
    for option, value in {"rule_name": rule_name, "target_id": target_id}.items():
        if not isinstance(value, str):
            raise InvalidInputError(f"{option} must be a string, got {type(value).__name__}: {short_repr(value)}")


def _render(
    parsed: dict[str, Any],
    input: str | Mapping[str, Any] | None,
    input_path: str | None,
    input_transformer: Mapping[str, Any] | None,
    rule_arn: str | None,
    rule_name: str,
    ingestion_time: str | None,
    target_id: str,
) -> str:
    if input is not None:
        if not isinstance(input, str):
            try:
                return _compact(input)
            except (TypeError, ValueError) as error:
                raise InvalidInputError(f"Input for target {target_id} is not JSON: {error}") from None
        if not _is_json(input):
            raise InvalidInputError(f"Input for target {target_id} is not valid JSON: {input}")
        return input
    if input_path is not None:
        selected = resolve_json_path(parsed, input_path)
        return _compact(selected) if _found(selected) else "null"
    if input_transformer is None:
        return _compact(parsed)
    if rule_arn is None:
        region = parsed.get("region", "us-east-1")
        account = parsed.get("account", "123456789012")
        rule_arn = f"arn:aws:events:{region}:{account}:rule/{rule_name}"
    if ingestion_time is None:
        time = parsed.get("time")
        ingestion_time = time if isinstance(time, str) else datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    predefined = _predefined(parsed, rule_arn, rule_name, ingestion_time)
    return _render_transformer(parsed, input_transformer, predefined, target_id)
