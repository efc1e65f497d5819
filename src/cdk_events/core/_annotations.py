"""`Annotations`: warnings, errors and info attached to constructs; they go to the assembly's
metadata, where the CDK CLI reads them (`cdk synth --strict` fails on warnings)."""

from __future__ import annotations

from ._construct import Construct

WARNING = "aws:cdk:warning"
ERROR = "aws:cdk:error"
INFO = "aws:cdk:info"
ACKNOWLEDGE = "aws:cdk:acknowledge"


class Annotations:
    """Messages about a construct (mirrors `aws_cdk.Annotations`)."""

    def __init__(self, scope: Construct):
        self._scope = scope

    @staticmethod
    def of(scope: Construct) -> Annotations:
        """The annotations of `scope`."""
        return Annotations(scope)

    def _acknowledged(self) -> set[str]:
        acked: set[str] = set()
        node = self._scope.node
        for scope in node.scopes:
            acked.update(scope.__dict__.get("_acknowledged_warnings", ()))
        return acked

    def add_warning_v2(self, id: str, message: str) -> None:
        """A warning with an id that `acknowledge_warning` can silence; the text ends with `[ack: <id>]`."""
        if id in self._acknowledged():
            return
        self._scope.node.add_metadata(WARNING, f"{message} [ack: {id}]")

    def add_warning(self, message: str) -> None:
        """A warning (`cdk synth --strict` turns it into an error)."""
        self._scope.node.add_metadata(WARNING, message)

    def add_error(self, message: str) -> None:
        """An error: the CDK CLI refuses to deploy the app."""
        self._scope.node.add_metadata(ERROR, message)

    def add_info(self, message: str) -> None:
        """An informational message."""
        self._scope.node.add_metadata(INFO, message)

    def add_deprecation(self, api: str, message: str) -> None:
        """A deprecation warning for `api`."""
        self.add_warning(f"The API {api} is deprecated: {message}. This API will be removed in the next major "
                         "release")

    def acknowledge_warning(self, id: str, message: str | None = None) -> None:
        """Silence warnings with this id on the scope and below (also ones already added)."""
        acked: set[str] = self._scope.__dict__.setdefault("_acknowledged_warnings", set())
        acked.add(id)
        suffix = f" [ack: {id}]"
        for construct in self._scope.node.find_all():
            node = construct.node
            if node._metadata:
                node._metadata = [m for m in node._metadata
                                  if not (m.type == WARNING and isinstance(m.data, str) and m.data.endswith(suffix))]
