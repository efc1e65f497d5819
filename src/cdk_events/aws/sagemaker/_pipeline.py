"""`IPipeline`: a SageMaker pipeline (the protocol; a user class implements it)."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from cdk_events.aws import iam


@runtime_checkable
class IPipeline(Protocol):
    """A SageMaker pipeline (mirrors `aws_sagemaker.IPipeline`): its ARN and name, and the grant of
    `sagemaker:StartPipelineExecution`."""

    @property
    def pipeline_arn(self) -> str: ...

    @property
    def pipeline_name(self) -> str: ...

    def grant_start_pipeline_execution(self, grantee: iam.IGrantable) -> iam.Grant: ...
