"""`EventPattern`, and how rules merge and render patterns."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from .core import ValidationError
from .core._json import js_stringify
from .core._struct import to_struct
from .core._struct_methods import struct_methods

# The CloudFormation names of EventPattern fields that differ from their Python names.
_FIELD_NAMES = {"detail_type": "detailType"}


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class EventPattern:
    """Which events a rule matches (mirrors `aws_cdk.aws_events.EventPattern`).

    Each field is a list of values (or `Match` helpers); `detail` is a free-form dict. Unset
    fields match anything. `detail_type` renders as `detail-type`.
    """

    account: Sequence[Any] | None = None
    detail: Mapping[str, Any] | None = None
    detail_type: Sequence[Any] | None = None
    id: Sequence[Any] | None = None
    region: Sequence[Any] | None = None
    resources: Sequence[Any] | None = None
    source: Sequence[Any] | None = None
    time: Sequence[Any] | None = None
    version: Sequence[Any] | None = None

    def _to_object(self) -> dict[str, Any]:
        """The pattern as the CDK stores it: camelCase keys in field order, unset fields left out."""
        out: dict[str, Any] = {}
        for name, key in _FIELDS:
            value = getattr(self, name)
            if value is None:
                continue
            if name == "detail":
                out["detail"] = dict(value) if isinstance(value, Mapping) else value
            else:
                out[key] = list(value) if isinstance(value, (list, tuple)) else value
        return out


class PatternLiteral(dict[str, Any]):
    """A pattern written inside the library, as the CDK's TypeScript writes an object literal: its keys
    stay in the order written (a dict from a user is converted like jsii converts it to an
    `EventPattern`, and so takes the struct's field order)."""


_FIELDS = tuple((f.name, _FIELD_NAMES.get(f.name, f.name)) for f in attrs.fields(EventPattern))


def _json(value: Any) -> str:
    try:
        return js_stringify(value)
    except TypeError:
        return json.dumps(value, default=repr)


def pattern_object(pattern: EventPattern | Mapping[str, Any]) -> dict[str, Any]:
    """An `EventPattern`, or a dict of its fields (snake_case keys), as the dict the merge works on."""
    if isinstance(pattern, EventPattern):
        return pattern._to_object()
    if isinstance(pattern, PatternLiteral):
        return {(_FIELD_NAMES.get(k, k)): v for k, v in pattern.items()}
    if isinstance(pattern, Mapping):
        # as jsii converts a dict given for the struct: snake_case field names, rendered in field order
        struct = to_struct(EventPattern, pattern, prop="event_pattern")
        assert struct is not None
        return struct._to_object()
    raise ValidationError(f"Invalid event pattern '{_json(pattern)}', expecting an object or an array")


def merge_event_pattern(dest: dict[str, Any], src: Any) -> dict[str, Any]:
    """Merge `src` into `dest` the way the CDK's `addEventPattern` does (lists unioned, dicts merged)."""
    if not isinstance(src, dict):
        raise ValidationError(f"Invalid event pattern '{_json(src)}', expecting an object or an array")
    for key, value in src.items():
        if value is None:
            continue
        if not isinstance(value, (dict, list, tuple)):
            raise ValidationError(
                f"Invalid event pattern field {{ {key}: {_json(value)} }}. All fields must be arrays")
        if isinstance(value, tuple):
            value = list(value)
        existing = dest.get(key)
        if key not in dest:
            dest[key] = value
            continue
        if isinstance(existing, list) != isinstance(value, list):
            raise ValidationError(
                f"Invalid event pattern field {key}. Type mismatch between existing pattern {_json(existing)} "
                f"and added pattern {_json(value)}")
        if isinstance(value, list) and isinstance(existing, list):
            merged: list[Any] = []
            seen: set[str] = set()
            for item in [*existing, *value]:
                marker = _json(item)
                if marker not in seen:
                    seen.add(marker)
                    merged.append(item)
            dest[key] = merged
        elif isinstance(existing, dict):
            merge_event_pattern(existing, value)
    return dest


def render_event_pattern(pattern: dict[str, Any]) -> dict[str, Any] | None:
    """The `EventPattern` property: None when empty, `detailType` renamed in place to `detail-type`."""
    if not pattern:
        return None
    return {("detail-type" if key == "detailType" else key): value for key, value in pattern.items()}
