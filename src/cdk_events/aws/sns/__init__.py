"""cdk_events.aws.sns: the `aws_cdk.aws_sns` counterpart of cdk-events."""
