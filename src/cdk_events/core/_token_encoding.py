"""Tokens: values that are known only when a template is resolved.

A token is an `IResolvable` object. Wherever a plain value is expected it can travel encoded:
inside a string as a marker `${Token[Name.N]}` (so f-strings and `+` work), as a one-element list
`["#{Token[Name.N]}"]`, or as a special negative float for numbers. Resolution (see `_resolve.py`)
decodes the markers again and renders each token into CloudFormation.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any

from ._errors import UnscopedArgumentTypeError

if TYPE_CHECKING:
    from ._construct import IConstruct


class ResolutionTypeHint(Enum):
    """What kind of value a resolved token stood for (used by `Stack.to_json_string`)."""

    STRING = "string"
    NUMBER = "number"
    STRING_LIST = "string-list"


class IResolveContext:
    """What a token sees while it is resolved: the scope, and a way to resolve nested values."""

    scope: IConstruct
    preparing: bool
    document_path: tuple[str, ...]

    def resolve(self, value: Any, *, allow_intrinsic_keys: bool = False, remove_empty: bool = True) -> Any:
        """Resolve a nested value in the same context."""
        raise NotImplementedError

    def register_post_processor(self, post_processor: IPostProcessor) -> None:
        """Have `post_processor` see the resolved value of the current token."""
        raise NotImplementedError


class IPostProcessor:
    """Changes the resolved value of a token (e.g. de-duplicates policy statements)."""

    def post_process(self, value: Any, context: IResolveContext) -> Any:
        """Return the value to use in place of `value`."""
        raise NotImplementedError


class IResolvable:
    """A value that is rendered only at synthesis. Subclass it and implement `resolve`."""

    __slots__ = ()  # (subclasses have a `__dict__` unless they declare slots themselves)

    @property
    def creation_stack(self) -> Sequence[str]:
        """Where the token was created (not captured: empty)."""
        return ()

    type_hint: ResolutionTypeHint | None = None
    # True when `resolve` returns finished CloudFormation (no tokens inside): it is not walked again
    resolves_final: bool = False

    def resolve(self, context: IResolveContext) -> Any:
        """Produce the value (which may contain further tokens)."""
        raise NotImplementedError

    def to_string(self) -> str:
        """This token encoded as a string."""
        return TOKEN_MAP.register_string(self)

    def __str__(self) -> str:
        return self.to_string()

    def __format__(self, spec: str) -> str:
        return format(self.to_string(), spec)

    def __add__(self, other: object) -> str:
        return self.to_string() + str(other)

    def __radd__(self, other: object) -> str:
        return str(other) + self.to_string()


class Intrinsic(IResolvable):
    """A token whose value is fixed, such as `{"Fn::Select": [...]}` or a plain string."""

    def __init__(self, value: Any, *, type_hint: ResolutionTypeHint | None = None, stack_trace: bool = False):
        if callable(value) and not isinstance(value, IResolvable):
            raise UnscopedArgumentTypeError(  # (a TypeError too)
                "Intrinsic: a function cannot be used as an intrinsic value, use Lazy instead")
        self.value = value
        self.type_hint = type_hint or ResolutionTypeHint.STRING

    def resolve(self, context: IResolveContext) -> Any:
        """The value given at construction."""
        return self.value

    def new_error(self, message: str) -> Exception:
        """An error to raise about this intrinsic."""
        return ValueError(message)

    def to_json(self) -> str:
        """What `JSON.stringify` shows for an unresolved token."""
        return "<unresolved-token>"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.value!r})"


# --- encoding -------------------------------------------------------------------------------

_BEGIN_STRING = "${Token["
_BEGIN_LIST = "#{Token["
_END = "]}"
_VALID_KEY = re.compile(r"[^a-zA-Z0-9:._-]")
STRING_TOKEN_RE = re.compile(r"\$\{Token\[[a-zA-Z0-9:._-]+\]\}")
LIST_TOKEN_RE = re.compile(r"#\{Token\[[a-zA-Z0-9:._-]+\]\}")
_DOUBLE_MARKER = 0xFBFF << 48
_DOUBLE_MASK = 0xFFFF << 48


def _bits_to_float(bits: int) -> float:
    return float(struct.unpack("<d", struct.pack("<Q", bits))[0])


def _float_to_bits(value: float) -> int:
    return int(struct.unpack("<Q", struct.pack("<d", value))[0])


class TokenMap:
    """The registry that turns tokens into markers and markers back into tokens."""

    def __init__(self) -> None:
        self._strings: dict[str, IResolvable] = {}
        self._numbers: dict[int, IResolvable] = {}
        self._clean_hints: dict[str, str] = {}
        self._counter = 0
        self._slotted_markers: dict[int, dict[str, Any]] = {}  # markers of tokens without a `__dict__`

    def _markers(self, token: IResolvable) -> dict[str, Any]:
        """Where a token keeps its markers: its `__dict__`, or (slotted tokens) an entry here; registered
        tokens stay alive in this map, so their ids stay theirs."""
        memo: dict[str, Any] | None = getattr(token, "__dict__", None)
        if memo is None:
            memo = self._slotted_markers.setdefault(id(token), {})
        return memo

    def _key(self, hint: str | None) -> str:
        self._counter += 1
        hint = hint or "TOKEN"
        clean = self._clean_hints.get(hint)
        if clean is None:
            clean = self._clean_hints[hint] = _VALID_KEY.sub(".", hint)
        return f"{clean}.{self._counter}"

    def register_string(self, token: IResolvable, display_hint: str | None = None) -> str:
        """The string marker of `token` (the same string every time for one token)."""
        memo = self._markers(token)
        cached: str | None = memo.get("_token_string")
        if cached is not None:
            return cached
        marker = _BEGIN_STRING + self._key(display_hint or getattr(token, "display_hint", None)) + _END
        self._strings[marker] = token
        memo["_token_string"] = marker
        return marker

    def register_list(self, token: IResolvable, display_hint: str | None = None) -> list[str]:
        """The one-element list that stands for the list token `token`."""
        memo = self._markers(token)
        cached: str | None = memo.get("_token_list")
        if cached is None:
            cached = _BEGIN_LIST + self._key(display_hint) + _END
            self._strings[cached] = token
            memo["_token_list"] = cached
        return [cached]

    def register_number(self, token: IResolvable) -> float:
        """The float that stands for the number token `token`."""
        memo = self._markers(token)
        cached: float | None = memo.get("_token_number")
        if cached is None:
            self._counter += 1
            self._numbers[self._counter] = token
            cached = _bits_to_float(_DOUBLE_MARKER | self._counter)
            memo["_token_number"] = cached
        return cached

    def lookup_string(self, marker: str) -> IResolvable:
        """The token behind a string or list marker."""
        token = self._strings.get(marker)
        if token is None:
            raise ValueError(f"Unrecognized token key: {marker}")
        return token

    def lookup_number(self, value: float) -> IResolvable | None:
        """The token behind a number marker, or None for an ordinary number."""
        if not value < -1e288:
            return None
        bits = _float_to_bits(value)
        if bits & _DOUBLE_MASK != _DOUBLE_MARKER:
            return None
        return self._numbers.get(bits & ~_DOUBLE_MASK)


TOKEN_MAP = TokenMap()


def is_number_token(value: float) -> bool:
    """True if `value` is an encoded number token."""
    return TOKEN_MAP.lookup_number(value) is not None


def has_token(text: str) -> bool:
    """True if the string holds a string or list marker."""
    return ("${Token[" in text and STRING_TOKEN_RE.search(text) is not None) or (
        "#{Token[" in text and LIST_TOKEN_RE.search(text) is not None
    )


class Fragments:
    """A string split into literal pieces and tokens."""

    __slots__ = ("items",)

    def __init__(self, items: list[tuple[bool, Any]]):
        # (is_token, value)
        self.items = items

    @property
    def tokens(self) -> list[IResolvable]:
        """The tokens among the fragments."""
        return [v for is_tok, v in self.items if is_tok]

    @property
    def first_value(self) -> Any:
        """The first fragment's value."""
        return self.items[0][1]

    @property
    def length(self) -> int:
        """How many fragments there are."""
        return len(self.items)

    def map_tokens(self, fn: Callable[[IResolvable], Any]) -> Fragments:
        """Replace each token by `fn(token)` (the result counts as an already-resolved value)."""
        return Fragments([(False, fn(v)) if is_tok else (False, v) for is_tok, v in self.items])

    def join(self, concat: Callable[[Any, Any], Any]) -> Any:
        """Fold the fragments left to right with `concat`."""
        if not self.items:
            return concat(None, None)
        if len(self.items) == 1:
            return self.items[0][1]
        result = self.items[0][1]
        for _, value in self.items[1:]:
            result = concat(result, value)
        return result


