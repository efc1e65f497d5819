"""`RuleTargetInput` and `EventField`: what a target receives, and placeholders for event fields."""

from __future__ import annotations

import functools
import re
from enum import Enum
from typing import TYPE_CHECKING, Any

import attrs

from .core import IResolvable, IResolveContext, Lazy, Stack, ValidationError
from .core._checked import abridged
from .core._errors import construct_error
from .core._json import compact_json, js_stringify
from .core._resolve import DefaultTokenResolver, ResolveContext, ValueKinds, _PostProcessorSlot, resolve
from .core._struct_methods import struct_methods
from .core._token_encoding import TOKEN_MAP, is_unresolved

if TYPE_CHECKING:
    from .core import Construct

_HINT_LEAD = re.compile(r"^[^a-zA-Z0-9_-]+")
_HINT_BODY = re.compile(r"[^a-zA-Z0-9_-]")


@functools.lru_cache(maxsize=1024)
def _display_hint(path: str) -> str:
    """The key of a field in the input template: the path without leading `$.`, other characters as `-`."""
    return _HINT_BODY.sub("-", _HINT_LEAD.sub("", path))


class _ClassProperty:
    def __init__(self, path: str):
        self.path = path

    def __get__(self, instance: object, owner: type) -> str:
        return EventField.from_path(self.path)


class EventField(IResolvable):
    """A placeholder for a field of the matched event, used inside a `RuleTargetInput`.

    `EventField.from_path("$.detail.instance-id")` gives a string to embed anywhere (f-strings
    included); it becomes `<detail-instance-id>` in the input template. `EventField.event_id`,
    `detail_type`, `source`, `account`, `time` and `region` are ready-made.
    """

    event_id = _ClassProperty("$.id")
    detail_type = _ClassProperty("$.detail-type")
    source = _ClassProperty("$.source")
    account = _ClassProperty("$.account")
    time = _ClassProperty("$.time")
    region = _ClassProperty("$.region")

    def __init__(self, path: str):
        if not isinstance(path, str):
            raise ValidationError(f"EventField.from_path: 'path' must be a JSON path string like '$.detail.x', "
                                  f"got {abridged(path)}")
        self.path = path
        self.display_hint = _display_hint(path)

    @staticmethod
    def from_path(path: str) -> str:
        """A placeholder string for the event field at JSON path `path`."""
        field = EventField(path)
        return TOKEN_MAP.register_string(field, field.display_hint)

    def resolve(self, context: IResolveContext) -> Any:
        """The JSON path (outside of target inputs)."""
        return self.path

    def to_json(self) -> str:
        """What `JSON.stringify` shows for a field."""
        return f"<path:{self.path}>"


class InputType(Enum):
    """How a field-aware input is serialised."""

    OBJECT = 0
    TEXT = 1
    MULTILINE = 2


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class RuleTargetInputProperties:
    """What a bound input contributes to the target: `input`, `input_path`, or a transformer."""

    input: str | None = None
    input_path: str | None = None
    input_template: str | None = None
    input_paths_map: dict[str, str] | None = None


class RuleTargetInput:
    """The input a target receives (mirrors `aws_cdk.aws_events.RuleTargetInput`)."""

    @staticmethod
    def from_text(text: str) -> RuleTargetInput:
        """A text input: rendered as one JSON string (`"text"`, quotes included)."""
        return _FieldAwareInput(text, InputType.TEXT)

    @staticmethod
    def from_multiline_text(text: str) -> RuleTargetInput:
        """Text where each line becomes its own JSON string."""
        return _FieldAwareInput(text, InputType.MULTILINE)

    @staticmethod
    def from_object(obj: Any) -> RuleTargetInput:
        """A JSON object input; `EventField`s become placeholders (unquoted where they are whole values)."""
        return _FieldAwareInput(obj, InputType.OBJECT)

    @staticmethod
    def from_event_path(path: str) -> RuleTargetInput:
        """Pass only part of the event (`InputPath`)."""
        return _LiteralInput(RuleTargetInputProperties(input_path=path))

    def bind(self, rule: Construct) -> RuleTargetInputProperties:
        """What this input renders to for `rule`."""
        raise NotImplementedError


class _LiteralInput(RuleTargetInput):
    def __init__(self, props: RuleTargetInputProperties):
        self.props = props

    def bind(self, rule: Construct) -> RuleTargetInputProperties:
        return _within_limits(rule, self.props)


# EventBridge's limits on a target's input (characters)
_INPUT_LIMIT = 8192
_INPUT_PATH_LIMIT = 256


def _within_limits(rule: Construct, props: RuleTargetInputProperties) -> RuleTargetInputProperties:
    """`props`, if its literal texts are within EventBridge's limits."""
    for text, name, limit in ((props.input, "Input", _INPUT_LIMIT),
                              (props.input_template, "InputTemplate", _INPUT_LIMIT),
                              (props.input_path, "InputPath", _INPUT_PATH_LIMIT)):
        if text is not None and isinstance(text, str) and len(text) > limit and not is_unresolved(text):
            raise construct_error(rule, f"the target's {name} is {len(text):,} characters long; EventBridge allows "
                                        f"at most {limit:,}: {text[:60]!r}...")
    return props


