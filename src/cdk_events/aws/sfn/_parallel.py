"""`Parallel`: runs branches side by side (mirrors `aws_cdk.aws_stepfunctions.Parallel`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cdk_events.core import Construct

from ._basic_states import _NextableState
from ._state import chainable, render_json_path
from ._state_graph import StateGraph
from ._types import CatchProps, IChainable, QueryLanguage, RetryProps


class Parallel(_NextableState):
    """A Parallel state: `branch(...)` adds branches; its result is the list of their results.
    `result_path`, `input_path`, `output_path` default `$`."""

    def __init__(self, scope: Construct, id: str, *, state_name: str | None = None, comment: str | None = None,
                 query_language: QueryLanguage | None = None, input_path: str | None = None,
                 output_path: str | None = None, result_path: str | None = None,
                 result_selector: Mapping[str, Any] | None = None, parameters: Mapping[str, Any] | None = None,
                 arguments: Any = None, outputs: Any = None, assign: Mapping[str, Any] | None = None):
        super().__init__(scope, id, state_name=state_name, comment=comment, query_language=query_language,
                         input_path=input_path, output_path=output_path, result_path=result_path,
                         result_selector=result_selector, parameters=parameters, arguments=arguments,
                         outputs=outputs, assign=assign)
        self._pending_branches: list[IChainable] = []

    def branch(self, *branches: IChainable) -> Parallel:
        """Add one or more branches; returns this Parallel."""
        for b in branches:
            chainable(self, "branch", b)
        self._pending_branches.extend(branches)
        return self

    def add_retry(self, props: RetryProps | Mapping[str, Any] | None = None) -> Parallel:
        """Retry the state on errors (`errors` default [States.ALL])."""
        self._add_retry(props)
        return self

    def add_catch(self, handler: IChainable, props: CatchProps | Mapping[str, Any] | None = None) -> Parallel:
        """Continue at `handler` on errors (`errors` default [States.ALL])."""
        chainable(self, "handler", handler)
        self._add_catch(handler.start_state, props)
        return self

    def bind_to_graph(self, graph: StateGraph) -> None:
        """Create the branch graphs (after any prefixes were added), then bind as every state does."""
        for b in self._pending_branches:
            name = f"Parallel '{self.state_id}' branch {len(self.branches) + 1}"
            self.add_branch(StateGraph(b.start_state, name))
        self._pending_branches.clear()
        super().bind_to_graph(graph)

    def to_state_json(self, top_level_query_language: QueryLanguage | None = None) -> dict[str, Any]:
        """The Parallel state as Amazon States Language JSON."""
        return {
            "Type": "Parallel",
            **self.render_query_language(top_level_query_language),
            "Comment": self.comment,
            "ResultPath": render_json_path(self.result_path),
            **self.render_next_end(),
            **self.render_input_output(),
            **self.render_retry_catch(),
            **self.render_branches(top_level_query_language),
            **self.render_result_selector(),
            "Arguments": self.arguments,
            **self.render_assign(),
        }

    def validate_state(self) -> list[str]:
        """A Parallel needs at least one branch."""
        if not self.branches and not self._pending_branches:
            return ["Parallel must have at least one branch"]
        return []
