"""`IFunction` and the base shared by owned and imported functions: permissions and grants."""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

from cdk_events.core import (
    Annotations,
    ArnFormat,
    Construct,
    Names,
    Node,
    Resource,
    ResourceEnvironment,
    Stack,
    Token,
)

from ...core._checked import Name
from ...core._errors import construct_error
from .. import iam
from ._cfn_generated import CfnPermission
from ._runtime import Architecture

if TYPE_CHECKING:
    from cdk_events.core import Duration

    from ._destination import IDestination

_SUPPORTED_CONDITIONS = (("ArnLike", "aws:SourceArn"), ("StringEquals", "aws:SourceAccount"),
                         ("StringEquals", "aws:PrincipalOrgID"))


@runtime_checkable
class IFunction(Protocol):
    """A Lambda function, defined here or imported (mirrors `aws_cdk.aws_lambda.IFunction`)."""

    @property
    def function_arn(self) -> str: ...

    @property
    def function_name(self) -> str: ...

    @property
    def grant_principal(self) -> iam.IPrincipal: ...

    @property
    def role(self) -> iam.IRole | None: ...

    @property
    def permissions_node(self) -> Node: ...

    @property
    def can_create_permissions(self) -> bool: ...

    @property
    def node(self) -> Node: ...

    @property
    def env(self) -> ResourceEnvironment: ...

    def add_permission(self, id: str, *, principal: iam.IPrincipal, action: str | None = None,
                       source_arn: str | None = None, source_account: str | None = None,
                       event_source_token: str | None = None, function_url_auth_type: str | None = None,
                       organization_id: str | None = None, scope: Construct | None = None) -> None: ...

    def add_to_role_policy(self, statement: iam.PolicyStatement) -> None: ...

    def grant_invoke(self, grantee: iam.IGrantable) -> iam.Grant: ...

    def configure_async_invoke(self, *, max_event_age: Duration | None = None,
                               on_failure: IDestination | None = None, on_success: IDestination | None = None,
                               retry_attempts: int | None = None) -> None: ...


class _AliasName:
    """Lambda's limits on an alias name, a `Name` constraint whose pattern is compiled on first use (few
    apps name an alias: compiling it costs every app with a function)."""

    __slots__ = ("_name",)

    def __init__(self) -> None:
        self._name: Name | None = None

    def __call__(self, value: Any) -> None:
        name = self._name
        if name is None:
            name = self._name = Name(128, r"(?!^[0-9]+$)([a-zA-Z0-9-_]+)")
        name(value)


