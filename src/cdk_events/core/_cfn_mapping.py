"""`CfnMapping`: a template mapping (the `Mappings` section)."""

from __future__ import annotations

from typing import Any

from ._cfn_element import CfnRefElement
from ._construct import Construct
from ._fn import Fn
from ._token import is_unresolved


class CfnMapping(CfnRefElement):
    """A template mapping (`Mappings` section)."""

    def __init__(self, scope: Construct, id: str, *, mapping: dict[str, dict[str, Any]] | None = None):
        super().__init__(scope, id)
        self.mapping = dict(mapping or {})

    def set_value(self, key1: str, key2: str, value: Any) -> None:
        """Set `mapping[key1][key2]`."""
        self.mapping.setdefault(key1, {})[key2] = value

    def find_in_map(self, key1: str, key2: str) -> str:
        """`Fn::FindInMap` into this mapping."""
        if not is_unresolved(key1) and not is_unresolved(key2) and key1 in self.mapping \
                and key2 in self.mapping[key1]:
            return str(self.mapping[key1][key2])
        return Fn.find_in_map(self.logical_id, key1, key2)

    def _render_fragment(self) -> tuple[str, Any]:
        return "Mappings", self.mapping
