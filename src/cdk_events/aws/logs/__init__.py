"""cdk_events.aws.logs: CloudWatch Logs log groups (the `aws_cdk.aws_logs` counterpart)."""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._cfn_generated import CfnLogGroup
    from ._log_group import ILogGroup, LogGroup, LogGroupBase
    from ._retention import RetentionDays

__all__ = ["CfnLogGroup", "ILogGroup", "LogGroup", "LogGroupBase", "RetentionDays"]

lazy_exports(globals(), {
    "CfnLogGroup": "._cfn_generated",
    "ILogGroup": "._log_group",
    "LogGroup": "._log_group",
    "LogGroupBase": "._log_group",
    "RetentionDays": "._retention",
})
