"""`Function`: a Lambda function with inline code, its role and log group, and function imports."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

from cdk_events.core import (
    Annotations,
    ArnComponents,
    ArnFormat,
    Construct,
    Duration,
    FeatureFlags,
    Fn,
    Lazy,
    Stack,
    Token,
    ValidationError,
)

from ...core._errors import construct_error
from ...core._prop_checks import check_duration, check_instance, check_number, check_str
from .. import iam
from ._cfn_generated import CfnFunction
from ._code import Code
from ._function_base import FunctionBase, IFunction
from ._runtime import Architecture, Runtime

if TYPE_CHECKING:
    from ..logs import ILogGroup

USE_CDK_MANAGED_LOG_GROUP = "@aws-cdk/aws-lambda:useCdkManagedLogGroup"
_FUNCTION_NAME = re.compile(r"^[a-zA-Z0-9-_]+$")
_RESERVED_ENVIRONMENT = frozenset({
    "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
    "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
    "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
    "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
    "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
})


class Function(FunctionBase):
    """A Lambda function (mirrors `aws_cdk.aws_lambda.Function`), with inline code only.

    Defaults: a CloudFormation-generated name; a new execution role (child `ServiceRole`,
    `lambda.amazonaws.com`, managed policy `service-role/AWSLambdaBasicExecutionRole`); the
    Lambda defaults for timeout (3 s), memory (128 MB) and architecture (x86_64); no environment,
    no dead-letter queue, no reserved concurrency. With `@aws-cdk/aws-lambda:useCdkManagedLogGroup`
    (on in new projects) a child `LogGroup` named `/aws/lambda/<function name>` (two years, RETAIN)
    is created unless `log_group` is given.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        runtime: Runtime,
        handler: str,
        code: Code,
        function_name: str | None = None,
        description: str | None = None,
        role: iam.IRole | None = None,
        timeout: Duration | None = None,
        memory_size: int | None = None,
        environment: Mapping[str, str] | None = None,
        initial_policy: Sequence[iam.PolicyStatement] | None = None,
        dead_letter_queue: Any = None,
        dead_letter_queue_enabled: bool | None = None,
        dead_letter_topic: Any = None,
        reserved_concurrent_executions: int | None = None,
        architecture: Architecture | None = None,
        log_group: ILogGroup | None = None,
        log_retention: Any = None,
    ):
        super().__init__(scope, id, physical_name=function_name)
        self._check_props(runtime, handler, code, function_name, description, timeout, memory_size, environment,
                          reserved_concurrent_executions, architecture, log_retention)
        self.runtime = runtime
        self.timeout = timeout
        self.architecture = architecture or Architecture.X86_64
        self._role = role if role is not None else iam.Role(
            self, "ServiceRole", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
            managed_policies=[iam.ManagedPolicy.from_aws_managed_policy_name(
                "service-role/AWSLambdaBasicExecutionRole")])
        self._grant_principal = cast(iam.IPrincipal, self._role)
        for statement in initial_policy or ():
            self._role.add_to_principal_policy(statement)
        code_config = code.bind(self)
        if not runtime.supports_inline_code:
            raise construct_error(self, f"Inline source not allowed for {runtime.name}")
        self._environment: dict[str, str] = {}
        for key, value in (environment or {}).items():
            self.add_environment(key, value)
        dlq = self._dead_letter_queue(dead_letter_queue, dead_letter_queue_enabled, dead_letter_topic)
        self._resource = CfnFunction(
            self, "Resource",
            function_name=self.physical_name,
            description=description,
            code={"ZipFile": code_config.inline_code},
            handler=handler,
            timeout=timeout.to_seconds() if timeout is not None else None,
            runtime=runtime.name,
            role=self._role.role_arn,
            environment=Lazy.any(self._render_environment),
            memory_size=memory_size,
            dead_letter_config=dlq,
            reserved_concurrent_executions=reserved_concurrent_executions,
            architectures=[architecture.name] if architecture is not None else None,
            logging_config={"LogGroup": log_group.log_group_name} if log_group is not None else None,
        )
        self._resource.node.add_dependency(cast(Construct, self._role))
        self.function_name = self._get_resource_name_attribute(self._resource.ref)
        self.function_arn = self._get_resource_arn_attribute(self._resource.attr_arn, ArnComponents(
            service="lambda", resource="function", resource_name=self.physical_name,
            arn_format=ArnFormat.COLON_RESOURCE_NAME))
        self._log_group = log_group
        if log_group is None and FeatureFlags.of(self).is_enabled(USE_CDK_MANAGED_LOG_GROUP):
            from ..logs import LogGroup

            self._log_group = LogGroup(self, "LogGroup", log_group_name=f"/aws/lambda/{self.function_name}")

    @property
    def log_group(self) -> ILogGroup | None:
        """The function's log group (the CDK-managed one, or `log_group`)."""
        return self._log_group

    # --- props -----------------------------------------------------------------------------
    def _check_props(self, runtime: Any, handler: Any, code: Any, function_name: Any, description: Any,
                     timeout: Any, memory_size: Any, environment: Any, reserved: Any, architecture: Any,
                     log_retention: Any) -> None:
        if not isinstance(runtime, Runtime):
            raise construct_error(
                self, f"'runtime' must be a lambda_.Runtime (e.g. Runtime.PYTHON_3_12), got {runtime!r}")
        if not isinstance(handler, str) or not handler:
            raise construct_error(
                self, f"'handler' must be a non-empty string such as 'index.handler', got {handler!r}")
        if not isinstance(code, Code):
            raise construct_error(self, f"'code' must be a lambda_.Code (Code.from_inline(source)), got {code!r}")
        check_str(self, "function_name", function_name)
        check_str(self, "description", description)
        check_duration(self, "timeout", timeout)
        check_number(self, "memory_size", memory_size)
        check_number(self, "reserved_concurrent_executions", reserved)
        check_instance(self, "architecture", architecture, Architecture, "a lambda_.Architecture")
        if environment is not None and not isinstance(environment, Mapping):
            raise construct_error(self, f"'environment' must be a dict of strings, got {environment!r}")
        if log_retention is not None:
            raise construct_error(
                self, "'log_retention' is not offered by cdk-events (it needs the CDK's bundled custom resource): "
                      "pass log_group=logs.LogGroup(..., retention=...) instead")
        if function_name and not Token.is_unresolved(function_name):
            if len(function_name) > 64:
                raise construct_error(self, f"Function name can not be longer than 64 characters but has "
                                            f"{len(function_name)} characters.")
            if not _FUNCTION_NAME.match(function_name):
                raise construct_error(self, f"Function name {function_name} can contain only letters, numbers, "
                                            "hyphens, or underscores with no spaces.")
        if description and not Token.is_unresolved(description) and len(description) > 256:
            raise construct_error(self, f"Function description can not be longer than 256 characters but has "
                                        f"{len(description)} characters.")
        if timeout is not None and not timeout.is_unresolved() and not 1 <= timeout.to_seconds(integral=False) <= 900:
            raise construct_error(self, f"'timeout' must be between 1 and 900 seconds, got {timeout.to_human_string()}")
        if memory_size is not None and not Token.is_unresolved(memory_size) and not 128 <= memory_size <= 10240:
            raise construct_error(self, f"'memory_size' must be between 128 and 10240 MB, got {memory_size}")

    def _dead_letter_queue(self, queue: Any, enabled: bool | None, topic: Any) -> dict[str, str] | None:
        if queue is None and not enabled and topic is None:
            return None
        if queue is not None and enabled is False:
            raise construct_error(self, "deadLetterQueue defined but deadLetterQueueEnabled explicitly set to false")
        if topic is not None and (queue is not None or enabled is not None):
            raise construct_error(
                self, "deadLetterQueue and deadLetterTopic cannot be specified together at the same time")
        if topic is not None:
            self.add_to_role_policy(iam.PolicyStatement(actions=["sns:Publish"], resources=[topic.topic_arn]))
            self.dead_letter_topic = topic
            return {"TargetArn": topic.topic_arn}
        if queue is None:
            from ..sqs import Queue

            queue = Queue(self, "DeadLetterQueue", retention_period=Duration.days(14))
        self.add_to_role_policy(iam.PolicyStatement(actions=["sqs:SendMessage"], resources=[queue.queue_arn]))
        self.dead_letter_queue = queue
        return {"TargetArn": queue.queue_arn}

    # --- environment -----------------------------------------------------------------------
    def add_environment(self, key: str, value: str) -> Function:
        """Set an environment variable (reserved Lambda names are refused)."""
        if not isinstance(key, str) or not isinstance(value, str):
            raise construct_error(self, f"environment variables must be strings, got {key!r}: {value!r}")
        if key in _RESERVED_ENVIRONMENT:
            raise construct_error(
                self, f"{key} environment variable is reserved by the lambda runtime and can not be set manually. "
                      "See https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html")
        self._environment[key] = value
        return self

    def _render_environment(self) -> dict[str, Any] | None:
        if not self._environment:
            return None
        return {"Variables": dict(self._environment)}

    # --- imports ---------------------------------------------------------------------------
    @staticmethod
    def from_function_arn(scope: Construct, id: str, function_arn: str) -> IFunction:
        """A function defined elsewhere, by ARN; permissions are added only when it is in the
        stack's account."""
        return Function.from_function_attributes(scope, id, function_arn=function_arn)

    @staticmethod
    def from_function_name(scope: Construct, id: str, function_name: str) -> IFunction:
        """A function of this stack's account and region, by name."""
        arn = Stack.of(scope).format_arn(service="lambda", resource="function", resource_name=function_name,
                                         arn_format=ArnFormat.COLON_RESOURCE_NAME)
        return Function.from_function_attributes(scope, id, function_arn=arn, same_environment=True)

    @staticmethod
    def from_function_attributes(scope: Construct, id: str, *, function_arn: str, role: iam.IRole | None = None,
                                 same_environment: bool | None = None, skip_permissions: bool | None = None,
                                 architecture: Architecture | None = None) -> IFunction:
        """A function defined elsewhere. `same_environment` (default: whether the ARN's account is
        the stack's) lets permissions be added; `skip_permissions` (default False) silences the
        warning when they cannot be; `role` is its execution role, if known."""
        if not isinstance(function_arn, str):
            raise ValidationError(f"Function.from_function_attributes ({scope.node.path}/{id}): 'function_arn' "
                                  f"must be a string, got {function_arn!r}")
        return _ImportedFunction(scope, id, function_arn=function_arn, role=role, same_environment=same_environment,
                                 skip_permissions=bool(skip_permissions), architecture=architecture)


