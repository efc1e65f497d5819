"""`Choice`: branches on conditions over the state (mirrors `aws_cdk.aws_stepfunctions.Choice`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cdk_events.core import Construct, UnscopedValidationError

from ...core._errors import construct_error
from ._chain import Chain
from ._condition import Condition
from ._state import State, chainable
from ._types import IChainable, QueryLanguage


class Choice(State):
    """A Choice state: `when(condition, next)` adds a branch, `otherwise(next)` the default;
    `afterwards()` joins the branches back into a chain."""

    def __init__(self, scope: Construct, id: str, *, state_name: str | None = None, comment: str | None = None,
                 query_language: QueryLanguage | None = None, input_path: str | None = None,
                 output_path: str | None = None, outputs: Any = None, assign: Mapping[str, Any] | None = None):
        super().__init__(scope, id, state_name=state_name, comment=comment, query_language=query_language,
                         input_path=input_path, output_path=output_path, outputs=outputs, assign=assign)

    def when(self, condition: Condition, next: IChainable, *, comment: str | None = None) -> Choice:
        """Continue with `next` when `condition` holds; returns this Choice."""
        if not isinstance(condition, Condition):
            raise construct_error(self, f"'condition' must be a sfn.Condition, got {condition!r}")
        chainable(self, "next", next)
        self.add_choice(condition, next.start_state, comment=comment)
        return self

    def otherwise(self, default: IChainable) -> Choice:
        """Continue with `default` when no condition holds; returns this Choice."""
        chainable(self, "otherwise", default)
        self.make_default(default.start_state)
        return self

    def afterwards(self, *, include_error_handlers: bool | None = None,
                   include_otherwise: bool | None = None) -> Chain:
        """A chain whose ends are every end state reachable from this Choice."""
        ends = State.filter_nextables(State.find_reachable_end_states(
            self, include_error_handlers=bool(include_error_handlers)))
        if include_otherwise and self.default_choice is not None:
            raise UnscopedValidationError(f"'includeOtherwise' set but Choice state {self.state_id} already has an "
                                          "'otherwise' transition")
        if include_otherwise:
            ends.append(_DefaultAsNext(self))
        return Chain.custom(self, ends, self)

    def to_state_json(self, top_level_query_language: QueryLanguage | None = None) -> dict[str, Any]:
        """The Choice state as Amazon States Language JSON."""
        return {
            "Type": "Choice",
            **self.render_query_language(top_level_query_language),
            "Comment": self.comment,
            **self.render_input_output(),
            **self.render_choices(),
            **self.render_assign(),
        }


class _DefaultAsNext:
    """Makes a Choice's `otherwise` settable through `.next()`."""

    def __init__(self, choice: Choice):
        self._choice = choice

    def next(self, state: IChainable) -> Chain:
        self._choice.otherwise(state)
        return Chain.sequence(self._choice, state)


