"""cdk_events.aws.apigateway: the `aws_cdk.aws_apigateway` counterpart of cdk-events."""
