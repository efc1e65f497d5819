"""Task placement: `PlacementStrategy`, `PlacementConstraint` (with `BinPackResource` and the
`BuiltInAttributes` to spread by) and the `CapacityProviderStrategy` struct."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any

import attrs

from cdk_events.core import Token, UnscopedValidationError

from ...core._struct import StructError, camel_case_keys, struct_field_names
from ...core._struct_methods import struct_methods


class BinPackResource(Enum):
    """The instance resource a bin-packing strategy fills first (mirrors `aws_cdk.aws_ecs.BinPackResource`)."""

    CPU = "CPU"
    """Fill up the hosts' CPU allocations first."""
    MEMORY = "MEMORY"
    """Fill up the hosts' memory allocations first."""


class BuiltInAttributes:
    """Attributes every container instance has, to spread tasks across (mirrors
    `aws_cdk.aws_ecs.BuiltInAttributes`)."""

    INSTANCE_ID = "instanceId"
    """The id of the container instance."""
    AVAILABILITY_ZONE = "attribute:ecs.availability-zone"
    """The Availability Zone of the container instance."""
    AMI_ID = "attribute:ecs.ami-id"
    """The AMI id of the container instance."""
    INSTANCE_TYPE = "attribute:ecs.instance-type"
    """The EC2 instance type of the container instance."""
    OS_TYPE = "attribute:ecs.os-type"
    """The operating system type of the container instance (`linux` or `windows`)."""


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class PlacementStrategyJson:
    """One entry of a placement strategy's JSON (the shape of `CfnService.PlacementStrategyProperty`):
    `type` (`spread`, `binpack` or `random`) and, except for `random`, the `field` it works on."""

    type: str
    field: str | None = None

    def _to_cloudformation_value(self) -> dict[str, Any]:
        return {k: v for k, v in (("Field", self.field), ("Type", self.type)) if v is not None}


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class PlacementConstraintJson:
    """One entry of a placement constraint's JSON (the shape of `CfnService.PlacementConstraintProperty`):
    `type` (`distinctInstance` or `memberOf`) and, for `memberOf`, the cluster query `expression`."""

    type: str
    expression: str | None = None

    def _to_cloudformation_value(self) -> dict[str, Any]:
        return {k: v for k, v in (("Expression", self.expression), ("Type", self.type)) if v is not None}


def _check_strings(method: str, prop: str, values: tuple[Any, ...]) -> None:
    for value in values:
        if not isinstance(value, str) or (not Token.is_unresolved(value) and value == ""):
            raise UnscopedValidationError(f"{method}: each {prop} must be a non-empty string, got {value!r}")


class PlacementStrategy:
    """Where ECS prefers to place tasks (mirrors `aws_cdk.aws_ecs.PlacementStrategy`); made with the
    static methods (`spread_across_instances()`, `spread_across(...)`, `packed_by_cpu()`,
    `packed_by_memory()`, `packed_by(...)`, `randomly()`), read with `to_json()`."""

    def __init__(self, json: list[PlacementStrategyJson]) -> None:
        self._json = list(json)

    @staticmethod
    def spread_across_instances() -> PlacementStrategy:
        """Place tasks evenly across the container instances of the cluster (spread by `instanceId`)."""
        return PlacementStrategy([PlacementStrategyJson(type="spread", field=BuiltInAttributes.INSTANCE_ID)])

    @staticmethod
    def spread_across(*fields: str) -> PlacementStrategy:
        """Place tasks evenly by each of `fields` in turn (a `BuiltInAttributes` value or a custom
        attribute); at least one field is required."""
        if not fields:
            raise UnscopedValidationError("spreadAcross: give at least one field to spread by")
        _check_strings("spread_across", "field", fields)
        return PlacementStrategy([PlacementStrategyJson(type="spread", field=field) for field in fields])

    @staticmethod
    def packed_by_cpu() -> PlacementStrategy:
        """Place tasks on the instances with the least available CPU (bin-pack by CPU)."""
        return PlacementStrategy.packed_by(BinPackResource.CPU)

    @staticmethod
    def packed_by_memory() -> PlacementStrategy:
        """Place tasks on the instances with the least available memory (bin-pack by MEMORY)."""
        return PlacementStrategy.packed_by(BinPackResource.MEMORY)

    @staticmethod
    def packed_by(resource: BinPackResource) -> PlacementStrategy:
        """Place tasks on the instances with the least available amount of `resource`."""
        if not isinstance(resource, BinPackResource):
            raise UnscopedValidationError(
                f"packed_by: 'resource' must be an ecs.BinPackResource (CPU or MEMORY), got {resource!r}")
        return PlacementStrategy([PlacementStrategyJson(type="binpack", field=resource.value)])

    @staticmethod
    def randomly() -> PlacementStrategy:
        """Place tasks randomly."""
        return PlacementStrategy([PlacementStrategyJson(type="random")])

    def to_json(self) -> list[PlacementStrategyJson]:
        """The strategy's entries (each a `type` and an optional `field`)."""
        return list(self._json)

    def __repr__(self) -> str:
        return f"PlacementStrategy({self._json!r})"


