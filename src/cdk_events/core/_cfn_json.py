"""CloudFormation-aware JSON (`Stack.to_json_string`): JSON text in which resolved intrinsics are
spliced in with `Fn::Join`, exactly as the CDK's `CloudFormationLang.toJSON` does it."""

from __future__ import annotations

from typing import Any

from ._js import js_items, js_number
from ._json import JSON_NULL, _encode_str
from ._lazy import LazyValue
from ._resolve import INTRINSIC_KEY_PREFIX, is_intrinsic, minimal_join
from ._token_encoding import TOKEN_MAP, IResolveContext, ResolutionTypeHint, resolved_type_hint


def to_json_string(obj: Any, space: int | None = None) -> str:
    """A string token that resolves to `obj` as CloudFormation-aware JSON."""
    return TOKEN_MAP.register_string(LazyValue(lambda ctx: token_aware_stringify(obj, space or 0, ctx), cache=False))


def _deep_quote(value: Any) -> Any:
    if isinstance(value, list):
        return [_deep_quote(v) for v in value]
    if isinstance(value, dict):
        return {_deep_quote(k): _deep_quote(v) for k, v in value.items()}
    if isinstance(value, str):
        return _encode_str(value)[1:-1]
    return value


def token_aware_stringify(root: Any, space: int, context: IResolveContext) -> Any:
    """Resolve `root`, then serialise it, keeping intrinsics as intrinsics (joined with literals)."""
    segments: list[Any] = []  # str literal parts are merged; dicts are intrinsics
    literal: list[str] = []
    indent = [0]

    def push_literal(text: str) -> None:
        literal.append(text)

    def push_intrinsic(value: Any) -> None:
        if literal:
            segments.append("".join(literal))
            literal.clear()
        segments.append(_Intrinsic(value))

    def line_break() -> None:
        if space:
            push_literal("\n" + " " * indent[0])

    def collection(open_: str, close: str, items: list[Any], each: Any) -> None:
        push_literal(open_)
        indent[0] += space
        first = True
        for item in items:
            if not first:
                push_literal(",")
            line_break()
            each(item)
            first = False
        indent[0] -= space
        if not first:
            line_break()
        push_literal(close)

    def recurse(value: Any) -> None:
        if value is None:
            return
        if isinstance(value, list):
            collection("[", "]", [v for v in value if v is not None], recurse)
            return
        if isinstance(value, dict):
            hint = resolved_type_hint(value)
            if hint is not None and is_intrinsic(value):
                render_intrinsic(value, hint)
                return

            def member(kv: tuple[str, Any]) -> None:
                key, item = kv
                if key.startswith(INTRINSIC_KEY_PREFIX):
                    key, item = item
                recurse(key)
                push_literal(": " if space else ":")
                recurse(item)

            collection("{", "}", [(k, v) for k, v in js_items(value) if v is not None], member)
            return
        if isinstance(value, str):
            push_literal(_encode_str(value))
        elif value is True:
            push_literal("true")
        elif value is False:
            push_literal("false")
        elif value is JSON_NULL:
            push_literal("null")
        elif isinstance(value, (int, float)):
            push_literal(js_number(value))
        else:
            raise TypeError(f"Cannot serialise {value!r} to JSON")

    def render_intrinsic(value: Any, hint: ResolutionTypeHint) -> None:
        if hint is ResolutionTypeHint.NUMBER:
            push_intrinsic(value)
        elif hint is ResolutionTypeHint.STRING_LIST:
            raise TypeError("Cannot serialise a list token to JSON text inside a template (CfnUtils.stringify "
                            "is not offered)")
        else:
            push_literal('"')
            push_intrinsic(_deep_quote(value))
            push_literal('"')

    recurse(context.resolve(root, allow_intrinsic_keys=True, type_hints=True))  # type: ignore[call-arg]
    if literal:
        segments.append("".join(literal))
    if not segments:
        return None
    rendered = [s.value if isinstance(s, _Intrinsic) else s for s in segments]
    if len(rendered) == 1:
        return rendered[0]
    return {"Fn::Join": ["", minimal_join("", rendered)]}


class _Intrinsic:
    __slots__ = ("value",)

    def __init__(self, value: Any):
        self.value = value
