"""cdk_events.aws.cloudwatch: metrics (a minimal `aws_cdk.aws_cloudwatch`: `Metric` and its options)."""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._metric import Metric, MetricOptions, Unit

__all__ = ["Metric", "MetricOptions", "Unit"]

lazy_exports(globals(), {
    "Metric": "._metric",
    "MetricOptions": "._metric",
    "Unit": "._metric",
})
