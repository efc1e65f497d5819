"""The construct tree, with the API of the `constructs` v10 package (`Construct`, `Node`)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from enum import Enum
from typing import Any, ClassVar, Protocol, runtime_checkable

import attrs

from ._checked import UnscopedArgumentTypeError, abridged
from ._errors import ValidationError
from ._struct_methods import struct_methods

PATH_SEP = "/"
HIDDEN_ID = "Default"
HIDDEN_FALLBACK_ID = "Resource"


class ConstructOrder(Enum):
    """The order of `Node.find_all`."""

    PREORDER = 0
    POSTORDER = 1


@runtime_checkable
class IValidation(Protocol):
    """Something that checks a construct and returns the problems it found."""

    def validate(self) -> Sequence[str]:
        """Error messages; empty when all is well."""
        ...


@runtime_checkable
class IDependable(Protocol):
    """Something another construct can depend on (constructs are dependable)."""

    @property
    def node(self) -> Node: ...


@struct_methods
@attrs.frozen(slots=False, repr=False, eq=False)
class MetadataEntry:
    """One metadata entry of a construct (type, data and an optional stack trace)."""

    type: str
    data: Any
    trace: Sequence[str] | None = None


class IConstruct(Protocol):
    """A construct: anything with a `node`."""

    @property
    def node(self) -> Node: ...


DEPENDENCIES_IN_TREE = "_dependencies_in_tree"  # set on the root once any construct below has dependencies
_NO_CONTEXT: dict[str, Any] = {}  # shared empty values of a new node (replaced before the first write)
_NONE: list[Any] = []


class Node:
    """The tree side of a construct: its id, path, scope, children and metadata."""

    # "__dict__": an attribute set on a node is kept and ignored, as jsii keeps it on the Python proxy
    # (`output.node.condition = c` is tolerated by aws-cdk-lib); the dict is made only when one is set
    __slots__ = (
        "__dict__",
        "_children",
        "_context",
        "_dependencies",
        "_locked",
        "_metadata",
        "_path",
        "_validations",
        "default_child_override",
        "host",
        "id",
        "scope",
    )

    PATH_SEP = PATH_SEP

    def __init__(self, host: Construct, scope: Construct | None, id: str):
        id = id or ""
        self.host = host
        self.scope = scope
        if scope is not None and not id:
            raise ValidationError("Only root constructs may have an empty ID")
        self.id = id.replace(PATH_SEP, "--")
        self._children: dict[str, Construct] = {}
        # most constructs never get context, metadata, dependencies or validations: the empty values are
        # shared (never mutated) until the first one is added
        self._context: dict[str, Any] = _NO_CONTEXT
        self._metadata: list[MetadataEntry] = _NONE
        self._dependencies: list[IDependable] = _NONE
        self._validations: list[IValidation] = _NONE
        self._locked = False
        self.default_child_override: Construct | None = None
        self._path: str
        if scope is not None:
            scope.node._add_child(self.id, host)
            parent_path = scope.node._path
            self._path = f"{parent_path}{PATH_SEP}{self.id}" if parent_path else self.id
        else:
            self._path = self.id

    @staticmethod
    def of(construct: IConstruct) -> Node:
        """The node of a construct (same as `construct.node`)."""
        return construct.node

    # --- identity --------------------------------------------------------------------------
    @property
    def path(self) -> str:
        """The ids from the root (excluded) down to this construct, joined by `/`."""
        return self._path

    @property
    def addr(self) -> str:
        """A 42-character address of this construct, unique in the app (`c8` + SHA-1 of the path)."""
        digest = hashlib.sha1()
        for component in (s.node.id for s in self.scopes):
            if component == HIDDEN_ID:
                continue
            digest.update(component.encode())
            digest.update(b"\n")
        return "c8" + digest.hexdigest()

    @property
    def root(self) -> Construct:
        """The top construct of the tree (the App)."""
        node = self
        while node.scope is not None:
            node = node.scope.node
        return node.host

    @property
    def scopes(self) -> list[Construct]:
        """All constructs from the root down to this one."""
        chain: list[Construct] = []
        current: Construct | None = self.host
        while current is not None:
            chain.append(current)
            current = current.node.scope
        chain.reverse()
        return chain

    # --- children --------------------------------------------------------------------------
    @property
    def children(self) -> list[Construct]:
        """The direct children, in creation order."""
        return list(self._children.values())

    def try_find_child(self, id: str) -> Construct | None:
        """The direct child with this id, or None."""
        try:
            return self._children.get(id.replace(PATH_SEP, "--"))
        except (AttributeError, TypeError):  # (not wrapped by the argument checks: it is called for every construct)
            raise UnscopedArgumentTypeError(f"Node.try_find_child: 'id' must be a string, got {abridged(id)}") from None

    def find_child(self, id: str) -> Construct:
        """The direct child with this id; raises if there is none."""
        child = self.try_find_child(id)
        if child is None:
            raise ValidationError(f"No child with id: '{id}'")
        return child

    def try_remove_child(self, child_name: str) -> bool:
        """Remove a child; True if there was one."""
        return self._children.pop(child_name, None) is not None

    def find_all(self, order: ConstructOrder = ConstructOrder.PREORDER) -> list[Construct]:
        """This construct and all below it, pre-order by default."""
        out: list[Construct] = []
        self._visit(out, order)
        return out

    def _visit(self, out: list[Construct], order: ConstructOrder) -> None:
        if order is ConstructOrder.PREORDER:
            out.append(self.host)
        for child in self._children.values():
            child.node._visit(out, order)
        if order is ConstructOrder.POSTORDER:
            out.append(self.host)

    def iter_preorder(self) -> Iterator[Construct]:
        """Walk this construct and all below it, pre-order, without building a list."""
        stack: list[Construct] = [self.host]
        while stack:
            current = stack.pop()
            yield current
            children = current.node._children
            if children:
                stack.extend(reversed(children.values()))

    @property
    def default_child(self) -> Construct | None:
        """The child named `Resource` or `Default` (or the one set explicitly)."""
        if self.default_child_override is not None:
            return self.default_child_override
        resource = self._children.get(HIDDEN_FALLBACK_ID)
        default = self._children.get(HIDDEN_ID)
        if resource is not None and default is not None:
            raise ValidationError(
                f"Cannot determine default child for {self._path}. "
                'There is both a child with id "Resource" and id "Default"'
            )
        return default or resource

    @default_child.setter
    def default_child(self, value: Construct | None) -> None:
        self.default_child_override = value

    def _add_child(self, child_name: str, child: Construct) -> None:
        if self.locked:
            if not self._path:
                raise ValidationError("Cannot add children during synthesis")
            raise ValidationError(f'Cannot add children to "{self._path}" during synthesis')
        if child_name in self._children:
            name = f" [{self.id}]" if self.id else ""
            type_name = type(self.host).__name__
            raise ValidationError(f"There is already a Construct with name '{child_name}' in {type_name}{name}")
        self._children[child_name] = child

    def lock(self) -> None:
        """Refuse new children from now on."""
        self._locked = True

    def unlock(self) -> None:
        """Accept new children again."""
        self._locked = False

    @property
    def locked(self) -> bool:
        """True if this construct or one above it refuses new children."""
        node: Node | None = self
        while node is not None:
            if node._locked:
                return True
            node = node.scope.node if node.scope is not None else None
        return False

    # --- context ---------------------------------------------------------------------------
    def set_context(self, key: str, value: Any) -> None:
        """Set a context value here (only before children are added)."""
        if self._children:
            names = ",".join(self._children)
            raise ValidationError(f"Cannot set context after children have been added: {names}")
        if self._context is _NO_CONTEXT:
            self._context = {}
        self._context[key] = value

    def try_get_context(self, key: str) -> Any:
        """The context value for `key` from this construct up to the root, or None."""
        node: Node | None = self
        if not isinstance(key, str):  # (not wrapped by the argument checks: it is called for every rule)
            raise UnscopedArgumentTypeError(f"Node.try_get_context: 'key' must be a string, got {abridged(key)}")
        while node is not None:
            if key in node._context:
                return node._context[key]
            node = node.scope.node if node.scope is not None else None
        return None

    def get_context(self, key: str) -> Any:
        """Like `try_get_context`, but raises when the key is not set."""
        value = self.try_get_context(key)
        if value is None:
            raise ValidationError(f"No context value present for {key} key")
        return value

    def get_all_context(self, defaults: dict[str, Any] | None = None) -> dict[str, Any]:
        """Every context value visible here, closest wins."""
        merged: dict[str, Any] = dict(defaults or {})
        for scope in self.scopes:
            merged.update(scope.node._context)
        return merged

    # --- metadata --------------------------------------------------------------------------
    @property
    def metadata(self) -> list[MetadataEntry]:
        """The metadata entries added to this construct."""
        return list(self._metadata)

    def add_metadata(self, type: str, data: Any, options: dict[str, Any] | None = None) -> None:
        """Add a metadata entry (skipped when `data` is None)."""
        if data is None:
            return
        trace = None
        if options and options.get("stack_trace"):
            import traceback

            trace = [line.strip() for line in traceback.format_stack()[:-1]]
        if self._metadata is _NONE:
            self._metadata = []
        self._metadata.append(MetadataEntry(type, data, trace))

    # --- dependencies ----------------------------------------------------------------------
    def add_dependency(self, *deps: IDependable) -> None:
        """Make this construct depend on each of `deps`."""
        for dep in deps:
            if dep not in self._dependencies:
                if self._dependencies is _NONE:
                    self._dependencies = []
                    self.root.__dict__[DEPENDENCIES_IN_TREE] = True
                self._dependencies.append(dep)

    @property
    def dependencies(self) -> list[Construct]:
        """The constructs this one depends on."""
        return [d if isinstance(d, Construct) else d.node.host for d in self._dependencies]

    # --- validation ------------------------------------------------------------------------
    def add_validation(self, validation: IValidation) -> None:
        """Register a check that runs at synthesis."""
        if self._validations is _NONE:
            self._validations = []
        self._validations.append(validation)

    def validate(self) -> list[str]:
        """Run this construct's checks; the error messages."""
        errors: list[str] = []
        for validation in self._validations:
            errors.extend(validation.validate())
        return errors

    def __repr__(self) -> str:
        return f"Node({self._path or '<root>'})"


