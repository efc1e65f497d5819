"""Runtime helpers of the generated L1 classes (`Cfn*`): property-type rendering, tags, `CfnTag`.

The generated modules (`_cfn_generated.py`, `aws/<service>/_cfn_generated.py`, written by `tools/gen_l1.py`)
call these helpers from their `_render_properties()` / `_to_cfn()` methods. Rendering follows the
CDK's generated `convert...ToCloudFormation` functions: tokens pass through untouched, property
types become dicts with CloudFormation names in ordinal-alphabetical order, `None` is dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import attrs

from ._struct_methods import struct_methods
from ._tags import TagManager
from ._token_encoding import IResolvable, is_unresolved

# The priority of tags given to an L1 directly (`externalTagPriority` in the CDK's TagManager).
EXTERNAL_TAG_PRIORITY = 50


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class CfnTag:
    """A CloudFormation tag `{"Key": key, "Value": value}` (mirrors `aws_cdk.CfnTag`)."""

    key: str
    value: str

    def _to_cfn(self) -> dict[str, Any]:
        return {"Key": self.key, "Value": self.value}

    def _to_cloudformation_value(self) -> dict[str, Any]:
        return self._to_cfn()


class CfnStruct:
    """Base of the generated property-type classes: immutable, keyword-only, compared by value.

    The generated subclasses write an explicit typed `__init__` and list their fields in `__slots__`,
    so importing hundreds of them costs no class-building work (unlike `attrs`/`dataclasses`).
    """

    __slots__ = ()
    _CFN_NAMES: ClassVar[dict[str, str]] = {}

    def _init(self, values: dict[str, Any]) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__qualname__} is immutable: cannot set {name!r}")

    def _fields(self) -> tuple[str, ...]:
        slots: tuple[str, ...] = type(self).__slots__
        return slots

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CfnStruct) and type(other) is type(self) and self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self), tuple(repr(v) for v in self._values())))

    def __repr__(self) -> str:
        fields = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._fields() if getattr(self, n) is not None)
        return f"{type(self).__qualname__}({fields})"


class RenderedValue(dict[str, Any]):
    """A property-type value the library wrote in its CloudFormation form (CloudFormation names in
    alphabetical order, no `None`): `render_struct` leaves it as it is."""


def drop_none(values: dict[str, Any]) -> dict[str, Any]:
    """`values` without the `None` entries (order kept)."""
    return {k: v for k, v in values.items() if v is not None}


def _lower_camel(cfn_name: str) -> str:
    return cfn_name[:1].lower() + cfn_name[1:]


_KEY_TABLES: dict[type, dict[str, str | None]] = {}


def _key_table(cls: type[Any]) -> dict[str, str | None]:
    """Accepted dict keys of a property type -> Python field name (camelCase and CloudFormation names).

    A multi-word snake_case spelling maps to None: jsii hands a dict inside a property value to the CDK
    as it is, and the CDK reads only the camelCase names, so aws-cdk-lib drops such a key silently.
    """
    table = _KEY_TABLES.get(cls)
    if table is None:
        table = {}
        names: dict[str, str] = cls._CFN_NAMES
        for py_name, cfn_name in names.items():
            table.setdefault(_lower_camel(cfn_name), py_name)
            snake = py_name.rstrip("_")
            table.setdefault(snake, py_name if "_" not in snake else None)
        for py_name, cfn_name in names.items():
            table[cfn_name] = py_name
            table[_lower_camel(cfn_name)] = py_name
        _KEY_TABLES[cls] = table
    return table


def struct_from_dict(cls: type[Any], value: Mapping[str, Any]) -> Any:
    """Build a property-type object from a plain dict (keys in camelCase or CloudFormation names; a
    multi-word snake_case key is dropped, as aws-cdk-lib drops it; any other key is an error)."""
    table = _key_table(cls)
    kwargs: dict[str, Any] = {}
    unknown: list[str] = []
    for key, item in value.items():
        if not isinstance(key, str) or key not in table:
            unknown.append(repr(key))
            continue
        py_name = table[key]
        if py_name is not None:
            kwargs[py_name] = item
    if unknown:
        raise TypeError(
            f"{cls.__qualname__}: unknown propert{'y' if len(unknown) == 1 else 'ies'} "
            f"{', '.join(unknown)}; expected one of {', '.join(sorted(cls._CFN_NAMES.values()))}"
        )
    return cls(**kwargs)


def render_struct(value: Any, cls: type[Any]) -> Any:
    """Render a property-type value: an instance of `cls` or a plain dict becomes its CloudFormation
    dict (alphabetical keys); tokens and anything else pass through."""
    if value is None or isinstance(value, IResolvable) or type(value) is RenderedValue:
        return value
    if isinstance(value, cls):
        return value._to_cfn()
    if isinstance(value, Mapping):
        return struct_from_dict(cls, value)._to_cfn()
    return value


def render_list(value: Any, cls: type[Any]) -> Any:
    """Render a list of property-type values (a list token passes through)."""
    if value is None or is_unresolved(value) or not isinstance(value, (list, tuple)):
        return value
    return [render_struct(item, cls) for item in value]


def render_map(value: Any, cls: type[Any]) -> Any:
    """Render a map of property-type values (a token passes through)."""
    if value is None or is_unresolved(value) or type(value) is not dict:
        return value
    return {key: render_struct(item, cls) for key, item in value.items()}


def render_cfn_tag(value: Any) -> Any:
    """Render one `CfnTag` (or a `{"key"/"Key", "value"/"Value"}` dict) as `{"Key", "Value"}`."""
    if isinstance(value, CfnTag):
        return value._to_cfn()
    if type(value) is dict:
        key = value.get("Key", value.get("key"))
        val = value.get("Value", value.get("value"))
        extra = {k: v for k, v in value.items() if k not in ("Key", "key", "Value", "value")}
        return {**drop_none({"Key": key, "Value": val}), **extra}
    return value


def render_tag_list(value: Any) -> Any:
    """Render a list of `CfnTag` values (a token passes through)."""
    if value is None or is_unresolved(value) or not isinstance(value, (list, tuple)):
        return value
    return [render_cfn_tag(item) for item in value]


def _tag_parts(tag: Any) -> tuple[Any, Any]:
    if isinstance(tag, CfnTag):
        return tag.key, tag.value
    if isinstance(tag, Mapping):
        return tag.get("key", tag.get("Key")), tag.get("value", tag.get("Value"))
    return None, None


def _tag_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def add_external_tags(manager: TagManager, tags: Any) -> list[Any]:
    """Put the tags given to an L1 into its tag manager (priority 50, like the CDK's TagManager) and
    return the entries that are not plain key/value pairs (rendered after the sorted tags)."""
    if tags is None:
        return []
    if not isinstance(tags, (list, tuple)):
        raise TypeError(f"Invalid tag input expected array of {{key, value}} have {tags!r}")
    dynamic: list[Any] = []
    for tag in tags:
        key, value = _tag_parts(tag)
        if key is None or value is None:
            dynamic.append(tag)
        else:
            manager.set_tag(_tag_text(key), _tag_text(value), EXTERNAL_TAG_PRIORITY)
    return dynamic


def render_tags(manager: TagManager, tags: Any = None, dynamic: list[Any] | None = None) -> Any:
    """The `Tags` property: the manager's tags sorted by key, after merging `tags` (the raw tags given
    to the L1, combined at render like the CDK's `renderTags(tags)`), then any dynamic entries."""
    if tags is None and not dynamic and not manager.has_tags():
        return None  # (most resources: no tags at all)
    extra = list(dynamic or [])
    if tags is not None:
        extra.extend(add_external_tags(manager, tags))
    rendered: list[Any] = list(manager.render_tags() or [])
    rendered.extend(render_cfn_tag(item) for item in extra)
    return rendered or None


def event_pattern_to_cfn(value: Any) -> Any:
    """A plain (non-token) event pattern dict with a top-level `detailType` key gets it renamed to
    `detail-type`, which moves to the end (copy, add `detail-type`, delete `detailType`)."""
    if type(value) is not dict or is_unresolved(value) or "detailType" not in value:
        return value
    ret = dict(value)
    ret["detail-type"] = ret["detailType"]
    del ret["detailType"]
    return ret
