"""cdk_events.aws.codecommit: the `aws_cdk.aws_codecommit` counterpart of cdk-events."""
