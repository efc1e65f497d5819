"""The exception hierarchy of cdk-events: catch `CdkEventsError` for anything the library raises."""

from __future__ import annotations

from typing import Protocol


class _HasPath(Protocol):
    @property
    def path(self) -> str: ...


class _InTree(Protocol):
    """Anything with a construct node (a construct, owned or imported)."""

    @property
    def node(self) -> _HasPath: ...


class CdkEventsError(Exception):
    """Base class of every error cdk-events raises on purpose."""


class ValidationError(CdkEventsError, ValueError):
    """A construct or a value is not valid: the message names the construct path, the property,
    the value and what is allowed."""


class ResolutionError(CdkEventsError):
    """A token could not be resolved into a CloudFormation value."""


class SynthesisError(CdkEventsError):
    """The cloud assembly could not be written."""


class CycleError(ValidationError):
    """Adding a dependency would create a cycle between stacks or constructs."""


class UnscopedValidationError(ValidationError):
    """A value is not valid, found before it was attached to a construct."""


class ArgumentTypeError(ValidationError, TypeError):
    """An argument of the wrong type (the checked boundary, `_checked`): a `ValidationError`, and a
    `TypeError` as jsii raises."""


class UnscopedArgumentTypeError(ArgumentTypeError, UnscopedValidationError):
    """An argument of the wrong type given to a call outside the construct tree (`Duration.minutes`)."""


def construct_error(scope: _InTree, message: str) -> ValidationError:
    """A `ValidationError` whose message starts with the construct path, as synth validation does."""
    return ValidationError(f"[{scope.node.path}] {message}")
