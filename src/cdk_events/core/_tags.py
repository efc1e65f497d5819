"""Tags: `Tags.of(scope).add(...)` and the `TagManager` of taggable resources, applied at synthesis
through aspects, with the CDK's priorities and include/exclude rules."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ._checked import UnscopedArgumentTypeError, abridged
from ._construct import Construct, is_stack
from ._js import locale_sort_key

ASPECTS_KEY = "_aspects"
_ASPECTS_IN_TREE = "_aspects_in_tree"  # set on the root once any scope below gets aspects
# tags given when the manager is created (`Stack(tags=...)`, an L1's `tags=`) rank below
# `Tags.of(...).add` (100) and `remove` (200), as in the CDK
_EXTERNAL_TAG_PRIORITY = 50


_NO_TAGS: dict[str, str] = {}
_NO_PRIORITIES: dict[str, int] = {}


class TagManager:
    """The tags of one taggable resource (`tags` on taggable L1 classes and stacks)."""

    __slots__ = ("_priorities", "_tags", "resource_type_name")

    def __init__(self, resource_type_name: str = "", initial_tags: dict[str, str] | None = None):
        self.resource_type_name = resource_type_name
        # most resources are never tagged: the empty dicts are shared until the first change
        self._tags: dict[str, str] = _NO_TAGS
        self._priorities: dict[str, int] = _NO_PRIORITIES
        if initial_tags is not None and not isinstance(initial_tags, Mapping):  # (its constructor is not wrapped)
            raise UnscopedArgumentTypeError(f"TagManager: 'initial_tags' must be a dict, got {abridged(initial_tags)}")
        for key, value in (initial_tags or {}).items():
            self.set_tag(key, value, _EXTERNAL_TAG_PRIORITY)

    def set_tag(self, key: str, value: str, priority: int = 0, apply_to_launched_instances: bool = True) -> None:
        """Set a tag unless a tag of higher priority holds the key."""
        if priority < self._priorities.get(key, 0):
            return
        self._own()
        self._tags[key] = value
        self._priorities[key] = priority

    def remove_tag(self, key: str, priority: int) -> None:
        """Remove a tag unless a tag of higher priority holds the key."""
        if priority < self._priorities.get(key, 0):
            return
        self._own()
        self._tags.pop(key, None)
        self._priorities[key] = priority

    def _own(self) -> None:
        if self._tags is _NO_TAGS:
            self._tags, self._priorities = {}, {}

    def has_tags(self) -> bool:
        """True when any tag is set."""
        return bool(self._tags)

    def tag_values(self) -> dict[str, str]:
        """The tags as a dict."""
        return {k: self._tags[k] for k in self._sorted_keys()}

    def _sorted_keys(self) -> list[str]:
        return sorted(self._tags, key=locale_sort_key)

    def render_tags(self) -> list[dict[str, str]] | None:
        """`[{"Key": k, "Value": v}]` sorted by key, or None when there are no tags."""
        if not self._tags:
            return None
        return [{"Key": k, "Value": self._tags[k]} for k in self._sorted_keys()]


class IAspect:
    """Something applied to every construct below a scope at synthesis."""

    def visit(self, node: Construct) -> None:
        """Act on one construct."""
        raise NotImplementedError


class Aspects:
    """The aspects of a scope (mirrors `aws_cdk.Aspects`)."""

    def __init__(self, scope: Construct):
        self._scope = scope

    @staticmethod
    def of(scope: Construct) -> Aspects:
        """The aspects of `scope`."""
        return Aspects(scope)

    def add(self, aspect: IAspect) -> None:
        """Apply `aspect` to `scope` and everything below it at synthesis."""
        self.all.append(aspect)

    @property
    def all(self) -> list[IAspect]:
        """The aspects added to this scope."""
        aspects: list[IAspect] | None = self._scope.__dict__.get(ASPECTS_KEY)
        if aspects is None:
            aspects = self._scope.__dict__[ASPECTS_KEY] = []
            self._scope.node.root.__dict__[_ASPECTS_IN_TREE] = True
        return aspects


def invoke_aspects(root: Construct) -> None:
    """Apply every aspect to its scope and all constructs below, parents' aspects first."""
    if not root.__dict__.get(_ASPECTS_IN_TREE):
        return  # no scope of this tree ever had aspects: nothing to visit

    def recurse(construct: Construct, inherited: list[IAspect]) -> None:
        own: list[IAspect] = construct.__dict__.get(ASPECTS_KEY) or []
        applicable = inherited + own if own else inherited
        for aspect in applicable:
            aspect.visit(construct)
        for child in construct.node.children:
            recurse(child, applicable)

    recurse(root, [])


