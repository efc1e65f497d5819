"""The `BatchJob` target."""

from __future__ import annotations

from typing import Any

from .._input import RuleTargetInput
from .._target import RuleTargetConfig
from ..aws import iam
from ..core import Construct, Duration, Names, ValidationError
from ..core._errors import construct_error
from ..core._token import is_unresolved
from ._util import add_to_dead_letter_queue_resource_policy, bind_base_target_config, singleton_event_role

MAX_JOB_NAME_LENGTH = 128


class BatchJob:
    """Submit an AWS Batch job for matched events (mirrors `aws_cdk.aws_events_targets.BatchJob`).

    Typically `BatchJob(queue.job_queue_arn, queue, job_def.job_definition_arn, job_def)`. `event`
    defaults to the whole event; `size` (array jobs, 2..10,000) and `attempts` (1..10) default to
    unset; `job_name` defaults to a name generated from the rule's path (at most 128 characters).
    The events role lives under `job_definition_scope`.
    """

    def __init__(self, job_queue_arn: str, job_queue_scope: Construct, job_definition_arn: str,
                 job_definition_scope: Construct, *, event: RuleTargetInput | None = None, size: int | None = None,
                 attempts: int | None = None, job_name: str | None = None, dead_letter_queue: Any = None,
                 max_event_age: Duration | None = None, retry_attempts: int | None = None):
        for prop, value in (("job_queue_arn", job_queue_arn), ("job_definition_arn", job_definition_arn)):
            if not isinstance(value, str) or not value:
                raise ValidationError(f"BatchJob target: '{prop}' must be an ARN string, got {value!r}")
        for prop, scope in (("job_queue_scope", job_queue_scope), ("job_definition_scope", job_definition_scope)):
            if not isinstance(scope, Construct):
                raise ValidationError(f"BatchJob target: '{prop}' must be a construct (e.g. the imported job queue "
                                      f"or job definition), got {scope!r}")
        for prop, number in (("size", size), ("attempts", attempts)):
            if number is not None and (isinstance(number, bool) or not isinstance(number, (int, float))):
                raise ValidationError(f"BatchJob target: '{prop}' must be a whole number, got {number!r}")
        if event is not None and not isinstance(event, RuleTargetInput):
            raise ValidationError(f"BatchJob target: 'event' must be an events.RuleTargetInput (e.g. "
                                  f"RuleTargetInput.from_object({{...}})), got {event!r}")
        self.job_queue_arn = job_queue_arn
        self.job_queue_scope = job_queue_scope
        self.job_definition_arn = job_definition_arn
        self.job_definition_scope = job_definition_scope
        self.event = event
        self.size = size
        self.attempts = attempts
        self.job_name = job_name
        self.dead_letter_queue = dead_letter_queue
        self.max_event_age = max_event_age
        self.retry_attempts = retry_attempts

    def bind(self, rule: Any, id: str | None = None) -> RuleTargetConfig:
        """Grant the events role `batch:SubmitJob` on the queue and job definition and configure the target."""
        self._validate_job_name(rule)
        job_name = self.job_name if self.job_name is not None else Names.unique_resource_name(
            rule, max_length=MAX_JOB_NAME_LENGTH)
        batch_parameters = {
            "ArrayProperties": {"Size": self.size} if self.size else None,
            "JobDefinition": self.job_definition_arn,
            "JobName": job_name,
            "RetryStrategy": {"Attempts": self.attempts} if self.attempts else None,
        }
        base = bind_base_target_config(rule, "BatchJob", dead_letter_queue=self.dead_letter_queue,
                                       max_event_age=self.max_event_age, retry_attempts=self.retry_attempts)
        if self.dead_letter_queue is not None:
            add_to_dead_letter_queue_resource_policy(rule, self.dead_letter_queue)
        role = singleton_event_role(self.job_definition_scope)
        role.add_to_principal_policy(iam.PolicyStatement(
            actions=["batch:SubmitJob"], resources=[self.job_definition_arn, self.job_queue_arn]))
        return RuleTargetConfig(arn=self.job_queue_arn, role=role, input=self.event,
                                target_resource=self.job_queue_scope, batch_parameters=batch_parameters, **base)

    def _validate_job_name(self, rule: Any) -> None:
        name = self.job_name
        if name is None or is_unresolved(name):
            return
        if not isinstance(name, str):
            raise construct_error(rule, f"BatchJob target: 'job_name' must be a string, got {name!r}")
        if not 1 <= len(name) <= MAX_JOB_NAME_LENGTH:
            raise construct_error(rule, f"Invalid jobName value {name}, must have length between 1 and "
                                        f"{MAX_JOB_NAME_LENGTH}, got: {len(name)}")
