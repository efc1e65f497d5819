"""`LogGroup`: a CloudWatch Logs log group, and `ILogGroup` for log groups defined elsewhere."""

from __future__ import annotations

import re
from typing import Any, Protocol, runtime_checkable

from cdk_events.core import (
    ArnComponents,
    ArnFormat,
    Construct,
    Node,
    RemovalPolicy,
    Resource,
    ResourceEnvironment,
    Stack,
    Token,
    ValidationError,
)

from ...core._errors import construct_error
from ...core._prop_checks import check_enum, check_str
from .. import iam
from ._cfn_generated import CfnLogGroup
from ._retention import RetentionDays

_NAME = re.compile(r"^[.\-_/#A-Za-z0-9]{1,512}\Z")


@runtime_checkable
class ILogGroup(Protocol):
    """A log group, defined here or imported (mirrors `aws_cdk.aws_logs.ILogGroup`)."""

    @property
    def log_group_arn(self) -> str: ...

    @property
    def log_group_name(self) -> str: ...

    @property
    def node(self) -> Node: ...

    @property
    def env(self) -> ResourceEnvironment: ...

    def grant_write(self, grantee: iam.IGrantable) -> iam.Grant: ...

    def grant(self, grantee: iam.IGrantable, *actions: str) -> iam.Grant: ...


class LogGroupBase(Resource):
    """What owned and imported log groups share: the grants."""

    log_group_arn: str
    log_group_name: str

    def add_to_resource_policy(self, statement: iam.PolicyStatement) -> iam.AddToResourcePolicyResult:
        """Log-group resource policies are not offered: the statement is not added."""
        return iam.AddToResourcePolicyResult(statement_added=False)

    def grant(self, grantee: iam.IGrantable, *actions: str) -> iam.Grant:
        """Grant `actions` on this log group to the principal's policy."""
        return iam.Grant.add_to_principal_or_resource(
            grantee=grantee, actions=actions, resource_arns=[self.log_group_arn], resource=self)

    def grant_write(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant `logs:CreateLogStream` and `logs:PutLogEvents`."""
        return self.grant(grantee, "logs:CreateLogStream", "logs:PutLogEvents")

    def grant_read(self, grantee: iam.IGrantable) -> iam.Grant:
        """Grant the read actions (`logs:FilterLogEvents`, `logs:GetLogEvents`, ...)."""
        return self.grant(grantee, "logs:FilterLogEvents", "logs:GetLogEvents", "logs:GetLogGroupFields",
                          "logs:DescribeLogGroups", "logs:DescribeLogStreams")


class LogGroup(LogGroupBase):
    """A CloudWatch Logs log group (mirrors `aws_cdk.aws_logs.LogGroup`).

    `log_group_name` defaults to a CloudFormation-generated name; `retention` to
    `RetentionDays.TWO_YEARS` (`INFINITE`: no `RetentionInDays`); `removal_policy` to RETAIN;
    `encryption_key` to none.
    """

    def __init__(self, scope: Construct, id: str, *, log_group_name: str | None = None,
                 retention: RetentionDays | None = None, removal_policy: RemovalPolicy | None = None,
                 encryption_key: Any = None):
        super().__init__(scope, id, physical_name=log_group_name)
        check_str(self, "log_group_name", log_group_name)
        if log_group_name is not None and not Token.is_unresolved(log_group_name) and not _NAME.match(log_group_name):
            raise construct_error(
                self, f"Invalid log_group_name '{log_group_name}': a log group name has 1 to 512 characters out of "
                      "a-z, A-Z, 0-9, '.', '-', '_', '/', '#'")
        check_enum(self, "retention", retention, RetentionDays)
        check_enum(self, "removal_policy", removal_policy, RemovalPolicy)
        if encryption_key is not None and not hasattr(encryption_key, "key_arn"):
            raise construct_error(self, f"'encryption_key' must be a kms.IKey (a kms.Key or an imported key), "
                                        f"got {encryption_key!r}")
        retention = retention if retention is not None else RetentionDays.TWO_YEARS
        retention_days = None if retention is RetentionDays.INFINITE else retention.value
        resource = CfnLogGroup(
            self, "Resource",
            kms_key_id=encryption_key.key_arn if encryption_key is not None else None,
            log_group_name=self.physical_name,
            retention_in_days=retention_days,
        )
        resource.apply_removal_policy(removal_policy)
        self.encryption_key = encryption_key
        self.log_group_arn = self._get_resource_arn_attribute(resource.attr_arn, ArnComponents(
            service="logs", resource="log-group", resource_name=self.physical_name,
            arn_format=ArnFormat.COLON_RESOURCE_NAME))
        self.log_group_name = self._get_resource_name_attribute(resource.ref)

    @staticmethod
    def from_log_group_arn(scope: Construct, id: str, log_group_arn: str) -> ILogGroup:
        """A log group defined elsewhere, by ARN (with or without the trailing `:*`)."""
        if not isinstance(log_group_arn, str):
            raise ValidationError(f"LogGroup.from_log_group_arn: 'log_group_arn' must be a string, "
                                  f"got {log_group_arn!r}")
        base = log_group_arn[:-2] if log_group_arn.endswith(":*") else log_group_arn
        name = Stack.of(scope).split_arn(base, ArnFormat.COLON_RESOURCE_NAME).resource_name or ""
        return _ImportedLogGroup(scope, id, f"{base}:*", name, environment_from_arn=base)

    @staticmethod
    def from_log_group_name(scope: Construct, id: str, log_group_name: str) -> ILogGroup:
        """A log group of this stack's account and region, by name."""
        if not isinstance(log_group_name, str):
            raise ValidationError(f"LogGroup.from_log_group_name: 'log_group_name' must be a string, "
                                  f"got {log_group_name!r}")
        base = log_group_name[:-2] if log_group_name.endswith(":*") else log_group_name
        arn = Stack.of(scope).format_arn(service="logs", resource="log-group",
                                         arn_format=ArnFormat.COLON_RESOURCE_NAME, resource_name=base + ":*")
        return _ImportedLogGroup(scope, id, arn, base)


class _ImportedLogGroup(LogGroupBase):
    def __init__(self, scope: Construct, id: str, arn: str, name: str, **kwargs: Any):
        super().__init__(scope, id, **kwargs)
        self.log_group_arn = arn
        self.log_group_name = name
