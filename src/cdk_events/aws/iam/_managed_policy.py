"""Managed policies: references to AWS-managed and existing customer-managed policies."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from cdk_events.core import ArnComponents, Aws, Construct, Resource, Stack, UnscopedValidationError
from cdk_events.core._arn import format_arn

from ...core._import_only import ImportOnly


@runtime_checkable
class IManagedPolicy(Protocol):
    """A managed policy: it has an ARN."""

    @property
    def managed_policy_arn(self) -> str: ...


class _AwsManagedPolicy:
    def __init__(self, name: str):
        self.managed_policy_arn = format_arn(
            ArnComponents(
                partition=Aws.PARTITION,
                service="iam",
                region="",
                account="aws",
                resource="policy",
                resource_name=name,
            )
        )

    def __repr__(self) -> str:
        return f"ManagedPolicy({self.managed_policy_arn})"


class _ImportedManagedPolicy(Resource):
    def __init__(self, scope: Construct, id: str, arn: str):
        super().__init__(scope, id)
        self.managed_policy_arn = arn


class ManagedPolicy(ImportOnly):
    """Managed policy references (mirrors the static methods of `aws_iam.ManagedPolicy`)."""

    _IMPORT_HINT = "use iam.ManagedPolicy.from_aws_managed_policy_name(...) or from_managed_policy_arn(...)"

    @staticmethod
    def from_aws_managed_policy_name(managed_policy_name: str) -> IManagedPolicy:
        """An AWS-managed policy by name, with its prefix (`service-role/AWSLambdaBasicExecutionRole`);
        its ARN uses the `AWS::Partition` pseudo parameter."""
        if not isinstance(managed_policy_name, str) or not managed_policy_name:
            raise UnscopedValidationError(
                f"ManagedPolicy.from_aws_managed_policy_name: expected a policy name such as "
                f"'service-role/AWSLambdaBasicExecutionRole', got {managed_policy_name!r}"
            )
        return _AwsManagedPolicy(managed_policy_name)

    @staticmethod
    def from_managed_policy_arn(scope: Construct, id: str, managed_policy_arn: str) -> IManagedPolicy:
        """An existing managed policy by ARN."""
        return _ImportedManagedPolicy(scope, id, managed_policy_arn)

    @staticmethod
    def from_managed_policy_name(scope: Construct, id: str, managed_policy_name: str) -> IManagedPolicy:
        """A customer-managed policy of the scope's account, by name."""
        stack = Stack.of(scope)
        arn = stack.format_arn(
            service="iam",
            region="",
            account=stack.account,
            resource="policy",
            resource_name=managed_policy_name,
        )
        return _ImportedManagedPolicy(scope, id, arn)
