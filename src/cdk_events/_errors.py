"""Error helpers of the events layer: messages that name the construct path."""

from __future__ import annotations

from .core import Construct, ValidationError


def construct_error(scope: Construct, message: str) -> ValidationError:
    """A `ValidationError` whose message starts with the construct path, as synth validation does."""
    return ValidationError(f"[{scope.node.path}] {message}")
