"""YAML text of a buildspec, as the CDK writes `BuildSpec.from_object_to_yaml` (the `yaml` 1.x package,
`yaml-1.1` schema, no line folding): block mappings, sequences indented under their key, plain scalars
where they read back as the same string, double quotes otherwise.

Multi-line strings (which that writer turns into block scalars) are refused rather than written
differently.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from cdk_events.core import Token, ValidationError, js_number

# plain scalars the yaml-1.1 schema reads as something other than a string
_NON_STRING = re.compile(
    r"^(?:~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
    r"|[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?(?:0|[1-9][0-9_]*)"
    r"|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+"
    r"|[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?:[eE][-+]?[0-9]+)"
    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
    r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?)$")
_NEEDS_QUOTES = re.compile(r"^[\n\t ,\[\]#&*!|>'\"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def to_yaml(value: Mapping[str, Any]) -> str:
    """`value` as YAML text (ends with a newline)."""
    lines: list[str] = []
    _node(value, 0, lines)
    return "\n".join(lines) + "\n"


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return js_number(value)
    if isinstance(value, str):
        if "\n" in value or Token.is_unresolved(value):
            raise ValidationError("BuildSpec.from_object_to_yaml: multi-line strings and tokens are not offered by "
                                  f"cdk-events (got {value!r}); use BuildSpec.from_object")
        if not value or _CONTROL.search(value) or _NEEDS_QUOTES.search(value) or _NON_STRING.match(value):
            if '"' in value and "'" not in value and not _CONTROL.search(value):
                return "'" + value + "'"
            return json.dumps(value, ensure_ascii=False)
        return value
    raise ValidationError(f"BuildSpec.from_object_to_yaml: cannot write {value!r} (a {type(value).__name__})")


def _is_collection(value: Any) -> bool:
    return isinstance(value, (Mapping, list, tuple)) and len(value) > 0


def _node(value: Any, indent: int, lines: list[str]) -> None:
    pad = " " * indent
    if isinstance(value, Mapping):
        for key, item in value.items():
            head = f"{pad}{_scalar(str(key))}:"
            if _is_collection(item):
                lines.append(head)
                _node(item, indent + 2, lines)
            else:
                lines.append(f"{head} {_inline(item)}")
    else:
        for item in value:
            if _is_collection(item):
                sub: list[str] = []
                _node(item, indent + 2, sub)
                lines.append(f"{pad}- {sub[0][indent + 2:]}")
                lines.extend(sub[1:])
            else:
                lines.append(f"{pad}- {_inline(item)}")


def _inline(value: Any) -> str:
    if isinstance(value, Mapping):
        return "{}"
    if isinstance(value, (list, tuple)):
        return "[]"
    return _scalar(value)
