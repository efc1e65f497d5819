"""`CfnMapping`: a template mapping (the `Mappings` section)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, cast

from ._annotations import Annotations
from ._cfn_element import CfnRefElement
from ._construct import Construct, enclosing_stack
from ._errors import UnscopedValidationError, construct_error
from ._fn import Fn
from ._token_encoding import TOKEN_MAP, IResolvable, IResolveContext, is_unresolved

if TYPE_CHECKING:
    from ._stack import Stack

_NOT_ALPHANUMERIC = re.compile(r"[^a-zA-Z0-9]")
_LAZY_HINT = ("Consider making this CfnMapping a lazy mapping by providing `lazy: true`: either no findInMap was "
              "called or every findInMap could be immediately resolved without using Fn::FindInMap")


class CfnMapping(CfnRefElement):
    """A template mapping (mirrors `aws_cdk.CfnMapping`): `mapping[key1][key2] = value`, second-level keys
    alphanumeric. `lazy` (default False): the mapping is written only when a `find_in_map` cannot be
    answered at synthesis (unresolved keys), and answered ones return the value itself."""

    def __init__(self, scope: Construct, id: str, *, mapping: dict[str, dict[str, Any]] | None = None,
                 lazy: bool | None = None):
        super().__init__(scope, id)
        self.mapping: dict[str, dict[str, Any]] = {}
        for key1, values in (mapping or {}).items():
            for key2 in values:
                _check_alphanumeric(key2)
            self.mapping[key1] = dict(values)
        self.lazy = lazy
        self._lazy_render = False
        self._lazy_informed = False

    def set_value(self, key1: str, key2: str, value: Any) -> None:
        """Set `mapping[key1][key2]` (`key2` alphanumeric)."""
        if key1 in ("__proto__", "constructor") or key2 in ("__proto__", "constructor"):
            raise construct_error(self, "Cannot use '__proto__' or 'constructor' as keys")
        _check_alphanumeric(key2)
        self.mapping.setdefault(key1, {})[key2] = value

    def find_in_map(self, key1: str, key2: str, default_value: str | None = None) -> str:
        """The value at `key1`/`key2`: an `Fn::FindInMap` token (in another stack, into a copy of this
        mapping there); a lazy mapping returns the value itself (or `default_value`) when both keys are
        known. A known key that is missing is an error unless `default_value` is given."""
        fully_resolved = not_in_map = False
        if not is_unresolved(key1):
            if key1 not in self.mapping:
                if default_value is None:
                    raise construct_error(self, f"Mapping doesn't contain top-level key '{key1}'")
                not_in_map = True
            elif not is_unresolved(key2):
                if key2 not in self.mapping[key1]:
                    if default_value is None:
                        raise construct_error(self, f"Mapping doesn't contain second-level key '{key2}'")
                    not_in_map = True
                fully_resolved = True
        if self.lazy:
            if not_in_map and default_value is not None:
                return default_value
            if fully_resolved:
                return cast(str, self.mapping[key1][key2])
        self._lazy_render = not fully_resolved
        return TOKEN_MAP.register_string(_MappingLookup(self, key1, key2, default_value))

    def _render_fragment(self) -> tuple[str, Any]:
        if self.lazy is None and not self._lazy_render and not self._lazy_informed:
            Annotations.of(self).add_info(_LAZY_HINT)
            self._lazy_informed = True
        if self.lazy and not self._lazy_render:
            return "Mappings", None
        return "Mappings", self.mapping


class _MappingLookup(IResolvable):
    """`Fn::FindInMap` into a mapping, from the stack that uses it: in the mapping's own stack directly,
    elsewhere into a copy of the mapping made in the consuming stack (once per mapping)."""

    def __init__(self, mapping: CfnMapping, key1: str, key2: str, default_value: str | None):
        self.mapping = mapping
        self.key1 = key1
        self.key2 = key2
        self.default_value = default_value

    def resolve(self, context: IResolveContext) -> Any:
        """The `Fn::FindInMap` token for the consuming stack."""
        consumer = cast("Stack", enclosing_stack(cast(Construct, context.scope)))
        target = self.mapping
        if consumer is not self.mapping.stack:
            copy_id = f"MappingCopy-{self.mapping.node.id}-{self.mapping.node.addr}"
            found = consumer.node.try_find_child(copy_id)
            if isinstance(found, CfnMapping):
                target = found
            else:
                target = CfnMapping(consumer, copy_id, mapping=self.mapping.mapping)
                consumer._mark_changed()  # the copy is rendered with the consumer's next pass
        return Fn.find_in_map(target.logical_id, self.key1, self.key2, self.default_value)


def _check_alphanumeric(key: str) -> None:
    if _NOT_ALPHANUMERIC.search(key):
        raise UnscopedValidationError(f"Attribute name '{key}' must contain only alphanumeric characters.")
