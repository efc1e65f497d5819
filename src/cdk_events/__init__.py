"""cdk-events: Amazon EventBridge constructs with the API of `aws_cdk.aws_events`, in pure Python."""

__version__ = "0.1.0"