class FunctionBase(Resource):
    """What owned and imported functions share: resource-policy permissions and grants."""

    # Lambda's limits on an alias name (checked with the arguments, core._checked)
    _CHECKS: ClassVar[dict[str, Any]] = {"alias_name": _AliasName()}

    function_arn: str
    function_name: str
    architecture: Architecture = Architecture.X86_64
    _role: iam.IRole | None = None
    _grant_principal: iam.IPrincipal
    _can_create_permissions: bool = True
    _skip_permissions: bool = False

    def __init__(self, scope: Construct, id: str, **kwargs: Any):
        super().__init__(scope, id, **kwargs)
        self._invocation_grants: dict[str, iam.Grant] = {}

    @property
    def role(self) -> iam.IRole | None:
        """The execution role (None for a function imported without one)."""
        return self._role

    @property
    def grant_principal(self) -> iam.IPrincipal:
        """The principal the function runs as (its role)."""
        return self._grant_principal

    @property
    def permissions_node(self) -> Node:
        """The construct node where permissions are attached."""
        return self.node

    @property
    def can_create_permissions(self) -> bool:
        """Whether `add_permission` adds anything (False for a function imported from another
        environment)."""
        return self._can_create_permissions

    @property
    def resource_arns_for_grant_invoke(self) -> list[str]:
        """The ARNs `grant_invoke` grants on."""
        return [self.function_arn, f"{self.function_arn}:*"]

    # --- permissions -----------------------------------------------------------------------
    def add_permission(self, id: str, *, principal: iam.IPrincipal, action: str | None = None,
                       source_arn: str | None = None, source_account: str | None = None,
                       event_source_token: str | None = None, function_url_auth_type: str | None = None,
                       organization_id: str | None = None, scope: Construct | None = None) -> None:
        """Add an `AWS::Lambda::Permission` (child `id` of `scope`, default this function) letting
        `principal` (a service, an account, an ARN or an organization) call `action` (default
        `lambda:InvokeFunction`)."""
        if not self._can_create_permissions:
            if not self._skip_permissions:
                stack = Stack.of(self)
                Annotations.of(self).add_warning_v2(
                    "UnclearLambdaEnvironment",
                    f"addPermission() has no effect on a Lambda Function with region={self.env.region}, "
                    f"account={self.env.account}, in a Stack with region={stack.region}, account={stack.account}. "
                    "Suppress this warning if this is is intentional, or pass sameEnvironment=true to "
                    "fromFunctionAttributes() if you would like to add the permissions.")
            return
        self._consider_warning_on_invoke_permission(scope if scope is not None else self,
                                                    action or "lambda:InvokeFunction")
        principal_name = self._parse_permission_principal(principal)
        conditions = self._condition_values(principal)
        CfnPermission(
            scope if scope is not None else self, id,
            action=action or "lambda:InvokeFunction",
            principal=principal_name,
            function_name=self.function_arn,
            event_source_token=event_source_token,
            source_account=source_account or conditions.get("aws:SourceAccount"),
            source_arn=source_arn or conditions.get("aws:SourceArn"),
            principal_org_id=organization_id or conditions.get("aws:PrincipalOrgID"),
            function_url_auth_type=function_url_auth_type,
        )

    def _add_service_invoke_permission(self, scope: Construct, id: str, service: str, source_arn: str) -> None:
        """`add_permission(id, scope=scope, principal=iam.ServicePrincipal(service), source_arn=source_arn)`,
        for the library's own callers (a target adds one per rule): the same permission, without building and
        parsing a principal."""
        if not self._can_create_permissions:
            self.add_permission(id, scope=scope, principal=iam.ServicePrincipal(service), source_arn=source_arn)
            return
        # (`_consider_warning_on_invoke_permission` for lambda:InvokeFunction)
        if scope.node.try_find_child("CurrentVersion") is not None:
            warn_invoke_function_permissions(scope)
        else:
            self.__dict__["_warn_if_current_version_called"] = True
        CfnPermission(scope, id, action="lambda:InvokeFunction", principal=service, function_name=self.function_arn,
                      source_arn=source_arn)

    def _adds_permissions_plainly(self) -> bool:
        """True when no subclass overrides `add_permission` and the function has its ARN:
        `_add_service_invoke_permission` then makes what `add_permission` would."""
        return type(self).add_permission is FunctionBase.add_permission and "function_arn" in vars(self)

    def _node_unique_id(self) -> str:
        """`Names.node_unique_id(self.node)`, computed once (a construct's path never changes)."""
        unique_id: str | None = self.__dict__.get("_cached_node_unique_id")
        if unique_id is None:
            unique_id = self.__dict__["_cached_node_unique_id"] = Names.node_unique_id(self.node)
        return unique_id

    def add_to_role_policy(self, statement: iam.PolicyStatement) -> None:
        """Add a statement to the execution role's default policy (no-op without a role)."""
        if self._role is None:
            return
        self._role.add_to_principal_policy(statement)

    def grant_invoke(self, grantee: iam.IGrantable) -> iam.Grant:
        """Let `grantee` call `lambda:InvokeFunction`: on its policy, or as a permission on this
        function when it has no policy (a service, an account). Repeated calls are no-ops."""
        principal = grantee.grant_principal
        identifier = _invoke_identifier(
            {"principal": str(principal), "conditions": principal.policy_fragment.conditions})
        grant = self._invocation_grants.get(identifier)
        if grant is None:
            grant = iam.Grant.add_to_principal_or_resource(
                grantee=grantee, actions=["lambda:InvokeFunction"], resource_arns=self.resource_arns_for_grant_invoke,
                resource=_PermissionAdder(self, identifier, grantee))
            self._invocation_grants[identifier] = grant
        return grant

    def grant_invoke_version(self, grantee: iam.IGrantable, version: Any) -> iam.Grant:
        """Let `grantee` call `lambda:InvokeFunction` on one version of this function (`<arn>:<version>`,
        and the unqualified ARN for `$LATEST`). Repeated calls are no-ops."""
        principal = grantee.grant_principal
        identifier = _invoke_identifier(
            {"principal": str(principal), "conditions": principal.policy_fragment.conditions,
             "version": version.version})
        grant = self._invocation_grants.get(identifier)
        if grant is None:
            arns = [f"{self.function_arn}:{version.version}"]
            if version is self.latest_version:
                arns.append(self.function_arn)
            grant = iam.Grant.add_to_principal_or_resource(
                grantee=grantee, actions=["lambda:InvokeFunction"], resource_arns=arns,
                resource=_PermissionAdder(self, identifier, grantee))
            self._invocation_grants[identifier] = grant
        return grant

    def grant_invoke_latest_version(self, grantee: iam.IGrantable) -> iam.Grant:
        """Let `grantee` invoke the `$LATEST` (unqualified) version of this function."""
        return self.grant_invoke_version(grantee, self.latest_version)

    @property
    def latest_version(self) -> FunctionBase:
        """The `$LATEST` version of this function (child `$LATEST`; it cannot take permissions)."""
        latest: FunctionBase | None = self.__dict__.get("_latest_version")
        if latest is None:
            latest = self.__dict__["_latest_version"] = LatestVersion(self)
        return latest

    def configure_async_invoke(self, *, max_event_age: Duration | None = None,
                               on_failure: IDestination | None = None, on_success: IDestination | None = None,
                               retry_attempts: int | None = None) -> None:
        """Add the EventInvokeConfig (child `EventInvokeConfig`, once) of asynchronous invocations:
        retries (Lambda default 2), maximum event age (default 6 hours), destinations (default none)."""
        if self.node.try_find_child("EventInvokeConfig") is not None:
            raise construct_error(self, f"An EventInvokeConfig has already been configured for the "
                                        f"{self._async_invoke_subject()} at {self.node.path}")
        # lazy on purpose: the EventInvokeConfig and destinations load only for a function that has one
        from ._event_invoke_config import EventInvokeConfig

        EventInvokeConfig(self, "EventInvokeConfig", function=self._async_invoke_function(),
                          qualifier=self._async_invoke_qualifier(), max_event_age=max_event_age,
                          on_failure=on_failure, on_success=on_success, retry_attempts=retry_attempts)

    def _consider_warning_on_invoke_permission(self, scope: Construct, action: str) -> None:
        """Warn that invoke permissions on the unqualified function do not cover its versions and aliases
        (now if `current_version` exists, else once it is created)."""
        if action not in ("lambda:InvokeFunction", "lambda:*", "lambda:Invoke*"):
            return
        if scope.node.try_find_child("CurrentVersion") is not None:
            warn_invoke_function_permissions(scope)
        else:
            self.__dict__["_warn_if_current_version_called"] = True

    def _async_invoke_subject(self) -> str:
        return "function"

    def _async_invoke_function(self) -> IFunction:
        return self

    def _async_invoke_qualifier(self) -> str | None:
        return None

    def _is_stack_account(self) -> bool:
        stack = Stack.of(self)
        if Token.is_unresolved(stack.account) or Token.is_unresolved(self.function_arn):
            return False
        return stack.split_arn(self.function_arn, ArnFormat.SLASH_RESOURCE_NAME).account == stack.account

    # --- principals ------------------------------------------------------------------------
    def _parse_permission_principal(self, principal: Any) -> str:
        inner = getattr(principal, "_wrapped", principal)
        for attribute in ("account_id", "service", "arn"):
            value = getattr(inner, attribute, None)
            if isinstance(value, str):
                return value
        fragment = principal.policy_fragment
        string_equals = fragment.conditions.get("StringEquals")
        if len(fragment.conditions) == 1 and isinstance(string_equals, dict) and len(string_equals) == 1 \
                and "aws:PrincipalOrgID" in string_equals:
            return "*"
        aws = fragment.principal_json.get("AWS")
        if not fragment.conditions and aws:
            if isinstance(aws, str):
                return aws
            if isinstance(aws, list) and len(aws) == 1 and isinstance(aws[0], str):
                return aws[0]
        raise construct_error(
            self, f"Invalid principal type for Lambda permission statement: {type(principal).__name__}. "
                  "Supported: AccountPrincipal, ArnPrincipal, ServicePrincipal, OrganizationPrincipal")

    def _condition_values(self, principal: Any) -> dict[str, str]:
        conditions: dict[str, Any] = principal.policy_fragment.conditions
        if not conditions:
            return {}
        pairs = [(operator, key) for operator, values in conditions.items() for key in values]
        unsupported = [p for p in pairs if p not in _SUPPORTED_CONDITIONS]
        if unsupported:
            listed = json.dumps([{"operator": o, "key": k} for o, k in unsupported], separators=(",", ":"))
            supported = json.dumps([{"operator": o, "key": k} for o, k in _SUPPORTED_CONDITIONS],
                                   separators=(",", ":"))
            raise construct_error(
                self, f"PrincipalWithConditions had unsupported conditions for Lambda permission statement: "
                      f"{listed}. Supported operator/condition pairs: {supported}")
        found: dict[str, str] = {}
        for operator, key in pairs:
            value = conditions[operator][key]
            if isinstance(value, str) and value:
                found[key] = value
        if "aws:PrincipalOrgID" in found and ("aws:SourceArn" in found or "aws:SourceAccount" in found):
            raise construct_error(
                self, "PrincipalWithConditions had unsupported condition combinations for Lambda permission "
                      "statement: principalOrgID cannot be set with other conditions.")
        return found