class Construct:
    """The base of every construct: `Construct(scope, id)`; the tree is reached through `node`."""

    __slots__ = ("__dict__", "_node")

    # True on the class of stacks: lets the modules below `Stack` find a construct's stack
    # (`enclosing_stack`) without importing it
    _is_stack_scope: ClassVar[bool] = False

    def __init__(self, scope: Construct | None, id: str):
        if scope is not None and not isinstance(scope, Construct):
            raise ValidationError(
                f"{type(self).__name__}: 'scope' must be a Construct (an App, a Stack or a construct), "
                f"got {type(scope).__name__}: {abridged(scope)}"
            )
        if not isinstance(id, str):
            raise ValidationError(f"{type(self).__name__}: 'id' must be a string, got {type(id).__name__}: "
                                  f"{abridged(id)}")
        if not id.isascii():  # (not wrapped by the argument checks: every construct is built here)
            try:
                id.encode("utf-8")
            except UnicodeEncodeError:
                raise ValidationError(f"{type(self).__name__}: 'id' must be a string UTF-8 can write (no lone "
                                      f"surrogate), got {abridged(id)}") from None
        self._node = Node(self, scope, id)

    @property
    def node(self) -> Node:
        """The construct tree node of this construct."""
        return self._node

    @staticmethod
    def is_construct(x: object) -> bool:
        """True if `x` is a construct."""
        return isinstance(x, Construct)

    def __str__(self) -> str:
        return self._node.path or "<root>"

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._node.path or '<root>'}>"


def is_stack(construct: object) -> bool:
    """True if `construct` is a stack (any construct whose class marks itself as a stack scope)."""
    return isinstance(construct, Construct) and type(construct)._is_stack_scope


def enclosing_stack(construct: Construct) -> Construct:
    """The stack `construct` belongs to (itself, if it is one); the result is cached on the construct.

    Raises `ValidationError` for a construct outside any stack.
    """
    cached = construct.__dict__.get("_stack_of")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    current: Construct | None = construct
    while current is not None:
        if type(current)._is_stack_scope:
            construct.__dict__["_stack_of"] = current
            return current
        current = current.node.scope
    raise ValidationError(
        f"{construct.node.path or type(construct).__name__} should be created in the scope of a Stack, "
        "but no Stack found")
