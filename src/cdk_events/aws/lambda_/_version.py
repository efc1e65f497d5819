"""`Version` and `Alias`: published versions of a function and names pointing at them."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

import attrs

from cdk_events.core import ArnComponents, ArnFormat, Construct, Duration, Fn, RemovalPolicy, Stack, Token

from ...core._errors import construct_error
from ...core._prop_checks import check_duration, check_enum, check_number, check_str
from ...core._struct import camel_case_keys
from ...core._struct_methods import struct_methods
from ._cfn_generated import CfnAlias, CfnVersion
from ._destination import IDestination
from ._function_base import FunctionBase, IFunction
from ._function_import import _ImportedFunction

DO_NOT_REFACTOR = "aws:cdk:do-not-refactor"


@runtime_checkable
class IVersion(IFunction, Protocol):
    """A version of a function (mirrors `aws_cdk.aws_lambda.IVersion`)."""

    @property
    def version(self) -> str: ...

    @property
    def lambda_(self) -> IFunction: ...


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class VersionOptions:
    """Options of a version (also `Function(current_version_options=...)`, a dict of these fields).

    Defaults: no code hash check, no description (the function's), no provisioned concurrency,
    removal policy DESTROY (nothing rendered), no EventInvokeConfig.
    """

    code_sha256: str | None = None
    description: str | None = None
    provisioned_concurrent_executions: int | None = None
    removal_policy: RemovalPolicy | None = None
    max_event_age: Duration | None = None
    on_failure: IDestination | None = None
    on_success: IDestination | None = None
    retry_attempts: int | None = None


class QualifiedFunctionBase(FunctionBase):
    """What versions and aliases share: the underlying function (`lambda_`) and a qualifier."""

    lambda_: IFunction
    qualifier: str

    def _init_qualified(self, lambda_: IFunction) -> None:
        self.lambda_ = lambda_
        self.architecture = getattr(lambda_, "architecture", self.architecture)
        self._role = lambda_.role
        self._grant_principal = lambda_.grant_principal

    @property
    def latest_version(self) -> FunctionBase:
        """The `$LATEST` version of the underlying function."""
        latest: FunctionBase = self.lambda_.latest_version  # type: ignore[attr-defined]
        return latest

    @property
    def resource_arns_for_grant_invoke(self) -> list[str]:
        """Only this version's (or alias's) ARN."""
        return [self.function_arn]

    def _async_invoke_subject(self) -> str:
        return "qualified function"

    def _consider_warning_on_invoke_permission(self, scope: Construct, action: str) -> None:
        return None

    def _async_invoke_function(self) -> IFunction:
        return self.lambda_

    def _async_invoke_qualifier(self) -> str | None:
        return self.qualifier


class _VersionResource(CfnVersion):
    """`AWS::Lambda::Version` whose logical id may be produced at synthesis (`current_version`: the
    allocated id followed by the hash of the function's configuration)."""

    _logical_id_producer: Callable[[], str] | None = None

    def resolved_logical_id(self) -> str:
        if self._logical_id_producer is not None and self._logical_id_override is None:
            return self._logical_id_producer()
        return super().resolved_logical_id()


class Version(QualifiedFunctionBase):
    """A version of a function (mirrors `aws_cdk.aws_lambda.Version`). Prefer `fn.current_version`,
    which gets a new logical id whenever the function changes.

    Defaults: see `VersionOptions`.
    """

    def __init__(self, scope: Construct, id: str, *, lambda_: IFunction, code_sha256: str | None = None,
                 description: str | None = None, provisioned_concurrent_executions: int | None = None,
                 removal_policy: RemovalPolicy | None = None, max_event_age: Duration | None = None,
                 on_failure: IDestination | None = None, on_success: IDestination | None = None,
                 retry_attempts: int | None = None):
        super().__init__(scope, id)
        if not isinstance(lambda_, IFunction):
            raise construct_error(self, f"'lambda_' must be a lambda_.IFunction, got {lambda_!r}")
        check_str(self, "code_sha256", code_sha256)
        check_str(self, "description", description)
        check_number(self, "provisioned_concurrent_executions", provisioned_concurrent_executions)
        check_enum(self, "removal_policy", removal_policy, RemovalPolicy)
        check_duration(self, "max_event_age", max_event_age)
        self._init_qualified(lambda_)
        provisioned = None
        if provisioned_concurrent_executions:
            if provisioned_concurrent_executions <= 0:
                raise construct_error(self, "provisionedConcurrentExecutions must have value greater than or equal "
                                            "to 1")
            provisioned = {"ProvisionedConcurrentExecutions": provisioned_concurrent_executions}
        self._resource = _VersionResource(self, "Resource", code_sha256=code_sha256, description=description,
                                          function_name=lambda_.function_name,
                                          provisioned_concurrency_config=provisioned)
        self._resource.add_metadata(DO_NOT_REFACTOR, True)
        if removal_policy is not None:
            self._resource.apply_removal_policy(removal_policy, default=RemovalPolicy.DESTROY)
        self.version: str = self._resource.attr_version
        self.function_arn = self._resource.ref
        self.function_name = f"{lambda_.function_name}:{self.version}"
        self.qualifier = self.version
        if on_failure is not None or on_success is not None or max_event_age is not None or retry_attempts is not None:
            self.configure_async_invoke(on_failure=on_failure, on_success=on_success, max_event_age=max_event_age,
                                        retry_attempts=retry_attempts)

    @property
    def edge_arn(self) -> str:
        """The ARN of this version for Lambda@Edge."""
        return self.function_arn

    def add_alias(self, alias_name: str, **options: Any) -> Alias:
        """An alias of this version (deprecated in the CDK: prefer `Alias(...)` or `fn.add_alias`)."""
        return Alias(self, f"Alias{alias_name}", alias_name=alias_name, version=self, **options)

    @staticmethod
    def from_version_arn(scope: Construct, id: str, version_arn: str) -> IVersion:
        """A version defined elsewhere, by its ARN (`...:function:<name>:<version>`)."""
        version = extract_qualifier_from_arn(version_arn)
        function_arn = extract_lambda_function_arn(version_arn)
        lambda_ = _ImportedFunction(scope, f"{id}Function", function_arn=function_arn, role=None,
                                    same_environment=None, skip_permissions=False, architecture=None)
        return _ImportedVersion(scope, id, lambda_, version, version_arn)

    @staticmethod
    def from_version_attributes(scope: Construct, id: str, *, version: str, lambda_: IFunction) -> IVersion:
        """A version `version` of `lambda_`."""
        return _ImportedVersion(scope, id, lambda_, version, f"{lambda_.function_arn}:{version}")


class _ImportedVersion(QualifiedFunctionBase):
    def __init__(self, scope: Construct, id: str, lambda_: IFunction, version: str, arn: str):
        super().__init__(scope, id)
        self._init_qualified(lambda_)
        self.version = version
        self.qualifier = version
        self.function_arn = arn
        self.function_name = f"{lambda_.function_name}:{version}"
        self._can_create_permissions = self._is_stack_account()


def extract_qualifier_from_arn(arn: str) -> str:
    """The qualifier (version or alias) of a qualified function ARN: `Fn::Select [7, Fn::Split [":", arn]]`."""
    return Fn.select(7, Fn.split(":", arn))


def extract_lambda_function_arn(arn: str) -> str:
    """The unqualified function ARN of a qualified function ARN."""
    if not Token.is_unresolved(arn):
        return ":".join(arn.split(":")[:7])
    return Fn.join(":", [Fn.select(i, Fn.split(":", arn)) for i in range(7)])


@runtime_checkable
class IAlias(IFunction, Protocol):
    """An alias of a function (mirrors `aws_cdk.aws_lambda.IAlias`)."""

    @property
    def alias_name(self) -> str: ...

    @property
    def version(self) -> IVersion: ...


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class VersionWeight:
    """A version and the share of traffic (0..1) an alias routes to it."""

    version: IVersion
    weight: float


class Alias(QualifiedFunctionBase):
    """An alias of a function version (mirrors `aws_cdk.aws_lambda.Alias`).

    Defaults: no description, no additional versions (all traffic to `version`), no provisioned
    concurrency, no EventInvokeConfig.
    """

    def __init__(self, scope: Construct, id: str, *, alias_name: str, version: IVersion,
                 description: str | None = None,
                 additional_versions: Sequence[VersionWeight | Mapping[str, Any]] | None = None,
                 provisioned_concurrent_executions: int | None = None, max_event_age: Duration | None = None,
                 on_failure: IDestination | None = None, on_success: IDestination | None = None,
                 retry_attempts: int | None = None):
        super().__init__(scope, id, physical_name=alias_name)
        if not isinstance(alias_name, str) or not alias_name:
            raise construct_error(self, f"'alias_name' must be a non-empty string, got {alias_name!r}")
        if not hasattr(version, "version") or not hasattr(version, "lambda_"):
            raise construct_error(self, f"'version' must be a lambda_.IVersion (fn.current_version, a "
                                        f"lambda_.Version), got {version!r}")
        check_str(self, "description", description)
        check_number(self, "provisioned_concurrent_executions", provisioned_concurrent_executions)
        check_duration(self, "max_event_age", max_event_age)
        self._init_qualified(version.lambda_)
        self.alias_name: str = self.physical_name or alias_name
        self.version = version
        provisioned = None
        if provisioned_concurrent_executions:
            if provisioned_concurrent_executions <= 0:
                raise construct_error(self, "provisionedConcurrentExecutions must have value greater than or equal "
                                            "to 1")
            provisioned = {"ProvisionedConcurrentExecutions": provisioned_concurrent_executions}
        self._resource = CfnAlias(self, "Resource", name=self.alias_name, description=description,
                                  function_name=version.lambda_.function_name, function_version=version.version,
                                  routing_config=self._routing_config(additional_versions),
                                  provisioned_concurrency_config=provisioned)
        self.function_arn = self._get_resource_arn_attribute(self._resource.ref, ArnComponents(
            service="lambda", resource="function", resource_name=f"{self.lambda_.function_name}:{self.alias_name}",
            arn_format=ArnFormat.COLON_RESOURCE_NAME))
        self.qualifier = extract_qualifier_from_arn(self._resource.ref)
        if on_failure is not None or on_success is not None or max_event_age is not None or retry_attempts is not None:
            self.configure_async_invoke(on_failure=on_failure, on_success=on_success, max_event_age=max_event_age,
                                        retry_attempts=retry_attempts)
        name = Stack.of(self).split_arn(self.function_arn, ArnFormat.COLON_RESOURCE_NAME).resource_name
        self.function_name = f"{name}:{self.alias_name}"

    def _routing_config(self, additional: Sequence[VersionWeight | Mapping[str, Any]] | None
                        ) -> dict[str, Any] | None:
        if not additional:
            return None
        weights = [w if isinstance(w, VersionWeight) else VersionWeight(**camel_case_keys(w, VersionWeight))
                   for w in additional]
        total = 0.0
        for weight in weights:
            if not Token.is_unresolved(weight.weight) and not 0 <= weight.weight <= 1:
                raise construct_error(self, f"Additional version weight must be between 0 and 1, got: "
                                            f"{weight.weight}")
            total += weight.weight
        if total > 1:
            raise construct_error(self, f"Sum of additional version weights must not exceed 1, got: {total}")
        return {"AdditionalVersionWeights": [
            {"FunctionVersion": w.version.version, "FunctionWeight": w.weight} for w in weights]}

    @staticmethod
    def from_alias_attributes(scope: Construct, id: str, *, alias_name: str, alias_version: IVersion) -> IAlias:
        """An alias defined elsewhere."""
        return _ImportedAlias(scope, id, alias_name, alias_version)


class _ImportedAlias(QualifiedFunctionBase):
    def __init__(self, scope: Construct, id: str, alias_name: str, version: IVersion):
        super().__init__(scope, id)
        self._init_qualified(version.lambda_)
        self.alias_name = alias_name
        self.version = version
        self.qualifier = alias_name
        self.function_arn = f"{version.lambda_.function_arn}:{alias_name}"
        self.function_name = f"{version.lambda_.function_name}:{alias_name}"
        self._can_create_permissions = self._is_stack_account()
