"""`Lazy`: values computed when the template is resolved, not when the construct is built."""

from __future__ import annotations

import builtins
from collections.abc import Callable
from typing import Any

from ._checked import UnscopedArgumentTypeError, abridged
from ._token_encoding import TOKEN_MAP, IResolvable, IResolveContext, ResolutionTypeHint

Producer = Callable[..., Any] | Any


def _takes_context(fn: Callable[..., Any]) -> bool:
    """True when `fn` has a required positional parameter (it then receives the resolve context).

    `lambda i=i: ...` (the loop idiom) is a producer without arguments.
    """
    target = getattr(fn, "__func__", fn)
    code = getattr(target, "__code__", None)
    if code is not None:
        bound = 1 if target is not fn else 0
        required: int = code.co_argcount - bound - len(getattr(target, "__defaults__", None) or ())
        return required > 0
    import inspect  # only for callables without code objects (builtins, partials)

    try:
        return any(
            p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
            for p in inspect.signature(fn).parameters.values())
    except (TypeError, ValueError):
        return True


def _producer_function(producer: Producer) -> tuple[Callable[..., Any], bool]:
    """The function that produces the value, and whether it takes the resolve context."""
    produce = getattr(producer, "produce", None)
    fn: Callable[..., Any] = produce if callable(produce) else producer
    if not callable(fn):
        raise UnscopedArgumentTypeError(
            f"Lazy: expected a callable or an object with produce(), got {abridged(producer)}")
    return fn, _takes_context(fn)


class LazyValue(IResolvable):
    """A token that asks a producer for its value at resolution (once, unless uncached)."""

    __slots__ = ("_cache", "_cached", "_has_cached", "_omit_empty_array", "_produce", "_with_context",
                 "display_hint", "type_hint")

    def __init__(self, producer: Producer, *, cache: bool, display_hint: str | None = None,
                 type_hint: ResolutionTypeHint | None = None, omit_empty_array: bool = False):
        self._produce, self._with_context = _producer_function(producer)
        self._cache = cache
        self._cached: Any = None
        self._has_cached = False
        self.display_hint = display_hint
        self.type_hint = type_hint
        self._omit_empty_array = omit_empty_array

    def resolve(self, context: IResolveContext) -> Any:
        """Call the producer (or return its cached value)."""
        if self._cache and self._has_cached:
            return self._cached
        value = self._produce(context) if self._with_context else self._produce()
        if self._omit_empty_array and isinstance(value, list) and not value:
            value = None
        if self._cache:
            self._cached, self._has_cached = value, True
        return value

    def __repr__(self) -> str:
        return f"Lazy({self.display_hint or 'value'})"


class Lazy:
    """Values whose content is produced only at synthesis (mirrors `aws_cdk.Lazy`).

    A producer is a callable (with no argument, or taking the resolve context) or an object with a
    `produce(context)` method (the CDK's `IStringProducer` shape).
    """

    @staticmethod
    def string(producer: Producer, *, display_hint: str | None = None) -> str:
        """A string token, produced once."""
        return TOKEN_MAP.register_string(LazyValue(producer, cache=True, display_hint=display_hint))

    @staticmethod
    def uncached_string(producer: Producer, *, display_hint: str | None = None) -> str:
        """A string token, produced anew at every resolution."""
        return TOKEN_MAP.register_string(LazyValue(producer, cache=False, display_hint=display_hint))

    @staticmethod
    def number(producer: Producer) -> float:
        """A number token, produced once."""
        return TOKEN_MAP.register_number(LazyValue(producer, cache=True, type_hint=ResolutionTypeHint.NUMBER))

    @staticmethod
    def uncached_number(producer: Producer) -> float:
        """A number token, produced anew at every resolution."""
        return TOKEN_MAP.register_number(LazyValue(producer, cache=False, type_hint=ResolutionTypeHint.NUMBER))

    @staticmethod
    def list(producer: Producer, *, display_hint: str | None = None, omit_empty: bool = False) -> list[str]:
        """A list token, produced once; `omit_empty` drops the property when the list is empty."""
        token = LazyValue(producer, cache=True, display_hint=display_hint, omit_empty_array=omit_empty,
                          type_hint=ResolutionTypeHint.STRING_LIST)
        return TOKEN_MAP.register_list(token, display_hint)

    @staticmethod
    def uncached_list(
        producer: Producer, *, display_hint: str | None = None, omit_empty: bool = False
    ) -> builtins.list[str]:
        """A list token, produced anew at every resolution."""
        token = LazyValue(producer, cache=False, display_hint=display_hint, omit_empty_array=omit_empty,
                          type_hint=ResolutionTypeHint.STRING_LIST)
        return TOKEN_MAP.register_list(token, display_hint)

    @staticmethod
    def any(producer: Producer, *, display_hint: str | None = None, omit_empty_array: bool = False) -> IResolvable:
        """A token of any value, produced once; `omit_empty_array` turns `[]` into "not set"."""
        return LazyValue(producer, cache=True, display_hint=display_hint, omit_empty_array=omit_empty_array)

    @staticmethod
    def uncached_any(producer: Producer, *, display_hint: str | None = None,
                     omit_empty_array: bool = False) -> IResolvable:
        """A token of any value, produced anew at every resolution."""
        return LazyValue(producer, cache=False, display_hint=display_hint, omit_empty_array=omit_empty_array)