def _invoke_identifier(grant: dict[str, Any]) -> str:
    """The id of the permission a grant adds: `Invoke` + the base64 SHA-256 of the grant's JSON."""
    # lazy on purpose: base64 (and binascii) load only for an app that grants an invocation
    import base64

    digest = hashlib.sha256(json.dumps(grant, separators=(",", ":"), default=str).encode()).digest()
    return "Invoke" + base64.b64encode(digest).decode()


class _PermissionAdder:
    """The resource `grant_invoke` hands to `Grant`: adding to its "resource policy" adds a Lambda
    permission to the function."""

    def __init__(self, function: FunctionBase, identifier: str, grantee: iam.IGrantable):
        self._function = function
        self._identifier = identifier
        self._grantee = grantee

    @property
    def env(self) -> ResourceEnvironment:
        return self._function.env

    def add_to_resource_policy(self, statement: iam.PolicyStatement) -> iam.AddToResourcePolicyResult:
        fn = self._function
        fn.add_permission(self._identifier, principal=self._grantee.grant_principal, action="lambda:InvokeFunction")
        node = fn.node.try_find_child(self._identifier)
        if node is None and not fn._skip_permissions:
            raise construct_error(
                fn, "Cannot modify permission to lambda function. Function is either imported or $LATEST version.\n"
                    "If the function is imported from the same account use `fromFunctionAttributes()` API with the "
                    "`sameEnvironment` flag.\n"
                    "If the function is imported from a different account and already has the correct permissions "
                    "use `fromFunctionAttributes()` API with the `skipPermissions` flag.")
        return iam.AddToResourcePolicyResult(statement_added=True, policy_dependable=node)


