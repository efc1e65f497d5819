"""`IRule`: what a target may know of a rule, owned or imported (the CDK's `rule-ref`), so targets need
not import the rule module."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from .core import Node, ResourceEnvironment, Stack


@runtime_checkable
class IRule(Protocol):
    """A rule, owned or imported: `rule_arn`, `rule_name`, its construct `node`, its `stack` and `env`."""

    @property
    def rule_arn(self) -> str:
        """The ARN of the rule."""
        ...

    @property
    def rule_name(self) -> str:
        """The name of the rule."""
        ...

    @property
    def node(self) -> Node:
        """The rule's node in the construct tree."""
        ...

    @property
    def stack(self) -> Stack:
        """The stack the rule is defined in."""
        ...

    @property
    def env(self) -> ResourceEnvironment:
        """The account and region the rule lives in."""
        ...
