"""cdk_events.aws.ec2: the `aws_cdk.aws_ec2` counterpart of cdk-events."""
