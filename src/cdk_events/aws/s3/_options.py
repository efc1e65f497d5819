"""More bucket settings: request metrics (`BucketMetrics`) and the key format of access-log objects
(`TargetObjectKeyFormat`, `PartitionDateSource`)."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any

import attrs

from cdk_events.core import Construct

from ...core._errors import construct_error
from ...core._struct import camel_case_keys, to_struct
from ...core._struct_methods import struct_methods
from ._cfn_generated import CfnBucket


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class BucketMetrics:
    """A CloudWatch request-metrics configuration of a bucket: `id`, and optionally a `prefix` and
    `tag_filters` the objects must match."""

    id: str
    prefix: str | None = None
    tag_filters: Mapping[str, Any] | None = None


def bucket_metrics(scope: Construct, value: Any, *, in_list: bool) -> BucketMetrics:
    """A metrics configuration given as `BucketMetrics` or a dict (camelCase keys inside a list)."""
    if isinstance(value, Mapping):
        if in_list:
            return BucketMetrics(**camel_case_keys(value, BucketMetrics))
        metrics = to_struct(BucketMetrics, value, prop="metric", scope=scope)
        assert metrics is not None
        return metrics
    if not isinstance(value, BucketMetrics):
        raise construct_error(scope, f"a metrics configuration must be an s3.BucketMetrics, got {value!r}")
    return value


def render_metrics(metrics: BucketMetrics) -> CfnBucket.MetricsConfigurationProperty:
    """The `MetricsConfigurations` entry of a metrics configuration."""
    tags = ([CfnBucket.TagFilterProperty(key=k, value=v) for k, v in metrics.tag_filters.items()]
            if metrics.tag_filters else None)
    return CfnBucket.MetricsConfigurationProperty(id=metrics.id, prefix=metrics.prefix, tag_filters=tags)


class PartitionDateSource(Enum):
    """Which date partitions access-log objects: the event's or the delivery's."""

    EVENT_TIME = "EventTime"
    DELIVERY_TIME = "DeliveryTime"


class TargetObjectKeyFormat:
    """The key format of server access-log objects (mirrors `aws_cdk.aws_s3.TargetObjectKeyFormat`)."""

    def __init__(self, rendered: CfnBucket.TargetObjectKeyFormatProperty):
        self._rendered = rendered

    @staticmethod
    def simple_prefix() -> TargetObjectKeyFormat:
        """`[prefix][YYYY]-[MM]-[DD]-[hh]-[mm]-[ss]-[UniqueString]`."""
        return TargetObjectKeyFormat(CfnBucket.TargetObjectKeyFormatProperty(simple_prefix={}))

    @staticmethod
    def partitioned_prefix(date_source: PartitionDateSource | None = None) -> TargetObjectKeyFormat:
        """`[prefix][SourceAccountId]/[SourceRegion]/[SourceBucket]/[YYYY]/[MM]/[DD]/...`, partitioned by
        `date_source` (default: S3's, the event time)."""
        return TargetObjectKeyFormat(CfnBucket.TargetObjectKeyFormatProperty(
            partitioned_prefix=CfnBucket.PartitionedPrefixProperty(
                partition_date_source=date_source.value if date_source is not None else None)))

    def _render(self) -> CfnBucket.TargetObjectKeyFormatProperty:
        return self._rendered