def split_string(text: str, pattern: re.Pattern[str] = STRING_TOKEN_RE) -> Fragments:
    """Split `text` on its token markers."""
    items: list[tuple[bool, Any]] = []
    pos = 0
    for match in pattern.finditer(text):
        if match.start() > pos:
            items.append((False, text[pos : match.start()]))
        items.append((True, TOKEN_MAP.lookup_string(match.group(0))))
        pos = match.end()
    if pos < len(text):
        items.append((False, text[pos:]))
    return Fragments(items)


def is_unresolved(value: Any) -> bool:
    """True if `value` is or contains an unresolved token (string, list, number or object)."""
    if isinstance(value, str):
        return has_token(value)
    if isinstance(value, IResolvable):
        return True
    if isinstance(value, float):
        return is_number_token(value)
    if isinstance(value, list):
        return len(value) == 1 and isinstance(value[0], str) and LIST_TOKEN_RE.fullmatch(value[0]) is not None
    return False


# --- resolved-value type hints --------------------------------------------------------------


class TaggedDict(dict[str, Any]):
    """A resolved dict that remembers what kind of token produced it."""

    __slots__ = ("type_hint",)

    def __init__(self, value: dict[str, Any], hint: ResolutionTypeHint):
        super().__init__(value)
        self.type_hint = hint


def tag_resolved(value: Any, hint: ResolutionTypeHint) -> Any:
    """Remember the type hint on a resolved dict (other values carry none)."""
    if type(value) is dict:
        return TaggedDict(value, hint)
    if isinstance(value, TaggedDict) and value.type_hint is not hint:
        return TaggedDict(value, hint)
    return value


def resolved_type_hint(value: Any) -> ResolutionTypeHint | None:
    """The type hint of a resolved value, if it was produced by a token."""
    return value.type_hint if isinstance(value, TaggedDict) else None
