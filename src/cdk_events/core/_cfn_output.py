"""`CfnOutput`: a template output (the `Outputs` section)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._cfn_element import CfnElement
from ._construct import Construct
from ._errors import ValidationError
from ._fn import Fn

if TYPE_CHECKING:
    from ._cfn_element import CfnCondition


class CfnOutput(CfnElement):
    """A template output: `CfnOutput(scope, id, value=..., description=..., export_name=..., condition=...)`."""

    def __init__(self, scope: Construct, id: str, *, value: Any, description: str | None = None,
                 export_name: str | None = None, condition: CfnCondition | None = None,
                 key: str | None = None):
        super().__init__(scope, id)
        if value is None:
            raise ValidationError(f"CfnOutput.value at '{self.node.path}' should not be undefined")
        self.value = value
        self.description = description
        self.export_name = export_name
        self.condition = condition
        if key is not None:
            self.override_logical_id(key)

    @property
    def import_value(self) -> str:
        """`Fn::ImportValue` of this output's export name."""
        if not self.export_name:
            raise ValidationError(f"CfnOutput at '{self.node.path}': importValue used without exportName")
        return Fn.import_value(self.export_name)

    def _render_fragment(self) -> tuple[str, Any]:
        body: dict[str, Any] = {
            "Description": self.description,
            "Value": self.value,
            "Export": {"Name": self.export_name} if self.export_name is not None else None,
            "Condition": self.condition.logical_id if self.condition is not None else None,
        }
        return "Outputs", body
