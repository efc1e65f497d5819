"""Functions defined elsewhere: `Function.from_function_arn` / `from_function_name` /
`from_function_attributes`."""

from __future__ import annotations

from typing import cast

from cdk_events.core import Construct, Fn

from .. import iam
from ._function_base import FunctionBase
from ._runtime import Architecture


class _ImportedFunction(FunctionBase):
    def __init__(self, scope: Construct, id: str, *, function_arn: str, role: iam.IRole | None,
                 same_environment: bool | None, skip_permissions: bool, architecture: Architecture | None):
        super().__init__(scope, id, environment_from_arn=function_arn)
        self.function_arn = function_arn
        self.function_name = Fn.select(6, Fn.split(":", function_arn))
        self.architecture = architecture or Architecture.X86_64
        self._role = role
        self._grant_principal = cast(iam.IPrincipal, role) if role is not None else iam.UnknownPrincipal(resource=self)
        self._skip_permissions = skip_permissions
        self._can_create_permissions = (same_environment if same_environment is not None
                                        else self._is_stack_account())