class _FieldReplacer(DefaultTokenResolver):
    """Resolves `EventField`s to `<key>` and leaves every other token encoded."""

    def __init__(self) -> None:
        super().__init__(concat=_string_concat)
        self.paths_map: dict[str, str] = {}
        self._keys: dict[str, str] = {}
        self._counter = 0

    def _key(self, field: EventField) -> str:
        key = self._keys.get(field.path)
        if key is None:
            self._counter += 1
            key = field.display_hint or f"f{self._counter}"
            self._keys[field.path] = key
        return key

    def resolve_token(self, token: IResolvable, context: ResolveContext, post: _PostProcessorSlot) -> Any:
        if not isinstance(token, EventField):
            return TOKEN_MAP.register_string(token)
        key = self._key(token)
        existing = self.paths_map.get(key)
        if existing is not None and existing != token.path:
            raise ValidationError(
                f"Single key '{key}' is used for two different JSON paths: '{token.path}' and '{existing}'")
        self.paths_map[key] = token.path
        return f"<{key}>"


def _string_concat(left: Any, right: Any) -> Any:
    if left is None and right is None:
        return ""
    return f"{'' if left is None else left}{'' if right is None else right}"


class _FieldAwareInput(RuleTargetInput):
    def __init__(self, value: Any, input_type: InputType):
        self.value = value
        self.input_type = input_type

    def bind(self, rule: Construct) -> RuleTargetInputProperties:
        replacer = _FieldReplacer()
        kinds = ValueKinds()
        try:
            resolved = resolve(self.value, rule, resolver=replacer, kinds=kinds)
        except ValidationError as error:
            message = str(error)
            if message.startswith("["):
                raise
            raise construct_error(rule, message) from None
        keys = list(replacer.paths_map)
        rendered = _literal_rendering(resolved, self.input_type, regular=not kinds.irregular)
        if rendered is None:  # deploy-time values inside: rendered at synthesis, as the CDK does
            rendered = self._rendering_token(rule, resolved, keys)
        elif keys and self.input_type is InputType.OBJECT:
            rendered = _unquote(rendered, keys)
        if not keys:
            return _within_limits(rule, RuleTargetInputProperties(input=rendered))
        return _within_limits(rule, RuleTargetInputProperties(input_template=rendered,
                                                              input_paths_map=dict(replacer.paths_map)))

    def _rendering_token(self, rule: Construct, resolved: Any, keys: list[str]) -> str:
        stack = Stack.of(rule)
        if self.input_type is InputType.MULTILINE:
            text = resolved if isinstance(resolved, str) else str(resolved)
            rendered = "\n".join(stack.to_json_string(line) for line in text.split("\n"))
        else:
            rendered = stack.to_json_string(resolved)
        if keys and self.input_type is InputType.OBJECT:
            return Lazy.uncached_string(lambda ctx: _unquote(ctx.resolve(rendered), keys))
        return rendered


_DEPLOY_TIME_MARKERS = re.compile(r"\{Token\[|\de\+")  # string/list token markers, number tokens (-1.8e+289)


def _literal_rendering(resolved: Any, input_type: InputType, *, regular: bool) -> str | None:
    """The input's JSON text when it holds no token (what `Stack.to_json_string` resolves to), else None.

    `regular` (no float, null, huge integer or integer-like key met): the C encoder writes what JavaScript
    writes. Huge numbers (`1e+300`) also count as "maybe a token": those inputs take the synthesis-time path."""
    if resolved is None:
        return None
    stringify = compact_json if regular else js_stringify
    try:
        if input_type is InputType.MULTILINE:
            if not isinstance(resolved, str):
                return None
            text = "\n".join(stringify(line) for line in resolved.split("\n"))
        else:
            text = stringify(resolved)
    except TypeError:
        return None
    return None if _DEPLOY_TIME_MARKERS.search(text) else text


def _unquote(value: Any, keys: list[str]) -> Any:
    if isinstance(value, list):
        return [_unquote(v, keys) for v in value]
    if isinstance(value, dict):
        for key in list(value):
            value[key] = _unquote(value[key], keys)
        return value
    if isinstance(value, str):
        for key in keys:
            quoted = f'"<{key}>"'
            if quoted not in value:
                continue
            if f"\\{quoted}" in value:  # an escaped quote before it: only unescaped ones are placeholders
                value = _quoted_placeholder(key).sub(f"<{key}>", value)
            else:
                value = value.replace(quoted, f"<{key}>")
        return value
    return value


@functools.lru_cache(maxsize=256)
def _quoted_placeholder(key: str) -> re.Pattern[str]:
    return re.compile(r'(?<!\\)"<' + re.escape(key) + '>"')
