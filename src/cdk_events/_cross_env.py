"""Cross-account and cross-region targets, wired as the CDK v2 wires them: a bus target on the
target environment's default bus, an `EventBusPolicy-...` support stack, and a mirror rule."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._rule import MirrorRule, same_env_dimension
from ._schedule import Schedule
from ._target import RuleTargetConfig
from .core import App, Environment, Names, PhysicalName, Stack
from .core._errors import construct_error
from .core._token import is_unresolved

if TYPE_CHECKING:
    from ._rule import Rule
    from ._target import IRuleTarget


def add_cross_env_target(rule: Rule, target: IRuleTarget, config: RuleTargetConfig, target_id: str) -> bool:
    """Wire a target in another account or region; False when the target is in the rule's environment."""
    resource = config.target_resource
    assert resource is not None
    target_stack = Stack.of(resource)
    env = getattr(resource, "env", None)
    target_account = (getattr(env, "account", None) or target_stack.account)
    target_region = (getattr(env, "region", None) or target_stack.region)
    source_stack = Stack.of(rule)
    if target_account == source_stack.account and target_region == source_stack.region:
        return False  # the same account and region (or the same deploy-time values): the common case
    if rule._same_env_dimension_warn(source_stack.account, target_account) and \
            rule._same_env_dimension_warn(source_stack.region, target_region):
        return False
    if not target_account or is_unresolved(target_account):
        raise construct_error(rule, "You need to provide a concrete account for the target stack when using "
                                    "cross-account or cross-region events")
    if not target_region or is_unresolved(target_region):
        raise construct_error(rule, "You need to provide a concrete region for the target stack when using "
                                    "cross-account or cross-region events")
    if is_unresolved(source_stack.account):
        raise construct_error(rule, "You need to provide a concrete account for the source stack when using "
                                    "cross-account or cross-region events")
    source_app = rule.node.root
    if not isinstance(source_app, App):
        raise construct_error(rule, "Event stack which uses cross-account or cross-region targets must be part of "
                                    "a CDK app")
    target_app = resource.node.root
    if not isinstance(target_app, App):
        raise construct_error(rule, "Target stack which uses cross-account or cross-region event targets must be "
                                    "part of a CDK app")
    if source_app is not target_app:
        raise construct_error(rule, "Event stack and target stack must belong to the same CDK app")
    _ensure_bus_target(rule, source_app, target_stack, target_account, target_region, target_id)
    if not (same_env_dimension(target_stack.account, target_account)
            and same_env_dimension(target_stack.region, target_region)):
        raise construct_error(rule, "Cannot create a cross-account or cross-region rule for an imported resource "
                                    "(create a stack with the right environment for the imported resource)")
    MirrorRule(target_stack, f"{Names.unique_id(rule)}-{target_id}", rule, targets=[target],
               schedule=Schedule.expression(rule.schedule_expression) if rule.schedule_expression else None,
               description=rule.description)
    return True


def _ensure_bus_target(rule: Rule, app: App, target_stack: Stack, account: str, region: str, target_id: str) -> None:
    key = f"{account}:{region}"
    if key in rule._x_env_targets:
        return
    rule._x_env_targets.add(key)
    bus_arn = target_stack.format_arn(service="events", resource="event-bus", resource_name="default",
                                      region=region, account=account)
    source_stack = Stack.of(rule)
    role_arn = None
    if not same_env_dimension(region, source_stack.region):
        role_arn = _cross_region_role(rule, bus_arn).role_arn
    rule._add_bus_target(target_id, bus_arn, role_arn)
    source_account = source_stack.account
    if not same_env_dimension(source_account, account):
        stack_id = f"EventBusPolicy-{source_account}-{region}-{account}"
        policy_stack = app.node.try_find_child(stack_id)
        if not isinstance(policy_stack, Stack):
            policy_stack = Stack(app, stack_id, env=Environment(account=account, region=region),
                                 stack_name=f"{target_stack.stack_name}-EventBusPolicy-support-{region}-"
                                            f"{source_account}")
            prefix = f"Allow-account-{source_account}-"
            from ._cfn_generated import CfnEventBusPolicy

            CfnEventBusPolicy(policy_stack, "GivePermToOtherAccount", action="events:PutEvents",
                              statement_id=prefix + Names.unique_resource_name(rule, max_length=64 - len(prefix)),
                              principal=source_account)
        source_stack.add_dependency(policy_stack)


def _cross_region_role(rule: Rule, bus_arn: str) -> Any:
    from .aws import iam

    role: Any = rule.node.try_find_child("EventsRole")
    if role is None:
        role = iam.Role(rule, "EventsRole", role_name=PhysicalName.GENERATE_IF_NEEDED,
                        assumed_by=iam.ServicePrincipal("events.amazonaws.com"))
    role.add_to_principal_policy(iam.PolicyStatement(actions=["events:PutEvents"], resources=[bus_arn]))
    return role
