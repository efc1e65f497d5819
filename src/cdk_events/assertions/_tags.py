"""``Tags``: assertions on the stack-level tags recorded in the cloud assembly manifest."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._assembly import stack_artifact
from ._match import AbsentMatch, Match
from ._matcher import Matcher

__all__ = ["Tags"]


class Tags:
    """Assertions on a stack's tags (they are in the manifest, not in the template)."""

    def __init__(self, tags: Mapping[str, str] | None) -> None:
        """Wrap a tag dict (None: no tags); prefer :meth:`from_stack`."""
        self._tags: dict[str, str] = dict(tags or {})

    @classmethod
    def from_stack(cls, stack: Any) -> Tags:
        """The tags of ``stack`` after synthesizing its App."""
        return cls(getattr(stack_artifact(stack), "tags", None))

    def has_values(self, tags: Any) -> None:
        """Assert that the tags match ``tags`` (partially, unless a matcher is given)."""
        if isinstance(tags, AbsentMatch):
            raise ValueError(
                'Match.absent() will never match Tags because "{}" is the default value. '
                "Use Tags.has_none() instead."
            )
        matcher = tags if isinstance(tags, Matcher) else Match.object_like(tags)
        result = matcher.test(self.all()).finished()
        if result.has_failed():
            raise AssertionError("Stack tags did not match as expected:\n" + result.render_mismatch())

    def has_none(self) -> None:
        """Assert that the stack has no tags."""
        self.has_values(Match.exact({}))

    def all(self) -> dict[str, str]:
        """All tags (``{}`` when there are none)."""
        return self._tags