class _ImportedFunction(FunctionBase):
    def __init__(self, scope: Construct, id: str, *, function_arn: str, role: iam.IRole | None,
                 same_environment: bool | None, skip_permissions: bool, architecture: Architecture | None):
        super().__init__(scope, id, environment_from_arn=function_arn)
        self.function_arn = function_arn
        self.function_name = Fn.select(6, Fn.split(":", function_arn))
        self.architecture = architecture or Architecture.X86_64
        self._role = role
        self._grant_principal = cast(iam.IPrincipal, role) if role is not None else _UnknownPrincipal(self)
        self._skip_permissions = skip_permissions
        self._can_create_permissions = (same_environment if same_environment is not None
                                        else self._is_stack_account())


class _UnknownPrincipal(iam.PrincipalBase):
    """The principal of a function imported without its role: statements cannot be added, so a
    warning asks to add them to the role by hand."""

    def __init__(self, resource: FunctionBase):
        self._resource = resource

    @property
    def principal_account(self) -> str | None:
        return self._resource.env.account

    @property
    def policy_fragment(self) -> iam.PrincipalPolicyFragment:
        raise construct_error(self._resource, "Cannot get policy fragment of the role of an imported function: "
                                              "the role is unknown")

    def add_to_principal_policy(self, statement: iam.PolicyStatement) -> iam.AddToPrincipalPolicyResult:
        rendered = Stack.of(self._resource).resolve(statement.to_statement_json())
        Annotations.of(self._resource).add_warning_v2(
            "@aws-cdk/aws-iam:unknownPrincipal", f"Add statement to this resource's role: {rendered}")
        return iam.AddToPrincipalPolicyResult(statement_added=True, policy_dependable=self._resource)

    def __str__(self) -> str:
        return f"UnknownPrincipal({self._resource.node.path})"