class LatestVersion(FunctionBase):
    """The `$LATEST` version of a function (`fn.latest_version`): ARN and name end in `:$LATEST`."""

    _can_create_permissions = False

    def __init__(self, lambda_: FunctionBase):
        super().__init__(lambda_, "$LATEST")
        self.lambda_ = lambda_
        self.version = "$LATEST"
        self.function_arn = f"{lambda_.function_arn}:$LATEST"
        self.function_name = f"{lambda_.function_name}:$LATEST"
        self.architecture = lambda_.architecture
        self._role = lambda_.role
        self._grant_principal = lambda_.grant_principal

    @property
    def resource_arns_for_grant_invoke(self) -> list[str]:
        """Only this version's ARN."""
        return [self.function_arn]


def warn_invoke_function_permissions(scope: Construct) -> None:
    """The CDK's warning about invoke permissions on a function whose versions or aliases are invoked."""
    Annotations.of(scope).add_warning_v2(
        "@aws-cdk/aws-lambda:addPermissionsToVersionOrAlias",
        "AWS Lambda has changed their authorization strategy, which may cause client invocations using the "
        "'Qualifier' parameter of the lambda function to fail with Access Denied errors.\n"
        "If you are using a lambda Version or Alias, make sure to call 'grantInvoke' or 'addPermission' on the "
        "Version or Alias, not the underlying Function\n"
        "See: https://github.com/aws/aws-cdk/issues/19273")
