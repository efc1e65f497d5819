"""`StateMachine`: Step Functions state machines defined in the app or imported by ARN or name, with
their grants."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Protocol, runtime_checkable

from cdk_events.core import (
    Arn,
    ArnComponents,
    ArnFormat,
    Construct,
    Duration,
    Node,
    RemovalPolicy,
    Resource,
    ResourceEnvironment,
    Stack,
    Token,
)

from ...core._errors import construct_error
from ...core._import_checks import require_str, split_import_arn
from ...core._prop_checks import check_bool, check_duration, check_enum, check_str
from ...core._struct import to_struct
from .. import iam
from ._cfn_generated import CfnStateMachine
from ._definition import ChainDefinitionBody, DefinitionBody
from ._state_graph import StateGraph
from ._types import IChainable, LogLevel, LogOptions, QueryLanguage, StateMachineType

_ARN_SHAPE = "arn:<partition>:states:<region>:<account>:stateMachine:<name>"
_NAME = re.compile(r"^[a-z0-9+!@.()\-=_']+\Z", re.IGNORECASE)


@runtime_checkable
class IStateMachine(Protocol):
    """A Step Functions state machine (mirrors `aws_cdk.aws_stepfunctions.IStateMachine`)."""

    @property
    def state_machine_arn(self) -> str: ...

    @property
    def env(self) -> ResourceEnvironment: ...

    @property
    def node(self) -> Node: ...

    def grant_start_execution(self, identity: iam.IGrantable) -> iam.Grant: ...


class StateMachineBase(Resource):
    """What every state machine offers: its ARN and the grants on it."""

    state_machine_arn: str

    def grant(self, identity: iam.IGrantable, *actions: str) -> iam.Grant:
        """Grant `actions` on this state machine to `identity` (in its own policy)."""
        return iam.Grant.add_to_principal(grantee=identity, actions=list(actions),
                                          resource_arns=[self.state_machine_arn])

    def grant_start_execution(self, identity: iam.IGrantable) -> iam.Grant:
        """Grant `states:StartExecution` on this state machine."""
        return self.grant(identity, "states:StartExecution")

    def grant_start_sync_execution(self, identity: iam.IGrantable) -> iam.Grant:
        """Grant `states:StartSyncExecution` on this state machine."""
        return self.grant(identity, "states:StartSyncExecution")

    def grant_task_response(self, identity: iam.IGrantable) -> iam.Grant:
        """Grant `states:SendTaskSuccess`, `SendTaskFailure` and `SendTaskHeartbeat`."""
        return self.grant(identity, "states:SendTaskSuccess", "states:SendTaskFailure", "states:SendTaskHeartbeat")

    def grant_execution(self, identity: iam.IGrantable, *actions: str) -> iam.Grant:
        """Grant `actions` on every execution of this state machine."""
        return iam.Grant.add_to_principal(grantee=identity, actions=list(actions),
                                          resource_arns=[f"{self._execution_arn()}:*"])

    def grant_redrive_execution(self, identity: iam.IGrantable) -> iam.Grant:
        """Grant `states:RedriveExecution` on every execution of this state machine."""
        return self.grant_execution(identity, "states:RedriveExecution")

    def grant_read(self, identity: iam.IGrantable) -> iam.Grant:
        """Grant reading the state machine, its executions and activities."""
        iam.Grant.add_to_principal(grantee=identity, actions=["states:ListExecutions", "states:ListStateMachines"],
                                   resource_arns=[self.state_machine_arn])
        iam.Grant.add_to_principal(
            grantee=identity, resource_arns=[f"{self._execution_arn()}:*"],
            actions=["states:DescribeExecution", "states:DescribeStateMachineForExecution",
                     "states:GetExecutionHistory"])
        return iam.Grant.add_to_principal(
            grantee=identity, resource_arns=["*"],
            actions=["states:ListActivities", "states:DescribeStateMachine", "states:DescribeActivity"])

    def _execution_arn(self) -> str:
        stack = Stack.of(self)
        name = Arn.split(self.state_machine_arn, ArnFormat.COLON_RESOURCE_NAME).resource_name
        return stack.format_arn(resource="execution", service="states", resource_name=name,
                                arn_format=ArnFormat.COLON_RESOURCE_NAME)


class _ImportedStateMachine(StateMachineBase):
    def __init__(self, scope: Construct, id: str, state_machine_arn: str):
        super().__init__(scope, id, environment_from_arn=state_machine_arn)
        self.state_machine_arn = state_machine_arn

    @property
    def state_machine_name(self) -> str:
        """The name (last part of the ARN)."""
        return Stack.of(self).split_arn(self.state_machine_arn, ArnFormat.COLON_RESOURCE_NAME).resource_name or ""


class StateMachine(StateMachineBase):
    """A Step Functions state machine (mirrors `aws_cdk.aws_stepfunctions.StateMachine`).

    `definition_body` (or the deprecated `definition`, a chain) is required. Defaults: a generated
    name; a role assumed by `states.amazonaws.com` (limited to this account's state machines); type
    STANDARD; no timeout, comment, logging or tracing setting; removal policy DESTROY.
    """

    def __init__(self, scope: Construct, id: str, *, definition: IChainable | None = None,
                 definition_body: DefinitionBody | None = None,
                 definition_substitutions: Mapping[str, str] | None = None, state_machine_name: str | None = None,
                 role: iam.IRole | None = None, timeout: Duration | None = None, comment: str | None = None,
                 query_language: QueryLanguage | None = None, state_machine_type: StateMachineType | None = None,
                 logs: LogOptions | Mapping[str, Any] | None = None, tracing_enabled: bool | None = None,
                 removal_policy: RemovalPolicy | None = None, encryption_configuration: Any = None):
        super().__init__(scope, id, physical_name=state_machine_name)
        if definition is not None and definition_body is not None:
            raise construct_error(self, "Cannot specify definition and definitionBody at the same time")
        if definition is None and definition_body is None:
            raise construct_error(self, "You need to specify either definition or definitionBody")
        if definition is not None and not isinstance(definition, IChainable):
            raise construct_error(self, f"'definition' must be a state or a chain (sfn.IChainable), got {definition!r}")
        if definition_body is not None and not isinstance(definition_body, DefinitionBody):
            raise construct_error(self, "'definition_body' must be a sfn.DefinitionBody (DefinitionBody.from_string, "
                                        f"from_file or from_chainable), got {definition_body!r}")
        check_str(self, "state_machine_name", state_machine_name)
        check_str(self, "comment", comment)
        check_duration(self, "timeout", timeout)
        check_bool(self, "tracing_enabled", tracing_enabled)
        check_enum(self, "state_machine_type", state_machine_type, StateMachineType)
        check_enum(self, "query_language", query_language, QueryLanguage)
        check_enum(self, "removal_policy", removal_policy, RemovalPolicy)
        if role is not None and not (hasattr(role, "role_arn") and hasattr(role, "add_to_principal_policy")):
            raise construct_error(self, f"'role' must be an IAM role (iam.Role(...) or iam.Role.from_role_arn(...)), "
                                        f"got {role!r}")
        if encryption_configuration is not None:
            raise construct_error(self, "'encryption_configuration' is not supported by cdk-events yet")
        log_options = self._log_options(logs)
        if state_machine_name is not None:
            self._validate_name(state_machine_name)

        self.role: iam.IRole = role if role is not None else iam.Role(self, "Role", assumed_by=self._principal())
        body = definition_body if definition_body is not None else DefinitionBody.from_chainable(definition)  # type: ignore[arg-type]
        self.state_machine_type = state_machine_type or StateMachineType.STANDARD

        graph: StateGraph | None = None
        if isinstance(body, ChainDefinitionBody):
            graph = StateGraph(body.chainable.start_state, "State Machine definition")
            graph.timeout = timeout
            for statement in graph.policy_statements:
                self.add_to_role_policy(statement)

        logging = self._logging_configuration(log_options) if log_options is not None else None
        tracing = self._tracing_configuration(tracing_enabled)
        definition_props = body.bind(self, self.role.grant_principal, {"comment": comment,
                                                                        "query_language": query_language}, graph)
        resource = CfnStateMachine(
            self, "Resource",
            state_machine_name=self.physical_name,
            state_machine_type=state_machine_type.value if state_machine_type is not None else None,
            role_arn=self.role.role_arn,
            logging_configuration=logging,
            tracing_configuration=tracing,
            definition_substitutions=dict(definition_substitutions) if definition_substitutions else None,
            **definition_props,
        )
        resource.apply_removal_policy(removal_policy, default=RemovalPolicy.DESTROY)
        resource.node.add_dependency(self.role)  # type: ignore[arg-type]
        self.state_machine_name = self._get_resource_name_attribute(resource.attr_name)
        self.state_machine_arn = self._get_resource_arn_attribute(resource.ref, ArnComponents(
            service="states", resource="stateMachine", resource_name=self.physical_name,
            arn_format=ArnFormat.COLON_RESOURCE_NAME))
        self.state_machine_revision_id = resource.attr_state_machine_revision_id

    @property
    def grant_principal(self) -> iam.IPrincipal:
        """The principal the state machine runs as (its role)."""
        return self.role.grant_principal

    def add_to_role_policy(self, statement: iam.PolicyStatement) -> None:
        """Add `statement` to the role's policy."""
        self.role.add_to_principal_policy(statement)

    @staticmethod
    def from_state_machine_arn(scope: Construct, id: str, state_machine_arn: str) -> IStateMachine:
        """A state machine defined elsewhere, by ARN (`arn:aws:states:<region>:<account>:stateMachine:<name>`);
        its account and region come from the ARN."""
        parts = split_import_arn(scope, "state_machine_arn", state_machine_arn, ArnFormat.COLON_RESOURCE_NAME,
                                 _ARN_SHAPE, service="states")
        if parts.resource != "stateMachine" and not Token.is_unresolved(state_machine_arn):
            raise construct_error(scope, f"'state_machine_arn' must be an ARN like {_ARN_SHAPE}, got "
                                         f"{state_machine_arn!r}")
        return _ImportedStateMachine(scope, id, state_machine_arn)

    @staticmethod
    def from_state_machine_name(scope: Construct, id: str, state_machine_name: str) -> IStateMachine:
        """A state machine of this stack's account and region, by name."""
        name = require_str(scope, "state_machine_name", state_machine_name, "a state machine name (a non-empty string)")
        arn = Stack.of(scope).format_arn(service="states", resource="stateMachine",
                                         arn_format=ArnFormat.COLON_RESOURCE_NAME, resource_name=name)
        return _ImportedStateMachine(scope, id, arn)

    # --- helpers --------------------------------------------------------------------------------
    def _principal(self) -> iam.ServicePrincipal:
        stack = Stack.of(self)
        return iam.ServicePrincipal("states.amazonaws.com", conditions={
            "ArnLike": {"aws:SourceArn": stack.format_arn(service="states", resource="stateMachine",
                                                          resource_name="*",
                                                          arn_format=ArnFormat.COLON_RESOURCE_NAME)},
            "StringEquals": {"aws:SourceAccount": stack.account},
        })

    def _validate_name(self, name: str) -> None:
        if Token.is_unresolved(name):
            return
        if not 1 <= len(name) <= 80:
            raise construct_error(self, f"State Machine name must be between 1 and 80 characters. Received: {name}")
        if not _NAME.match(name):
            raise construct_error(self, f"State Machine name must match \"^[a-z0-9+!@.()-=_']+$/i\". Received: {name}")

    def _log_options(self, logs: Any) -> LogOptions | None:
        options = to_struct(LogOptions, logs, prop="logs", scope=self)
        if options is None:
            return None
        if not isinstance(options, LogOptions):
            raise construct_error(self, f"'logs' must be a sfn.LogOptions (or a dict with destination, level, "
                                        f"include_execution_data), got {logs!r}")
        check_enum(self, "logs.level", options.level, LogLevel)
        check_bool(self, "logs.include_execution_data", options.include_execution_data)
        if options.destination is not None and not hasattr(options.destination, "log_group_arn"):
            raise construct_error(self, f"'logs.destination' must be a log group (logs.LogGroup), "
                                        f"got {options.destination!r}")
        if options.level is not LogLevel.OFF and options.destination is None:
            raise construct_error(self, "Logs destination is required when level is not OFF.")
        return options

    def _logging_configuration(self, options: LogOptions) -> CfnStateMachine.LoggingConfigurationProperty:
        destinations = None
        if options.destination is not None:
            self.add_to_role_policy(iam.PolicyStatement(
                effect=iam.Effect.ALLOW, resources=["*"],
                actions=["logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery",
                         "logs:DeleteLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy",
                         "logs:DescribeResourcePolicies", "logs:DescribeLogGroups"]))
            destinations = [CfnStateMachine.LogDestinationProperty(
                cloud_watch_logs_log_group=CfnStateMachine.CloudWatchLogsLogGroupProperty(
                    log_group_arn=options.destination.log_group_arn))]
        return CfnStateMachine.LoggingConfigurationProperty(
            destinations=destinations, include_execution_data=options.include_execution_data,
            level=(options.level or LogLevel.ERROR).value)

    def _tracing_configuration(self, enabled: bool | None) -> CfnStateMachine.TracingConfigurationProperty | None:
        if enabled is None:
            return None
        if enabled:
            self.add_to_role_policy(iam.PolicyStatement(
                resources=["*"],
                actions=["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
                         "xray:GetSamplingTargets"]))
        return CfnStateMachine.TracingConfigurationProperty(enabled=enabled)
