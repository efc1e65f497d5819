"""`DefinitionBody`: where a state machine's definition comes from (a string, a file asset or a chain
of states)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cdk_events.core import Construct, Stack, UnscopedValidationError

from ._state_graph import StateGraph
from ._types import IChainable, QueryLanguage

if TYPE_CHECKING:
    from .. import iam


class DefinitionBody:
    """The definition of a state machine (mirrors `aws_cdk.aws_stepfunctions.DefinitionBody`)."""

    @staticmethod
    def from_string(definition: str) -> DefinitionBody:
        """ASL JSON text, used as it is (`DefinitionString`)."""
        if not isinstance(definition, str):
            raise UnscopedValidationError(f"DefinitionBody.from_string: 'definition' must be a string, "
                                          f"got {definition!r}")
        return StringDefinitionBody(definition)

    @staticmethod
    def from_file(path: str, **options: Any) -> DefinitionBody:
        """An ASL file, uploaded as a file asset (`DefinitionS3Location`)."""
        if not isinstance(path, str):
            raise UnscopedValidationError(f"DefinitionBody.from_file: 'path' must be a string, got {path!r}")
        return FileDefinitionBody(path, options)

    @staticmethod
    def from_chainable(chainable: IChainable) -> DefinitionBody:
        """A chain of states, rendered as ASL JSON (`DefinitionString`)."""
        if not isinstance(chainable, IChainable):
            raise UnscopedValidationError(f"DefinitionBody.from_chainable: 'chainable' must be a state or a chain "
                                          f"(sfn.IChainable), got {chainable!r}")
        return ChainDefinitionBody(chainable)

    def bind(self, scope: Construct, sfn_principal: iam.IPrincipal, sfn_props: dict[str, Any],
             graph: StateGraph | None = None) -> dict[str, Any]:
        """The definition properties of the CfnStateMachine."""
        raise NotImplementedError


class StringDefinitionBody(DefinitionBody):
    """A definition given as ASL JSON text."""

    def __init__(self, body: str):
        self.body = body

    def bind(self, scope: Construct, sfn_principal: iam.IPrincipal, sfn_props: dict[str, Any],
             graph: StateGraph | None = None) -> dict[str, Any]:
        """`definition_string`: the text."""
        return {"definition_string": self.body}


class FileDefinitionBody(DefinitionBody):
    """A definition read from a file, uploaded as an S3 file asset."""

    def __init__(self, path: str, options: dict[str, Any] | None = None):
        self.path = path
        self.options = options or {}

    def bind(self, scope: Construct, sfn_principal: iam.IPrincipal, sfn_props: dict[str, Any],
             graph: StateGraph | None = None) -> dict[str, Any]:
        """`definition_s3_location`: the bucket and key of the file asset `DefinitionBody`."""
        from ._file_asset import file_asset_location  # asset staging is loaded only for file definitions

        bucket, key = file_asset_location(scope, "DefinitionBody", self.path, self.options)
        return {"definition_s3_location": {"bucket": bucket, "key": key}}


class ChainDefinitionBody(DefinitionBody):
    """A definition built from a chain of states."""

    def __init__(self, chainable: IChainable):
        self.chainable = chainable

    def bind(self, scope: Construct, sfn_principal: iam.IPrincipal, sfn_props: dict[str, Any],
             graph: StateGraph | None = None) -> dict[str, Any]:
        """`definition_string`: the graph as JSON (a `Fn::Join` when it holds tokens), with the
        machine's `Comment` and `QueryLanguage`."""
        assert graph is not None
        query_language: QueryLanguage | None = sfn_props.get("query_language")
        graph_json = graph.to_graph_json(query_language)
        body = {**graph_json, "Comment": sfn_props.get("comment"),
                "QueryLanguage": query_language.value if query_language is not None else None}
        return {"definition_string": Stack.of(scope).to_json_string({k: v for k, v in body.items() if v is not None})}
