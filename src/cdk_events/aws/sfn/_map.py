"""`Map`: runs steps for each item of an array (mirrors `aws_cdk.aws_stepfunctions.Map`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cdk_events.core import Construct, Token

from ...core._struct import to_struct
from ._basic_states import _NextableState
from ._fields import render_object
from ._state import chainable, render_json_path
from ._state_graph import StateGraph
from ._types import CatchProps, IChainable, ProcessorConfig, ProcessorMode, QueryLanguage, RetryProps


class Map(_NextableState):
    """A Map state: `item_processor(chain)` (or the deprecated `iterator(chain)`) sets the steps run
    for each item of `items_path` (default `$`); `max_concurrency` defaults to full concurrency."""

    def __init__(self, scope: Construct, id: str, *, state_name: str | None = None, comment: str | None = None,
                 query_language: QueryLanguage | None = None, input_path: str | None = None,
                 output_path: str | None = None, result_path: str | None = None, items_path: str | None = None,
                 item_selector: Mapping[str, Any] | None = None, parameters: Mapping[str, Any] | None = None,
                 result_selector: Mapping[str, Any] | None = None, max_concurrency: int | None = None,
                 max_concurrency_path: str | None = None, outputs: Any = None,
                 assign: Mapping[str, Any] | None = None):
        super().__init__(scope, id, state_name=state_name, comment=comment, query_language=query_language,
                         input_path=input_path, output_path=output_path, result_path=result_path,
                         parameters=parameters, result_selector=result_selector, outputs=outputs, assign=assign)
        self.items_path = items_path
        self.item_selector = item_selector
        self.max_concurrency = max_concurrency
        self.max_concurrency_path = max_concurrency_path

    def item_processor(self, processor: IChainable, config: ProcessorConfig | Mapping[str, Any] | None = None) -> Map:
        """The steps run for each item; `config` default INLINE mode. Returns this Map."""
        chainable(self, "processor", processor)
        cfg = to_struct(ProcessorConfig, config, prop="config", scope=self)
        self.add_item_processor(StateGraph(processor.start_state, f"Map {self.state_id} Item Processor"), cfg)
        return self

    def iterator(self, iterator: IChainable) -> Map:
        """The steps run for each item (deprecated: use `item_processor`). Returns this Map."""
        chainable(self, "iterator", iterator)
        self.add_iterator(StateGraph(iterator.start_state, f"Map {self.state_id} Iterator"))
        return self

    def add_retry(self, props: RetryProps | Mapping[str, Any] | None = None) -> Map:
        """Retry the state on errors (`errors` default [States.ALL])."""
        self._add_retry(props)
        return self

    def add_catch(self, handler: IChainable, props: CatchProps | Mapping[str, Any] | None = None) -> Map:
        """Continue at `handler` on errors (`errors` default [States.ALL])."""
        chainable(self, "handler", handler)
        self._add_catch(handler.start_state, props)
        return self

    def to_state_json(self, top_level_query_language: QueryLanguage | None = None) -> dict[str, Any]:
        """The Map state as Amazon States Language JSON."""
        return {
            "Type": "Map",
            **self.render_query_language(top_level_query_language),
            "Comment": self.comment,
            "ResultPath": render_json_path(self.result_path),
            **self.render_next_end(),
            **self.render_input_output(),
            **self.render_parameters(),
            **self.render_result_selector(),
            **self.render_retry_catch(),
            "ItemsPath": render_json_path(self.items_path),
            "ItemSelector": render_object(self.item_selector),
            **self.render_iterator(top_level_query_language),
            **self.render_item_processor(top_level_query_language),
            "MaxConcurrency": self.max_concurrency,
            "MaxConcurrencyPath": render_json_path(self.max_concurrency_path),
            **self.render_assign(),
        }

    def validate_state(self) -> list[str]:
        """The CDK's checks: a processor is set; `max_concurrency` is a positive integer; not both
        `parameters` and `item_selector`; a distributed processor has an execution type."""
        errors: list[str] = []
        if self.iteration is None and self.processor is None:
            errors.append("Map state must either have a non-empty iterator or a non-empty item processor")
        if self.iteration is not None and self.processor is not None:
            errors.append("Map state cannot have both an iterator and an item processor")
        mc = self.max_concurrency
        if mc is not None and not Token.is_unresolved(mc) and (int(mc) != mc or mc < 0 or mc > 2**53 - 1):
            errors.append("maxConcurrency has to be a positive integer")
        if self.parameters is not None and self.item_selector is not None:
            errors.append("Map state cannot have both parameters and an item selector")
        cfg = self.processor_config
        if cfg is not None and cfg.mode is ProcessorMode.DISTRIBUTED and cfg.execution_type is None:
            errors.append("You must specify an execution type for the distributed Map workflow")
        return errors
