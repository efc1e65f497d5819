"""`CfnRule`: a rule of the template's `Rules` section (parameter assertions, e.g.
`CheckBootstrapVersion`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ._cfn_element import CfnRefElement
from ._construct import Construct


class CfnRule(CfnRefElement):
    """A rule of the template's `Rules` section (parameter assertions), e.g. `CheckBootstrapVersion`."""

    def __init__(self, scope: Construct, id: str, *, rule_condition: Any = None,
                 assertions: Sequence[dict[str, Any]] | None = None):
        super().__init__(scope, id)
        self.rule_condition = rule_condition
        self.assertions: list[dict[str, Any]] = list(assertions or [])

    def add_assertion(self, condition: Any, description: str) -> None:
        """Add an assertion with its description."""
        self.assertions.append({"assert": condition, "assertDescription": description})

    def _render_fragment(self) -> tuple[str, Any]:
        body = {
            "RuleCondition": self.rule_condition,
            "Assertions": [{"Assert": a["assert"], "AssertDescription": a["assertDescription"]}
                           for a in self.assertions] or None,
        }
        return "Rules", body
