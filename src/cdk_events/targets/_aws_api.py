"""The `AwsApi` target: call an AWS API from a Lambda function when the rule matches.

aws-cdk-lib deploys a Node.js handler bundled inside aws-cdk-lib (an S3 asset); cdk-events deploys
its own small Python 3.12 / boto3 handler as inline code instead (see `_aws_api_handler`), with the
same construct ids, role, policy, permissions and rule input.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

import attrs

from .._input import RuleTargetInput
from .._target import RuleTargetConfig
from ..aws import iam, lambda_
from ..core import Annotations, Construct, Duration, Node, ResourceEnvironment, Stack
from ..core._struct_methods import struct_methods
from ._aws_api_handler import HANDLER_SOURCE
from ._aws_sdk_services import IAM_PREFIXES, sdk_service
from ._checks import rule_error, rule_scope
from ._util import add_lambda_permission

if TYPE_CHECKING:
    from .._rule_ref import IRule
    from ..aws.lambda_ import IFunction

HANDLER_UUID = "b4cf1abd-4e4f-4bc6-9944-1af7ccd9ec37"
HANDLER_PURPOSE = "AWS"
_TARGET = "AwsApi target"


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class AwsApiInput:
    """The call `AwsApi` makes (mirrors `aws_cdk.aws_events_targets.AwsApiInput`): `service`
    (`ECS`, `CloudWatchLogs`, `cloudwatch-logs`, ...), `action` (`updateService`), `parameters`
    (the API's request fields), `catch_error_pattern` (a regular expression; errors whose code
    matches are ignored), `api_version` (deprecated, ignored by the handler)."""

    service: str
    action: str
    parameters: Any = None
    catch_error_pattern: str | None = None
    api_version: str | None = None


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class AwsApiProps(AwsApiInput):
    """`AwsApiInput` plus `policy_statement`: the statement allowing the call (default
    `<iam prefix>:<Action>` on `*`)."""

    policy_statement: iam.PolicyStatement | None = None


class AwsApi:
    """Call an AWS API when the rule matches (mirrors `aws_cdk.aws_events_targets.AwsApi`).

    All `AwsApi` targets of a stack share one Lambda function (`AWSb4cf1abd4e4f4bc699441af7ccd9ec37`,
    Python 3.12, boto3, 60 s, 256 MB, inline code); each target adds its policy statement to the
    function's role and a permission for its rule. Unlike aws-cdk-lib, no asset is published.
    """

    def __init__(self, *, service: str, action: str, parameters: Any = None, catch_error_pattern: str | None = None,
                 api_version: str | None = None, policy_statement: iam.PolicyStatement | None = None):
        self.props = AwsApiProps(service=service, action=action, parameters=parameters,
                                 catch_error_pattern=catch_error_pattern, api_version=api_version,
                                 policy_statement=policy_statement)

    def bind(self, rule: IRule, id: str | None = None) -> RuleTargetConfig:
        """Create (or reuse) the stack's handler, grant the call, allow the rule to invoke it."""
        props = self.props
        _check_props(rule, props)
        scope = rule_scope(rule)
        function = _singleton_handler(Stack.of(scope))
        handler = _HandlerReference(scope, f"{rule.node.id}{id if id is not None else ''}Handler", function)
        if sdk_service(props.service) is None:
            Annotations.of(handler).add_warning_v2(
                f"@aws-cdk/aws-events-targets:{props.service}DoesNotExist",
                f"Service {props.service} does not exist in the AWS SDK. Check the list of available services and "
                "actions from https://docs.aws.amazon.com/AWSJavaScriptSDK/latest/index.html")
        if props.policy_statement is not None:
            handler.add_to_role_policy(props.policy_statement)
        else:
            handler.add_to_role_policy(iam.PolicyStatement(actions=[iam_action(props.service, props.action)],
                                                           resources=["*"]))
        add_lambda_permission(rule, cast("IFunction", handler))
        call: dict[str, Any] = {"service": props.service, "action": props.action, "parameters": props.parameters,
                                "catchErrorPattern": props.catch_error_pattern, "apiVersion": props.api_version}
        return RuleTargetConfig(arn=handler.function_arn,
                                input=RuleTargetInput.from_object({k: v for k, v in call.items() if v is not None}),
                                target_resource=handler)


