"""The `EventBus` target."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._cfn_generated import CfnRule
from .._target import RuleTargetConfig
from ..aws import iam
from ._checks import check_common, require_resource, rule_scope
from ._util import add_to_dead_letter_queue_resource_policy, singleton_event_role

if TYPE_CHECKING:
    from .. import IEventBus
    from .._rule_ref import IRule
    from ..aws.iam import IRole
    from ..aws.sqs import IQueue


class EventBus:
    """Send matched events to another event bus, in this or another account (mirrors
    `aws_cdk.aws_events_targets.EventBus`).

    `role` defaults to an `EventsRole` under the rule. Retry settings are not supported by
    EventBridge for bus targets, so there are none; `dead_letter_queue` defaults to none. The bus
    is reached by its ARN, never through the cross-account rule wiring.
    """

    def __init__(self, event_bus: IEventBus, *, role: IRole | None = None, dead_letter_queue: IQueue | None = None):
        self.event_bus = event_bus
        self.role = role
        self.dead_letter_queue = dead_letter_queue

    def bind(self, rule: IRule, id: str | None = None) -> RuleTargetConfig:
        """Let the role put events on the bus and configure the target."""
        bus = require_resource(rule, "EventBus", "event_bus", self.event_bus, ("event_bus_arn",),
                               "an event bus (events.EventBus(...) or events.EventBus.from_event_bus_arn(...))")
        check_common(rule, "EventBus", role=self.role, dead_letter_queue=self.dead_letter_queue)
        role = self.role if self.role is not None else singleton_event_role(rule_scope(rule))
        role.add_to_principal_policy(iam.PolicyStatement(actions=["events:PutEvents"],
                                                         resources=[bus.event_bus_arn]))
        dead_letter = None
        if self.dead_letter_queue is not None:
            add_to_dead_letter_queue_resource_policy(rule, self.dead_letter_queue)
            dead_letter = CfnRule.DeadLetterConfigProperty(arn=self.dead_letter_queue.queue_arn)
        return RuleTargetConfig(arn=bus.event_bus_arn, role=role, dead_letter_config=dead_letter)
