"""ARNs: formatting and splitting (`Arn`, `ArnFormat`, `ArnComponents`)."""

from __future__ import annotations

from enum import Enum
from typing import Protocol

import attrs

from ._errors import ValidationError
from ._fn import Fn
from ._struct_methods import struct_methods
from ._token_encoding import is_unresolved


class ArnFormat(Enum):
    """How the resource part of an ARN is laid out."""

    NO_RESOURCE_NAME = "arn:aws:service:region:account:resource"
    COLON_RESOURCE_NAME = "arn:aws:service:region:account:resource:resourceName"
    SLASH_RESOURCE_NAME = "arn:aws:service:region:account:resource/resourceName"
    SLASH_RESOURCE_SLASH_RESOURCE_NAME = "arn:aws:service:region:account:/resource/resourceName"


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class ArnComponents:
    """The parts of an ARN; `partition`, `region` and `account` default to the stack's."""

    service: str
    resource: str
    resource_name: str | None = None
    partition: str | None = None
    region: str | None = None
    account: str | None = None
    arn_format: ArnFormat | None = None
    sep: str | None = None


class ArnEnvironment(Protocol):
    """Where an ARN's missing parts come from (a `Stack`): its partition, region and account."""

    @property
    def partition(self) -> str:
        """The partition (`aws`, or the `AWS::Partition` token)."""
        ...

    @property
    def region(self) -> str:
        """The region (a literal or the `AWS::Region` token)."""
        ...

    @property
    def account(self) -> str:
        """The account (a literal or the `AWS::AccountId` token)."""
        ...


def format_arn(components: ArnComponents, stack: ArnEnvironment | None = None) -> str:
    """The ARN for `components`, with the stack's partition, region and account as defaults."""
    partition = components.partition if components.partition is not None else (
        stack.partition if stack is not None else None)
    region = components.region if components.region is not None else (stack.region if stack is not None else None)
    account = components.account if components.account is not None else (
        stack.account if stack is not None else None)
    if partition is None or region is None or account is None:
        raise ValidationError(
            "Arn.format: 'partition', 'region' and 'account' are required when no stack is given")
    if components.sep is not None and components.arn_format is not None:
        raise ValidationError("Cannot use 'sep' together with 'arnFormat'. Use only 'arnFormat'.")
    arn_format = components.arn_format
    if arn_format is None:
        if components.resource_name is None:
            arn_format = ArnFormat.NO_RESOURCE_NAME
        elif components.sep == ":":
            arn_format = ArnFormat.COLON_RESOURCE_NAME
        else:
            arn_format = ArnFormat.SLASH_RESOURCE_NAME
    sep = components.sep
    if sep is None:
        sep = {ArnFormat.COLON_RESOURCE_NAME: ":"}.get(arn_format, "/")
    if sep not in ("/", ":", ""):
        raise ValidationError("resourcePathSep may only be \":\", \"/\" or an empty string")
    values = ["arn", ":", partition, ":", components.service, ":", region, ":", account, ":",
              "/" if arn_format is ArnFormat.SLASH_RESOURCE_SLASH_RESOURCE_NAME else "", components.resource]
    if arn_format is not ArnFormat.NO_RESOURCE_NAME and components.resource_name is not None:
        values.append(sep)
        values.append(components.resource_name)
    return "".join(values)


