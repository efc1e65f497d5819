"""Logical ids and generated names, computed exactly as the CDK computes them."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ._construct import is_stack
from ._errors import ValidationError
from ._token_encoding import is_unresolved

if TYPE_CHECKING:
    from ._construct import Construct, Node

HIDDEN_ID = "Default"
HIDDEN_FALLBACK_ID = "Resource"
_PATH_SEP = "/"
_HASH_LEN = 8
_MAX_HUMAN_LEN = 240
_MAX_ID_LEN = 255
_NON_ALNUM = re.compile(r"[^A-Za-z0-9]")


def _md5_hash(path: str) -> str:
    return hashlib.md5(path.encode()).hexdigest()[:_HASH_LEN].upper()


def _remove_dupes(path: Sequence[str]) -> list[str]:
    kept: list[str] = []
    for component in path:
        if not kept or not kept[-1].endswith(component):
            kept.append(component)
    return kept


def make_unique_id(components: Sequence[str]) -> str:
    """The CDK's `makeUniqueId`: alphanumeric human part + 8 hex of the MD5 of the path."""
    components = [c for c in components if c != HIDDEN_ID]
    if not components:
        raise ValidationError("Unable to calculate a unique id for an empty set of components")
    unresolved = [c for c in components if is_unresolved(c)]
    if unresolved:
        raise ValidationError(f"ID components may not include unresolved tokens: {', '.join(unresolved)}")
    if len(components) == 1:
        candidate = _NON_ALNUM.sub("", components[0])
        if len(candidate) <= _MAX_ID_LEN:
            return candidate
    digest = _md5_hash(_PATH_SEP.join(components))
    human = "".join(_NON_ALNUM.sub("", c) for c in _remove_dupes(components) if c != HIDDEN_FALLBACK_ID)
    return human[:_MAX_HUMAN_LEN] + digest


def _path_components(node: Node) -> list[str]:
    return [s.node.id for s in node.scopes[1:]]


class Names:
    """Unique names for constructs (mirrors `aws_cdk.Names`)."""

    @staticmethod
    def unique_id(construct: Construct) -> str:
        """An alphanumeric name unique in the app, from the construct's path (stack id included)."""
        return Names.node_unique_id(construct.node)

    @staticmethod
    def node_unique_id(node: Node) -> str:
        """Like `unique_id`, for a node."""
        components = _path_components(node)
        return make_unique_id(components) if components else ""

    @staticmethod
    def unique_resource_name(
        construct: Construct,
        *,
        max_length: int = 256,
        separator: str = "",
        allowed_special_characters: str = "",
        prefix: str = "",
    ) -> str:
        """A name for a physical resource, unique in the app and at most `max_length` characters."""
        scopes = construct.node.scopes
        start = len(scopes) - 1
        for index in range(len(scopes) - 1, -1, -1):
            scope = scopes[index]
            if is_stack(scope) and not is_unresolved(scope.stack_name):  # type: ignore[attr-defined]
                start = index
                break
        components = [
            s.stack_name if is_stack(s) and not is_unresolved(s.stack_name) else s.node.id  # type: ignore[attr-defined]
            for s in scopes[start:]
        ]
        return make_unique_resource_name(
            components, max_length=max_length, separator=separator,
            allowed_special_characters=allowed_special_characters, prefix=prefix,
        )


def make_unique_resource_name(
    components: Sequence[str],
    *,
    max_length: int = 256,
    separator: str = "",
    allowed_special_characters: str = "",
    prefix: str = "",
) -> str:
    """The CDK's `makeUniqueResourceName` over path components."""
    components = [c for c in components if c != HIDDEN_ID]
    if not components:
        raise ValidationError("Unable to calculate a unique resource name for an empty set of components")
    not_allowed = re.compile(f"[^A-Za-z0-9{re.escape(allowed_special_characters)}]")
    if len(components) == 1:
        top = prefix + not_allowed.sub("", components[0])
        if len(top) <= max_length:
            return top
    digest = _md5_hash(_PATH_SEP.join(components))
    human = prefix + separator.join(
        not_allowed.sub("", c) for c in _remove_dupes(components) if c != HIDDEN_FALLBACK_ID
    ) + separator
    max_human = max_length - _HASH_LEN
    if len(human) > max_human:
        half = int(max_human / 2)
        human = human[:half] + human[len(human) - half :] if half else ""
    return human + digest
