"""`StateGraph`: the connected states of a state machine (or of a branch), in the order the CDK
registers them, with the policy statements their tasks need."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cdk_events.core import Duration, ValidationError

from .. import iam
from ._types import QueryLanguage

if TYPE_CHECKING:
    from ._state import State


class StateGraph:
    """A set of connected states (mirrors `aws_cdk.aws_stepfunctions.StateGraph`); made for you by
    `StateMachine`, `Parallel.branch` and `Map.item_processor`.

    `timeout` (only on the top-level graph) renders as `TimeoutSeconds`; default none.
    """

    def __init__(self, start_state: State, graph_description: str):
        self.start_state = start_state
        self._description = graph_description
        self.timeout: Duration | None = None
        self.policy_statements: list[iam.PolicyStatement] = []
        self._all_states: list[State] = [start_state]
        self._all_contained: dict[str, StateGraph] = {}
        self._super_graph: StateGraph | None = None
        self.requires_execution_permissions = False
        start_state.bind_to_graph(self)

    def register_state(self, state: State) -> None:
        """Add `state` to this graph (called by `State.bind_to_graph`)."""
        self._register_contained_state(state.state_id, self)
        if not any(s is state for s in self._all_states):
            self._all_states.append(state)

    def register_policy_statement(self, statement: iam.PolicyStatement) -> None:
        """Record a statement the state machine role needs (bubbled up to the top-level graph)."""
        if self._super_graph is not None:
            self._super_graph.register_policy_statement(statement)
        else:
            self.policy_statements.append(statement)

    def register_super_graph(self, graph: StateGraph) -> None:
        """Make this graph a child of `graph` (state names and policies bubble up)."""
        if self._super_graph is graph:
            return
        if self._super_graph is not None:
            raise ValidationError("Every StateGraph can only be registered into one other StateGraph")
        self._super_graph = graph
        for state_id, owner in self._all_contained.items():
            graph._register_contained_state(state_id, owner)
        for statement in self.policy_statements:
            graph.register_policy_statement(statement)

    def to_graph_json(self, query_language: QueryLanguage | None = None) -> dict[str, Any]:
        """The graph as Amazon States Language JSON: `StartAt`, `States`, `TimeoutSeconds`."""
        states: dict[str, Any] = {}
        for state in self._all_states:
            states[state.state_id] = {k: v for k, v in state.to_state_json(query_language).items() if v is not None}
        out: dict[str, Any] = {"StartAt": self.start_state.state_id, "States": states}
        if self.timeout is not None:
            out["TimeoutSeconds"] = self.timeout.to_seconds()
        return out

    def __str__(self) -> str:
        some = [s.state_id for s in self._all_states[:3]]
        if len(self._all_states) > 3:
            some.append("...")
        return f"{self._description} ({', '.join(some)})"

    def _register_contained_state(self, state_id: str, graph: StateGraph) -> None:
        if self._super_graph is not None:
            self._super_graph._register_contained_state(state_id, graph)
            return
        existing = self._all_contained.get(state_id)
        if existing is not None:
            raise ValidationError(f"State with name '{state_id}' occurs in both {graph} and {existing}. "
                                  "All states must have unique names.")
        self._all_contained[state_id] = graph
