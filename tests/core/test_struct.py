"""Structs as dicts, as jsii converts them (`core._struct`)."""

from __future__ import annotations

import attrs
import pytest

from cdk_events.core import App, Stack, ValidationError
from cdk_events.core._struct import StructError, camel_case_keys, struct_converter, to_struct


@attrs.frozen(kw_only=True)
class _Inner:
    max_receive_count: int
    queue: str


@attrs.frozen(kw_only=True)
class _Outer:
    name: str
    inner: _Inner | None = attrs.field(default=None, converter=struct_converter(_Inner, "inner"))


def test_a_dict_with_snake_case_keys_becomes_the_struct_nested_ones_too() -> None:
    got = to_struct(_Outer, {"name": "x", "inner": {"queue": "q", "max_receive_count": 3}}, prop="outer")
    assert got == _Outer(name="x", inner=_Inner(queue="q", max_receive_count=3))


def test_an_instance_or_none_passes_unchanged() -> None:
    outer = _Outer(name="x")
    assert to_struct(_Outer, outer, prop="outer") is outer
    assert to_struct(_Outer, None, prop="outer") is None


def test_an_unknown_key_names_path_property_key_and_allowed_keys() -> None:
    stack = Stack(App(), "S")
    with pytest.raises(StructError) as info:
        to_struct(_Outer, {"name": "x", "nmae": "y"}, prop="outer", scope=stack)
    message = str(info.value)
    assert message.startswith("[S] 'outer'")
    assert "'nmae'" in message and "allowed keys: name, inner" in message
    assert isinstance(info.value, ValidationError) and isinstance(info.value, TypeError)


def test_dicts_inside_lists_are_read_by_their_camel_case_names() -> None:
    assert camel_case_keys({"maxReceiveCount": 2, "queue": "q", "max_receive_count": 9}, _Inner) == {
        "max_receive_count": 2, "queue": "q"}
