"""`HttpMethod`: the HTTP methods of API destinations and OAuth connections."""

from enum import Enum


class HttpMethod(Enum):
    """An HTTP method (mirrors `aws_cdk.aws_events.HttpMethod`)."""

    POST = "POST"
    GET = "GET"
    HEAD = "HEAD"
    OPTIONS = "OPTIONS"
    PUT = "PUT"
    PATCH = "PATCH"
    DELETE = "DELETE"
