"""cdk_events.aws.lambda_: the `aws_cdk.aws_lambda` counterpart of cdk-events."""
