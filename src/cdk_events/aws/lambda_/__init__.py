"""cdk_events.aws.lambda_: Lambda functions with inline code (the `aws_cdk.aws_lambda` counterpart).

`Function` creates its execution role, its CDK-managed log group and its permissions as the CDK
does; `Code.from_inline` is the only code source offered.
"""

from ..._public import set_public_module
from ._cfn import CfnFunction, CfnPermission
from ._code import Code, CodeConfig, InlineCode
from ._function import Function
from ._function_base import FunctionBase, IFunction
from ._runtime import Architecture, Runtime, RuntimeFamily

__all__ = ["Architecture", "CfnFunction", "CfnPermission", "Code", "CodeConfig", "Function", "FunctionBase",
           "IFunction", "InlineCode", "Runtime", "RuntimeFamily"]

set_public_module(globals())
