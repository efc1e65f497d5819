"""The `CloudWatchLogGroup` target and `LogGroupTargetInput`.

aws-cdk-lib writes the log group's resource policy with a custom resource (a Lambda bundled in
aws-cdk-lib), one per rule. cdk-events uses the native `AWS::Logs::ResourcePolicy` instead, one per
log group and stack, shared by every rule that targets the log group.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, cast

import attrs

from .._input import EventField, RuleTargetInput, RuleTargetInputProperties
from .._target import RuleTargetConfig
from ..aws import iam
from ..core import ArnFormat, Construct, Duration, Names, Stack
from ..core._struct_methods import struct_methods
from ._checks import as_construct, check_common, require_resource, rule_error, rule_scope
from ._util import add_to_dead_letter_queue_resource_policy, bind_base_target_config

if TYPE_CHECKING:
    from .._rule_ref import IRule
    from ..aws.logs import ILogGroup
    from ..aws.sqs import IQueue

_TARGET = "CloudWatchLogGroup target"
_FORMAT = ("CloudWatchLogGroup targets only support input templates in the format "
           "{timestamp: <timestamp>, message: <message>}")
_PLACEHOLDER = re.compile(r"(<[^>]*?>)")


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class LogGroupTargetInputOptions:
    """The fields of a log record: `timestamp` (default `EventField.time`) and `message` (default
    `EventField.detail_type`; should be a string, a JSON object is logged wrongly)."""

    timestamp: Any = None
    message: Any = None


class LogGroupTargetInput:
    """The input of a `CloudWatchLogGroup` target (mirrors `aws_cdk.aws_events_targets.LogGroupTargetInput`)."""

    @staticmethod
    def from_object(*, timestamp: Any = None, message: Any = None) -> RuleTargetInput:
        """Deprecated (use `from_object_v2`): `{timestamp, message}` as a `RuleTargetInput`."""
        return RuleTargetInput.from_object(_record(timestamp, message))

    @staticmethod
    def from_object_v2(*, timestamp: Any = None, message: Any = None) -> LogGroupTargetInput:
        """`{timestamp, message}`; `EventField`s are substituted from the matched event."""
        return _ObjectInput(RuleTargetInput.from_object(_record(timestamp, message)))

    def bind(self, rule: Construct) -> RuleTargetInputProperties:
        """What this input renders to for `rule`."""
        raise NotImplementedError


def _record(timestamp: Any, message: Any) -> dict[str, Any]:
    return {"timestamp": timestamp if timestamp is not None else EventField.time,
            "message": message if message is not None else EventField.detail_type}


class _ObjectInput(LogGroupTargetInput):
    def __init__(self, inner: RuleTargetInput):
        self._inner = inner

    def bind(self, rule: Construct) -> RuleTargetInputProperties:
        return self._inner.bind(rule)


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class LogGroupProps:
    """Options of `CloudWatchLogGroup`: `event` (deprecated) or `log_event`, `install_latest_aws_sdk`
    (no effect in cdk-events), and the retry and dead-letter options of every target."""

    event: RuleTargetInput | None = None
    log_event: LogGroupTargetInput | None = None
    install_latest_aws_sdk: bool | None = None
    dead_letter_queue: IQueue | None = None
    retry_attempts: int | None = None
    max_event_age: Duration | None = None


class CloudWatchLogGroup:
    """Write matched events to a CloudWatch Logs log group (mirrors
    `aws_cdk.aws_events_targets.CloudWatchLogGroup`).

    `log_event` (or the deprecated `event`) must render `{"timestamp": ..., "message": ...}`;
    default: the whole event. EventBridge is allowed to write through one `AWS::Logs::ResourcePolicy`
    per log group and stack (`EventsLogGroupPolicy<log group id>`), shared by all rules targeting
    the log group. `install_latest_aws_sdk` is accepted for compatibility and has no effect (no
    custom resource is deployed).
    """

    def __init__(self, log_group: ILogGroup, *, event: RuleTargetInput | None = None,
                 log_event: LogGroupTargetInput | None = None, install_latest_aws_sdk: bool | None = None,
                 dead_letter_queue: IQueue | None = None, retry_attempts: int | None = None,
                 max_event_age: Duration | None = None):
        self.log_group = log_group
        self.props = LogGroupProps(event=event, log_event=log_event, install_latest_aws_sdk=install_latest_aws_sdk,
                                   dead_letter_queue=dead_letter_queue, retry_attempts=retry_attempts,
                                   max_event_age=max_event_age)

    def bind(self, rule: IRule, id: str | None = None) -> RuleTargetConfig:
        """Allow EventBridge to write to the log group (shared policy) and configure the target."""
        props = self.props
        log_group = self._check(rule)
        scope = rule_scope(rule)
        log_group_stack = Stack.of(as_construct(rule, "CloudWatchLogGroup", "log_group", log_group))
        if props.event is not None and props.log_event is not None:
            raise rule_error(rule, f'{_TARGET}: Only one of "event" or "logEvent" can be specified (got both '
                                   f"event and log_event for the log group {log_group.node.path}; pass "
                                   "log_event only)")
        bound = props.event.bind(scope) if props.event is not None else None
        if bound is not None and (bound.input_path or bound.input):
            raise rule_error(rule, f"{_TARGET}: CloudWatchLogGroup targets does not support input or "
                                   "inputPath ('event' renders "
                                   f"{'InputPath' if bound.input_path else 'a constant Input'}; pass "
                                   "log_event=targets.LogGroupTargetInput.from_object_v2(...) instead)")
        if bound is not None and bound.input_template is not None:
            rule.node.add_validation(_InputTemplateValidation(log_group, log_group_stack, bound.input_template))
        base = bind_base_target_config(rule, "CloudWatchLogGroup", dead_letter_queue=props.dead_letter_queue,
                                       max_event_age=props.max_event_age, retry_attempts=props.retry_attempts)
        policy = log_group_events_policy(log_group, log_group_stack)
        if Stack.of(policy) is Stack.of(scope):
            rule.node.add_dependency(policy)
        if props.dead_letter_queue is not None:
            add_to_dead_letter_queue_resource_policy(rule, props.dead_letter_queue)
        arn = log_group_stack.format_arn(service="logs", resource="log-group",
                                         arn_format=ArnFormat.COLON_RESOURCE_NAME,
                                         resource_name=log_group.log_group_name)
        # A LogGroupTargetInput is bound by the rule like a RuleTargetInput (it has the same `bind`).
        log_input = cast(RuleTargetInput | None, props.event if props.event is not None else props.log_event)
        return RuleTargetConfig(arn=arn, input=log_input, target_resource=log_group, **base)

    def _check(self, rule: IRule) -> ILogGroup:
        props = self.props
        log_group = require_resource(rule, "CloudWatchLogGroup", "log_group", self.log_group,
                                     ("log_group_arn", "log_group_name", "node"),
                                     "a logs.ILogGroup (logs.LogGroup(...) or logs.LogGroup.from_log_group_name(...))")
        check_common(rule, "CloudWatchLogGroup", dead_letter_queue=props.dead_letter_queue, input_prop="event",
                     input=props.event)
        if props.log_event is not None and not isinstance(props.log_event, (LogGroupTargetInput, RuleTargetInput)):
            raise rule_error(rule, f"{_TARGET}: 'log_event' must be a targets.LogGroupTargetInput "
                                   f"(targets.LogGroupTargetInput.from_object_v2(...)), got {props.log_event!r}")
        if props.install_latest_aws_sdk is not None and not isinstance(props.install_latest_aws_sdk, bool):
            raise rule_error(rule, f"{_TARGET}: 'install_latest_aws_sdk' must be True or False, "
                                   f"got {props.install_latest_aws_sdk!r}")
        return log_group


class _InputTemplateValidation:
    """At synthesis: the template must be a JSON object with exactly `timestamp` and `message`."""

    def __init__(self, log_group: ILogGroup, stack: Stack, template: str):
        self._log_group = log_group
        self._stack = stack
        self._template = template

    def validate(self) -> list[str]:
        resolved = self._stack.resolve(self._template)
        if not isinstance(resolved, str):
            return []
        try:
            parsed = json.loads(_PLACEHOLDER.sub(r'"\1"', resolved))
        except ValueError as error:
            return [f"Could not parse input template as JSON.\n{_FORMAT}", f"{error} (input template: {resolved})"]
        if not isinstance(parsed, dict) or sorted(parsed) != ["message", "timestamp"]:
            return [f"{_FORMAT} (got the input template {resolved} for the log group "
                    f"{self._log_group.node.path})"]
        return []


class LogGroupEventsPolicy(Construct):
    """`AWS::Logs::ResourcePolicy` letting `events.amazonaws.com` call `logs:PutLogEvents` and
    `logs:CreateLogStream` on one log group; its name is the construct's unique id."""

    def __init__(self, scope: Construct, id: str, log_group: ILogGroup):
        super().__init__(scope, id)
        from ..aws.logs._cfn_generated import CfnResourcePolicy

        document = iam.PolicyDocument(statements=[iam.PolicyStatement(
            effect=iam.Effect.ALLOW, actions=["logs:PutLogEvents", "logs:CreateLogStream"],
            resources=[log_group.log_group_arn], principals=[iam.ServicePrincipal("events.amazonaws.com")])])
        self.document = document
        self.resource = CfnResourcePolicy(self, "Resource", policy_name=Names.unique_id(self),
                                          policy_document=Stack.of(self).to_json_string(document))


def log_group_events_policy(log_group: ILogGroup, stack: Stack) -> LogGroupEventsPolicy:
    """The shared events policy of `log_group` (a child of `stack`, the log group's, created on first use)."""
    policy_id = f"EventsLogGroupPolicy{Names.node_unique_id(log_group.node)}"
    existing = stack.node.try_find_child(policy_id)
    if isinstance(existing, LogGroupEventsPolicy):
        return existing
    return LogGroupEventsPolicy(stack, policy_id, log_group)
