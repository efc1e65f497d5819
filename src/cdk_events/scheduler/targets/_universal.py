"""`Universal`: call any AWS API action (the universal target of EventBridge Scheduler)."""

from __future__ import annotations

from collections.abc import Sequence

from cdk_events.aws import iam
from cdk_events.aws.sqs import IQueue
from cdk_events.core import Annotations, Aws, Duration, UnscopedValidationError
from cdk_events.core._token_encoding import is_unresolved
from cdk_events.scheduler import ScheduleTargetInput
from cdk_events.targets._aws_api import iam_action

from ._base import ScheduleTargetBase, base_props

# read-only API actions EventBridge Scheduler refuses (the prefixes of the user guide's list)
NOT_SUPPORTED_ACTION_PREFIX = (
    "get", "describe", "list", "poll", "receive", "search", "scan", "query", "select", "read", "lookup", "discover",
    "validate", "batchGet", "batchDescribe", "batchRead", "transactGet", "adminGet", "adminList", "testMigration",
    "retrieve", "testConnection", "translateDocument", "isAuthorized", "invokeModel",
)
WILDCARD_WARNING = "@aws-cdk/aws-scheduler-targets:defaultWildcardResourcePolicy"


class Universal(ScheduleTargetBase):
    """Call `service`:`action` of the AWS SDK (mirrors `aws_scheduler_targets.Universal`). The role gets
    `policy_statements`, or by default one statement `<iam prefix>:<Action>` on `*` (with a warning)."""

    def __init__(self, *, action: str, service: str, policy_statements: Sequence[iam.PolicyStatement] | None = None,
                 dead_letter_queue: IQueue | None = None, input: ScheduleTargetInput | None = None,
                 max_event_age: Duration | None = None, retry_attempts: int | None = None,
                 role: iam.IRole | None = None) -> None:
        for prop, value in (("service", service), ("action", action)):
            if not isinstance(value, str):
                raise UnscopedValidationError(f"Universal: '{prop}' must be a string, got {value!r}")
        if not is_unresolved(service) and service != service.lower():
            raise UnscopedValidationError(f"API service must be lowercase, got: {service}")
        if not is_unresolved(action) and (not action or action[0] != action[0].lower()):
            raise UnscopedValidationError(f"API action must be camelCase, got: {action}")
        if not is_unresolved(action) and any(action.startswith(p) for p in NOT_SUPPORTED_ACTION_PREFIX):
            raise UnscopedValidationError(
                f"Read-only API action is not supported by EventBridge Scheduler: {service}:{action}")
        super().__init__(base_props(role, dead_letter_queue, input, max_event_age, retry_attempts),
                         f"arn:{Aws.PARTITION}:scheduler:::aws-sdk:{service}:{action}")
        self._service = service
        self._action = action
        self._statements = list(policy_statements or [])

    def _add_target_action_to_role(self, role: iam.IRole) -> None:
        if not self._statements:
            Annotations.of(role).add_warning_v2(  # type: ignore[arg-type]
                WILDCARD_WARNING,
                "Default policy with * for resources is used. Use custom policy for better security posture.")
            role.add_to_principal_policy(iam.PolicyStatement(actions=[iam_action(self._service, self._action)],
                                                             resources=["*"]))
            return
        for statement in self._statements:
            role.add_to_principal_policy(statement)
