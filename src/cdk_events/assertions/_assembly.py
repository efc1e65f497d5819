"""Reading a synthesized stack artifact (template, messages, tags) for assertions."""

from __future__ import annotations

from typing import Any

__all__ = ["stack_artifact"]

_NOT_IN_APP = "unexpected: all stacks must be part of a Stage or an App"


def _is_stage(root: object) -> bool:
    try:
        from cdk_events import core
    except ImportError:  # pragma: no cover - the core is optional for this package
        core = None  # type: ignore[assignment]
    stage_types = tuple(
        t for t in (getattr(core, "App", None), getattr(core, "Stage", None)) if isinstance(t, type)
    )
    if stage_types and isinstance(root, stage_types):
        return True
    # anything else that can synthesize an assembly (e.g. a test double) is accepted too
    return callable(getattr(root, "synth", None))


def stack_artifact(stack: Any) -> Any:
    """Synthesize the app holding ``stack`` (cached by the app) and return its artifact.

    Raises ``ValueError`` when the stack's root is not an App or Stage.
    """
    root = stack.node.root
    if root is stack or not _is_stage(root):
        raise ValueError(_NOT_IN_APP)
    assembly = root.synth()
    return assembly.get_stack_artifact(stack.artifact_id)
