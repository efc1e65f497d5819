"""cdk_events.aws.kms: the `aws_cdk.aws_kms` counterpart of cdk-events."""