class PlacementConstraint:
    """Where ECS may place tasks (mirrors `aws_cdk.aws_ecs.PlacementConstraint`); made with
    `distinct_instances()` or `member_of(...)`, read with `to_json()`."""

    def __init__(self, json: list[PlacementConstraintJson]) -> None:
        self._json = list(json)

    @staticmethod
    def distinct_instances() -> PlacementConstraint:
        """Run each task of a group on a different container instance."""
        return PlacementConstraint([PlacementConstraintJson(type="distinctInstance")])

    @staticmethod
    def member_of(*expressions: str) -> PlacementConstraint:
        """Only place tasks on instances matching every cluster query language expression given."""
        _check_strings("member_of", "expression", expressions)
        return PlacementConstraint([PlacementConstraintJson(type="memberOf", expression=e) for e in expressions])

    def to_json(self) -> list[PlacementConstraintJson]:
        """The constraint's entries (each a `type` and an optional `expression`)."""
        return list(self._json)

    def __repr__(self) -> str:
        return f"PlacementConstraint({self._json!r})"


def _optional_number(prop: str) -> Any:
    def check(_instance: Any, _attribute: Any, value: Any) -> None:
        if value is None or Token.is_unresolved(value):
            return
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise UnscopedValidationError(f"CapacityProviderStrategy: '{prop}' must be a number, got {value!r}")
        if value < 0:
            raise UnscopedValidationError(f"CapacityProviderStrategy: '{prop}' must be 0 or more, got {value!r}")
    return check


def _provider_name(_instance: Any, _attribute: Any, value: Any) -> None:
    if not isinstance(value, str) or value == "":
        raise UnscopedValidationError(
            f"CapacityProviderStrategy: 'capacity_provider' must be the name of a capacity provider "
            f"(a non-empty string), got {value!r}")


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class CapacityProviderStrategy:
    """A capacity provider and how many tasks it takes (mirrors `aws_cdk.aws_ecs.CapacityProviderStrategy`).

    `capacity_provider` (its name) is required; `base` (tasks placed on it first) defaults to unset (0),
    `weight` (its relative share of the rest) to unset (0).
    """

    capacity_provider: str = attrs.field(validator=_provider_name)
    base: int | None = attrs.field(default=None, validator=_optional_number("base"))
    weight: int | None = attrs.field(default=None, validator=_optional_number("weight"))


def capacity_provider_strategy_of(value: Any, where: str) -> CapacityProviderStrategy:
    """A `CapacityProviderStrategy`, or a dict (snake_case keys, or the camelCase keys jsii passes inside
    a list) converted to one; anything else raises a `ValidationError` naming `where`."""
    if isinstance(value, CapacityProviderStrategy):
        return value
    if isinstance(value, Mapping):
        allowed = struct_field_names(CapacityProviderStrategy)
        fields = {k: v for k, v in value.items() if k in allowed}
        fields.update(camel_case_keys(value, CapacityProviderStrategy))
        unknown = [k for k in value if k not in allowed and k != "capacityProvider"]
        if unknown:
            raise StructError(
                f"'{where}': the dict given for CapacityProviderStrategy has the key(s) "
                f"{', '.join(map(repr, unknown))}, "
                f"which CapacityProviderStrategy does not have; allowed keys: {', '.join(allowed)} (capacityProvider "
                f"too, as jsii passes dicts inside a list)")
        if "capacity_provider" not in fields:
            raise StructError(f"'{where}': the dict given for CapacityProviderStrategy has no 'capacity_provider', "
                              f"got {dict(value)!r}")
        return CapacityProviderStrategy(**fields)
    raise UnscopedValidationError(
        f"'{where}' must be an ecs.CapacityProviderStrategy(capacity_provider=..., base=..., weight=...), "
        f"got {value!r}")
