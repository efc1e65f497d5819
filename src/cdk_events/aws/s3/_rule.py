"""Lifecycle rules (`LifecycleRule`, `Transition`, `NoncurrentVersionTransition`, `StorageClass`) and
CORS rules (`CorsRule`, `HttpMethods`) of a bucket, and their CloudFormation rendering."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Any, cast

import attrs

from cdk_events.core import Construct, Duration

from ...core._errors import construct_error
from ...core._struct import camel_case_keys, to_struct
from ...core._struct_methods import struct_methods
from ._cfn_generated import CfnBucket


class StorageClass:
    """An S3 storage class for lifecycle transitions (mirrors `aws_cdk.aws_s3.StorageClass`)."""

    DEEP_ARCHIVE: StorageClass
    GLACIER: StorageClass
    GLACIER_INSTANT_RETRIEVAL: StorageClass
    INFREQUENT_ACCESS: StorageClass
    INTELLIGENT_TIERING: StorageClass
    ONE_ZONE_INFREQUENT_ACCESS: StorageClass

    def __init__(self, value: str):
        self.value = value

    def to_string(self) -> str:
        """The CloudFormation name of the storage class."""
        return self.value

    def __repr__(self) -> str:
        return f"StorageClass({self.value!r})"


StorageClass.DEEP_ARCHIVE = StorageClass("DEEP_ARCHIVE")
StorageClass.GLACIER = StorageClass("GLACIER")
StorageClass.GLACIER_INSTANT_RETRIEVAL = StorageClass("GLACIER_IR")
StorageClass.INFREQUENT_ACCESS = StorageClass("STANDARD_IA")
StorageClass.INTELLIGENT_TIERING = StorageClass("INTELLIGENT_TIERING")
StorageClass.ONE_ZONE_INFREQUENT_ACCESS = StorageClass("ONEZONE_IA")


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class Transition:
    """Move current objects to `storage_class` after `transition_after` or on `transition_date`."""

    storage_class: StorageClass
    transition_after: Duration | None = None
    transition_date: datetime.datetime | None = None


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class NoncurrentVersionTransition:
    """Move noncurrent versions to `storage_class` `transition_after` they became noncurrent."""

    storage_class: StorageClass
    transition_after: Duration
    noncurrent_versions_to_retain: int | None = None


def _transition(scope: Construct, value: Any) -> Transition:
    if isinstance(value, Mapping):
        return Transition(**camel_case_keys(value, Transition))
    if not isinstance(value, Transition):
        raise construct_error(scope, f"a lifecycle transition must be an s3.Transition, got {value!r}")
    return value


def _noncurrent_transition(scope: Construct, value: Any) -> NoncurrentVersionTransition:
    if isinstance(value, Mapping):
        return NoncurrentVersionTransition(**camel_case_keys(value, NoncurrentVersionTransition))
    if not isinstance(value, NoncurrentVersionTransition):
        raise construct_error(
            scope, f"a noncurrent version transition must be an s3.NoncurrentVersionTransition, got {value!r}")
    return value


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class LifecycleRule:
    """A lifecycle rule of a bucket (mirrors `aws_cdk.aws_s3.LifecycleRule`); every field is
    optional; the rule is enabled unless `enabled=False`."""

    abort_incomplete_multipart_upload_after: Duration | None = None
    enabled: bool | None = None
    expiration: Duration | None = None
    expiration_date: datetime.datetime | None = None
    expired_object_delete_marker: bool | None = None
    id: str | None = None
    noncurrent_version_expiration: Duration | None = None
    noncurrent_versions_to_retain: int | None = None
    noncurrent_version_transitions: Sequence[NoncurrentVersionTransition] | None = None
    object_size_greater_than: int | None = None
    object_size_less_than: int | None = None
    prefix: str | None = None
    tag_filters: Mapping[str, Any] | None = None
    transitions: Sequence[Transition] | None = None


def lifecycle_rule(scope: Construct, value: Any) -> LifecycleRule:
    """A rule given as a `LifecycleRule`, or as a dict: as an element of a list (camelCase keys, as
    jsii passes it; unknown keys dropped)."""
    if isinstance(value, Mapping):
        return LifecycleRule(**camel_case_keys(value, LifecycleRule))
    if not isinstance(value, LifecycleRule):
        raise construct_error(scope, f"'lifecycle_rules': each rule must be an s3.LifecycleRule, got {value!r}")
    return value


def lifecycle_rule_arg(scope: Construct, value: Any) -> LifecycleRule:
    """A rule given as the argument of `add_lifecycle_rule` (a dict there has snake_case keys)."""
    rule = to_struct(LifecycleRule, value, prop="rule", scope=scope)
    if not isinstance(rule, LifecycleRule):
        raise construct_error(scope, f"add_lifecycle_rule: 'rule' must be an s3.LifecycleRule, got {value!r}")
    return rule


def _days(duration: Duration | None) -> int | float | None:
    return duration.to_days() if duration is not None else None


def _iso(date: datetime.datetime | None) -> str | None:
    """A date as JavaScript's `Date.toISOString()` writes it (UTC, milliseconds, `Z`)."""
    if date is None:
        return None
    if date.tzinfo is not None:
        date = date.astimezone(datetime.UTC).replace(tzinfo=None)
    return date.strftime("%Y-%m-%dT%H:%M:%S.") + f"{date.microsecond // 1000:03d}Z"


