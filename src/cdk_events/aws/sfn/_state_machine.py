"""`StateMachine` imports: Step Functions state machines defined elsewhere, with their grants."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from cdk_events.core import ArnFormat, Construct, Node, Resource, ResourceEnvironment, Stack, Token

from ...core import ValidationError
from ...core._errors import construct_error
from ...core._import_checks import require_str, split_import_arn
from .. import iam

_ARN_SHAPE = "arn:<partition>:states:<region>:<account>:stateMachine:<name>"


@runtime_checkable
class IStateMachine(Protocol):
    """A Step Functions state machine (mirrors `aws_cdk.aws_stepfunctions.IStateMachine`)."""

    @property
    def state_machine_arn(self) -> str: ...

    @property
    def env(self) -> ResourceEnvironment: ...

    @property
    def node(self) -> Node: ...

    def grant_start_execution(self, identity: iam.IGrantable) -> iam.Grant: ...


class StateMachineBase(Resource):
    """What every state machine offers: its ARN and the grants on it."""

    state_machine_arn: str

    def grant(self, identity: iam.IGrantable, *actions: str) -> iam.Grant:
        """Grant `actions` on this state machine to `identity` (in its own policy)."""
        return iam.Grant.add_to_principal(grantee=identity, actions=list(actions),
                                          resource_arns=[self.state_machine_arn])

    def grant_start_execution(self, identity: iam.IGrantable) -> iam.Grant:
        """Grant `states:StartExecution` on this state machine."""
        return self.grant(identity, "states:StartExecution")

    def grant_start_sync_execution(self, identity: iam.IGrantable) -> iam.Grant:
        """Grant `states:StartSyncExecution` on this state machine."""
        return self.grant(identity, "states:StartSyncExecution")


class _ImportedStateMachine(StateMachineBase):
    def __init__(self, scope: Construct, id: str, state_machine_arn: str):
        super().__init__(scope, id, environment_from_arn=state_machine_arn)
        self.state_machine_arn = state_machine_arn

    @property
    def state_machine_name(self) -> str:
        """The name (last part of the ARN)."""
        return Stack.of(self).split_arn(self.state_machine_arn, ArnFormat.COLON_RESOURCE_NAME).resource_name or ""


class StateMachine(StateMachineBase):
    """A Step Functions state machine (mirrors `aws_cdk.aws_stepfunctions.StateMachine`).

    cdk-events only imports state machines: use `from_state_machine_arn` or `from_state_machine_name`.
    """

    def __init__(self, scope: Construct, id: str, **props: Any) -> None:
        raise ValidationError(
            f"[{scope.node.path}/{id}] cdk-events cannot define state machines; import one with "
            "sfn.StateMachine.from_state_machine_arn(...) or from_state_machine_name(...)")

    @staticmethod
    def from_state_machine_arn(scope: Construct, id: str, state_machine_arn: str) -> IStateMachine:
        """A state machine defined elsewhere, by ARN (`arn:aws:states:<region>:<account>:stateMachine:<name>`);
        its account and region come from the ARN."""
        parts = split_import_arn(scope, "state_machine_arn", state_machine_arn, ArnFormat.COLON_RESOURCE_NAME,
                                 _ARN_SHAPE, service="states")
        if parts.resource != "stateMachine" and not Token.is_unresolved(state_machine_arn):
            raise construct_error(scope, f"'state_machine_arn' must be an ARN like {_ARN_SHAPE}, got "
                                         f"{state_machine_arn!r}")
        return _ImportedStateMachine(scope, id, state_machine_arn)

    @staticmethod
    def from_state_machine_name(scope: Construct, id: str, state_machine_name: str) -> IStateMachine:
        """A state machine of this stack's account and region, by name."""
        name = require_str(scope, "state_machine_name", state_machine_name, "a state machine name (a non-empty string)")
        arn = Stack.of(scope).format_arn(service="states", resource="stateMachine",
                                         arn_format=ArnFormat.COLON_RESOURCE_NAME, resource_name=name)
        return _ImportedStateMachine(scope, id, arn)
