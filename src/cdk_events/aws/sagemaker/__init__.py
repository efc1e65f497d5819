"""cdk_events.aws.sagemaker: the `aws_cdk.aws_sagemaker` names other modules point at (`IPipeline`; aws-cdk-lib
2.275 ships no construct implementing it)."""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._pipeline import IPipeline

__all__ = ["IPipeline"]

lazy_exports(globals(), {"IPipeline": "._pipeline"})