class Arn:
    """Helpers for ARNs (mirrors `aws_cdk.Arn`)."""

    @staticmethod
    def format(components: ArnComponents, stack: ArnEnvironment | None = None) -> str:
        """Build an ARN from its components (defaults from `stack`)."""
        return format_arn(components, stack)

    @staticmethod
    def split(arn: str, arn_format: ArnFormat) -> ArnComponents:
        """Split an ARN into its components; token ARNs give `Fn::Select`/`Fn::Split` pieces."""
        if is_unresolved(arn):
            return _split_token(arn, arn_format)
        return _split_literal(arn, arn_format)

    @staticmethod
    def extract_resource_name(arn: str, resource_type: str) -> str:
        """The resource name of an ARN of the form `...:resource_type/name` or `...:resource_type:name`."""
        if is_unresolved(arn):
            return Fn.select(1, Fn.split("/", Fn.select(5, Fn.split(":", arn))))
        components = Arn.split(arn, ArnFormat.SLASH_RESOURCE_NAME)
        if components.resource != resource_type:
            raise ValidationError(
                f"Expected resource type '{resource_type}' in ARN, got '{components.resource}' in '{arn}'")
        if not components.resource_name:
            raise ValidationError(f"Expected resource name in ARN, didn't find one: '{arn}'")
        return components.resource_name


def _split_literal(arn: str, arn_format: ArnFormat) -> ArnComponents:
    parts = arn.split(":")
    if len(parts) < 6 or parts[0] != "arn":
        raise ValidationError(f'ARNs must start with "arn:" and have at least 6 components: {arn}')
    _, partition, service, region, account, *rest = parts
    if not partition:
        raise ValidationError(f"The `partition` component (2nd component) of an ARN is required: {arn}")
    if not service:
        raise ValidationError(f"The `service` component (3rd component) of an ARN is required: {arn}")
    resource_part = ":".join(rest)
    if not rest or not rest[0]:
        raise ValidationError(f"The `resource` component (6th component) of an ARN is required: {arn}")
    resource_name: str | None = None
    detected = arn_format
    if arn_format is ArnFormat.NO_RESOURCE_NAME:
        resource = resource_part
    elif rest[0].startswith("/") or arn_format is ArnFormat.SLASH_RESOURCE_SLASH_RESOURCE_NAME:
        pieces = resource_part.lstrip("/").split("/", 1)
        resource = pieces[0]
        resource_name = pieces[1] if len(pieces) > 1 else None
        detected = ArnFormat.SLASH_RESOURCE_SLASH_RESOURCE_NAME
    elif "/" in rest[0] and arn_format is not ArnFormat.COLON_RESOURCE_NAME:
        resource, resource_name = rest[0].split("/", 1)
        if len(rest) > 1:
            resource_name += ":" + ":".join(rest[1:])
        detected = ArnFormat.SLASH_RESOURCE_NAME
    else:
        resource = rest[0]
        if len(rest) > 1:
            resource_name = ":".join(rest[1:])
            detected = ArnFormat.COLON_RESOURCE_NAME
        elif "/" in rest[0]:
            resource, resource_name = rest[0].split("/", 1)
            detected = ArnFormat.SLASH_RESOURCE_NAME
        else:
            detected = ArnFormat.NO_RESOURCE_NAME if arn_format is not ArnFormat.COLON_RESOURCE_NAME else arn_format
    return ArnComponents(service=service, resource=resource, resource_name=resource_name, partition=partition,
                         region=region, account=account, arn_format=detected)


def _split_token(arn: str, arn_format: ArnFormat) -> ArnComponents:
    parts = Fn.split(":", arn)
    partition, service, region, account = (Fn.select(i, parts) for i in (1, 2, 3, 4))
    resource_part = Fn.select(5, parts)
    if arn_format is ArnFormat.NO_RESOURCE_NAME:
        resource, resource_name = resource_part, None
    elif arn_format is ArnFormat.COLON_RESOURCE_NAME:
        resource, resource_name = resource_part, Fn.select(6, parts)
    else:
        index = 1 if arn_format is ArnFormat.SLASH_RESOURCE_SLASH_RESOURCE_NAME else 0
        pieces = Fn.split("/", resource_part)
        resource, resource_name = Fn.select(index, pieces), Fn.select(index + 1, pieces)
    return ArnComponents(service=service, resource=resource, resource_name=resource_name, partition=partition,
                         region=region, account=account, arn_format=arn_format)
