"""`CfnCondition`: a template condition (the `Conditions` section), usable where a condition
expression is expected."""

from __future__ import annotations

from typing import Any

from ._cfn_element import CfnElement
from ._construct import Construct
from ._token import IResolvable, IResolveContext


class CfnCondition(CfnElement, IResolvable):
    """A template condition; usable where a condition expression is expected."""

    def __init__(self, scope: Construct, id: str, *, expression: Any = None):
        super().__init__(scope, id)
        self.expression = expression

    def _render_fragment(self) -> tuple[str, Any]:
        return "Conditions", self.expression

    def resolve(self, context: IResolveContext) -> Any:
        """`{"Condition": <logical id>}`."""
        return {"Condition": self.resolved_logical_id()}
