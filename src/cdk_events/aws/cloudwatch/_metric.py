"""`Metric`: a CloudWatch metric description (namespace, name, dimensions, statistic, period).

A metric writes nothing into a template by itself; it is what alarms and dashboards read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import Enum
from typing import Any

import attrs

from cdk_events.core import Duration, UnscopedValidationError
from cdk_events.core._token_encoding import is_unresolved

from ...core._struct_methods import struct_methods


class Unit(Enum):
    """The unit of a metric (a subset of CloudWatch's units; `NONE` = no unit)."""

    SECONDS = "Seconds"
    MILLISECONDS = "Milliseconds"
    BYTES = "Bytes"
    PERCENT = "Percent"
    COUNT = "Count"
    COUNT_PER_SECOND = "Count/Second"
    NONE = "None"


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class MetricOptions:
    """Options of a metric helper (`metric_xxx(**options)`): each overrides the helper's default."""

    account: str | None = None
    color: str | None = None
    dimensions_map: Mapping[str, str] | None = None
    label: str | None = None
    period: Duration | None = None
    region: str | None = None
    statistic: str | None = None
    unit: Unit | None = None


_SIMPLE_STATISTICS = {
    "sum": "Sum", "average": "Average", "avg": "Average", "minimum": "Minimum", "min": "Minimum",
    "maximum": "Maximum", "max": "Maximum", "samplecount": "SampleCount", "n": "SampleCount",
}  # fmt: skip
_PERCENTILE = re.compile(r"^(p|tm|wm|tc|ts|pr)\d+(\.\d+)?\Z", re.IGNORECASE)


def normalize_statistic(statistic: str) -> str:
    """CloudWatch's spelling of a statistic: `sum` -> `Sum`, `avg` -> `Average`, `P99` -> `p99`; other
    strings (percentile ranges, tokens) unchanged."""
    if is_unresolved(statistic):
        return statistic
    simple = _SIMPLE_STATISTICS.get(statistic.lower())
    if simple is not None:
        return simple
    if _PERCENTILE.match(statistic):
        return statistic.lower()
    return statistic


class Metric:
    """A CloudWatch metric (mirrors `aws_cdk.aws_cloudwatch.Metric`). Defaults: statistic `Average`,
    period 5 minutes, no dimensions."""

    def __init__(self, *, metric_name: str, namespace: str, account: str | None = None, color: str | None = None,
                 dimensions_map: Mapping[str, str] | None = None, label: str | None = None,
                 period: Duration | None = None, region: str | None = None, statistic: str | None = None,
                 unit: Unit | None = None) -> None:
        period = period if period is not None else Duration.minutes(5)
        if not period.is_unresolved():
            seconds = period.to_seconds()
            if seconds not in (1, 5, 10, 30) and seconds % 60 != 0:
                raise UnscopedValidationError(
                    f"'period' must be 1, 5, 10, 30, or a multiple of 60 seconds, received {seconds}")
        if dimensions_map is not None and len(dimensions_map) > 30:
            raise UnscopedValidationError(
                f"The maximum number of dimensions is 30, received {len(dimensions_map)}")
        self.namespace = namespace
        """The metric's namespace, e.g. `AWS/Scheduler`."""
        self.metric_name = metric_name
        """The metric's name."""
        self.dimensions: dict[str, Any] | None = dict(dimensions_map) if dimensions_map is not None else None
        """The dimensions (None when there are none)."""
        self.statistic = normalize_statistic(statistic if statistic is not None else "Average")
        """The statistic, in CloudWatch's spelling (`Sum`, `Average`, `p99`, ...)."""
        self.period = period
        """The aggregation period (default 5 minutes)."""
        self.unit = unit
        """The unit filter (default: none)."""
        self.label = label
        """The label (default: none)."""
        self.color = color
        """The graph color (default: none)."""
        self.account = account
        """The account of the metric (default: the stack's)."""
        self.region = region
        """The region of the metric (default: the stack's)."""

    def with_(self, *, account: str | None = None, color: str | None = None,
              dimensions_map: Mapping[str, str] | None = None, label: str | None = None,
              period: Duration | None = None, region: str | None = None, statistic: str | None = None,
              unit: Unit | None = None) -> Metric:
        """A copy with the given options changed (unchanged when none is given)."""
        return Metric(
            metric_name=self.metric_name, namespace=self.namespace,
            account=account if account is not None else self.account,
            color=color if color is not None else self.color,
            dimensions_map=dimensions_map if dimensions_map is not None else self.dimensions,
            label=label if label is not None else self.label,
            period=period if period is not None else self.period,
            region=region if region is not None else self.region,
            statistic=statistic if statistic is not None else self.statistic,
            unit=unit if unit is not None else self.unit,
        )

    def __repr__(self) -> str:
        return f"Metric({self.namespace}/{self.metric_name}, {self.statistic}, {self.period.to_human_string()})"
