"""Resolution: turn a value holding tokens into plain CloudFormation JSON.

The walk follows the CDK's `resolve()`: strings with markers are split and folded with the
CloudFormation concatenator (literal + literal = literal, anything else `Fn::Join` with the
minimal-join rules), tokens are resolved and their results resolved again, `None` (JavaScript's
`undefined`) is dropped from dicts and lists, and post-processors see each token's final value.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ._errors import ResolutionError
from ._js import js_items
from ._json import JSON_NULL, _needs_reorder
from ._token_encoding import (
    LIST_TOKEN_RE,
    TOKEN_MAP,
    Fragments,
    IPostProcessor,
    IResolvable,
    IResolveContext,
    ResolutionTypeHint,
    TaggedDict,
    has_token,
    is_unresolved,
    split_string,
    tag_resolved,
)

if TYPE_CHECKING:
    from ._construct import IConstruct

_MAX_DEPTH = 200
INTRINSIC_KEY_PREFIX = "$IntrinsicKey$"


def is_intrinsic(value: Any) -> bool:
    """True for `{"Ref": ...}` and single-key `{"Fn::...": ...}` objects."""
    if not isinstance(value, dict) or len(value) != 1:
        return False
    key = next(iter(value))
    return key == "Ref" or (key.startswith("Fn::") and key not in ("Fn::GetArtifactAtt", "Fn::GetParam"))


def _is_plain_string(value: Any) -> bool:
    return isinstance(value, str) and not has_token(value)


def minimal_join(delimiter: str, values: list[Any]) -> list[Any]:
    """Splice nested joins with the same delimiter and merge adjacent literal strings."""
    flat: list[Any] = []
    for value in values:
        if (
            isinstance(value, dict)
            and len(value) == 1
            and "Fn::Join" in value
            and isinstance(value["Fn::Join"], list)
            and len(value["Fn::Join"]) == 2
            and value["Fn::Join"][0] == delimiter
            and isinstance(value["Fn::Join"][1], list)
            and not is_unresolved(value["Fn::Join"][1])
        ):
            flat.extend(value["Fn::Join"][1])
        else:
            flat.append(value)
    merged: list[Any] = []
    for value in flat:
        if merged and _is_plain_string(value) and _is_plain_string(merged[-1]):
            merged[-1] = merged[-1] + delimiter + value
        else:
            merged.append(value)
    return merged


def _concatable(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, str):
        return not has_token(value)
    return isinstance(value, (int, float)) and not is_unresolved(value)


def _js_str(value: Any) -> str:
    if isinstance(value, str):
        return value
    from ._js import js_number

    return js_number(value)


def cfn_concat(left: Any, right: Any) -> Any:
    """Concatenate two resolved fragments the way CloudFormation needs it."""
    if left is None and right is None:
        return ""
    if left is None:
        return right
    if right is None:
        return left
    if _concatable(left) and _concatable(right):
        return _js_str(left) + _js_str(right)
    return {"Fn::Join": ["", minimal_join("", [left, right])]}


def _join_items(value: Any) -> list[Any] | None:
    """The parts of `{"Fn::Join": ["", [...]]}` that `minimal_join` splices into an enclosing join."""
    if isinstance(value, dict) and len(value) == 1:
        join = value.get("Fn::Join")
        if (isinstance(join, list) and len(join) == 2 and join[0] == "" and isinstance(join[1], list)
                and not is_unresolved(join[1])):
            return join[1]
    return None


def cfn_fold(values: list[Any]) -> Any:
    """`cfn_concat` folded over `values` left to right, in one pass: the same result (literals merged,
    joins spliced) without re-joining the growing list at every step."""
    if not values:
        return cfn_concat(None, None)
    result = values[0]
    items: list[Any] | None = None  # the parts of the join `result` stands for, once it is one
    for right in values[1:]:
        if items is None:
            if result is None:
                result = right if right is not None else ""
                continue
            if right is None:
                continue
            if _concatable(result) and _concatable(right):
                result = _js_str(result) + _js_str(right)
                continue
            items = []
            _append_parts(items, result)
        elif right is None:
            continue
        _append_parts(items, right)
    return result if items is None else {"Fn::Join": ["", items]}


def _append_parts(items: list[Any], value: Any) -> None:
    parts = _join_items(value)
    for part in (value,) if parts is None else parts:
        if items and _is_plain_string(part) and _is_plain_string(items[-1]):
            items[-1] = items[-1] + part
        else:
            items.append(part)


class ITokenResolver:
    """How tokens, strings with tokens and list tokens are turned into values."""

    def resolve_token(self, token: IResolvable, context: ResolveContext, post: _PostProcessorSlot) -> Any:
        """Resolve one token object."""
        raise NotImplementedError

    def resolve_string(self, fragments: Fragments, context: ResolveContext) -> Any:
        """Resolve a string that holds tokens."""
        raise NotImplementedError

    def resolve_list(self, value: list[str], context: ResolveContext) -> Any:
        """Resolve a list token."""
        raise NotImplementedError


class DefaultTokenResolver(ITokenResolver):
    """The resolver of CloudFormation templates: tokens resolve to intrinsics, strings fold with
    `concat` (the CloudFormation concatenator by default)."""

    def __init__(self, concat: Callable[[Any, Any], Any] = cfn_concat):
        self.concat = concat

    def resolve_token(self, token: IResolvable, context: ResolveContext, post: _PostProcessorSlot) -> Any:
        """Resolve `token`, then its result, then apply its post-processor."""
        try:
            value = token.resolve(context)
            if not token.resolves_final:
                value = context.resolve(value)
            if post.processor is not None:
                value = post.processor.post_process(value, context)
            return value
        except ResolutionError:
            raise
        except Exception as error:
            from ._errors import CdkEventsError

            if isinstance(error, CdkEventsError):
                raise
            raise ResolutionError(f"Resolution error: {error}.") from error

    def resolve_string(self, fragments: Fragments, context: ResolveContext) -> Any:
        """Resolve each token of the string and fold the pieces."""
        if self.concat is cfn_concat:
            return cfn_fold([context.resolve(value) if is_token else value for is_token, value in fragments.items])
        return fragments.map_tokens(context.resolve).join(self.concat)

    def resolve_list(self, value: list[str], context: ResolveContext) -> Any:
        """Resolve the single token a list token stands for."""
        if len(value) != 1:
            raise ResolutionError(f"Cannot add elements to list token, got: {value}")
        fragments = split_string(value[0], LIST_TOKEN_RE)
        if fragments.length != 1:
            raise ResolutionError(f"Cannot concatenate strings in a tokenized string array, got: {value[0]}")
        return context.resolve(fragments.first_value)


CLOUDFORMATION_TOKEN_RESOLVER = DefaultTokenResolver()


class _PostProcessorSlot:
    """Where the post-processor a token registers is kept (the resolve context of that token)."""

    __slots__ = ()
    processor: IPostProcessor | None


class ResolveContext(IResolveContext, _PostProcessorSlot):
    """The context handed to `IResolvable.resolve`."""

    __slots__ = ("_depth", "_options", "_path", "preparing", "processor", "scope")

    def __init__(self, options: ResolveOptions, path: Any, depth: int = 0):
        self._options = options
        self.scope = options.scope
        self.preparing = options.preparing
        self._path = path
        self._depth = depth
        self.processor = None

    @property
    def document_path(self) -> tuple[str, ...]:  # type: ignore[override]
        """Where in the document the value being resolved is."""
        return path_tuple(self._path)

    def resolve(self, value: Any, *, allow_intrinsic_keys: bool = False, remove_empty: bool = True,
                type_hints: bool = False) -> Any:
        """Resolve a nested value in this context (`type_hints`: tag token results with their kind)."""
        options = self._options
        if (allow_intrinsic_keys and not options.allow_intrinsic_keys) or (type_hints and not options.hints):
            options = options.evolve(allow_intrinsic_keys=allow_intrinsic_keys or options.allow_intrinsic_keys,
                                     hints=type_hints or options.hints)
        return _resolve(value, options, self._path, self._depth + 1)

    def register_post_processor(self, post_processor: IPostProcessor) -> None:
        """Apply `post_processor` to the value of the token being resolved."""
        self.processor = post_processor


class ValueKinds:
    """What a resolution met that JSON writers format differently from JavaScript's `JSON.stringify`:
    floats, integers past 2**53, `null`, integer-like keys (JavaScript orders them first). A template
    without any (`irregular` False) can be written by a generic fast JSON writer."""

    __slots__ = ("irregular",)

    def __init__(self) -> None:
        self.irregular = False


_UNTRACKED = ValueKinds()  # where resolutions that nobody asks about note what they meet
_MAX_SAFE_INT = 2**53


class ResolveOptions:
    """Settings of one resolution."""

    __slots__ = ("allow_intrinsic_keys", "hints", "kinds", "preparing", "remove_empty", "resolver", "scope",
                 "whole_list_tokens", "whole_tokens")

    def __init__(
        self,
        scope: IConstruct,
        resolver: ITokenResolver = CLOUDFORMATION_TOKEN_RESOLVER,
        *,
        preparing: bool = False,
        remove_empty: bool = True,
        allow_intrinsic_keys: bool = False,
        hints: bool = False,
        kinds: ValueKinds = _UNTRACKED,
    ):
        self.scope = scope
        self.kinds = kinds
        self.hints = hints
        self.resolver = resolver
        self.preparing = preparing
        self.remove_empty = remove_empty
        self.allow_intrinsic_keys = allow_intrinsic_keys
        # a string that is exactly one token resolves to that token's value (no split, no fold) unless
        # the resolver treats strings differently
        self.whole_tokens = type(resolver).resolve_string is DefaultTokenResolver.resolve_string
        self.whole_list_tokens = type(resolver).resolve_list is DefaultTokenResolver.resolve_list

    def evolve(self, **changes: Any) -> ResolveOptions:
        """A copy with some settings changed."""
        values: dict[str, Any] = {
            "resolver": self.resolver,
            "preparing": self.preparing,
            "remove_empty": self.remove_empty,
            "allow_intrinsic_keys": self.allow_intrinsic_keys,
            "hints": self.hints,
            "kinds": self.kinds,
        }
        values.update(changes)
        return ResolveOptions(self.scope, **values)


def resolve(
    value: Any,
    scope: IConstruct,
    *,
    resolver: ITokenResolver = CLOUDFORMATION_TOKEN_RESOLVER,
    preparing: bool = False,
    remove_empty: bool = True,
    allow_intrinsic_keys: bool = False,
    kinds: ValueKinds = _UNTRACKED,
) -> Any:
    """Resolve every token in `value` in the context of `scope` (`kinds` notes irregular values met)."""
    options = ResolveOptions(
        scope, resolver, preparing=preparing, remove_empty=remove_empty, allow_intrinsic_keys=allow_intrinsic_keys,
        kinds=kinds,
    )
    return _resolve(value, options, None, 0)


Path = tuple[Any, str] | None  # (parent path, key): a linked list, cheap to extend


def path_tuple(path: Path) -> tuple[str, ...]:
    """The document path of a linked path, root first."""
    keys: list[str] = []
    while path is not None:
        path, key = path
        keys.append(key)
    keys.reverse()
    return tuple(keys)


def _path_text(path: Path) -> str:
    return "/" + "/".join(path_tuple(path))


def _resolve(value: Any, options: ResolveOptions, path: Path, depth: int = 0) -> Any:
    kind = type(value)
    if kind is str:
        if "${Token[" not in value:
            return value
        if options.whole_tokens:
            token = TOKEN_MAP._strings.get(value)
            if token is not None:
                result = _resolve_token(token, options, path, depth + 1)
                return tag_resolved(result, ResolutionTypeHint.STRING) if options.hints else result
        fragments = split_string(value)
        if not fragments.items or all(not is_tok for is_tok, _ in fragments.items):
            return value
        result = options.resolver.resolve_string(fragments, ResolveContext(options, path, depth))
        return tag_resolved(result, ResolutionTypeHint.STRING) if options.hints else result
    if depth > _MAX_DEPTH:
        raise ResolutionError(f"Unable to resolve object tree with circular reference. Path: {_path_text(path)}")
    if kind is dict or kind is TaggedDict:
        return _resolve_dict(value, options, path, depth)
    if kind is int:
        if not -_MAX_SAFE_INT <= value <= _MAX_SAFE_INT:
            options.kinds.irregular = True
        return value
    if kind is bool or value is None:
        return value
    if value is JSON_NULL:
        options.kinds.irregular = True
        return value
    if kind is list or kind is tuple:
        return _resolve_list(value, options, path, depth)
    if kind is float:
        token = TOKEN_MAP.lookup_number(value)
        if token is None:
            options.kinds.irregular = True
            return value
        context = ResolveContext(options, path, depth)
        result = options.resolver.resolve_token(token, context, context)
        return tag_resolved(result, ResolutionTypeHint.NUMBER) if options.hints else result
    if isinstance(value, IResolvable):
        return _resolve_token(value, options, path, depth)
    if isinstance(value, str):
        return _resolve(str(value), options, path, depth)
    if isinstance(value, dict):
        return _resolve_dict(value, options, path, depth)
    if isinstance(value, (list, tuple)):
        return _resolve_list(list(value), options, path, depth)
    if isinstance(value, (int, float)):
        options.kinds.irregular = True
        return value
    from ._construct import Construct

    if isinstance(value, Construct):
        raise ResolutionError(f"Trying to resolve() a Construct at {_path_text(path)}")
    to_cfn = getattr(value, "_to_cloudformation_value", None)
    if to_cfn is not None:
        return _resolve(to_cfn(), options, path, depth)
    raise ResolutionError(
        f"Cannot render a value of type {type(value).__name__} into CloudFormation at {_path_text(path)}: {value!r}"
    )


def _resolve_token(token: IResolvable, options: ResolveOptions, path: Path, depth: int) -> Any:
    if depth > _MAX_DEPTH:
        raise ResolutionError(f"Unable to resolve object tree with circular reference. Path: {_path_text(path)}")
    context = ResolveContext(options, path, depth)
    result = options.resolver.resolve_token(token, context, context)
    return tag_resolved(result, token.type_hint or ResolutionTypeHint.STRING) if options.hints else result


def _resolve_list(value: Any, options: ResolveOptions, path: Path, depth: int) -> list[Any] | Any:
    if len(value) == 1 and type(value[0]) is str and value[0].startswith("#{Token["):
        token = TOKEN_MAP._strings.get(value[0]) if options.whole_list_tokens else None
        if token is not None:  # what DefaultTokenResolver.resolve_list does, without splitting the marker
            result = _resolve_token(token, options, path, depth + 1)
        else:
            result = options.resolver.resolve_list(list(value), ResolveContext(options, path, depth))
        return tag_resolved(result, ResolutionTypeHint.STRING_LIST) if options.hints else result
    out = []
    remove_empty = options.remove_empty
    depth += 1
    nested = depth <= _MAX_DEPTH
    for index, item in enumerate(value):
        item_type = type(item)
        if item_type is str:
            if "{Token[" not in item:
                out.append(item)
                continue
            if item.startswith("#{Token[") and LIST_TOKEN_RE.fullmatch(item):
                # a list token spread into a longer list (`["a", *Match.prefix("b")]`): its elements join the list
                spliced = options.resolver.resolve_list([item], ResolveContext(options, (path, str(index)), depth))
                out.extend(spliced if isinstance(spliced, list) else [spliced])
                continue
        elif item_type is bool or (item_type is int and -_MAX_SAFE_INT <= item <= _MAX_SAFE_INT):
            out.append(item)
            continue
        elif item is None:
            if not remove_empty:
                out.append(None)
            continue
        elif item_type is dict and nested:
            out.append(_resolve_dict(item, options, (path, str(index)), depth))
            continue
        resolved = _resolve(item, options, (path, str(index)), depth)
        if resolved is not None or not remove_empty:
            out.append(resolved)
    return out


def _resolve_dict(value: dict[Any, Any], options: ResolveOptions, path: Path, depth: int) -> Any:
    result: dict[str, Any] = {}
    intrinsic_keys = 0
    remove_empty = options.remove_empty
    depth += 1
    # JavaScript visits integer-like keys first: tokens resolve in that order (it decides, e.g., the
    # order of an input transformer's InputPathsMap)
    try:  # (`_needs_reorder`, its first test written here: most dicts have no key before "9" at all)
        reorder = bool(value) and min(value)[:1] <= "9" and _needs_reorder(value)
    except TypeError:
        reorder = _needs_reorder(value)
    if reorder:
        options.kinds.irregular = True
        pairs: Any = js_items(value)
    else:
        pairs = value.items()
    nested = depth <= _MAX_DEPTH  # (containers below are resolved here directly; too deep goes to `_resolve`)
    for key, item in pairs:
        item_type = type(item)
        if (item_type is str and "${Token[" not in item) or item_type is bool or (
                item_type is int and -_MAX_SAFE_INT <= item <= _MAX_SAFE_INT):
            resolved = item
        elif item is None:
            if remove_empty:
                continue
            resolved = None
        elif item_type is dict and nested:
            resolved = _resolve_dict(item, options, (path, key if type(key) is str else str(key)), depth)
        elif item_type is list and nested:
            resolved = _resolve_list(item, options, (path, key if type(key) is str else str(key)), depth)
            if resolved is None and remove_empty:
                continue
        else:
            resolved = _resolve(item, options, (path, key if type(key) is str else str(key)), depth)
            if resolved is None and remove_empty:
                continue
        if type(key) is str and ("{Token[" not in key or not has_token(key)):
            result[key] = resolved
            continue
        resolved_key = _resolve(key, options, path, depth)
        if isinstance(resolved_key, str):
            result[resolved_key] = resolved
        elif options.allow_intrinsic_keys:
            result[f"{INTRINSIC_KEY_PREFIX}{intrinsic_keys}"] = [resolved_key, resolved]
            intrinsic_keys += 1
        else:
            raise ResolutionError(
                f'"{key}" is used as the key in a map so must resolve to a string, but it resolves to: '
                f"{json.dumps(resolved_key, separators=(',', ':'))}. "
                'Consider using "CfnJson" to delay resolution to deployment-time'
            )
    if isinstance(value, TaggedDict):
        return TaggedDict(result, value.type_hint)
    return result