def _tag_filters(tag_filters: Mapping[str, Any] | None) -> list[CfnBucket.TagFilterProperty] | None:
    if not tag_filters:
        return None
    return [CfnBucket.TagFilterProperty(key=key, value=value) for key, value in tag_filters.items()]


def render_lifecycle_rule(scope: Construct, rule: LifecycleRule) -> CfnBucket.RuleProperty:
    """The `LifecycleConfiguration.Rules` entry of a rule."""
    if rule.expired_object_delete_marker and (rule.expiration or rule.expiration_date or
                                              _tag_filters(rule.tag_filters)):
        raise construct_error(
            scope, "ExpiredObjectDeleteMarker cannot be specified with expiration, ExpirationDate, or TagFilters.")
    noncurrent = None
    if rule.noncurrent_version_expiration is not None:
        noncurrent = CfnBucket.NoncurrentVersionExpirationProperty(
            noncurrent_days=_days(rule.noncurrent_version_expiration),
            newer_noncurrent_versions=rule.noncurrent_versions_to_retain)
    noncurrent_transitions = None
    if rule.noncurrent_version_transitions:
        noncurrent_transitions = [
            CfnBucket.NoncurrentVersionTransitionProperty(
                storage_class=t.storage_class.value, transition_in_days=_days(t.transition_after),
                newer_noncurrent_versions=t.noncurrent_versions_to_retain)
            for t in (_noncurrent_transition(scope, x) for x in rule.noncurrent_version_transitions)]
    transitions = None
    if rule.transitions:
        transitions = [
            CfnBucket.TransitionProperty(storage_class=t.storage_class.value, transition_date=_iso(t.transition_date),
                                         transition_in_days=_days(t.transition_after))
            for t in (_transition(scope, x) for x in rule.transitions)]
    abort = rule.abort_incomplete_multipart_upload_after
    return CfnBucket.RuleProperty(
        abort_incomplete_multipart_upload=(CfnBucket.AbortIncompleteMultipartUploadProperty(
            days_after_initiation=_days(abort)) if abort is not None else None),
        expiration_date=_iso(rule.expiration_date),
        expiration_in_days=_days(rule.expiration),
        id=rule.id,
        noncurrent_version_expiration=noncurrent,
        noncurrent_version_transitions=noncurrent_transitions,
        prefix=rule.prefix,
        status="Disabled" if rule.enabled is False else "Enabled",
        transitions=transitions,
        expired_object_delete_marker=rule.expired_object_delete_marker,
        tag_filters=_tag_filters(rule.tag_filters),
        # (a number, as the CDK writes it; the registry schema types these as strings)
        object_size_less_than=cast(Any, rule.object_size_less_than),
        object_size_greater_than=cast(Any, rule.object_size_greater_than),
    )


class HttpMethods(Enum):
    """The HTTP methods a CORS rule allows."""

    GET = "GET"
    PUT = "PUT"
    HEAD = "HEAD"
    POST = "POST"
    DELETE = "DELETE"


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class CorsRule:
    """A cross-origin access rule (mirrors `aws_cdk.aws_s3.CorsRule`): `allowed_methods` and
    `allowed_origins` are required; the rest default to none."""

    allowed_methods: Sequence[HttpMethods]
    allowed_origins: Sequence[str]
    allowed_headers: Sequence[str] | None = None
    exposed_headers: Sequence[str] | None = None
    id: str | None = None
    max_age: int | None = None


def cors_rule(scope: Construct, value: Any, *, in_list: bool) -> CorsRule:
    """A CORS rule given as a `CorsRule` or a dict (camelCase keys inside a list, snake_case as an
    argument)."""
    if isinstance(value, Mapping):
        if in_list:
            return CorsRule(**camel_case_keys(value, CorsRule))
        rule = to_struct(CorsRule, value, prop="rule", scope=scope)
        assert rule is not None
        return rule
    if not isinstance(value, CorsRule):
        raise construct_error(scope, f"a CORS rule must be an s3.CorsRule, got {value!r}")
    return value


def render_cors_rule(rule: CorsRule) -> CfnBucket.CorsRuleProperty:
    """The `CorsConfiguration.CorsRules` entry of a rule."""
    return CfnBucket.CorsRuleProperty(
        id=rule.id,
        max_age=rule.max_age,
        allowed_headers=list(rule.allowed_headers) if rule.allowed_headers is not None else None,
        allowed_methods=[m.value if isinstance(m, HttpMethods) else m for m in rule.allowed_methods],
        allowed_origins=list(rule.allowed_origins),
        exposed_headers=list(rule.exposed_headers) if rule.exposed_headers is not None else None,
    )
