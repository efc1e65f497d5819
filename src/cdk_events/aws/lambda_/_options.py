"""The enumerations of function options: tracing, logging format and levels, recursive loops."""

from __future__ import annotations

from enum import Enum


class Tracing(Enum):
    """X-Ray tracing of a function (mirrors `aws_cdk.aws_lambda.Tracing`); the default is no
    `TracingConfig` (Lambda's PassThrough)."""

    ACTIVE = "Active"
    PASS_THROUGH = "PassThrough"
    DISABLED = "Disabled"


class LoggingFormat(Enum):
    """The format of the function's logs (default TEXT)."""

    TEXT = "Text"
    JSON = "JSON"


class ApplicationLogLevel(Enum):
    """The level of the application logs sent to CloudWatch (default INFO; needs JSON logs)."""

    INFO = "INFO"
    DEBUG = "DEBUG"
    WARN = "WARN"
    TRACE = "TRACE"
    ERROR = "ERROR"
    FATAL = "FATAL"


class SystemLogLevel(Enum):
    """The level of the Lambda system logs sent to CloudWatch (default INFO; needs JSON logs)."""

    INFO = "INFO"
    DEBUG = "DEBUG"
    WARN = "WARN"


class RecursiveLoop(Enum):
    """What Lambda does when it detects a recursive loop (default TERMINATE)."""

    ALLOW = "Allow"
    TERMINATE = "Terminate"
