"""Cross-account and cross-region targets, wired as the CDK v2 wires them: a bus target on the
target environment's default bus, an `EventBusPolicy-...` support stack, and (made by the rule) a mirror
rule in the target's stack."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from ._cfn_generated import CfnEventBusPolicy
from ._target import RuleTargetConfig
from .core import Annotations, App, Construct, Environment, Names, PhysicalName, Stack
from .core._errors import construct_error
from .core._same_env import same_env_dimension
from .core._struct_methods import struct_methods
from .core._token_encoding import is_unresolved

if TYPE_CHECKING:
    from .aws.iam import Role

UNRESOLVED_ENV_WARNING = "@aws-cdk/aws-events:ruleUnresolvedEnvironment"


@struct_methods
@attrs.frozen(slots=False, repr=False, eq=False)
class CrossEnvTarget:
    """A target found to be in another environment: the stack its mirror rule goes to, and the bus
    target to add to the source rule (None when the rule already sends to that environment's bus)."""

    target_stack: Stack
    bus_target: dict[str, Any] | None


def cross_env_target(rule: Construct, config: RuleTargetConfig, target_id: str,
                     wired_environments: set[str]) -> CrossEnvTarget | None:
    """How to reach a target in another account or region; None when it is in the rule's environment.

    `wired_environments` holds the `account:region` keys the rule already sends to (updated here).
    """
    assert config.target_resource is not None
    resource: Construct = config.target_resource  # type: ignore[assignment]  # owned and imported ones are constructs
    target_stack = Stack.of(resource)
    env = getattr(resource, "env", None)
    target_account = (getattr(env, "account", None) or target_stack.account)
    target_region = (getattr(env, "region", None) or target_stack.region)
    source_stack = Stack.of(rule)
    if target_account == source_stack.account and target_region == source_stack.region:
        return None  # the same account and region (or the same deploy-time values): the common case
    if _same_env_or_warn(rule, source_stack.account, target_account) and \
            _same_env_or_warn(rule, source_stack.region, target_region):
        return None
    _check_wirable(rule, resource, source_stack, target_account, target_region)
    bus_target = None
    key = f"{target_account}:{target_region}"
    if key not in wired_environments:
        wired_environments.add(key)
        bus_target = _bus_target(rule, target_stack, target_account, target_region, target_id)
    if not (_same_env_or_warn(rule, target_stack.account, target_account)
            and _same_env_or_warn(rule, target_stack.region, target_region)):
        raise construct_error(rule, "Cannot create a cross-account or cross-region rule for an imported resource "
                                    "(create a stack with the right environment for the imported resource)")
    return CrossEnvTarget(target_stack, bus_target)


def _same_env_or_warn(rule: Construct, a: str, b: str) -> bool:
    """The rule's own check (every decision of the cross-environment wiring uses it, as the CDK's rule
    does): one unresolved side counts as the same environment, with a warning."""
    if same_env_dimension(a, b):
        return True
    if same_env_dimension(a, b, one_unresolved=True):
        Annotations.of(rule).add_warning_v2(
            UNRESOLVED_ENV_WARNING,
            "Either the Event Rule or target has an unresolved environment. \n           If they are being used "
            "in a cross-environment setup you need to specify the environment for both.")
        return True
    return False


def _check_wirable(rule: Construct, resource: Construct, source_stack: Stack, target_account: str,
                   target_region: str) -> None:
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


def _bus_target(rule: Construct, target_stack: Stack, account: str, region: str,
                target_id: str) -> dict[str, Any]:
    """The target entry on the other environment's default bus, with the role a cross-region hop needs
    and the support stack whose bus policy lets the source account put events."""
    bus_arn = target_stack.format_arn(service="events", resource="event-bus", resource_name="default",
                                      region=region, account=account)
    source_stack = Stack.of(rule)
    role_arn = None
    if not _same_env_or_warn(rule, region, source_stack.region):
        role_arn = _cross_region_role(rule, bus_arn).role_arn
    source_account = source_stack.account
    if not _same_env_or_warn(rule, source_account, account):
        policy_stack = _support_stack(rule, target_stack, source_account, account, region)
        source_stack.add_dependency(policy_stack)
    return {"Arn": bus_arn, "Id": target_id, "RoleArn": role_arn}


def _support_stack(rule: Construct, target_stack: Stack, source_account: str, account: str, region: str) -> Stack:
    """The `EventBusPolicy-...` stack that lets `source_account` put events on the target's default bus."""
    app = rule.node.root
    stack_id = f"EventBusPolicy-{source_account}-{region}-{account}"
    policy_stack = app.node.try_find_child(stack_id)
    if isinstance(policy_stack, Stack):
        return policy_stack
    policy_stack = Stack(app, stack_id, env=Environment(account=account, region=region),
                         stack_name=f"{target_stack.stack_name}-EventBusPolicy-support-{region}-{source_account}")
    prefix = f"Allow-account-{source_account}-"
    CfnEventBusPolicy(policy_stack, "GivePermToOtherAccount", action="events:PutEvents",
                      statement_id=prefix + Names.unique_resource_name(rule, max_length=64 - len(prefix)),
                      principal=source_account)
    return policy_stack


def _cross_region_role(rule: Construct, bus_arn: str) -> Role:
    # iam is loaded only when a cross-region target needs a role (most apps never import it through rules)
    from .aws import iam

    role = rule.node.try_find_child("EventsRole")
    if not isinstance(role, iam.Role):
        role = iam.Role(rule, "EventsRole", role_name=PhysicalName.GENERATE_IF_NEEDED,
                        assumed_by=iam.ServicePrincipal("events.amazonaws.com"))
    role.add_to_principal_policy(iam.PolicyStatement(actions=["events:PutEvents"], resources=[bus_arn]))
    return role
