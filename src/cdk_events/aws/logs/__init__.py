"""cdk_events.aws.logs: the `aws_cdk.aws_logs` counterpart of cdk-events."""
