"""cdk_events.aws.sqs: the `aws_cdk.aws_sqs` counterpart of cdk-events."""