class _TagAspectBase(IAspect):
    """What `Tag` and `RemoveTag` share: the key, priority and resource-type filters."""

    def __init__(self, key: str, value: str | None, priority: int, include: Sequence[str] | None,
                 exclude: Sequence[str] | None, apply_to_launched_instances: bool):
        self.key = key
        self.value = value
        self.priority = priority
        self.include = list(include or ())
        self.exclude = list(exclude or ())
        self.apply_to_launched_instances = apply_to_launched_instances

    def visit(self, node: Construct) -> None:
        """Set (or remove) the tag on `node` if it is taggable and its resource type is selected."""
        manager: TagManager | None = getattr(node, "tags", None)
        if not isinstance(manager, TagManager):
            return
        if is_stack(node) and node.node.try_get_context("@aws-cdk/core:explicitStackTags"):
            return
        resource_type = manager.resource_type_name
        if resource_type in self.exclude:
            return
        if self.include and resource_type not in self.include:
            return
        if self.value is None:
            manager.remove_tag(self.key, self.priority)
        else:
            manager.set_tag(self.key, self.value, self.priority, self.apply_to_launched_instances)


class Tag(_TagAspectBase):
    """The aspect that adds a tag to every taggable resource it visits (mirrors `aws_cdk.Tag`);
    `priority` defaults to 100, `apply_to_launched_instances` to True, no resource-type filter."""

    def __init__(self, key: str, value: str, *, apply_to_launched_instances: bool = True,
                 exclude_resource_types: Sequence[str] | None = None,
                 include_resource_types: Sequence[str] | None = None, priority: int | None = None):
        super().__init__(key, value, 100 if priority is None else priority, include_resource_types,
                         exclude_resource_types, apply_to_launched_instances)


class RemoveTag(_TagAspectBase):
    """The aspect that removes a tag from every taggable resource it visits (mirrors
    `aws_cdk.RemoveTag`); `priority` defaults to 200."""

    def __init__(self, key: str, *, apply_to_launched_instances: bool = True,
                 exclude_resource_types: Sequence[str] | None = None,
                 include_resource_types: Sequence[str] | None = None, priority: int | None = None):
        super().__init__(key, None, 200 if priority is None else priority, include_resource_types,
                         exclude_resource_types, apply_to_launched_instances)


class Tags:
    """Tag everything taggable below a scope (mirrors `aws_cdk.Tags`)."""

    def __init__(self, scope: Construct):
        self._scope = scope

    @staticmethod
    def of(scope: Construct) -> Tags:
        """The tag helper of `scope`."""
        return Tags(scope)

    def add(self, key: str, value: str, *, apply_to_launched_instances: bool = True,
            exclude_resource_types: Sequence[str] | None = None,
            include_resource_types: Sequence[str] | None = None, priority: int | None = None) -> None:
        """Add a tag (priority 100 by default) to every taggable resource below the scope."""
        Aspects.of(self._scope).add(Tag(key, value, apply_to_launched_instances=apply_to_launched_instances,
                                        exclude_resource_types=exclude_resource_types,
                                        include_resource_types=include_resource_types, priority=priority))

    def remove(self, key: str, *, exclude_resource_types: Sequence[str] | None = None,
               include_resource_types: Sequence[str] | None = None, priority: int | None = None,
               apply_to_launched_instances: bool = True) -> None:
        """Remove a tag (priority 200 by default) from every taggable resource below the scope."""
        Aspects.of(self._scope).add(RemoveTag(key, apply_to_launched_instances=apply_to_launched_instances,
                                              exclude_resource_types=exclude_resource_types,
                                              include_resource_types=include_resource_types, priority=priority))
