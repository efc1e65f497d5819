"""cdk_events.aws.logs: CloudWatch Logs log groups (the `aws_cdk.aws_logs` counterpart)."""

from ..._public import set_public_module
from ._cfn import CfnLogGroup
from ._log_group import ILogGroup, LogGroup, LogGroupBase
from ._retention import RetentionDays

__all__ = ["CfnLogGroup", "ILogGroup", "LogGroup", "LogGroupBase", "RetentionDays"]

set_public_module(globals())
