"""The `BatchJob` target."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._cfn_generated import CfnRule
from .._target import RuleTargetConfig
from ..aws import iam
from ..core import Construct, Duration, IConstruct, Names
from ..core._token_encoding import is_unresolved
from ._checks import check_common, describe, rule_error, rule_scope
from ._util import add_to_dead_letter_queue_resource_policy, bind_base_target_config, singleton_event_role

if TYPE_CHECKING:
    from .._input import RuleTargetInput
    from .._rule_ref import IRule
    from ..aws.sqs import IQueue

MAX_JOB_NAME_LENGTH = 128


class BatchJob:
    """Submit an AWS Batch job for matched events (mirrors `aws_cdk.aws_events_targets.BatchJob`).

    Typically `BatchJob(queue.job_queue_arn, queue, job_def.job_definition_arn, job_def)`. `event`
    defaults to the whole event; `size` (array jobs, 2..10,000) and `attempts` (1..10) default to
    unset; `job_name` defaults to a name generated from the rule's path (at most 128 characters).
    The events role lives under `job_definition_scope`.
    """

    def __init__(self, job_queue_arn: str, job_queue_scope: IConstruct, job_definition_arn: str,
                 job_definition_scope: IConstruct, *, event: RuleTargetInput | None = None, size: int | None = None,
                 attempts: int | None = None, job_name: str | None = None, dead_letter_queue: IQueue | None = None,
                 max_event_age: Duration | None = None, retry_attempts: int | None = None):
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

    def bind(self, rule: IRule, id: str | None = None) -> RuleTargetConfig:
        """Grant the events role `batch:SubmitJob` on the queue and job definition and configure the target."""
        job_definition_scope = self._check(rule)
        self._validate_job_name(rule)
        job_name = self.job_name if self.job_name is not None else Names.unique_resource_name(
            rule_scope(rule), max_length=MAX_JOB_NAME_LENGTH)
        batch_parameters = CfnRule.BatchParametersProperty(
            array_properties=CfnRule.BatchArrayPropertiesProperty(size=self.size) if self.size else None,
            job_definition=self.job_definition_arn, job_name=job_name,
            retry_strategy=CfnRule.BatchRetryStrategyProperty(attempts=self.attempts) if self.attempts else None)
        base = bind_base_target_config(rule, "BatchJob", dead_letter_queue=self.dead_letter_queue,
                                       max_event_age=self.max_event_age, retry_attempts=self.retry_attempts)
        if self.dead_letter_queue is not None:
            add_to_dead_letter_queue_resource_policy(rule, self.dead_letter_queue)
        role = singleton_event_role(job_definition_scope)
        role.add_to_principal_policy(iam.PolicyStatement(
            actions=["batch:SubmitJob"], resources=[self.job_definition_arn, self.job_queue_arn]))
        return RuleTargetConfig(arn=self.job_queue_arn, role=role, input=self.event,
                                target_resource=self.job_queue_scope, batch_parameters=batch_parameters, **base)

    def _check(self, rule: IRule) -> Construct:
        """The ARNs, scopes, numbers, dead-letter queue and input; returns the job definition's scope."""
        for prop, value in (("job_queue_arn", self.job_queue_arn), ("job_definition_arn", self.job_definition_arn)):
            if not isinstance(value, str) or not value:
                raise rule_error(rule, f"BatchJob target: '{prop}' must be an ARN string, got {describe(value)}")
        scopes = []
        for prop, scope in (("job_queue_scope", self.job_queue_scope),
                            ("job_definition_scope", self.job_definition_scope)):
            if not isinstance(scope, Construct):
                raise rule_error(rule, f"BatchJob target: '{prop}' must be a construct (e.g. the imported job queue "
                                       f"or job definition), got {describe(scope)}")
            scopes.append(scope)
        for prop, number in (("size", self.size), ("attempts", self.attempts)):
            if number is not None and (isinstance(number, bool) or not isinstance(number, (int, float))):
                raise rule_error(rule, f"BatchJob target: '{prop}' must be a whole number, got {describe(number)}")
        check_common(rule, "BatchJob", dead_letter_queue=self.dead_letter_queue, input_prop="event", input=self.event)
        return scopes[1]

    def _validate_job_name(self, rule: IRule) -> None:
        name = self.job_name
        if name is None or is_unresolved(name):
            return
        if not isinstance(name, str):
            raise rule_error(rule, f"BatchJob target: 'job_name' must be a string, got {name!r}")
        if not 1 <= len(name) <= MAX_JOB_NAME_LENGTH:
            raise rule_error(rule, f"Invalid jobName value {name}, must have length between 1 and "
                                   f"{MAX_JOB_NAME_LENGTH}, got: {len(name)}")
