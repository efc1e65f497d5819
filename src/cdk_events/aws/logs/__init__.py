"""cdk_events.aws.logs: CloudWatch Logs log groups (the `aws_cdk.aws_logs` counterpart)."""

from ._cfn import CfnLogGroup
from ._log_group import ILogGroup, LogGroup, LogGroupBase
from ._retention import RetentionDays

__all__ = ["CfnLogGroup", "ILogGroup", "LogGroup", "LogGroupBase", "RetentionDays"]

for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type) and _obj.__module__.startswith("cdk_events.aws.logs."):
        _obj.__module__ = "cdk_events.aws.logs"
del _name, _obj
