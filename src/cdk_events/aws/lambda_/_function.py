"""`Function`: a Lambda function, its role, log group, dead-letter queue, asynchronous invocation
config and current version, and function imports."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, cast

from cdk_events.core import (
    Annotations,
    ArnComponents,
    ArnFormat,
    Construct,
    Duration,
    FeatureFlags,
    Lazy,
    Stack,
    Token,
    ValidationError,
)

from ...core._errors import construct_error
from ...core._prop_checks import check_bool, check_duration, check_enum, check_instance, check_number, check_str
from ...core._struct import to_struct
from .. import iam
from ._cfn_generated import CfnFunction
from ._code import Code
from ._function_base import FunctionBase, IFunction, warn_invoke_function_permissions
from ._runtime import Architecture, Runtime
from ._runtime_lifecycle import runtime_finding

if TYPE_CHECKING:
    # (loaded on first use, below: versions, aliases, layers, destinations and the logging and tracing
    # options are rarely used, and each module costs every app with a function its import)
    from ..logs import ILogGroup
    from ..sns import ITopic
    from ..sqs import IQueue
    from ._destination import IDestination
    from ._layer_version import ILayerVersion
    from ._options import ApplicationLogLevel, LoggingFormat, RecursiveLoop, SystemLogLevel, Tracing
    from ._version import Alias, Version, VersionOptions

USE_CDK_MANAGED_LOG_GROUP = "@aws-cdk/aws-lambda:useCdkManagedLogGroup"
VALIDATE_TEMPLATES = "@aws-cdk/core:validateAgainstDefaultRules"
_FUNCTION_NAME = r"^[a-zA-Z0-9-_]+$"  # (compiled on first use, by `re`: few functions are named)
_RESERVED_ENVIRONMENT = frozenset({
    "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
    "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
    "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
    "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
    "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
})


class Function(FunctionBase):
    """A Lambda function (mirrors `aws_cdk.aws_lambda.Function`).

    Defaults: a CloudFormation-generated name; a new execution role (child `ServiceRole`,
    `lambda.amazonaws.com`, managed policy `service-role/AWSLambdaBasicExecutionRole`); the Lambda
    defaults for timeout (3 s), memory (128 MB), ephemeral storage (512 MB), architecture (x86_64),
    logging (Text) and tracing (none rendered); no environment, no dead-letter queue, no reserved
    concurrency, no EventInvokeConfig. With `@aws-cdk/aws-lambda:useCdkManagedLogGroup` (on in new
    projects) a child `LogGroup` named `/aws/lambda/<function name>` (two years, RETAIN) is created
    unless `log_group` is given. `log_retention` is refused: it needs the CDK's bundled custom
    resource; give `log_group=logs.LogGroup(..., retention=...)` instead.
    """

    _VER_PROPS: ClassVar[dict[str, bool]] = {}

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
        ephemeral_storage_size: Any = None,
        environment: Mapping[str, str] | None = None,
        initial_policy: Sequence[iam.PolicyStatement] | None = None,
        dead_letter_queue: IQueue | None = None,
        dead_letter_queue_enabled: bool | None = None,
        dead_letter_topic: ITopic | None = None,
        reserved_concurrent_executions: int | None = None,
        architecture: Architecture | None = None,
        tracing: Tracing | None = None,
        log_group: ILogGroup | None = None,
        log_retention: Any = None,
        logging_format: LoggingFormat | None = None,
        log_format: str | None = None,
        application_log_level_v2: ApplicationLogLevel | None = None,
        application_log_level: str | None = None,
        system_log_level_v2: SystemLogLevel | None = None,
        system_log_level: str | None = None,
        recursive_loop: RecursiveLoop | None = None,
        current_version_options: VersionOptions | Mapping[str, Any] | None = None,
        on_failure: IDestination | None = None,
        on_success: IDestination | None = None,
        max_event_age: Duration | None = None,
        retry_attempts: int | None = None,
        layers: Sequence[ILayerVersion] | None = None,
    ):
        super().__init__(scope, id, physical_name=function_name)
        self._check_props(runtime, handler, code, function_name, description, timeout, memory_size, environment,
                          reserved_concurrent_executions, architecture, log_retention, log_group)
        if tracing is not None or recursive_loop is not None:
            # lazy on purpose: the options module loads only for a function that sets one
            from ._options import RecursiveLoop, Tracing

            check_enum(self, "tracing", tracing, Tracing)
            check_enum(self, "recursive_loop", recursive_loop, RecursiveLoop)
        check_bool(self, "dead_letter_queue_enabled", dead_letter_queue_enabled)
        check_number(self, "retry_attempts", retry_attempts)
        check_duration(self, "max_event_age", max_event_age)
        self._current_version_options: VersionOptions | None = None
        if current_version_options is not None:
            # lazy on purpose: versions load only for a function that uses them
            from ._version import VersionOptions

            self._current_version_options = to_struct(VersionOptions, current_version_options,
                                                      prop="current_version_options", scope=self)
            check_instance(self, "current_version_options", self._current_version_options, VersionOptions,
                           "a lambda_.VersionOptions or a dict of its fields")
        self._current_version: Version | None = None
        self._hash_mixins: list[str] = []
        # layers (`layers=` / `add_layers`) append here; the template and the version hash read it
        self._layers: list[Any] = []
        self._role = role if role is not None else iam.Role(
            self, "ServiceRole", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
            managed_policies=[iam.ManagedPolicy.from_aws_managed_policy_name(
                "service-role/AWSLambdaBasicExecutionRole")])
        self._grant_principal = cast(iam.IPrincipal, self._role)
        for statement in initial_policy or ():
            self._role.add_to_principal_policy(statement)
        code_config = code.bind(self)
        code_properties = self._code_properties(code_config, runtime)
        self._environment: dict[str, str] = {}
        for key, value in (environment or {}).items():
            self.add_environment(key, value)
        self.dead_letter_queue: IQueue | None = None
        self.dead_letter_topic: ITopic | None = None
        dlq = self._dead_letter_queue(dead_letter_queue, dead_letter_queue_enabled, dead_letter_topic)
        if ephemeral_storage_size is not None and not callable(getattr(ephemeral_storage_size, "to_mebibytes", None)):
            raise construct_error(self, f"'ephemeral_storage_size' must be a Size (Size.mebibytes(1024)), "
                                        f"got {ephemeral_storage_size!r}")
        storage = ephemeral_storage_size.to_mebibytes() if ephemeral_storage_size is not None else None
        if storage is not None and not Token.is_unresolved(storage) and not 512 <= storage <= 10240:
            raise construct_error(self, f"Ephemeral storage size must be between 512 and 10240 MB, received "
                                        f"{storage} MB.")
        self._resource = CfnFunction(
            self, "Resource",
            function_name=self.physical_name,
            description=description,
            code=code_properties,
            layers=cast(list[str], Lazy.uncached_any(self._render_layers)),
            handler=handler,
            timeout=timeout.to_seconds() if timeout is not None else None,
            runtime=runtime.name if runtime is not Runtime.FROM_IMAGE else None,
            package_type="Image" if runtime is Runtime.FROM_IMAGE else None,
            role=self._role.role_arn,
            environment=Lazy.uncached_any(self._render_environment),
            memory_size=memory_size,
            ephemeral_storage={"Size": storage} if storage is not None else None,
            dead_letter_config=dlq,
            reserved_concurrent_executions=reserved_concurrent_executions,
            architectures=[architecture.name] if architecture is not None else None,
            logging_config=self._logging_config(log_group, logging_format, log_format, application_log_level_v2,
                                                application_log_level, system_log_level_v2, system_log_level),
            recursive_loop=recursive_loop.value if recursive_loop is not None else None,
        )
        if tracing is not None and tracing.value != "Disabled":  # (Tracing.DISABLED renders nothing)
            self.add_to_role_policy(iam.PolicyStatement(
                actions=["xray:PutTraceSegments", "xray:PutTelemetryRecords"], resources=["*"]))
            self._resource.tracing_config = {"Mode": tracing.value}
        self._resource.node.add_dependency(cast(Construct, self._role))
        self.runtime = runtime
        self.timeout = timeout
        self.architecture = architecture or Architecture.X86_64
        self.function_name = self._get_resource_name_attribute(self._resource.ref)
        self.function_arn = self._get_resource_arn_attribute(self._resource.attr_arn, ArnComponents(
            service="lambda", resource="function", resource_name=self.physical_name,
            arn_format=ArnFormat.COLON_RESOURCE_NAME))
        self._log_group = log_group
        if log_group is None and FeatureFlags.of(self).is_enabled(USE_CDK_MANAGED_LOG_GROUP):
            from ..logs import LogGroup

            self._log_group = LogGroup(self, "LogGroup", log_group_name=f"/aws/lambda/{self.function_name}")
        bind_to_resource = getattr(code, "bind_to_resource", None)
        if callable(bind_to_resource):
            bind_to_resource(self._resource)
        if on_failure is not None or on_success is not None or max_event_age is not None or retry_attempts is not None:
            self.configure_async_invoke(on_failure=on_failure, on_success=on_success, max_event_age=max_event_age,
                                        retry_attempts=retry_attempts)
        self._check_runtime_lifecycle(runtime)
        if layers is not None:
            self.add_layers(*layers)

    # --- properties ------------------------------------------------------------------------
    @property
    def log_group(self) -> ILogGroup | None:
        """The function's log group (the CDK-managed one, or `log_group`)."""
        return self._log_group

    @property
    def current_version(self) -> Version:
        """The version of the current configuration (child `CurrentVersion`, created on first use with
        `current_version_options`); its logical id ends in the hash of the configuration, so a change
        of code or configuration creates a new version."""
        if self._current_version is not None:
            return self._current_version
        if self.__dict__.get("_warn_if_current_version_called"):
            warn_invoke_function_permissions(self)
        options = self._current_version_options
        fields = ({name: getattr(options, name) for name in ("code_sha256", "description",
                                                             "provisioned_concurrent_executions", "removal_policy",
                                                             "max_event_age", "on_failure", "on_success",
                                                             "retry_attempts")}
                  if options is not None else {})
        # lazy on purpose: versions and the version hash load only for a function that uses them
        from ._function_hash import calculate_function_hash, trim_from_start
        from ._version import Version

        version = Version(self, "CurrentVersion", lambda_=self, **fields)
        self._current_version = version
        resource = version._resource
        original = trim_from_start(Stack.of(self).allocate_logical_id(resource), 255 - 32)
        resource._logical_id_producer = lambda: original + calculate_function_hash(self, "".join(self._hash_mixins))
        return version

    @property
    def resource_arns_for_grant_invoke(self) -> list[str]:
        """The ARNs `grant_invoke` grants on: the function and its versions and aliases."""
        return [self.function_arn, f"{self.function_arn}:*"]

    @staticmethod
    def classify_version_property(property_name: str, locked: bool) -> None:
        """Say whether a CloudFormation property of `AWS::Lambda::Function` not known to this version
        needs a new version when it changes (`locked`)."""
        Function._VER_PROPS[property_name] = locked

    def _version_props(self) -> dict[str, bool]:
        return dict(Function._VER_PROPS)

    # --- methods ---------------------------------------------------------------------------
    def add_environment(self, key: str, value: str, *, remove_in_edge: bool | None = None) -> Function:
        """Set an environment variable (reserved Lambda names are refused)."""
        if not isinstance(key, str) or not isinstance(value, str):
            raise construct_error(self, f"environment variables must be strings, got {key!r}: {value!r}")
        if key in _RESERVED_ENVIRONMENT:
            raise construct_error(
                self, f"{key} environment variable is reserved by the lambda runtime and can not be set manually. "
                      "See https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html")
        self._environment[key] = value
        return self

    def invalidate_version_based_on(self, x: str) -> None:
        """Mix `x` into the hash of `current_version` (a value the CDK cannot see changing)."""
        if Token.is_unresolved(x):
            raise construct_error(self, "invalidateVersionOn: input may not contain unresolved tokens")
        self._hash_mixins.append(x)

    def add_alias(self, alias_name: str, **options: Any) -> Alias:
        """An alias `alias_name` of `current_version` (child `Alias<alias_name>`)."""
        # lazy on purpose: aliases load only for a function that uses them
        from ._version import Alias

        return Alias(self, f"Alias{alias_name}", alias_name=alias_name, version=self.current_version, **options)

    # --- rendering -------------------------------------------------------------------------
    def _render_environment(self) -> dict[str, Any] | None:
        if not self._environment:
            return None
        keys = sorted(self._environment) if self._current_version is not None else list(self._environment)
        return {"Variables": {key: self._environment[key] for key in keys}}

    def add_layers(self, *layers: ILayerVersion) -> None:
        """Add layers (at most five in all); each must be compatible with the function's runtime."""
        # lazy on purpose: layers load only for a function that has some
        from ._layer_version import add_layers

        add_layers(self, layers)

    def _render_layers(self) -> list[str] | None:
        if not self._layers:
            return None
        # lazy on purpose: layers load only for a function that has some
        from ._layer_version import render_layers

        return render_layers(self)

    def _code_properties(self, config: Any, runtime: Runtime) -> dict[str, Any]:
        s3 = getattr(config, "s3_location", None)
        inline = getattr(config, "inline_code", None)
        image = getattr(config, "image", None)
        if sum(x is not None for x in (s3, inline, image)) != 1:
            raise construct_error(self, 'lambda.Code must specify exactly one of: "inlineCode", "s3Location", or '
                                        '"image"')
        if inline is not None and not runtime.supports_inline_code:
            raise construct_error(self, f"Inline source not allowed for {runtime.name}")
        return {
            "S3Bucket": getattr(s3, "bucket_name", None),
            "S3Key": getattr(s3, "object_key", None),
            "S3ObjectVersion": getattr(s3, "object_version", None),
            "ZipFile": inline,
            "ImageUri": getattr(image, "image_uri", None),
            "SourceKMSKeyArn": getattr(config, "source_kms_key_arn", None),
        }

    def _logging_config(self, log_group: Any, logging_format: LoggingFormat | None, log_format: str | None,
                        app_level_v2: ApplicationLogLevel | None, app_level: str | None,
                        system_level_v2: SystemLogLevel | None, system_level: str | None) -> dict[str, Any] | None:
        if logging_format is not None or app_level_v2 is not None or system_level_v2 is not None:
            # lazy on purpose: the options module loads only for a function that sets one
            from ._options import ApplicationLogLevel, LoggingFormat, SystemLogLevel

            check_enum(self, "logging_format", logging_format, LoggingFormat)
            check_enum(self, "application_log_level_v2", app_level_v2, ApplicationLogLevel)
            check_enum(self, "system_log_level_v2", system_level_v2, SystemLogLevel)
        for prop, value in (("log_format", log_format), ("application_log_level", app_level),
                            ("system_log_level", system_level)):
            check_str(self, prop, value)
        if log_format and logging_format:
            raise construct_error(self, "Only define LogFormat or LoggingFormat, not both.")
        if app_level and app_level_v2:
            raise construct_error(self, "Only define applicationLogLevel or applicationLogLevelV2, not both.")
        if system_level and system_level_v2:
            raise construct_error(self, "Only define systemLogLevel or systemLogLevelV2, not both.")
        if app_level or app_level_v2 or system_level or system_level_v2:
            if log_format != "JSON" and logging_format is None:
                raise construct_error(self, "To use ApplicationLogLevel and/or SystemLogLevel you must set LogFormat "
                                            f"to 'JSON', got '{log_format if log_format else 'undefined'}'.")
            if (logging_format is None or logging_format.value != "JSON") and log_format is None:
                got = cast(LoggingFormat, logging_format).value
                raise construct_error(self, "To use ApplicationLogLevel and/or SystemLogLevel you must set "
                                            f"LoggingFormat to 'JSON', got '{got}'.")
        if not (log_format or log_group is not None or logging_format):
            return None
        return {
            "ApplicationLogLevel": app_level or (app_level_v2.value if app_level_v2 is not None else None),
            "LogFormat": log_format or (logging_format.value if logging_format is not None else None),
            "LogGroup": log_group.log_group_name if log_group is not None else None,
            "SystemLogLevel": system_level or (system_level_v2.value if system_level_v2 is not None else None),
        }

    # --- checks ----------------------------------------------------------------------------
    def _check_props(self, runtime: Any, handler: Any, code: Any, function_name: Any, description: Any,
                     timeout: Any, memory_size: Any, environment: Any, reserved: Any, architecture: Any,
                     log_retention: Any, log_group: Any) -> None:
        if not isinstance(runtime, Runtime):
            raise construct_error(
                self, f"'runtime' must be a lambda_.Runtime (e.g. Runtime.PYTHON_3_12), got {runtime!r}")
        if not isinstance(handler, str) or not handler:
            raise construct_error(
                self, f"'handler' must be a non-empty string such as 'index.handler', got {handler!r}")
        if not isinstance(code, Code):
            raise construct_error(self, f"'code' must be a lambda_.Code (Code.from_inline(source), "
                                        f"Code.from_asset(path), ...), got {code!r}")
        check_str(self, "function_name", function_name)
        check_str(self, "description", description)
        check_duration(self, "timeout", timeout)
        check_number(self, "memory_size", memory_size)
        check_number(self, "reserved_concurrent_executions", reserved)
        check_instance(self, "architecture", architecture, Architecture, "a lambda_.Architecture")
        if log_group is not None and not hasattr(log_group, "log_group_name"):
            raise construct_error(self, f"'log_group' must be a logs.ILogGroup, got {log_group!r}")
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
            if not re.match(_FUNCTION_NAME, function_name):
                raise construct_error(self, f"Function name {function_name} can contain only letters, numbers, "
                                            "hyphens, or underscores with no spaces.")
        if description and not Token.is_unresolved(description) and len(description) > 256:
            raise construct_error(self, f"Function description can not be longer than 256 characters but has "
                                        f"{len(description)} characters.")
        if timeout is not None and not timeout.is_unresolved() and not 1 <= timeout.to_seconds(integral=False) <= 900:
            raise construct_error(self, f"'timeout' must be between 1 and 900 seconds, got {timeout.to_human_string()}")
        if memory_size is not None and not Token.is_unresolved(memory_size) and not 128 <= memory_size <= 10240:
            raise construct_error(self, f"'memory_size' must be between 128 and 10240 MB, got {memory_size}")

    def _check_runtime_lifecycle(self, runtime: Runtime) -> None:
        finding = runtime_finding(runtime.name)
        if finding is None:
            return
        level, message = finding
        if level == "warning":
            Annotations.of(self).add_warning_v2("@aws-cdk/aws-lambda:runtimeDeprecated", message)
            return
        resource = self._resource

        def check(_template: dict[str, Any]) -> list[str]:
            # the CDK's "CloudFormation Validate" step rejects it when @aws-cdk/core:validateAgainstDefaultRules is on
            if not FeatureFlags.of(resource).is_enabled(VALIDATE_TEMPLATES):
                return []
            return [f"{message} (CloudFormation Validate)"]

        Stack.of(self).add_template_validation(resource, check)
        Annotations.of(self).add_warning_v2("@aws-cdk/aws-lambda:runtimeDeprecated", message)

    def _dead_letter_queue(self, queue: Any, enabled: bool | None, topic: Any) -> dict[str, str] | None:
        if queue is None and not enabled and topic is None:
            return None
        if queue is not None and enabled is False:
            raise construct_error(self, "deadLetterQueue defined but deadLetterQueueEnabled explicitly set to false")
        if topic is not None and (queue is not None or enabled is not None):
            raise construct_error(
                self, "deadLetterQueue and deadLetterTopic cannot be specified together at the same time")
        if topic is not None:
            if not hasattr(topic, "topic_arn"):
                raise construct_error(self, f"'dead_letter_topic' must be an sns.ITopic, got {topic!r}")
            self.add_to_role_policy(iam.PolicyStatement(actions=["sns:Publish"], resources=[topic.topic_arn]))
            self.dead_letter_topic = topic
            return {"TargetArn": topic.topic_arn}
        if queue is None:
            from ..sqs import Queue

            queue = Queue(self, "DeadLetterQueue", retention_period=Duration.days(14))
        elif not hasattr(queue, "queue_arn"):
            raise construct_error(self, f"'dead_letter_queue' must be an sqs.IQueue, got {queue!r}")
        self.add_to_role_policy(iam.PolicyStatement(actions=["sqs:SendMessage"], resources=[queue.queue_arn]))
        self.dead_letter_queue = queue
        return {"TargetArn": queue.queue_arn}

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
        # lazy on purpose: imports load only for an app that imports a function
        from ._function_import import _ImportedFunction

        return _ImportedFunction(scope, id, function_arn=function_arn, role=role, same_environment=same_environment,
                                 skip_permissions=bool(skip_permissions), architecture=architecture)
