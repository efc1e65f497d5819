"""The `SfnStateMachine` target."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._target import RuleTargetConfig
from ..core import Construct, Duration
from ._checks import as_construct, check_common, require_resource
from ._util import add_to_dead_letter_queue_resource_policy, bind_base_target_config, singleton_event_role

if TYPE_CHECKING:
    from .._input import RuleTargetInput
    from .._rule_ref import IRule
    from ..aws.iam import IRole
    from ..aws.sfn import IStateMachine
    from ..aws.sqs import IQueue

_MACHINE_ATTRS = ("state_machine_arn", "grant_start_execution", "node")
_MACHINE = "a state machine (sfn.StateMachine.from_state_machine_arn(...))"
_ROLE_ATTRS = ("role_arn", "add_to_principal_policy")


class SfnStateMachine:
    """Start a Step Functions execution (mirrors `aws_cdk.aws_events_targets.SfnStateMachine`).

    `input` defaults to the whole event. The role (`role`, default an `EventsRole` under the state
    machine) gets `states:StartExecution` when the target is created, not when it is bound.
    `dead_letter_queue` defaults to none, `max_event_age` and `retry_attempts` to EventBridge's.
    A wrong `machine` or `role` is reported when the target is bound (with the rule's path).
    """

    def __init__(self, machine: IStateMachine, *, input: RuleTargetInput | None = None, role: IRole | None = None,
                 dead_letter_queue: IQueue | None = None, max_event_age: Duration | None = None,
                 retry_attempts: int | None = None):
        self.machine = machine
        self.input = input
        self.dead_letter_queue = dead_letter_queue
        self.max_event_age = max_event_age
        self.retry_attempts = retry_attempts
        self._given_role = role
        self.role: IRole | None = None
        if isinstance(machine, Construct) and all(hasattr(machine, a) for a in _MACHINE_ATTRS) and (
                role is None or all(hasattr(role, a) for a in _ROLE_ATTRS)):
            self.role = role if role is not None else singleton_event_role(machine)
            machine.grant_start_execution(self.role)

    def bind(self, rule: IRule, id: str | None = None) -> RuleTargetConfig:
        """Configure the target (the role was granted when the target was created)."""
        machine = require_resource(rule, "SfnStateMachine", "machine", self.machine, _MACHINE_ATTRS, _MACHINE)
        as_construct(rule, "SfnStateMachine", "machine", machine)
        check_common(rule, "SfnStateMachine", role=self._given_role, dead_letter_queue=self.dead_letter_queue,
                     input=self.input)
        base = bind_base_target_config(rule, "SfnStateMachine", dead_letter_queue=self.dead_letter_queue,
                                       max_event_age=self.max_event_age, retry_attempts=self.retry_attempts)
        if self.dead_letter_queue is not None:
            add_to_dead_letter_queue_resource_policy(rule, self.dead_letter_queue)
        return RuleTargetConfig(arn=machine.state_machine_arn, role=self.role, input=self.input,
                                target_resource=machine, **base)
