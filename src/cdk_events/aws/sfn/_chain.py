"""`Chain`: a start state and the end states a sequence of states continues from."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cdk_events.core import UnscopedValidationError

from ._types import IChainable, INextable

if TYPE_CHECKING:
    from ._parallel import Parallel
    from ._state import State


class Chain:
    """A sequence of states (mirrors `aws_cdk.aws_stepfunctions.Chain`): `.next()` continues it from
    every end state."""

    def __init__(self, start_state: State, end_states: list[INextable], last_added: IChainable):
        self._start_state = start_state
        self._end_states = end_states
        self._last_added = last_added
        self._id = last_added.id

    @staticmethod
    def start(state: IChainable) -> Chain:
        """A chain that begins with `state`."""
        _check(state, "Chain.start")
        return Chain(state.start_state, state.end_states, state)

    @staticmethod
    def sequence(start: IChainable, next: IChainable) -> Chain:
        """A chain from the start of `start` to the ends of `next`."""
        return Chain(start.start_state, next.end_states, next)

    @staticmethod
    def custom(start_state: State, end_states: list[INextable], last_added: IChainable) -> Chain:
        """A chain with the given start, ends and last-added chainable."""
        return Chain(start_state, end_states, last_added)

    @property
    def id(self) -> str:
        """The id of the last chainable added."""
        return self._id

    @property
    def start_state(self) -> State:
        """The first state."""
        return self._start_state

    @property
    def end_states(self) -> list[INextable]:
        """The states the chain continues from."""
        return self._end_states

    def next(self, next: IChainable) -> Chain:
        """Continue every end state with `next`."""
        _check(next, "Chain.next")
        if not self._end_states:
            raise UnscopedValidationError(
                f"Cannot add to chain: last state in chain ({self._last_added.id}) does not allow it")
        for end in self._end_states:
            end.next(next)
        return Chain(self._start_state, next.end_states, next)

    def to_single_state(self, id: str, **props: Any) -> Parallel:
        """One Parallel state (named `id`) that wraps the whole chain as its only branch."""
        from ._parallel import Parallel  # Parallel builds on Chain: imported when used

        return Parallel(self._start_state, id, **props).branch(self)


def _check(value: Any, where: str) -> None:
    if not isinstance(value, IChainable):
        raise UnscopedValidationError(f"{where}: expected a state or a chain (sfn.IChainable), got {value!r}")
