"""The `SfnStateMachine` target."""

from __future__ import annotations

from typing import Any

from .._input import RuleTargetInput
from .._target import RuleTargetConfig
from ..core import Construct, Duration, UnscopedValidationError
from ._checks import check_input, check_queue
from ._util import add_to_dead_letter_queue_resource_policy, bind_base_target_config, singleton_event_role


class SfnStateMachine:
    """Start a Step Functions execution (mirrors `aws_cdk.aws_events_targets.SfnStateMachine`).

    `input` defaults to the whole event. The role (`role`, default an `EventsRole` under the state
    machine) gets `states:StartExecution` when the target is created, not when it is bound.
    """

    def __init__(self, machine: Any, *, input: RuleTargetInput | None = None, role: Any = None,
                 dead_letter_queue: Any = None, max_event_age: Duration | None = None,
                 retry_attempts: int | None = None):
        if not (isinstance(machine, Construct) and hasattr(machine, "state_machine_arn")
                and hasattr(machine, "grant_start_execution")):
            raise UnscopedValidationError(
                "SfnStateMachine target: 'machine' must be a state machine "
                f"(sfn.StateMachine.from_state_machine_arn(...)), got {machine!r} (a {type(machine).__name__})")
        if role is not None and not (hasattr(role, "role_arn") and hasattr(role, "add_to_principal_policy")):
            raise UnscopedValidationError(
                f"[{machine.node.path}] SfnStateMachine target: 'role' must be an IAM role (iam.Role(...) or "
                f"iam.Role.from_role_arn(...)), got {role!r} (a {type(role).__name__})")
        self.machine = machine
        self.input = check_input("SfnStateMachine", "input", input)
        self.dead_letter_queue = dead_letter_queue
        self.max_event_age = max_event_age
        self.retry_attempts = retry_attempts
        self.role = role if role is not None else singleton_event_role(machine)
        machine.grant_start_execution(self.role)

    def bind(self, rule: Any, id: str | None = None) -> RuleTargetConfig:
        """Configure the target (the role was granted when the target was created)."""
        check_queue(rule, "SfnStateMachine", self.dead_letter_queue)
        base = bind_base_target_config(rule, "SfnStateMachine", dead_letter_queue=self.dead_letter_queue,
                                       max_event_age=self.max_event_age, retry_attempts=self.retry_attempts)
        if self.dead_letter_queue is not None:
            add_to_dead_letter_queue_resource_policy(rule, self.dead_letter_queue)
        return RuleTargetConfig(arn=self.machine.state_machine_arn, role=self.role, input=self.input,
                                target_resource=self.machine, **base)
