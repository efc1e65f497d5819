"""cdk_events.aws.lambda_: Lambda functions with inline code (the `aws_cdk.aws_lambda` counterpart).

`Function` creates its execution role, its CDK-managed log group and its permissions as the CDK
does; `Code.from_inline` is the only code source offered.
"""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._cfn_generated import CfnFunction, CfnPermission
    from ._code import Code, CodeConfig, InlineCode
    from ._function import Function
    from ._function_base import FunctionBase, IFunction
    from ._runtime import Architecture, Runtime, RuntimeFamily

__all__ = ["Architecture", "CfnFunction", "CfnPermission", "Code", "CodeConfig", "Function", "FunctionBase",
           "IFunction", "InlineCode", "Runtime", "RuntimeFamily"]

lazy_exports(globals(), {
    "CfnFunction": "._cfn_generated",
    "CfnPermission": "._cfn_generated",
    "Code": "._code",
    "CodeConfig": "._code",
    "InlineCode": "._code",
    "Function": "._function",
    "FunctionBase": "._function_base",
    "IFunction": "._function_base",
    "Architecture": "._runtime",
    "Runtime": "._runtime",
    "RuntimeFamily": "._runtime",
})
