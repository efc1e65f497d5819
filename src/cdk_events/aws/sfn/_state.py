"""`State`: the base of every state, with the transitions, retries, catches and branches, and the
renderers that write a state as Amazon States Language JSON in the CDK's key order."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from cdk_events.core import Construct, Token, UnscopedValidationError, ValidationError

from ...core._errors import construct_error
from ...core._struct import to_struct
from ._condition import Condition
from ._fields import render_object
from ._types import CatchProps, Errors, IChainable, INextable, ProcessorConfig, ProcessorMode, QueryLanguage, RetryProps

if TYPE_CHECKING:
    from ._state_graph import StateGraph

T = TypeVar("T")


def render_json_path(path: str | None) -> str | None:
    """A JSON path property, checked to start with `$` (tokens, such as `JsonPath.DISCARD`, pass)."""
    if path is None:
        return None
    if not isinstance(path, str):
        raise UnscopedValidationError(f"Expected JSON path to be a string, got {path!r}")
    if not Token.is_unresolved(path) and not path.startswith("$"):
        raise UnscopedValidationError(f"Expected JSON path to start with '$', got: {path}")
    return path


def render_list(xs: list[T], fn: Callable[[T], Any], key: Callable[[T], int] | None = None) -> list[Any] | None:
    """`xs` mapped with `fn`, or None when empty; `key` orders them stably first."""
    if not xs:
        return None
    return [fn(x) for x in (sorted(xs, key=key) if key else xs)]


def compact(obj: dict[str, Any]) -> dict[str, Any]:
    """`obj` without its unset (None) entries, in order."""
    return {k: v for k, v in obj.items() if v is not None}


def _errors_last(errors: Sequence[str] | None) -> int:
    return 1 if errors and Errors.ALL in errors else 0


def _validate_errors(errors: Sequence[str] | None) -> None:
    if errors is not None and Errors.ALL in errors and len(errors) > 1:
        raise UnscopedValidationError(f"{Errors.ALL} must appear alone in an error list")


class _Transition:
    def __init__(self, next: State, condition: Condition | None = None, comment: str | None = None,
                 catch: CatchProps | None = None):
        self.next = next
        self.condition = condition
        self.comment = comment
        self.catch = catch


class State(Construct):
    """The base of every state (mirrors `aws_cdk.aws_stepfunctions.State`).

    The state's name in the definition is `state_name`, default the construct id.
    """

    def __init__(self, scope: Construct, id: str, *, state_name: str | None = None, comment: str | None = None,
                 query_language: QueryLanguage | None = None, input_path: str | None = None,
                 parameters: Mapping[str, Any] | None = None, output_path: str | None = None,
                 result_path: str | None = None, result_selector: Mapping[str, Any] | None = None,
                 outputs: Any = None, assign: Mapping[str, Any] | None = None, arguments: Any = None):
        super().__init__(scope, id)
        for prop, text in (("state_name", state_name), ("comment", comment)):
            if text is not None and not isinstance(text, str):
                raise construct_error(self, f"'{prop}' must be a string, got {text!r}")
        for prop, mapping in (("parameters", parameters), ("result_selector", result_selector), ("assign", assign)):
            if mapping is not None and not isinstance(mapping, Mapping):
                raise construct_error(self, f"'{prop}' must be a dict, got {mapping!r}")
        if query_language is not None and not isinstance(query_language, QueryLanguage):
            raise construct_error(self, f"'query_language' must be a sfn.QueryLanguage, got {query_language!r}")
        self._state_name = state_name
        self.comment = comment
        self.query_language = query_language
        self.input_path = input_path
        self.parameters = parameters
        self.output_path = output_path
        self.result_path = result_path
        self.result_selector = result_selector
        self.outputs = outputs
        self.assign = assign
        self.arguments = arguments
        self._next: State | None = None
        self.default_choice: State | None = None
        self.branches: list[StateGraph] = []
        self.iteration: StateGraph | None = None
        self.processor: StateGraph | None = None
        self.processor_config: ProcessorConfig | None = None
        self._retries: list[RetryProps] = []
        self._catches: list[_Transition] = []
        self._choices: list[_Transition] = []
        self._prefixes: list[str] = []
        self._containing_graph: StateGraph | None = None
        self._incoming: list[State] = []
        self.node.add_validation(_StateValidation(self))

    # --- identity -------------------------------------------------------------------------------
    @property
    def id(self) -> str:
        """The construct id."""
        return self.node.id

    @property
    def state_id(self) -> str:
        """The state's name in the definition: its prefixes, then `state_name` or the construct id."""
        return "".join([*self._prefixes, self._state_name or self.id])

    @property
    def start_state(self) -> State:
        """This state (a state is the start of its own chain)."""
        return self

    @property
    def end_states(self) -> list[INextable]:
        """The states a chain can continue from (none for terminal states)."""
        return []

    def add_prefix(self, x: str) -> None:
        """Prefix the state's name (used by `State.prefix_states`)."""
        if x != "":
            self._prefixes.insert(0, x)

    def validate_state(self) -> list[str]:
        """Problems found at synthesis (override in subclasses); none by default."""
        return []

    def to_state_json(self, top_level_query_language: QueryLanguage | None = None) -> dict[str, Any]:
        """The state as Amazon States Language JSON."""
        raise NotImplementedError

    # --- graph ----------------------------------------------------------------------------------
    def bind_to_graph(self, graph: StateGraph) -> None:
        """Register this state (and everything connected to it) in `graph`; done for you by StateMachine."""
        if self._containing_graph is graph:
            return
        if self._containing_graph is not None:
            raise ValidationError(
                f"Trying to use state '{self.state_id}' in {graph}, but is already in {self._containing_graph}. "
                "Every state can only be used in one graph.")
        self._containing_graph = graph
        self.when_bound_to_graph(graph)
        for incoming in self._incoming:
            incoming.bind_to_graph(graph)
        for outgoing in self._outgoing_transitions(include_error_handlers=True):
            outgoing.bind_to_graph(graph)
        for branch in self.branches:
            branch.register_super_graph(graph)
        if self.iteration is not None:
            self.iteration.register_super_graph(graph)
        if self.processor is not None:
            self.processor.register_super_graph(graph)

    def when_bound_to_graph(self, graph: StateGraph) -> None:
        """Called when the state joins a graph: registers it (tasks also register their policies)."""
        graph.register_state(self)

    def _add_incoming(self, source: State) -> None:
        self._incoming.append(source)

    def _outgoing_transitions(self, *, include_error_handlers: bool) -> list[State]:
        ret: list[State] = []
        if self._next is not None:
            ret.append(self._next)
        if self.default_choice is not None:
            ret.append(self.default_choice)
        ret.extend(c.next for c in self._choices)
        if include_error_handlers:
            ret.extend(c.next for c in self._catches)
        return ret

    # --- building -------------------------------------------------------------------------------
    def _add_retry(self, props: RetryProps | Mapping[str, Any] | None = None) -> None:
        retry = to_struct(RetryProps, props, prop="retry", scope=self) or RetryProps()
        if not isinstance(retry, RetryProps):
            raise construct_error(self, f"'add_retry' takes sfn.RetryProps (or a dict), got {props!r}")
        _validate_errors(retry.errors)
        self._retries.append(RetryProps(errors=list(retry.errors or [Errors.ALL]), interval=retry.interval,
                                        max_attempts=retry.max_attempts, backoff_rate=retry.backoff_rate,
                                        max_delay=retry.max_delay, jitter_strategy=retry.jitter_strategy))

    def _add_catch(self, handler: State, props: CatchProps | Mapping[str, Any] | None = None) -> None:
        catch = to_struct(CatchProps, props, prop="catch", scope=self) or CatchProps()
        if not isinstance(catch, CatchProps):
            raise construct_error(self, f"'add_catch' takes sfn.CatchProps (or a dict), got {props!r}")
        _validate_errors(catch.errors)
        self._catches.append(_Transition(handler, catch=CatchProps(errors=list(catch.errors or [Errors.ALL]),
                                                                    result_path=catch.result_path)))
        handler._add_incoming(self)
        if self._containing_graph is not None:
            handler.bind_to_graph(self._containing_graph)

    def make_next(self, next: State) -> None:
        """Make `next` the state that follows this one."""
        if self._next is not None:
            raise ValidationError(f"State '{self.id}' already has a next state")
        self._next = next
        next._add_incoming(self)
        if self._containing_graph is not None:
            next.bind_to_graph(self._containing_graph)

    def add_choice(self, condition: Condition, next: State, *, comment: str | None = None) -> None:
        """Add a Choice branch to `next` when `condition` holds."""
        self._choices.append(_Transition(next, condition=condition, comment=comment))
        next.start_state._add_incoming(self)
        if self._containing_graph is not None:
            next.start_state.bind_to_graph(self._containing_graph)

    def add_branch(self, branch: StateGraph) -> None:
        """Add a Parallel branch."""
        self.branches.append(branch)
        if self._containing_graph is not None:
            branch.register_super_graph(self._containing_graph)

    def add_iterator(self, iteration: StateGraph) -> None:
        """Set a Map state's iterator."""
        self.iteration = iteration
        if self._containing_graph is not None:
            iteration.register_super_graph(self._containing_graph)

    def add_item_processor(self, processor: StateGraph, config: ProcessorConfig | None = None) -> None:
        """Set a Map state's item processor."""
        self.processor = processor
        self.processor_config = config or ProcessorConfig()
        if self._containing_graph is not None:
            processor.register_super_graph(self._containing_graph)

    def make_default(self, default: State) -> None:
        """Make `default` the Choice state's otherwise branch."""
        if self.default_choice is not None:
            raise ValidationError(f"Choice '{self.id}' already has a default next state")
        self.default_choice = default

    # --- rendering ------------------------------------------------------------------------------
    def render_query_language(self, top_level: QueryLanguage | None) -> dict[str, Any]:
        """`QueryLanguage` when the state's differs from the state machine's."""
        top = top_level or QueryLanguage.JSON_PATH
        if top is QueryLanguage.JSONATA and self.query_language is QueryLanguage.JSON_PATH:
            raise construct_error(self, f"'queryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state "
                                        f"machine ({self.state_id})")
        ql = self.query_language if top is QueryLanguage.JSON_PATH else None
        return {"QueryLanguage": ql.value if ql is not None else None}

    def render_next_end(self) -> dict[str, Any]:
        """`Next` (the following state) or `End: true`."""
        if self._next is not None:
            return {"Next": self._next.state_id}
        return {"End": True}

    def render_choices(self) -> dict[str, Any]:
        """`Choices` and `Default`."""
        def choice(c: _Transition) -> dict[str, Any]:
            assert c.condition is not None
            return compact({**c.condition.render_condition(), "Next": c.next.state_id, "Comment": c.comment})
        return {"Choices": render_list(self._choices, choice),
                "Default": self.default_choice.state_id if self.default_choice is not None else None}

    def render_input_output(self) -> dict[str, Any]:
        """`InputPath`, `Parameters` (as given), `OutputPath`."""
        return {"InputPath": render_json_path(self.input_path), "Parameters": self.parameters,
                "OutputPath": render_json_path(self.output_path)}

    def render_parameters(self) -> dict[str, Any]:
        """`Parameters` with its JSON path fields rendered."""
        return {"Parameters": render_object(self.parameters)}

    def render_branches(self, top_level: QueryLanguage | None = None) -> dict[str, Any]:
        """`Branches` (a Parallel state's graphs)."""
        return {"Branches": [b.to_graph_json(top_level) for b in self.branches]}

    def render_retry_catch(self) -> dict[str, Any]:
        """`Retry` and `Catch`, with `States.ALL` handlers last."""
        def retry(r: RetryProps) -> dict[str, Any]:
            return compact({
                "ErrorEquals": r.errors,
                "IntervalSeconds": r.interval.to_seconds() if r.interval is not None else None,
                "MaxAttempts": r.max_attempts,
                "BackoffRate": r.backoff_rate,
                "MaxDelaySeconds": r.max_delay.to_seconds() if r.max_delay is not None else None,
                "JitterStrategy": r.jitter_strategy.value if r.jitter_strategy is not None else None,
            })

        def catch(c: _Transition) -> dict[str, Any]:
            assert c.catch is not None
            return compact({"ErrorEquals": c.catch.errors, "ResultPath": render_json_path(c.catch.result_path),
                            "Next": c.next.state_id})
        return {"Retry": render_list(self._retries, retry, lambda r: _errors_last(r.errors)),
                "Catch": render_list(self._catches, catch,
                                     lambda c: _errors_last(c.catch.errors if c.catch else None))}

    def render_result_selector(self) -> dict[str, Any]:
        """`ResultSelector` with its JSON path fields rendered."""
        return {"ResultSelector": render_object(self.result_selector)}

    def render_assign(self) -> dict[str, Any]:
        """`Output` and `Assign` (JSONata outputs and workflow variables)."""
        return {"Output": self.outputs, "Assign": self.assign}

    def render_iterator(self, top_level: QueryLanguage | None = None) -> dict[str, Any]:
        """A Map state's deprecated `Iterator`."""
        if self.iteration is None:
            return {}
        return {"Iterator": self.iteration.to_graph_json(top_level)}

    def render_item_processor(self, top_level: QueryLanguage | None = None) -> dict[str, Any]:
        """A Map state's `ItemProcessor` with its `ProcessorConfig`."""
        if self.processor is None:
            return {}
        config = self.processor_config or ProcessorConfig()
        mode = config.mode or ProcessorMode.INLINE
        processor_config = {"Mode": mode.value}
        if mode is not ProcessorMode.INLINE and config.execution_type is not None:
            processor_config["ExecutionType"] = config.execution_type.value
        return {"ItemProcessor": {"ProcessorConfig": processor_config, **self.processor.to_graph_json(top_level)}}

    # --- static helpers -------------------------------------------------------------------------
    @staticmethod
    def prefix_states(root: Construct, prefix: str) -> None:
        """Prefix the name of every state in the construct tree under `root`."""
        queue: list[Construct] = [root]
        while queue:
            el = queue.pop(0)
            if isinstance(el, State):
                el.add_prefix(prefix)
            queue.extend(el.node.children)

    @staticmethod
    def find_reachable_states(start: State, *, include_error_handlers: bool = False) -> list[State]:
        """The states reachable from `start` through transitions (not inside branches)."""
        return _walk(start, include_error_handlers, ends_only=False)

    @staticmethod
    def find_reachable_end_states(start: State, *, include_error_handlers: bool = False) -> list[State]:
        """The reachable states that have no outgoing transition."""
        return _walk(start, include_error_handlers, ends_only=True)

    @staticmethod
    def filter_nextables(states: list[State]) -> list[INextable]:
        """Only the states that can be followed by another one."""
        return [s for s in states if callable(getattr(s, "next", None))]  # type: ignore[misc]


def _walk(start: State, include_error_handlers: bool, *, ends_only: bool) -> list[State]:
    visited: list[State] = []
    ret: list[State] = []
    queue = [start]
    while queue:
        state = queue.pop(0)
        if any(v is state for v in visited):
            continue
        visited.append(state)
        outgoing = state._outgoing_transitions(include_error_handlers=include_error_handlers)
        queue.extend(outgoing)
        if (not ends_only or not outgoing) and not any(r is state for r in ret):
            ret.append(state)
    return ret


class _StateValidation:
    def __init__(self, state: State):
        self._state = state

    def validate(self) -> list[str]:
        return self._state.validate_state()


def chainable(scope: Construct, prop: str, value: Any) -> IChainable:
    """`value` checked to be a chainable (a state, a chain, a fragment)."""
    if not isinstance(value, IChainable):
        raise construct_error(scope, f"'{prop}' must be a state or a chain (sfn.IChainable), got {value!r}")
    return value