def iam_action(service: str, action: str) -> str:
    """The IAM action of an SDK call: `<IAM prefix of the service>:<Action>` (`ECS`, `updateService`
    -> `ecs:UpdateService`); an unknown service is its own lower-case prefix; a snake_case action is
    written in PascalCase."""
    known = sdk_service(service)
    prefix = IAM_PREFIXES[known] if known is not None else service.lower()
    if "_" in action:
        name = "".join(part[:1].upper() + part[1:] for part in action.split("_"))
    else:
        name = action[:1].upper() + action[1:]
    return f"{prefix}:{name}"


def _check_props(rule: IRule, props: AwsApiProps) -> None:
    for prop, value in (("service", props.service), ("action", props.action)):
        if not isinstance(value, str) or not value:
            raise rule_error(rule, f"{_TARGET}: '{prop}' must be a non-empty string (e.g. service='ECS', "
                                   f"action='updateService'), got {value!r}")
    if props.parameters is not None and not isinstance(props.parameters, Mapping):
        raise rule_error(rule, f"{_TARGET}: 'parameters' must be a dict of the {props.action} request "
                               f"fields, got {props.parameters!r}")
    pattern = props.catch_error_pattern
    if pattern is not None:
        if not isinstance(pattern, str):
            raise rule_error(rule, f"{_TARGET}: 'catch_error_pattern' must be a regular expression string, "
                                   f"got {pattern!r}")
        try:
            re.compile(pattern)
        except re.error as error:
            raise rule_error(rule, f"{_TARGET}: 'catch_error_pattern' {pattern!r} is not a valid Python "
                                   f"regular expression ({error})") from None
    if props.api_version is not None and not isinstance(props.api_version, str):
        raise rule_error(rule, f"{_TARGET}: 'api_version' must be a string such as '2014-11-06', "
                               f"got {props.api_version!r}")
    statement = props.policy_statement
    if statement is not None and not callable(getattr(statement, "to_statement_json", None)):
        raise rule_error(rule, f"{_TARGET}: 'policy_statement' must be an iam.PolicyStatement, "
                               f"got {statement!r}")


def _singleton_handler(stack: Stack) -> lambda_.Function:
    """The stack's AwsApi handler function, created on first use."""
    construct_id = HANDLER_PURPOSE + HANDLER_UUID.replace("-", "")
    existing = stack.node.try_find_child(construct_id)
    if isinstance(existing, lambda_.Function):
        return existing
    return lambda_.Function(stack, construct_id, runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                            code=lambda_.Code.from_inline(HANDLER_SOURCE), timeout=Duration.seconds(60),
                            memory_size=256)


class _HandlerReference(Construct):
    """The stack's handler as seen from one target (a child of the rule, like the CDK's
    `SingletonFunction`): permissions and role statements go to the shared function."""

    def __init__(self, scope: Construct, id: str, function: lambda_.Function):
        super().__init__(scope, id)
        self._function = function
        self.function_arn: str = function.function_arn
        self.function_name: str = function.function_name

    @property
    def env(self) -> ResourceEnvironment:
        """The shared function's environment."""
        return self._function.env

    @property
    def permissions_node(self) -> Node:
        """Where permissions of the shared function live."""
        return self._function.node

    @property
    def role(self) -> iam.IRole | None:
        """The shared function's execution role."""
        return self._function.role

    @property
    def grant_principal(self) -> iam.IPrincipal:
        """The shared function's principal."""
        return self._function.grant_principal

    def add_permission(self, id: str, **kwargs: Any) -> None:
        """Add a permission to the shared function (child `id` of `scope`, default this reference)."""
        kwargs.setdefault("scope", self)
        self._function.add_permission(id, **kwargs)

    def add_to_role_policy(self, statement: iam.PolicyStatement) -> None:
        """Add `statement` to the shared function's role."""
        self._function.add_to_role_policy(statement)
