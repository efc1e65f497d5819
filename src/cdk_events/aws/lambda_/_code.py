"""`Code`: the source of a function; cdk-events offers inline code only."""

from __future__ import annotations

from typing import Any, NoReturn

import attrs

from cdk_events.core import UnscopedValidationError


@attrs.frozen
class CodeConfig:
    """What a `Code` gives the function: here always the inline source."""

    inline_code: str


class Code:
    """The code of a Lambda function (mirrors `aws_cdk.aws_lambda.Code`).

    Only `Code.from_inline(source)` is offered: cdk-events does not build or upload assets.
    """

    def bind(self, scope: Any) -> CodeConfig:
        """The configuration the function renders."""
        raise NotImplementedError

    @staticmethod
    def from_inline(code: str) -> InlineCode:
        """Source code written into the template (`Code.ZipFile`)."""
        return InlineCode(code)

    @staticmethod
    def from_asset(*args: Any, **kwargs: Any) -> NoReturn:
        """Not offered (see `from_inline`)."""
        _only_inline("from_asset")

    @staticmethod
    def from_bucket(*args: Any, **kwargs: Any) -> NoReturn:
        """Not offered (see `from_inline`)."""
        _only_inline("from_bucket")

    @staticmethod
    def from_bucket_v2(*args: Any, **kwargs: Any) -> NoReturn:
        """Not offered (see `from_inline`)."""
        _only_inline("from_bucket_v2")

    @staticmethod
    def from_asset_image(*args: Any, **kwargs: Any) -> NoReturn:
        """Not offered (see `from_inline`)."""
        _only_inline("from_asset_image")

    @staticmethod
    def from_ecr_image(*args: Any, **kwargs: Any) -> NoReturn:
        """Not offered (see `from_inline`)."""
        _only_inline("from_ecr_image")

    @staticmethod
    def from_docker_build(*args: Any, **kwargs: Any) -> NoReturn:
        """Not offered (see `from_inline`)."""
        _only_inline("from_docker_build")

    @staticmethod
    def from_cfn_parameters(*args: Any, **kwargs: Any) -> NoReturn:
        """Not offered (see `from_inline`)."""
        _only_inline("from_cfn_parameters")


class InlineCode(Code):
    """Inline source code (at most what CloudFormation's `ZipFile` accepts)."""

    def __init__(self, code: str):
        if not isinstance(code, str):
            raise UnscopedValidationError(f"Code.from_inline: 'code' must be a string, got {code!r}")
        if len(code) == 0:
            raise UnscopedValidationError("Lambda inline code cannot be empty")
        self.code = code
        self.is_inline = True

    def bind(self, scope: Any) -> CodeConfig:
        """`CodeConfig(inline_code=<source>)`."""
        return CodeConfig(self.code)


def _only_inline(factory: str) -> NoReturn:
    raise UnscopedValidationError(
        f"Code.{factory} is not offered by cdk-events: only inline code is (Code.from_inline(source)), because "
        "cdk-events does not build or publish assets")
