"""cdk_events.aws.kinesis: the `aws_cdk.aws_kinesis` counterpart of cdk-events."""
