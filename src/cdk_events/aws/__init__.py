"""cdk_events.aws: the AWS service modules cdk-events needs (IAM, SQS, SNS, Lambda, KMS, ...), each a
small pure-Python counterpart of the `aws_cdk.aws_<service>` module of the same name."""
